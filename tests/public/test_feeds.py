"""RSS of the repository and iCal of the events, for everything and per topic: published only."""

from AccessControl.SpecialUsers import nobody
from clusterpolisee.core.sections import publish
from clusterpolisee.interfaces import IClusterpoliseeLayer
from datetime import timedelta
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from xml.etree import ElementTree
from zExceptions import NotFound
from zope.interface import alsoProvides
import icalendar
import pytest
import pytz


ATHENS = pytz.timezone("Europe/Athens")


@pytest.fixture
def content(portal, clock):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for item_id, title, topic, published in (
        ("vouchers", "Innovation vouchers & co", "innovation-rd", True),
        ("fund", "Cluster fund", "financial-framework", True),
        ("draft", "Draft practice", "innovation-rd", False),
    ):
        item = api.content.create(
            container=portal["repository"],
            type="BestPractice",
            id=item_id,
            title=title,
            topics=[topic],
        )
        if published:
            publish(item)
    start = clock.at(days=5, hour=10, zone=ATHENS)
    for item_id, title, topic, published in (
        ("forum", "Cluster forum", "innovation-rd", True),
        ("finance-day", "Finance day", "financial-framework", True),
        ("internal", "Internal meeting", "innovation-rd", False),
    ):
        event = api.content.create(
            container=portal["events"],
            type="Event",
            id=item_id,
            title=title,
            topics=[topic],
            start=start,
            end=start + timedelta(hours=2),
        )
        if published:
            publish(event)
    setRoles(portal, TEST_USER_ID, ["Member"])
    alsoProvides(portal.REQUEST, IClusterpoliseeLayer)
    return portal


def render(portal, name, topic=None):
    view = api.content.get_view(name, portal, portal.REQUEST)
    if topic:
        view.publishTraverse(portal.REQUEST, topic)
    with api.env.adopt_user(user=nobody):
        return view()


class TestRepositoryFeed:
    def test_whole_repository(self, content):
        rss = ElementTree.fromstring(render(content, "repository-feed"))
        titles = sorted(item.findtext("title") for item in rss.iter("item"))
        assert titles == ["Cluster fund", "Innovation vouchers & co"]
        assert content.REQUEST.response.getHeader("Content-Type").startswith("application/rss+xml")

    def test_a_control_character_in_a_title_leaves_the_feed_readable(self, content):
        content.repository["vouchers"].title = "Innovation\x0bvouchers"
        content.repository["vouchers"].reindexObject()
        rss = ElementTree.fromstring(render(content, "repository-feed"))
        assert "Innovationvouchers" in [item.findtext("title") for item in rss.iter("item")]

    def test_one_topic(self, content):
        rss = ElementTree.fromstring(render(content, "repository-feed", "innovation-rd"))
        assert [item.findtext("title") for item in rss.iter("item")] == ["Innovation vouchers & co"]
        assert rss.findtext("channel/link").endswith("/@@topic/innovation-rd")

    def test_unknown_topic_is_not_found(self, content):
        view = api.content.get_view("repository-feed", content, content.REQUEST)
        with pytest.raises(NotFound):
            view.publishTraverse(content.REQUEST, "astrology")


@pytest.mark.dates
class TestEventsCalendar:
    def summaries(self, body):
        calendar = icalendar.Calendar.from_ical(body)
        return sorted(str(event["summary"]) for event in calendar.walk("VEVENT"))

    def test_all_published_events(self, content):
        assert self.summaries(render(content, "events.ics")) == ["Cluster forum", "Finance day"]

    def test_events_start_at_the_wall_time_they_were_given_for(self, content, clock):
        calendar = icalendar.Calendar.from_ical(render(content, "events.ics"))
        starts = {event.decoded("dtstart") for event in calendar.walk("VEVENT")}
        assert starts == {clock.at(days=5, hour=10, zone=ATHENS)}

    def test_one_topic(self, content):
        assert self.summaries(render(content, "events.ics", "financial-framework")) == [
            "Finance day"
        ]

    def test_topic_page_links_its_feeds(self, content):
        view = api.content.get_view("topic", content, content.REQUEST)
        view.publishTraverse(content.REQUEST, "innovation-rd")
        with api.env.adopt_user(user=nobody):
            html = view()
        assert "@@repository-feed/innovation-rd" in html
        assert "@@events.ics/innovation-rd" in html
