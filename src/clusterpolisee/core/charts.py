"""Small SVG charts drawn on the server: no script, readable by screen readers.

Each chart is an ``<svg role="img">`` with a title and a description; the page puts the same
figures in a table beside it. Series differ by dash pattern and marker as well as by colour, so
colour is never the only cue (WCAG 1.4.1). Colours keep 4.5:1 against white.
"""

from html import escape


COLOURS = ("#00628f", "#a4161a", "#2b6a2e", "#6a3d9a", "#8a4b00", "#3f4a55")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")


def _svg(chart_id, title, description, width, height, body):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="indicator-chart" role="img" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>{body}</svg>'
    )


def bar_chart(chart_id, title, rows, description="", width=720, label_width=340):
    """Horizontal bars: rows of (label, value, target or None); a target is a dark tick."""
    bar_height, gap = 22, 10
    height = len(rows) * (bar_height + gap) + gap
    scale_max = max([1] + [max(value, target or 0) for _label, value, target in rows])
    room = width - label_width - 60
    parts = []
    for number, (label, value, target) in enumerate(rows):
        y = gap + number * (bar_height + gap)
        length = room * value / scale_max
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" font-size="13" '
            f'fill="#212529">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{COLOURS[0]}" />'
            f'<text x="{label_width + length + 6:.1f}" y="{y + 16}" font-size="13" '
            f'fill="#212529">{value}</text>'
        )
        if target:
            x = label_width + room * target / scale_max
            parts.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y - 3}" y2="{y + bar_height + 3}" '
                f'stroke="#212529" stroke-width="3" />'
            )
    return _svg(chart_id, title, description, width, height, "".join(parts))


def line_chart(chart_id, title, series, description="", width=640, height=260):
    """Lines over time: series is [(name, [(period, value)])], periods sortable strings."""
    periods = sorted({period for _name, points in series for period, _value in points})
    left, right, top, bottom = 44, 16, 12, 48
    if not periods:
        return _svg(chart_id, title, description, width, 40, "")
    top_value = max([1] + [value for _name, points in series for _period, value in points])
    span_x = (width - left - right) / max(1, len(periods) - 1)
    span_y = height - top - bottom

    def point(period, value):
        x = (
            left + periods.index(period) * span_x
            if len(periods) > 1
            else left + (width - left - right) / 2
        )
        return x, top + span_y - span_y * value / top_value

    parts = [
        f'<line x1="{left}" x2="{width - right}" y1="{top + span_y}" y2="{top + span_y}" stroke="#495057" />',
        f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + span_y}" stroke="#495057" />',
        f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" font-size="12" fill="#212529">{top_value}</text>',
        f'<text x="{left - 6}" y="{top + span_y}" text-anchor="end" font-size="12" fill="#212529">0</text>',
    ]
    step = max(1, len(periods) // 8)
    for number, period in enumerate(periods):
        if number % step == 0 or number == len(periods) - 1:
            x, _y = point(period, 0)
            parts.append(
                f'<text x="{x:.1f}" y="{top + span_y + 18}" text-anchor="middle" font-size="12" '
                f'fill="#212529">{escape(period)}</text>'
            )
    for number, (name, points) in enumerate(series):
        colour, dash = COLOURS[number % len(COLOURS)], DASHES[number % len(DASHES)]
        coordinates = [point(period, value) for period, value in points]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
        dash_attribute = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attribute}>'
            f"<title>{escape(name)}</title></polyline>"
        )
        for x, y in coordinates:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}" />')
    return _svg(chart_id, title, description, width, height, "".join(parts))


def legend(series):
    """The lines' names with their colour and dash, as HTML beside the chart."""
    items = []
    for number, name in enumerate(series):
        colour, dash = COLOURS[number % len(COLOURS)], DASHES[number % len(DASHES)]
        dash_attribute = f' stroke-dasharray="{dash}"' if dash else ""
        items.append(
            '<li class="list-inline-item">'
            f'<svg width="36" height="10" aria-hidden="true"><line x1="0" x2="36" y1="5" y2="5" '
            f'stroke="{colour}" stroke-width="3"{dash_attribute} /></svg> {escape(name)}</li>'
        )
    return '<ul class="list-inline indicator-legend">' + "".join(items) + "</ul>"
