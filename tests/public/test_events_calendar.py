"""The events calendar: upcoming and past lists, a month grid, filters by topic and initiative."""

from AccessControl.SpecialUsers import nobody
from clusterpolisee.core.dates import shift_month
from clusterpolisee.core.sections import publish
from clusterpolisee.interfaces import IClusterpoliseeLayer
from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zope.interface import alsoProvides
import pytest
import pytz


ZONE = pytz.timezone("Europe/Athens")
pytestmark = pytest.mark.dates


@pytest.fixture
def events(portal, clock):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    now = clock.now().astimezone(ZONE).replace(microsecond=0)
    for item_id, days, topic, initiative, published in (
        ("eccp-forum", 20, "innovation-rd", "eccp", True),
        ("interreg-day", 40, "financial-framework", "interreg", True),
        ("last-year", -300, "innovation-rd", "eccp", True),
        ("internal", 25, "innovation-rd", "eccp", False),
    ):
        start = clock.at(days=days, hour=now.hour, minute=now.minute, zone=ZONE)
        event = api.content.create(
            container=portal["events"],
            type="Event",
            id=item_id,
            title=item_id.replace("-", " ").title(),
            topics=[topic],
            eu_initiative=initiative,
            start=start,
            end=clock.at(days=days + 1, hour=now.hour, minute=now.minute, zone=ZONE)
            + timedelta(hours=2),
        )
        if published:
            publish(event)
    setRoles(portal, TEST_USER_ID, ["Member"])
    alsoProvides(portal.REQUEST, IClusterpoliseeLayer)
    return now


def calendar(portal, **form):
    request = portal.REQUEST
    request.form.clear()
    request.form.update(form)
    request.response.setStatus(200)
    view = api.content.get_view("events-calendar", portal["events"], request)
    with api.env.adopt_user(user=nobody):
        html = view()
    return view, html


def titles(view):
    return [brain.Title for brain in view.batch]


class TestEventsCalendar:
    def test_the_events_section_shows_the_calendar(self, portal):
        assert portal["events"].getLayout() == "events-calendar"
        assert portal["institutions"].getLayout() == "institutions-database"

    def test_lists_upcoming_published_events_soonest_first(self, portal, events):
        view, html = calendar(portal)
        assert titles(view) == ["Eccp Forum", "Interreg Day"]
        assert "Internal" not in html
        assert f"{portal.absolute_url()}/@@events.ics" in html

    def test_past_events_newest_first(self, portal, events):
        view, _html = calendar(portal, when="past")
        assert titles(view) == ["Last Year"]

    def test_filters_by_topic_and_initiative_with_counts(self, portal, events):
        view, html = calendar(portal, eu_initiative="interreg")
        assert titles(view) == ["Interreg Day"]
        initiative = next(row for row in view.facet_rows if row["index"] == "eu_initiative")
        assert {value["value"]: value["count"] for value in initiative["options"]} == {
            "eccp": 1,
            "interreg": 1,
        }
        view, html = calendar(portal, topics="innovation-rd")
        assert titles(view) == ["Eccp Forum"]
        # One topic chosen: the feed offered is that topic's.
        assert "@@events.ics/innovation-rd" in html

    def test_month_grid_places_an_event_on_each_of_its_days(self, portal, events, clock):
        # The day the event starts on where it happens (Athens), which the grid shows.
        start = clock.at(days=20, hour=events.hour, minute=events.minute, zone=ZONE).date()
        view, html = calendar(portal, mode="month", month=start.strftime("%Y-%m"))
        days = {
            day["date"]: [entry["title"] for entry in day["entries"]]
            for week in view.weeks()
            for day in week
        }
        assert days[start] == ["Eccp Forum"]
        following = start + timedelta(days=1)
        if following.month == start.month:
            assert days[following] == ["Eccp Forum"]
        assert "Internal" not in html
        assert view.month_title() in html
        assert (
            f"month={shift_month(date(start.year, start.month, 1), 1).strftime('%Y-%m')}"
            in view.next_month_url()
        )

    def test_this_month_and_today_are_the_platforms_whatever_the_servers_zone(
        self, portal, events, clock
    ):
        view, _html = calendar(portal, mode="month")
        assert view.month == clock.today().replace(day=1)
        marked = [day["date"] for week in view.weeks() for day in week if day["today"]]
        assert marked == [clock.today()]

    def test_a_month_that_is_not_a_month_is_a_clear_error(self, portal, events):
        view, html = calendar(portal, mode="month", month="someday")
        assert portal.REQUEST.response.getStatus() == 400
        assert view.month.day == 1  # this month is shown instead
        assert "A month is written as year and month, for example 2027-03." in html

    @pytest.mark.parametrize("month", ["9999-12", "0001-01"])
    def test_a_month_beyond_the_calendar_is_a_clear_error(self, portal, events, month):
        _view, html = calendar(portal, mode="month", month=month)
        assert portal.REQUEST.response.getStatus() == 400
        assert "A month is written as year and month, for example 2027-03." in html

    def test_an_events_time_keeps_its_own_zone_and_offset(self, portal, events, clock):
        view, _html = calendar(portal)
        brain = next(brain for brain in view.batch if brain.Title == "Eccp Forum")
        start = clock.at(days=20, hour=events.hour, minute=events.minute, zone=ZONE)
        assert view.item_date(brain)["iso"] == start.isoformat()
