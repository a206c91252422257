"""Every iCalendar the platform writes, read as a calendar application reads it (the icalendar
library, over HTTP, on the demo): each TZID it uses is defined by a VTIMEZONE (RFC 5545, 3.2.19
and 3.6.5), and a meeting's DTSTART is the moment the meeting was given."""

from clusterpolisee.demo.data import DEMO_PASSWORD
from datetime import date
from datetime import datetime
from html import unescape
from tests.security.test_fuzz import WORKSPACE
import icalendar
import pytz
import re
import requests


MEMBER = "nikos.papadopoulos"  # leads the innovation working group
MEETING = "WG4 online meeting: voucher recommendations"


def tzids(component):
    """Every TZID parameter on the properties of ``component`` and all it holds."""
    found = set()
    for part in component.walk():
        for _name, values in part.property_items(recursive=False, sorted=False):
            for value in values if isinstance(values, list) else [values]:
                tzid = getattr(value, "params", {}).get("TZID")
                if tzid:
                    found.add(tzid)
    return found


def read_calendar(response):
    """The calendar in ``response``, once checked: served as iCalendar, parsed by icalendar, with a
    VTIMEZONE for every TZID it uses (and each VEVENT with the properties RFC 5545 requires)."""
    assert response.status_code == 200, response.url
    assert response.headers["Content-Type"].startswith("text/calendar"), response.url
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar.name == "VCALENDAR"
    assert calendar["VERSION"] == "2.0", response.url
    assert calendar.get("PRODID"), response.url
    defined = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    used = tzids(calendar) - {"UTC"}
    assert used <= defined, f"{response.url}: {sorted(used - defined)} used, not defined"
    for zone in calendar.walk("VTIMEZONE"):
        assert_rules_of(zone, response.url)
    for event in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART"):
            assert event.get(required), (response.url, required)
    return calendar, used


def assert_rules_of(zone, url):
    """A VTIMEZONE tells the offsets of its zone in the tz database, winter and summer, this year
    and the next ones (a subscribed calendar keeps them: a recurring event too)."""
    defined, known = zone.to_tz(lookup_tzid=False), pytz.timezone(str(zone["TZID"]))
    this_year = date.today().year
    for year in range(this_year, this_year + 3):
        for month in (1, 7):
            wall = datetime(year, month, 15, 12)
            # icalendar builds a pytz zone under Plone (its tz provider), else a zoneinfo one.
            local = defined.localize(wall) if hasattr(defined, "localize") else wall
            assert local.replace(tzinfo=local.tzinfo or defined).utcoffset() == known.utcoffset(
                wall
            ), (
                url,
                zone["TZID"],
                wall,
            )


def utc(value):
    assert isinstance(value, datetime), value
    assert value.tzinfo is not None, value
    return value.astimezone(pytz.utc)


def signed_in(base, login):
    client = requests.Session()
    response = client.post(
        f"{base}/@login",
        json={"login": login, "password": DEMO_PASSWORD},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200, response.text
    client.headers["Authorization"] = f"Bearer {response.json()['token']}"
    return client


def stored_start(portal, title):
    catalog = portal.portal_catalog
    (brain,) = catalog.unrestrictedSearchResults(portal_type="Meeting", Title=title)
    return brain.getURL(), utc(brain._unrestrictedGetObject().start)


def meeting_start(calendar, title):
    (event,) = [event for event in calendar.walk("VEVENT") if str(event["SUMMARY"]) == title]
    return event.DTSTART


def test_a_members_group_calendar_defines_its_zone(functional, demo_functional):
    """The address the group calendar page gives a member, fetched as a calendar application
    fetches it (no sign-in): the meeting's zone is defined and its start is the stored moment."""
    base = functional["portal"].absolute_url()
    nikos = signed_in(base, MEMBER)
    page = nikos.get(f"{base}/{WORKSPACE}/planning/@@group-calendar")
    assert page.status_code == 200
    address = unescape(re.search(r'id="calendar-feed-url"[^>]*value="([^"]+)"', page.text)[1])
    assert f"member={MEMBER}" in address
    assert "token=" in address
    calendar, used = read_calendar(requests.get(address))
    assert "Europe/Bucharest" in used  # the demo's zone, named in the feed: checked above
    _url, start = stored_start(functional["portal"], MEETING)
    given = meeting_start(calendar, MEETING)
    assert str(given.tzinfo) == "Europe/Bucharest"
    assert utc(given) == start
    # A milestone or a task is a whole day: a date, with no zone to define.
    days = [event.DTSTART for event in calendar.walk("VEVENT") if str(event["SUMMARY"]) != MEETING]
    assert days
    assert all(type(day) is date for day in days)


def test_every_other_calendar_defines_its_zones(functional, demo_functional):
    """The public events calendar (all, one topic, one language) and plone.app.event's own
    ``ics_view`` (the site, the events section, an event, a meeting for its group)."""
    portal = functional["portal"]
    base = portal.absolute_url()
    anonymous = requests.Session()
    used = set()
    public = read_calendar(anonymous.get(f"{base}/@@events.ics"))[0]
    events = public.walk("VEVENT")
    assert events
    event_url = str(events[0]["URL"])
    for address in (
        f"{base}/@@events.ics",
        f"{base}/@@events.ics/innovation-rd",
        f"{base}/en/@@events.ics",
        f"{base}/ics_view",
        f"{base}/events/ics_view",
        f"{event_url}/ics_view",
    ):
        used |= read_calendar(anonymous.get(address))[1]
    assert "Europe/Bucharest" in used
    meeting_url, start = stored_start(portal, MEETING)
    nikos = signed_in(base, MEMBER)
    for address in (f"{meeting_url}/ics_view", f"{base}/{WORKSPACE}/planning/ics_view"):
        calendar, _used = read_calendar(nikos.get(address))
        assert utc(meeting_start(calendar, MEETING)) == start
