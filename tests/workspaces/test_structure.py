"""The profile creates a workspace per central topic; each follows the workspace policy."""

from clusterpolisee.core.security import WORKSPACE_POLICY
from clusterpolisee.core.topics import TOPICS
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from Products.CMFPlacefulWorkflow.PlacefulWorkflowTool import WorkflowPolicyConfig_id
from tests.workspaces.conftest import as_user


PARTS = ["documents", "wiki", "forum", "planning", "decisions"]


class TestStructure:
    def test_one_workspace_per_topic(self, portal):
        section = portal["working-groups"]
        workspaces = [obj for obj in section.contentValues() if obj.portal_type == "Workspace"]
        assert sorted(obj.working_group for obj in workspaces) == sorted(t for t, _a, _b in TOPICS)
        assert section.getLayout() == "working-groups"
        for workspace in workspaces:
            assert workspace.contentIds() == PARTS
            config = getattr(workspace, WorkflowPolicyConfig_id)
            assert config.getPolicyBelowId() == WORKSPACE_POLICY

    def test_parts_accept_their_kind_of_item(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        workspace = portal["working-groups"]["innovation-rd"]
        allowed = {
            part: {fti.getId() for fti in workspace[part].allowedContentTypes()} for part in PARTS
        }
        assert allowed["wiki"] == {"WikiPage"}
        assert allowed["forum"] == {"ForumTopic"}
        assert allowed["planning"] == {"Meeting", "Milestone", "Task"}
        assert allowed["decisions"] == {"Decision"}
        assert {"File", "Image", "Folder", "Document"} <= allowed["documents"]
        assert "WikiPage" not in allowed["documents"]

    def test_coordinator_adds_a_workspace_with_its_parts(self, group):
        with as_user("coordinator"):
            workspace = api.content.create(
                container=group.aq_parent, type="Workspace", id="tourism", title="WG7 Tourism"
            )
        assert workspace.contentIds() == PARTS
        assert workspace.getLayout() == "workspace-dashboard"

    def test_members_may_not_add_workspaces(self, group):
        with as_user("full"):
            assert not api.user.has_permission("clusterpolisee: Add Workspace", obj=group.aq_parent)

    def test_only_the_roster_the_stc_and_the_coordinator_see_inside(self, group):
        setRoles(api.portal.get(), TEST_USER_ID, ["Manager"])
        page = api.content.create(container=group["wiki"], type="WikiPage", title="Home")
        catalog = api.portal.get_tool("portal_catalog")
        for login, sees in (
            ("leader", True),
            ("associated", True),
            ("coordinator", True),
            ("outsider", False),
            ("partner", False),
        ):
            with as_user(login):
                assert bool(api.user.has_permission("View", obj=page)) is sees, login
                assert bool(catalog(UID=page.UID())) is sees, login
