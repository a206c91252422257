"""Dates in the platform's one declared zone, whatever zone the server process runs in.

The declared zone is the site's time zone (``plone.portal_timezone``; ``make start`` sets
Europe/Bucharest). "Today", "overdue", "open", a month grid, the year and quarter an item is
counted in, and every date a page shows are worked out in it. An event keeps its own zone: it is
shown and placed on the calendar at the wall time it was given for.

Values come in three kinds: ``DateTime`` (Plone's dates, absolute), ``datetime`` (aware, or
naive when a form gave it: a wall time in the declared zone) and ``date`` (a due date, no zone).
"""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone.app.event.base import ulocalized_time
from plone.event.utils import pydt
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility
from zope.component.hooks import getSite
from zope.globalrequest import getRequest
import pytz


FALLBACK_ZONE = "UTC"


def zone():
    """The declared zone, as a pytz time zone: the site's, never a member's own, so that what is
    indexed or compared is the same for everybody."""
    registry = queryUtility(IRegistry)
    name = registry.get("plone.portal_timezone", None) if registry is not None else None
    try:
        return pytz.timezone(name or FALLBACK_ZONE)
    except pytz.UnknownTimeZoneError:
        return pytz.timezone(FALLBACK_ZONE)


def now():
    """This moment, in the declared zone."""
    return datetime.now(zone())


def today():
    """Today's date in the declared zone (not the server's)."""
    return now().date()


def aware(value, tz=None):
    """``value`` as an aware datetime in ``tz`` (default: the declared zone).

    A naive datetime is a wall time in the declared zone, as Plone's forms store it; a date is
    its first moment there.
    """
    tz = tz or zone()
    if value is None:
        return None
    if isinstance(value, DateTime):
        value = _from_zope(value)
    elif not isinstance(value, datetime):
        value = datetime.combine(value, time())
    if value.tzinfo is None:
        value = zone().localize(value)
    return value.astimezone(tz)


def _from_zope(value):
    # DateTime.asdatetime() gives a named zone's raw pytz offset (Bucharest: +01:44, its local
    # mean time); plone.event localizes the wall time in the zone instead.
    return pydt(value, exact=True)


def own(value):
    """An event's or meeting's time in its own zone (the one it was entered in); a naive value
    is a wall time in the declared zone."""
    if isinstance(value, DateTime):
        value = _from_zope(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    return aware(value)


def day_of(value):
    """The date ``value`` falls on in the declared zone; a date stays itself."""
    if value is None:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    return aware(value).date()


def at(day, hour=0, minute=0, tz=None):
    """The aware moment at a wall time on a day (right across a change of the clocks, which
    adding a timedelta to a pytz datetime is not)."""
    tz = tz or zone()
    return tz.localize(datetime.combine(day, time(hour, minute)))


def in_days(days, hour, minute=0, tz=None):
    """A wall time ``days`` from today, in the declared zone (or ``tz``)."""
    tz = tz or zone()
    return at(datetime.now(tz).date() + timedelta(days=days), hour, minute, tz)


def day_start(day):
    """The first moment of a day in the declared zone, as a DateTime for catalog queries."""
    return DateTime(at(day))


def month_start(day):
    return date(day.year, day.month, 1)


def shift_month(first, months):
    """The first day of the month ``months`` after (or before) the month of ``first``."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def parse_month(value):
    """A month given as ``YYYY-MM`` (a query string's ``month``): its first day, or None, also
    for a year a calendar cannot show with its neighbours (before 1000 or after 8999)."""
    try:
        year, month = (int(part) for part in str(value).split("-"))
        first = date(year, month, 1)
    except (TypeError, ValueError):
        return None
    return first if 1000 <= year <= 8999 else None


def format_time(value, long_format=False, context=None, request=None, keep_own_zone=False):
    """A date as the page's language writes it, at its wall time in the declared zone (or, with
    ``keep_own_zone``, in its own zone: an event's). Plone's ``toLocalizedTime`` would write the
    server process's local time instead."""
    if value is None:
        return ""
    moment = own(value) if keep_own_zone else aware(value)
    return ulocalized_time(
        DateTime(moment),
        long_format=long_format,
        context=context if context is not None else getSite(),
        request=request if request is not None else getRequest(),
    )
