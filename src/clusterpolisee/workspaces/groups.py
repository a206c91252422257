"""Working-group workspaces: their structure, their roster and the requests to join them."""

from Acquisition import aq_chain
from Acquisition import aq_inner
from BTrees.OOBTree import OOBTree
from clusterpolisee import _
from clusterpolisee.core.sections import ensure_sections
from clusterpolisee.core.security import assign_policy
from clusterpolisee.core.security import disown
from clusterpolisee.core.security import WORKSPACE_POLICY
from clusterpolisee.core.topics import TOPICS
from clusterpolisee.members.tiers import ensure_leaders_group
from clusterpolisee.workspaces.content.workspace import IWorkspace
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from zope.annotation.interfaces import IAnnotations


LEADER = "WorkingGroupLeader"
MEMBER = "WorkingGroupMember"
ROSTER_ROLES = (LEADER, MEMBER)
JOIN_REQUESTS_KEY = "clusterpolisee.join_requests"

SECTION_ID = "working-groups"
# (id, title, type). The document library is a folder: files, images, pages and subfolders.
PARTS = (
    ("documents", _("Documents"), "Folder"),
    ("wiki", _("Wiki"), "Wiki"),
    ("forum", _("Forum"), "Forum"),
    ("planning", _("Planning"), "Planning"),
    ("decisions", _("Decisions"), "Decisions"),
)
DOCUMENT_TYPES = ("Folder", "File", "Image", "Document")
# The workspaces the profile creates: one per central topic, titled like the working groups.
# One thematic working group per central topic; the token is the topic id.
WORKING_GROUP_TITLES = {
    "international-cooperation": _("WG1 International cluster cooperation"),
    "financial-framework": _("WG2 Financial framework"),
    "sustainability": _("WG3 Sustainable cluster development"),
    "innovation-rd": _("WG4 Innovation and R&D"),
    "skills-jobs": _("WG5 Skills and jobs"),
    "specialisation": _("WG6 Regional specialisation"),
}
WORKING_GROUPS = tuple((topic_id, WORKING_GROUP_TITLES[topic_id]) for topic_id, _t, _h in TOPICS)

DEFAULT_WORKSPACES = tuple(topic_id for topic_id, _title, _help in TOPICS)


def find_workspace(context):
    """The workspace that holds ``context`` (or is it), or None."""
    for obj in aq_chain(aq_inner(context)):
        if IWorkspace.providedBy(obj):
            return obj
    return None


def roster(workspace):
    """{user id: roster role} of a workspace; a leader is listed once, as leader."""
    members = {}
    for principal, roles in workspace.get_local_roles():
        if LEADER in roles:
            members[principal] = LEADER
        elif MEMBER in roles:
            members[principal] = MEMBER
    return members


def set_roster_role(workspace, user_id, role):
    """Make a user a member or the leader of the group (``role`` None removes them)."""
    current = set(dict(workspace.get_local_roles()).get(user_id, ())) - set(ROSTER_ROLES)
    if role:
        current.add(role)
    if current:
        workspace.manage_setLocalRoles(user_id, sorted(current))
    else:
        workspace.manage_delLocalRoles([user_id])
    workspace.reindexObjectSecurity()
    withdraw_join_request(workspace, user_id)
    sync_leaders_group(user_id)


def sync_leaders_group(user_id):
    """Keep the working-group leaders' group in step with the rosters."""
    group = ensure_leaders_group()
    catalog = api.portal.get_tool("portal_catalog")
    leads = any(
        LEADER in dict(brain._unrestrictedGetObject().get_local_roles()).get(user_id, ())
        for brain in catalog.unrestrictedSearchResults(portal_type="Workspace")
    )
    groups_tool = api.portal.get_tool("portal_groups")
    members = set(group.getMemberIds())
    if leads and user_id not in members:
        groups_tool.addPrincipalToGroup(user_id, group.getId())
    elif not leads and user_id in members:
        groups_tool.removePrincipalFromGroup(user_id, group.getId())


def join_requests(workspace):
    """{user id: (date asked, message)} of members who asked to join."""
    return IAnnotations(workspace).get(JOIN_REQUESTS_KEY, {})


def ask_to_join(workspace, user_id, message=""):
    annotations = IAnnotations(workspace)
    requests = annotations.get(JOIN_REQUESTS_KEY)
    if requests is None:
        requests = annotations[JOIN_REQUESTS_KEY] = OOBTree()
    requests[user_id] = (api.portal.get_tool("portal_catalog").ZopeTime().ISO8601(), message)


def withdraw_join_request(workspace, user_id):
    requests = IAnnotations(workspace).get(JOIN_REQUESTS_KEY)
    if requests is not None and user_id in requests:
        del requests[user_id]


def create_parts(workspace):
    """The documents, wiki, forum, planning and decisions folders of a new workspace."""
    for part_id, title, portal_type in PARTS:
        if part_id in workspace:
            continue
        part = api.content.create(
            container=workspace, type=portal_type, id=part_id, title=api.portal.translate(title)
        )
        if portal_type == "Folder":
            constraints = ISelectableConstrainTypes(part)
            constraints.setConstrainTypesMode(ENABLED)
            constraints.setLocallyAllowedTypes(list(DOCUMENT_TYPES))
            constraints.setImmediatelyAddableTypes(list(DOCUMENT_TYPES))
            part.setLayout("tabular_view")


def workspace_containers(workspace):
    """The workspace and its parts (documents, wiki, forum, planning, decisions)."""
    yield workspace
    for part_id, *_rest in PARTS:
        if part_id in workspace:
            yield workspace[part_id]


def workspace_added(workspace, event):
    """A new workspace follows the workspace policy and gets its parts; nobody owns them (the
    coordinator who opens it would otherwise be Owner of every item in it)."""
    assign_policy(workspace, WORKSPACE_POLICY)
    create_parts(workspace)
    for container in workspace_containers(workspace):
        disown(container)


def ensure_workspaces(portal):
    """The working-groups section and one workspace per central topic; existing ones stay."""
    section = ensure_sections(portal)[SECTION_ID]
    for topic_id in DEFAULT_WORKSPACES:
        if topic_id in section:
            continue
        api.content.create(
            container=section,
            type="Workspace",
            id=topic_id,
            title=api.portal.translate(WORKING_GROUP_TITLES[topic_id]),
            working_group=topic_id,
        )
    return section
