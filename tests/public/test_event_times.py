"""An event's or a meeting's time is written the same on every page (core/dates.py): on its own
clock, its zone named, as the page's language writes it, whatever zone the server process and the
site are in. Here the process runs in São Paulo and the site in Lisbon: neither is the event's."""

from clusterpolisee.core import dates
from clusterpolisee.core.sections import publish
from clusterpolisee.interfaces import IClusterpoliseeLayer
from clusterpolisee.repository.views.event_dates import EventSummaryView
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.event.interfaces import IBrowserLayer as IEventBrowserLayer
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.textfield.value import RichTextValue
from plone.i18n.utility import setLanguageBinding
from plone.portlets.interfaces import IPortletRenderer
from zope.component import getMultiAdapter
from zope.contentprovider.interfaces import IContentProvider
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces.browser import IBrowserView
import pytest
import pytz
import time


BUCHAREST = pytz.timezone("Europe/Bucharest")
# A winter day and a summer day in Bucharest (EET, UTC+2, and EEST, UTC+3), fixed: none of these
# tests depends on today.
WINTER = BUCHAREST.localize(datetime(2027, 1, 14, 9, 30))
SUMMER = BUCHAREST.localize(datetime(2027, 6, 10, 9, 30))


def in_language(request, code):
    """The page in the language the visitor chose (the language switcher's cookie)."""
    request.cookies["I18N_LANGUAGE"] = code
    setLanguageBinding(request)


@pytest.fixture
def elsewhere(portal, request_, monkeypatch):
    """The server process in São Paulo, the site's declared zone Lisbon's; the request is a page
    of the platform, in the language the visitor chose (English)."""
    monkeypatch.setenv("TZ", "America/Sao_Paulo")
    time.tzset()
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Lisbon")
    # plone.app.event's layer first, as on a site where it was installed before the platform.
    alsoProvides(request_, IEventBrowserLayer)
    alsoProvides(request_, IClusterpoliseeLayer)
    in_language(request_, "en")
    yield request_
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def event(portal, elsewhere):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    item = api.content.create(
        container=portal["events"],
        type="Event",
        id="cluster-day",
        title="Cluster day",
        topics=["innovation-rd"],
        start=WINTER,
        end=WINTER + timedelta(hours=1, minutes=30),
    )
    publish(item)
    return item


def brain_of(obj):
    return api.portal.get_tool("portal_catalog")(UID=obj.UID())[0]


@implementer(IPortletRenderer)
class Renderer:
    """Stands for a portlet's renderer (plone.app.event's events portlet)."""


@implementer(IBrowserView)
class Page:
    """Stands for a page of plone.app.event's (its event listing)."""


class TestTheFormatter:
    def test_an_event_on_its_own_clock_with_its_zone(self, event):
        assert dates.format_event_time(event.start) == "Jan 14, 2027 09:30 AM EET"
        # The catalog's DateTime, as listings read it, says the same.
        assert dates.format_event_time(brain_of(event).start) == "Jan 14, 2027 09:30 AM EET"
        assert dates.format_event_clock(brain_of(event).start) == "09:30 AM EET"
        assert dates.zone_name(dates.own(brain_of(event).start)) == "Europe/Bucharest"

    def test_summer_time_is_named_as_such(self, elsewhere):
        assert dates.format_event_time(SUMMER) == "Jun 10, 2027 09:30 AM EEST"

    def test_a_span_names_the_zone_once(self, elsewhere):
        end = WINTER + timedelta(hours=1, minutes=30)
        assert dates.format_event_span(WINTER, end) == "Jan 14, 2027 09:30 AM – 11:00 AM EET"
        next_day = BUCHAREST.localize(datetime(2027, 1, 15, 13, 0))
        assert (
            dates.format_event_span(WINTER, next_day)
            == "Jan 14, 2027 09:30 AM – Jan 15, 2027 01:00 PM EET"
        )
        assert dates.format_event_span(WINTER, next_day, whole_day=True) == (
            "Jan 14, 2027 – Jan 15, 2027"
        )
        assert dates.format_event_span(WINTER, end, open_end=True) == "Jan 14, 2027 09:30 AM EET"
        # Given in another zone, the end is written on the start's clock.
        in_utc = (WINTER + timedelta(hours=2)).astimezone(pytz.utc)
        assert dates.format_event_span(WINTER, in_utc) == "Jan 14, 2027 09:30 AM – 11:30 AM EET"

    def test_a_wall_time_without_a_zone_is_the_sites(self, elsewhere):
        # A decision's deadline, as its form stores it: 12:00 in the site's zone (Lisbon).
        noon = datetime(2027, 1, 14, 12, 0)
        assert dates.format_time(noon, True, with_zone=True) == "Jan 14, 2027 12:00 PM WET"

    def test_in_the_pages_language(self, elsewhere):
        in_language(elsewhere, "ro")
        end = WINTER + timedelta(hours=1, minutes=30)
        assert dates.format_event_span(WINTER, end) == "14.01.2027 09:30 – 11:00 EET"
        in_language(elsewhere, "de")
        assert dates.format_event_time(WINTER) == "14.01.2027 09:30 EET"


