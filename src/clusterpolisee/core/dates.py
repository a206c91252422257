"""Dates in the platform's one declared zone, whatever zone the server process runs in.

The declared zone is the site's time zone (``plone.portal_timezone``; ``make start`` sets
Europe/Bucharest). "Today", "overdue", "open", a month grid, the year and quarter an item is
counted in, and every date a page shows are worked out in it. An event (or a meeting) keeps its
own zone: it is shown and placed on the calendar at the wall time it was given for, its zone
named, in the same words on every page (``format_event_time``, ``format_event_span``).

Pages write dates as their language does: Plone's formats for that language (``plonelocales``:
``date_format_long``, ``date_format_short``, ``time_format``), through ``format_time``.

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


def whole_days(start, end):
    """True for an event of whole days, from its catalog entry (which does not carry
    ``whole_day``): plone.app.event indexes such an event from 00:00 on its first day to 23:59:59
    on its last, on its own clock."""
    if start is None or end is None:
        return False
    return own(start).time() == time() and own(end).time() == time(23, 59, 59)


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


def zone_abbreviation(moment):
    """How a clock names the zone of an aware moment: "EET", "EEST" (summer), "CET", "UTC"; a
    zone without an abbreviation by its offset ("+04")."""
    return moment.tzname() or "UTC"


def zone_name(moment):
    """The zone of an aware moment by its name ("Europe/Bucharest"), or its abbreviation when it
    has none (a fixed offset)."""
    return getattr(moment.tzinfo, "zone", None) or zone_abbreviation(moment)


ISO_FORMATS = {"datetime": "%Y-%m-%d %H:%M", "date": "%Y-%m-%d", "time": "%H:%M"}


# The words of a date depend on its wall time and zone, the format and the language alone, and
# never change while the process runs (the translations load at its start; Plone's date format
# settings are part of the key): kept, because writing one costs a dozen translations.
_KEPT_WORDS = 20000
_words = {}
_FORMAT_OVERRIDE = "Products.CMFPlone.i18nl10n.override_dateformat."
_FORMAT_MSGIDS = {
    "datetime": "date_format_long",
    "date": "date_format_short",
    "time": "time_format",
}


def _format_override(what):
    registry = queryUtility(IRegistry)
    if registry is None or not registry.get(_FORMAT_OVERRIDE + "Enabled", False):
        return None
    return registry.get(_FORMAT_OVERRIDE + _FORMAT_MSGIDS[what], None)


def _localized(moment, what, context=None, request=None, language=None):
    """``moment``'s wall time as the page's language writes it (Plone's ``date_format_long``,
    ``date_format_short`` and ``time_format`` for that language), or ``language``'s when given
    (a mail, in its recipient's): ``what`` is "datetime", "date" or "time"."""
    request = request if request is not None else getRequest()
    if request is None and language is None:
        # No page (a script): no language either.
        return moment.strftime(ISO_FORMATS[what])
    context = context if context is not None else getSite()
    if language is None:
        # The page's language, which its other words are in (imported here: the languages'
        # modules import the core's).
        from clusterpolisee.languages.platform import visitor_language

        language = visitor_language(request)
    key = (
        moment.isoformat(),
        moment.tzname(),
        getattr(moment.tzinfo, "zone", None),
        what,
        language,
        _format_override(what),
    )
    words = _words.get(key)
    if words is None:
        words = ulocalized_time(
            DateTime(moment),
            long_format=what == "datetime",
            time_only=True if what == "time" else None,
            context=context,
            # With the language given, the request is not asked (any object stands in for it).
            request=context,
            target_language=language,
        )
        if len(_words) >= _KEPT_WORDS:
            _words.clear()
        _words[key] = words
    return words


def format_time(
    value,
    long_format=False,
    context=None,
    request=None,
    keep_own_zone=False,
    with_zone=False,
    language=None,
):
    """A date as the page's language writes it (or ``language``, when given: a mail's
    recipient's), at its wall time in the declared zone (or, with ``keep_own_zone``, in its own
    zone: an event's); with ``long_format`` its time too, and with ``with_zone`` the zone after
    it ("Dec 10, 2026 09:30 AM EET"). Plone's ``toLocalizedTime`` would write the server
    process's local time instead."""
    if value is None:
        return ""
    moment = own(value) if keep_own_zone else aware(value)
    text = _localized(moment, "datetime" if long_format else "date", context, request, language)
    if long_format and with_zone:
        return f"{text} {zone_abbreviation(moment)}"
    return text


def format_event_time(value, context=None, request=None, language=None):
    """When an event or a meeting starts (or ends): on its own clock, its zone named, as the
    page's language writes it (or ``language``: a mail's) ("Dec 10, 2026 09:30 AM EET"). Every
    page that shows the time of an event or a meeting writes it so: the same instant, in the same
    words."""
    return format_time(
        value, True, context, request, keep_own_zone=True, with_zone=True, language=language
    )


def format_event_clock(value, context=None, request=None):
    """The time of day only, on the event's own clock with its zone ("09:30 AM EET"): for a
    calendar's day, which gives the date."""
    if value is None:
        return ""
    moment = own(value)
    return f"{_localized(moment, 'time', context, request)} {zone_abbreviation(moment)}"


def format_event_span(start, end=None, whole_day=False, open_end=False, context=None, request=None):
    """From an event's (or a meeting's) start to its end on its own clock, the zone named once,
    an en dash between, as the languages' interval formats (CLDR) write it: "Dec 10, 2026 09:30 AM
    \N{EN DASH} 11:00 AM EET"; over several days both dates; a whole day its date (or dates)
    only; an open end, its start."""
    if start is None:
        return ""
    first = own(start)
    last = own(end).astimezone(first.tzinfo) if end is not None else None
    if last is not None and hasattr(first.tzinfo, "normalize"):
        last = first.tzinfo.normalize(last)

    def date(moment):
        return _localized(moment, "date", context, request)

    def clock(moment):
        return _localized(moment, "time", context, request)

    if whole_day:
        if last is None or last.date() == first.date():
            return date(first)
        return f"{date(first)} – {date(last)}"
    if open_end or last is None or last == first:
        return format_event_time(first, context, request)
    if last.date() == first.date() and last.tzname() == first.tzname():
        return f"{date(first)} {clock(first)} – {clock(last)} {zone_abbreviation(first)}"
    if last.tzname() == first.tzname():
        return (
            f"{_localized(first, 'datetime', context, request)} – "
            f"{_localized(last, 'datetime', context, request)} {zone_abbreviation(first)}"
        )
    # The clocks change in between: each end with its own zone.
    return " – ".join(format_event_time(moment, context, request) for moment in (first, last))
