"""Rows of small tables (criteria, milestones, indicators) entered one per line, cells split by "|".

Plone's classic forms have no table widget without an extra add-on, so such rows are stored as
lines; these helpers validate them (a clear form error or HTTP 400) and parse them for the views.
"""

from clusterpolisee import _
from datetime import date
from zope.schema import ValidationError


SEPARATOR = "|"


class RowError(ValidationError):
    """A row does not follow its format; the message says which row and why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return self.message


def _cells(line, count, example):
    cells = [cell.strip() for cell in line.split(SEPARATOR)]
    if len(cells) < count[0] or len(cells) > count[1] or not cells[0]:
        raise RowError(
            _(
                "Write each row as '${example}': '${line}' does not.",
                mapping={"example": example, "line": line},
            )
        )
    return cells + [""] * (count[1] - len(cells))


def _number(text, line):
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise RowError(
            _("'${text}' in '${line}' is not a number.", mapping={"text": text, "line": line})
        ) from None


def parse_criterion(line):
    """``Relevance | 4 | optional comment`` -> dict with an integer score from 1 to 5."""
    name, score, comment = _cells(line, (2, 3), "Criterion | score from 1 to 5 | comment")
    if score not in {"1", "2", "3", "4", "5"}:
        raise RowError(
            _(
                "The score in '${line}' must be a whole number from 1 to 5.",
                mapping={"line": line},
            )
        )
    return {"criterion": name, "score": int(score), "comment": comment}


def parse_milestone(line):
    """``2027-03-31 | Pilot launched`` -> dict with a date."""
    when, what = _cells(line, (2, 2), "YYYY-MM-DD | milestone")
    try:
        day = date.fromisoformat(when)
    except ValueError:
        raise RowError(
            _(
                "'${text}' in '${line}' is not a date written YYYY-MM-DD.",
                mapping={"text": when, "line": line},
            )
        ) from None
    if not what:
        raise RowError(_("Say what the milestone is in '${line}'.", mapping={"line": line}))
    return {"date": day, "milestone": what}


def parse_indicator(line):
    """``Companies supported | 40 | 52`` -> dict with target and achieved values (achieved optional)."""
    name, target, achieved = _cells(line, (2, 3), "Indicator | target | achieved")
    return {
        "indicator": name,
        "target": _number(target, line),
        "achieved": _number(achieved, line) if achieved else None,
    }


def _constraint(parse):
    def check(lines):
        for line in lines or ():
            parse(line)
        return True

    return check


criteria_constraint = _constraint(parse_criterion)
milestones_constraint = _constraint(parse_milestone)
indicators_constraint = _constraint(parse_indicator)


def parse_rows(parse, lines):
    """Parsed rows, skipping any that no longer validate (data written before a format change)."""
    rows = []
    for line in lines or ():
        try:
            rows.append(parse(line))
        except RowError:
            continue
    return rows
