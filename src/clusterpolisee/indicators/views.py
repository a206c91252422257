"""The indicators dashboard, its CSV export and the coordinator's targets (indicators.py)."""

from clusterpolisee import _
from clusterpolisee.core import charts
from clusterpolisee.core import csvsafe
from clusterpolisee.indicators.report import DETAIL_PERMISSION
from clusterpolisee.indicators.report import indicator_data
from clusterpolisee.indicators.report import INDICATORS
from clusterpolisee.indicators.report import targets
from clusterpolisee.indicators.report import TARGETS_RECORD
from plone import api
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate
import io


MAX_TARGET = 1_000_000


class IndicatorsView(BrowserView):
    """``@@indicators``: every indicator with its target, charts and breakdowns."""

    def __call__(self):
        self.detail = bool(api.user.has_permission(DETAIL_PERMISSION, obj=self.context))
        return self.index()

    @memoize
    def indicators(self):
        return indicator_data(self.context, self.request, self.detail)

    def can_set_targets(self):
        return bool(
            api.user.has_permission("clusterpolisee: Manage indicator targets", obj=self.context)
        )

    def _text(self, message):
        return translate(message, context=self.request)

    def progress_chart(self):
        rows = [(row["title"], row["value"], row["target"]) for row in self.indicators()]
        return charts.bar_chart(
            "indicator-progress",
            self._text(_("Indicators and their targets")),
            rows,
            self._text(_("Each bar is an indicator's count; a dark mark shows its target.")),
        )

    def _lines(self):
        return [
            (row["title"], [(point["quarter"], point["total"]) for point in row["series"]])
            for row in self.indicators()
            if row["series"]
            and row["id"] in ("best-practices", "pilot-actions", "guidance", "networks")
        ]

    def growth_chart(self):
        return charts.line_chart(
            "indicator-growth",
            self._text(_("Growth over time")),
            self._lines(),
            self._text(_("Items counted up to the end of each quarter.")),
        )

    def growth_legend(self):
        return charts.legend([name for name, _points in self._lines()])

    def growth_rows(self):
        """The line chart's figures as a table: one row per quarter, one column per line."""
        lines = self._lines()
        quarters = sorted({quarter for _name, points in lines for quarter, _value in points})
        table = []
        for quarter in quarters:
            cells = []
            for _name, points in lines:
                values = [value for point, value in points if point <= quarter]
                cells.append(values[-1] if values else 0)
            table.append({"quarter": quarter, "cells": cells})
        return {"names": [name for name, _points in lines], "rows": table}

    def small_multiples(self):
        """One small chart per central topic: the content indicators on that topic."""
        topic_rows = {}
        for row in self.indicators():
            for breakdown in row["breakdowns"]:
                if breakdown["index"] == "topics":
                    for value in breakdown["rows"]:
                        topic_rows.setdefault((value["value"], value["title"]), []).append(
                            (row["title"], value["count"], None)
                        )
        return [
            {
                "title": title,
                "chart": charts.bar_chart(
                    f"indicator-topic-{topic}", title, rows, width=560, label_width=340
                ),
            }
            for (topic, title), rows in sorted(topic_rows.items(), key=lambda item: item[0][1])
        ]


class IndicatorsCSV(BrowserView):
    """``@@indicators.csv``: one row per figure, as the viewer may see the indicators."""

    def __call__(self):
        detail = bool(api.user.has_permission(DETAIL_PERMISSION, obj=self.context))
        output = io.StringIO()
        writer = csvsafe.writer(output)
        writer.writerow(["indicator", "title", "breakdown", "value", "count"])
        for row in indicator_data(self.context, self.request, detail):
            writer.writerow([row["id"], row["title"], "total", "", row["value"]])
            writer.writerow([row["id"], row["title"], "published", "", row["published"]])
            if row["target"] is not None:
                writer.writerow([row["id"], row["title"], "target", "", row["target"]])
            for figure in row["figures"]:
                writer.writerow(
                    [row["id"], row["title"], "figure", figure["value"], figure["count"]]
                )
            for breakdown in row["breakdowns"]:
                for value in breakdown["rows"]:
                    writer.writerow(
                        [
                            row["id"],
                            row["title"],
                            breakdown["index"],
                            value["value"],
                            value["count"],
                        ]
                    )
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition", 'attachment; filename="clusterpolisee-indicators.csv"'
        )
        return "\ufeff" + output.getvalue()


class IndicatorTargetsView(BrowserView):
    """``@@indicator-targets``: the coordinator sets a target per indicator."""

    def __call__(self):
        self.errors = {}
        self.values = {key: str(value) for key, value in targets().items()}
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            return self.save()
        return self.index()

    def indicators(self):
        return [
            {
                "id": indicator.id,
                "title": indicator.title,
                "definition": indicator.definition,
                "value": self.values.get(indicator.id, ""),
                "error": self.errors.get(indicator.id),
            }
            for indicator in INDICATORS
        ]

    def save(self):
        new = {}
        for indicator in INDICATORS:
            raw = self.request.form.get(f"target.{indicator.id}", "")
            raw = raw.strip() if isinstance(raw, str) else None
            self.values[indicator.id] = raw or ""
            if raw is None:
                self.errors[indicator.id] = _("A target is a single whole number.")
            elif raw == "":
                continue
            elif not raw.isdigit() or int(raw) > MAX_TARGET:
                self.errors[indicator.id] = _(
                    "error_target",
                    default="A target is a whole number from 0 to ${max}.",
                    mapping={"max": f"{MAX_TARGET:,}"},
                )
            else:
                new[indicator.id] = int(raw)
        if self.errors:
            # Nothing is saved while one value is wrong.
            self.request.response.setStatus(400)
            api.portal.show_message(
                _("Please correct the marked targets."), self.request, type="error"
            )
            return self.index()
        api.portal.set_registry_record(TARGETS_RECORD, new)
        api.portal.show_message(_("Targets saved."), self.request)
        return self.request.response.redirect(f"{self.context.absolute_url()}/@@indicators")
