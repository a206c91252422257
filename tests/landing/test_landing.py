"""The public landing page: what the platform is, its six topics, what is new, how to join."""

from clusterpolisee.core.sections import publish
from clusterpolisee.core.topics import TOPICS
from plone import api
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
import pytest


@pytest.fixture
def content(portal, clock):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    published = api.content.create(
        container=portal,
        type="Document",
        id="vouchers",
        title="Cluster innovation vouchers",
        description="Small vouchers for cluster SMEs.",
    )
    api.content.transition(published, "publish")
    api.content.create(
        container=portal, type="Document", id="draft", title="Unfinished assessment draft"
    )
    api.content.create(
        container=portal,
        type="Event",
        id="unconfirmed",
        title="Unconfirmed study visit",
        start=clock.at(days=5, hour=10),
        end=clock.at(days=5, hour=13),
    )
    event = api.content.create(
        container=portal,
        type="Event",
        id="conference",
        title="European Cluster Conference",
        start=clock.at(days=10, hour=9),
        end=clock.at(days=10, hour=17),
        location="Brussels",
    )
    api.content.transition(event, "publish")
    past = api.content.create(
        container=portal,
        type="Event",
        id="past",
        title="Last year's kick-off meeting",
        start=clock.at(days=-300, hour=10),
        end=clock.at(days=-300, hour=12),
    )
    api.content.transition(past, "publish")
    setRoles(portal, TEST_USER_ID, ["Member"])


def render(portal):
    return portal.restrictedTraverse("@@platform-home")()


def next_page(portal):
    """The landing view as the next request would get it (without this request's memos)."""
    from zope.annotation.interfaces import IAnnotations

    IAnnotations(portal.REQUEST).pop("plone.memoize", None)
    return portal.restrictedTraverse("@@platform-home")


def titles(brains):
    return [brain.Title for brain in brains]


class TestLandingPage:
    def test_shows_platform_and_six_topics(self, portal, content):
        html = render(portal)
        assert "Smarter cluster policies for South East Europe" in html
        for _key, title, _help in TOPICS:
            assert title.default.replace("&", "&amp;") in html

    @pytest.mark.dates
    def test_lists_published_items_and_upcoming_events_only(self, portal, content):
        logout()
        view = portal.restrictedTraverse("@@platform-home")
        assert titles(view.latest_items()) == ["Cluster innovation vouchers"]
        assert titles(view.upcoming_events()) == ["European Cluster Conference"]
        html = view()
        assert "Brussels" in html
        assert "Unfinished assessment draft" not in html

    @pytest.mark.dates
    def test_managers_do_not_see_drafts_on_the_public_landing(self, portal, content):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        view = portal.restrictedTraverse("@@platform-home")
        assert "Unfinished assessment draft" not in titles(view.latest_items())
        assert titles(view.upcoming_events()) == ["European Cluster Conference"]

    def test_anonymous_gets_login_link_and_coordinator_address(self, portal, content):
        logout()
        html = render(portal)
        assert "mailto:coordinator@clusterpolisee.eu" in html
        assert f"{portal.absolute_url()}/login" in html

    def test_empty_site_says_so(self, portal):
        html = render(portal)
        assert "Nothing has been published yet." in html
        assert "No events are planned yet." in html

    def test_settings_change_the_page(self, portal):
        api.portal.set_registry_record("clusterpolisee.tagline", "Learning from each other")
        assert "Learning from each other" in render(portal)

    def test_headline_indicators_count_published_items(self, portal, content):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        for item_id, published in (("one", True), ("two", True), ("three", False)):
            practice = api.content.create(
                container=portal["repository"], type="BestPractice", id=item_id, title=item_id
            )
            if published:
                publish(practice)
        logout()
        view = portal.restrictedTraverse("@@platform-home")
        figures = {figure["title"]: figure for figure in view.headline_figures()}
        assert figures["Best practices identified"]["count"] == 2
        assert figures["Pilot actions"]["count"] == 0
        assert figures["Best practices identified"]["url"].endswith(
            "/@@indicators#indicator-best-practices"
        )
        html = view()
        for link in view.explore_links():
            assert link["url"] in html
        assert f"{portal.absolute_url()}/@@register" in html

    def test_featured_practices_transfer_best_newest_first_among_equals(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        for item_id, score, day, published in (
            ("fair-old", 3, 1, True),
            ("best", 5, 2, True),
            ("good-old", 4, 3, True),
            ("good-new", 4, 9, True),
            ("best-draft", 5, 9, False),
            ("unscored", None, 9, True),
            ("fair-new", 3, 8, True),
        ):
            practice = api.content.create(
                container=portal["repository"],
                type="BestPractice",
                id=item_id,
                title=item_id,
                transferability_score=score,
            )
            if published:
                publish(practice)
            practice.setEffectiveDate(f"2026/03/{day:02d} 10:00:00 UTC")
            practice.reindexObject()
        logout()
        view = portal.restrictedTraverse("@@platform-home")
        # By score, then by date among equals; drafts and unscored practices never.
        assert titles(view.featured_practices()) == ["best", "good-new", "good-old"]

    def test_kept_lists_show_new_items_at_once_and_never_another_persons(self, portal, content):
        view = next_page(portal)
        assert titles(view.latest_items()) == ["Cluster innovation vouchers"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        practice = api.content.create(
            container=portal["repository"], type="BestPractice", id="academy", title="Academy"
        )
        transferable = api.content.create(
            container=portal["repository"],
            type="BestPractice",
            id="labs",
            title="Open labs",
            transferability_score=4,
        )
        publish(practice)
        view = next_page(portal)
        assert "Academy" in titles(view.latest_items())
        assert titles(view.featured_practices()) == []
        publish(transferable)
        view = next_page(portal)
        assert titles(view.featured_practices()) == ["Open labs"]
        logout()
        view = next_page(portal)
        assert titles(view.featured_practices()) == ["Open labs"]
        assert "Unfinished assessment draft" not in titles(view.latest_items())
