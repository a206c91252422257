"""The Scientific and Technical Committee's validation queue and its rule.

Everything waiting for the STC: the public section's items submitted for validation (the public
workflow's "pending" state, working-group proposals included, see chain.py) and, should one be
left from before proposals reached the public section, a workspace item proposed for
publication that has no public item yet. Oldest first, by the moment it started waiting (the
``validation_requested`` index and column, kept by ``waiting_reindexed``).

Only the STC validates (the public workflow's guards), and nobody validates an item they wrote:
``may_validate``, which the workflow's guards ask through the ``@@may-validate`` view.
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from clusterpolisee import _
from clusterpolisee.core import people
from clusterpolisee.members.directory import listed_member_ids
from clusterpolisee.publishing import chain
from clusterpolisee.workspaces.groups import SECTION_ID
from clusterpolisee.workspaces.groups import WORKING_GROUP_TITLES
from DateTime import DateTime
from plone import api
from plone.indexer import indexer
from zope.interface import Interface


PUBLIC_WORKFLOW = "clusterpolisee_public_workflow"
WORKSPACE_WORKFLOW = "clusterpolisee_workspace_workflow"
# The states in which an item waits for the STC, per workflow.
WAITING = {PUBLIC_WORKFLOW: "pending", WORKSPACE_WORKFLOW: "proposed"}
INDEX = "validation_requested"
STC_GROUP = "stc"
# The site's technical administrators (the account that installs the site and loads the demo)
# publish what they made themselves; every person of the platform is a tier role.
VALIDATE_OWN_ITEMS = "clusterpolisee: Validate own items"


def authors(obj):
    """The ids of the people who wrote ``obj``: its creators and its owner."""
    found = set(obj.listCreators()) if hasattr(aq_base(obj), "listCreators") else set()
    owner = obj.getOwnerTuple() if hasattr(aq_base(obj), "getOwnerTuple") else None
    if owner:
        found.add(owner[1])
    return found


def may_validate(obj):
    """Whether the current user may take the STC's decision on ``obj`` (publish, send back):
    never on an item they wrote. Who is on the STC is the workflow's guard roles."""
    # A permission, not the account's roles: a script's adopted roles count too.
    if getSecurityManager().checkPermission(VALIDATE_OWN_ITEMS, obj):
        return True
    if api.user.is_anonymous():
        return False
    return api.user.get_current().getId() not in authors(obj)


def _entered(obj, workflow_id, state):
    """When ``obj`` last entered ``state`` of ``workflow_id`` (a DateTime), or None."""
    history = getattr(aq_base(obj), "workflow_history", {}).get(workflow_id) or ()
    for entry in reversed(history):
        if entry.get("review_state") == state:
            return entry.get("time")
    return None


def waiting_since(obj):
    """When ``obj`` started waiting for the STC, or None when it is not waiting."""
    histories = getattr(aq_base(obj), "workflow_history", None) or {}
    # Cheap first (this runs for every object indexed): the last state each history recorded.
    candidates = [
        workflow_id
        for workflow_id, state in WAITING.items()
        if (histories.get(workflow_id) or [{}])[-1].get("review_state") == state
    ]
    if not candidates:
        return None
    workflow_tool = api.portal.get_tool("portal_workflow")
    for workflow in workflow_tool.getWorkflowsFor(obj):
        if workflow.getId() in candidates:
            return _entered(obj, workflow.getId(), WAITING[workflow.getId()]) or obj.created()
    return None


@indexer(Interface)
def validation_requested(obj):
    since = waiting_since(obj)
    if since is None:
        raise AttributeError(INDEX)
    return since


def waiting_reindexed(obj, event):
    """Every transition of the two workflows changes whether, and since when, an item waits."""
    # Not on creation (no transition): a new item waits for nobody, and is indexed whole.
    if event.transition is not None and event.workflow.getId() in WAITING:
        obj.reindexObject(idxs=[INDEX])


def age(since, now=None):
    """How long ago ``since`` was, as a person says it: "3 days", "5 hours"."""
    now = now or DateTime()
    hours = int((now - since) * 24)
    if hours < 1:
        return _("age_less_than_an_hour", default="less than an hour")
    if hours < 24:
        if hours == 1:
            return _("age_one_hour", default="1 hour")
        return _("age_hours", default="${count} hours", mapping={"count": hours})
    days = hours // 24
    if days == 1:
        return _("age_one_day", default="1 day")
    return _("age_days", default="${count} days", mapping={"count": days})


def _type_title(portal_type):
    fti = api.portal.get_tool("portal_types").getTypeInfo(portal_type)
    return fti.Title() if fti is not None else portal_type


def _group_of(brain):
    """The working group ``brain`` comes from: a public item's group (its ``working_group``,
    chain.py), a workspace item's own workspace (whose id is its topic's)."""
    group_id = getattr(brain, "working_group", None)
    if brain.review_state == WAITING[WORKSPACE_WORKFLOW]:
        # /plone/working-groups/<group>/...
        parts = brain.getPath().split("/")
        if SECTION_ID in parts[:-2]:
            group_id = parts[parts.index(SECTION_ID) + 1]
    return WORKING_GROUP_TITLES.get(group_id) if group_id else None


def _author_names():
    """The function that names an author as the member directory would for the current user
    (as the bylines do): a hidden profile is "a member of the platform"."""
    listed = listed_member_ids()

    def name(user_id):
        if listed is None or user_id in listed or api.user.get(userid=user_id) is None:
            return people.fullname(user_id)
        return _("a member of the platform")

    return name


def items():
    """What waits for the STC that the current user may see, oldest first: one catalog query
    (the queue is short: sorted here, so that an item indexed before the ``validation_requested``
    index existed still shows, by its creation date)."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(review_state=list(WAITING.values()))
    proposed = WAITING[WORKSPACE_WORKFLOW]
    if any(brain.review_state == proposed for brain in brains):
        # A workspace item whose public item is in the queue already is listed as that item.
        linked = chain.proposed_source_uids()
        brains = [b for b in brains if b.review_state != proposed or b.UID not in linked]
    now = DateTime()
    author = _author_names()
    found = []
    for brain in brains:
        since = getattr(brain, INDEX, None) or brain.created
        found.append(
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "type": _type_title(brain.portal_type),
                "author": author(brain.Creator),
                "group": _group_of(brain),
                "since": since,
                "age": age(since, now),
                "proposal": brain.review_state == proposed,
            }
        )
    found.sort(key=lambda item: item["since"])
    return found


def validators():
    """The ids of the STC's members."""
    return [user.getId() for user in api.user.get_users(groupname=STC_GROUP)]
