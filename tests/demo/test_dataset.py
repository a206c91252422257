"""The demo dataset that ``make start`` loads, as a site holds it (loaded once for the module)."""

from clusterpolisee.demo import data
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
import pytest


@pytest.fixture
def manager(demo_integration, portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal


class TestDemoContent:
    def test_sections_follow_their_security_level(self, manager):
        workflow_tool = api.portal.get_tool("portal_workflow")
        for section in ("repository", "institutions", "events"):
            assert api.content.get_state(manager[section]) == "published"
            assert workflow_tool.getChainFor(manager[section]) == (
                "clusterpolisee_public_workflow",
            )
        for section in ("members-area", "working-groups"):
            assert api.content.get_state(manager[section]) == "internal"
        groups = manager["working-groups"].contentValues()
        assert len(groups) == len(data.WORKING_GROUPS)
        for group in groups:
            assert workflow_tool.getChainFor(group) == ("clusterpolisee_group_workflow",)
            assert api.content.get_state(group) == "shared"
            assert workflow_tool.getChainFor(group["documents"]) == (
                "clusterpolisee_workspace_workflow",
            )
        practice = manager["repository"].contentValues()[0]
        assert workflow_tool.getChainFor(practice) == ("clusterpolisee_public_workflow",)
        assert api.content.get_state(practice) == "published"

    def test_events_are_upcoming_and_timezone_aware(self, manager):
        for event in manager["events"].contentValues():
            assert event.start.tzinfo is not None
            assert event.end > event.start

    def test_latest_published_are_practices_newest_first(self, manager):
        # As the English landing page lists them: one item per translation group, in English.
        latest = api.content.find(
            context=manager,
            review_state="published",
            shown_in_language=["en", "*"],
            portal_type="BestPractice",
            sort_on="effective",
            sort_order="descending",
            sort_limit=3,
        )[:3]
        assert [brain.Title for brain in latest] == [title for _t, title, *_ in data.PRACTICES[:3]]


class TestDemoWorkingGroup:
    def test_working_group_in_use(self, manager):
        group = manager["working-groups"]["innovation-rd"]
        roster = dict(group.get_local_roles())
        assert roster["nikos.papadopoulos"] == ("WorkingGroupLeader",)
        assert "WorkingGroupMember" in roster["luca.bianchi"]
        paper = group["documents"].contentValues()[0]
        assert api.content.get_state(paper) == "group_review"
        decision = group["decisions"].contentValues()[0]
        assert api.content.get_state(decision) == "open"
        assert group["wiki"]["home"].portal_type == "WikiPage"