class TestEveryPageSaysTheSame:
    def test_events_calendar_landing_page_event_page_and_portlet(self, portal, event, elsewhere):
        brain = brain_of(event)
        calendar = api.content.get_view("events-calendar", portal["events"], elsewhere)
        assert calendar.item_date(brain)["text"] == "Jan 14, 2027 09:30 AM EET"
        assert calendar.start_clock(brain) == "09:30 AM EET"
        landing = api.content.get_view("platform-home", portal, elsewhere)
        assert landing.event_time(brain) == "Jan 14, 2027 09:30 AM EET"
        # plone.app.event's page of the event: the platform's summary, the zone named once.
        summary = api.content.get_view("event_summary", event, elsewhere)
        assert isinstance(summary, EventSummaryView)
        html = summary()
        assert "Jan 14, 2027 09:30 AM – 11:00 AM EET" in html
        assert "(Europe/Bucharest)" in html
        assert "UTC" not in html
        # plone.app.event's events portlet and its event listing.
        portlet = getMultiAdapter(
            (portal, elsewhere, Renderer()), IContentProvider, name="formatted_date"
        )
        assert ">Jan 14, 2027 09:30 AM EET</time>" in portlet(event)
        listing = getMultiAdapter(
            (portal, elsewhere, Page()), IContentProvider, name="formatted_date"
        )
        assert ">Jan 14, 2027 09:30 AM – 11:00 AM EET</time>" in listing(event)

    def test_a_meeting_its_page_and_the_group_calendar(self, portal, elsewhere):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        planning = portal["working-groups"]["innovation-rd"]["planning"]
        meeting = api.content.create(
            container=planning,
            type="Meeting",
            id="steering-meeting",
            title="Steering meeting",
            start=SUMMER.replace(hour=10, minute=0),
            end=SUMMER.replace(hour=12, minute=0),
            agenda=RichTextValue("<p>Vouchers</p>", "text/html", "text/x-html-safe"),
        )
        view = api.content.get_view("view", meeting, elsewhere)
        assert view.when() == {
            "text": "Jun 10, 2027 10:00 AM – 12:00 PM EEST",
            "zone": "Europe/Bucharest",
        }
        html = view()
        assert "Jun 10, 2027 10:00 AM – 12:00 PM EEST" in html
        assert "(Europe/Bucharest)" in html
        calendar = api.content.get_view("group-calendar", planning, elsewhere)
        [row] = [
            row
            for row in calendar.entries(SUMMER.date(), SUMMER.date())
            if row["title"] == "Steering meeting"
        ]
        assert (row["date"], row["time"]) == ("Jun 10, 2027", "10:00 AM EEST")

    def test_a_decisions_deadline_in_the_sites_zone_named(self, portal, elsewhere):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        decision = api.content.create(
            container=portal["working-groups"]["innovation-rd"]["decisions"],
            type="Decision",
            id="adopt",
            title="Adopt the recommendations",
            proposal=RichTextValue("<p>We adopt them.</p>", "text/html", "text/x-html-safe"),
            # As its form stores it: a wall time without its zone, the site's (Lisbon).
            deadline=datetime(2027, 6, 10, 12, 0),
            quorum=2,
        )
        view = api.content.get_view("view", decision, elsewhere)
        assert view.deadline() == "Jun 10, 2027 12:00 PM WEST"
        assert "Jun 10, 2027 12:00 PM WEST" in view()
