"""One month grid for the platform's calendars (the events calendar and a group's calendar), and
the time zones of every iCalendar the platform writes.

A month is shown as weeks from Monday (ISO 8601, as across Europe), each day with the entries on
it, today (in the platform's zone) marked; ``templates/month_grid.pt`` draws it: a view sets
``grid_template = MONTH_GRID`` and its page uses ``view/grid_template/macros/grid`` with ``grid``
defined.
"""

from clusterpolisee.core import dates
from datetime import date
from datetime import timedelta
from plone.base.i18nl10n import monthname_msgid
from plone.base.i18nl10n import weekdayname_msgid
from plone.base.i18nl10n import weekdayname_msgid_abbr
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
import calendar
import icalendar


MONTH_GRID = ViewPageTemplateFile("templates/month_grid.pt")
# How many years past its last entry (or this year) a zone is defined for: a feed's recurring
# events go on, and a calendar application keeps a downloaded file.
ZONE_YEARS_AHEAD = 10


def define_timezones(feed):
    """Give the iCalendar ``feed`` (an ``icalendar.Calendar``) one VTIMEZONE for every TZID its
    entries use, as RFC 5545 requires (3.2.19, 3.6.5); without it a calendar application guesses
    the zone, or takes the time as its own clock's. Returns ``feed``.

    Each zone is defined by its full rules (standard and summer time, from the tz database through
    icalendar) over the years of the feed's entries and ten more. A definition already there is
    replaced by that: plone.app.event's holds only the clock change just before each event, which
    a recurring event outlives. A TZID the tz database does not know keeps what defined it."""
    first, last = _years(feed)
    for zone in feed.timezones:
        try:
            full = icalendar.Timezone.from_tzid(zone.tz_name, first_date=first, last_date=last)
        except ValueError:  # not in the tz database: its own definition stays
            continue
        feed.subcomponents[feed.subcomponents.index(zone)] = full
    feed.add_missing_timezones(first_date=first, last_date=last)
    return feed


def _years(feed):
    """The first day of the year of the feed's earliest entry, and of the year ZONE_YEARS_AHEAD
    after its latest (or this year)."""
    days = [dates.today()]
    for _name, values in feed.property_items(sorted=False):
        for value in values.dts if hasattr(values, "dts") else [values]:
            moment = getattr(value, "dt", None)
            if isinstance(moment, date):  # a datetime is one too
                days.append(moment if type(moment) is date else moment.date())
    return date(min(days).year, 1, 1), date(max(days).year + ZONE_YEARS_AHEAD, 1, 1)


def spread(items, first_day, last_day, month):
    """{date: [item]}: each item on every day from ``first_day(item)`` to ``last_day(item)``
    that lies in ``month`` (its first day)."""
    by_day = {}
    for item in items:
        first = first_day(item)
        last = max(last_day(item) or first, first)
        day = max(first, month)
        while day <= last and day.month == month.month:
            by_day.setdefault(day, []).append(item)
            day += timedelta(days=1)
    return by_day


class MonthGrid:
    """The month of ``first`` (its first day) with ``by_day`` ({date: [entry]}) placed on it."""

    def __init__(self, first, by_day, request, css_class=""):
        self.first = first
        self.by_day = by_day
        self.request = request
        self.css_class = css_class

    def title(self):
        name = translate(
            monthname_msgid(self.first.month), domain="plonelocales", context=self.request
        )
        return f"{name} {self.first.year}"

    def weekday_names(self):
        # plonelocales counts the days from Sunday (0): Monday is 1.
        return [
            {
                "abbr": translate(
                    weekdayname_msgid_abbr(number % 7), domain="plonelocales", context=self.request
                ),
                "name": translate(
                    weekdayname_msgid(number % 7), domain="plonelocales", context=self.request
                ),
            }
            for number in range(1, 8)
        ]

    def first_shown(self):
        return self.weeks_of_dates()[0][0]

    def last_shown(self):
        return self.weeks_of_dates()[-1][-1]

    def weeks_of_dates(self):
        return calendar.Calendar(firstweekday=0).monthdatescalendar(
            self.first.year, self.first.month
        )

    def weeks(self):
        today = dates.today()
        return [
            [
                {
                    "date": day,
                    "number": day.day,
                    "iso": day.isoformat(),
                    "in_month": day.month == self.first.month,
                    "today": day == today,
                    "entries": self.by_day.get(day, []),
                }
                for day in week
            ]
            for week in self.weeks_of_dates()
        ]
