"""The roster's changes, as the leader or the coordinator makes them, and members' requests to
join: shared by the roster's and the list of groups' forms (views and forms check who may).

Only approved members (``may_join_working_groups``) are given a roster role, whether on the
roster's page or on a sharing tab (``roster_roles_shared``, for ``@@sharing`` and ``@sharing``)."""

from clusterpolisee import _
from clusterpolisee.core.people import fullname
from clusterpolisee.members.tiers import may_join_working_groups
from clusterpolisee.messaging.notifications import notify
from clusterpolisee.workspaces.groups import ask_to_join
from clusterpolisee.workspaces.groups import LEADER
from clusterpolisee.workspaces.groups import MEMBER
from clusterpolisee.workspaces.groups import roster
from clusterpolisee.workspaces.groups import ROSTER_ROLES
from clusterpolisee.workspaces.groups import set_roster_role
from clusterpolisee.workspaces.groups import withdraw_join_request
from plone import api
from plone.rest.interfaces import IAPIRequest
from plone.restapi.deserializer import json_body
from zExceptions import BadRequest
from zExceptions import Redirect
from zope.globalrequest import getRequest


ACTIONS = ("invite", "accept", "decline", "lead", "remove")


def change_roster(workspace, user_id, action):
    """Invite, accept, decline, make leader or remove ``user_id``: (message, "info" or "error")."""
    if not user_id or api.user.get(userid=user_id) is None:
        return _("Choose a member."), "error"
    name, group = fullname(user_id), workspace.Title()
    mapping = {"name": name, "group": group}
    if action in ("invite", "accept", "lead") and not may_join_working_groups(user_id):
        return _("${name} is not an approved member of the platform.", mapping=mapping), "error"
    if action in ("invite", "accept"):
        if user_id in roster(workspace):
            withdraw_join_request(workspace, user_id)
            return _("${name} is already in the group.", mapping=mapping), "info"
        set_roster_role(workspace, user_id, MEMBER)
        notify(
            [user_id],
            _("You are in the working group ${group}", mapping=mapping),
            _("You are now a member of the working group ${group}.", mapping=mapping),
            workspace.absolute_url(),
        )
        return _("${name} is now in the group.", mapping=mapping), "info"
    if action == "decline":
        withdraw_join_request(workspace, user_id)
        return _("The request of ${name} is declined.", mapping=mapping), "info"
    if action == "lead":
        set_roster_role(workspace, user_id, LEADER)
        return _("${name} now leads the group.", mapping=mapping), "info"
    if action == "remove":
        refused = removal_refused(workspace, user_id)
        if refused is not None:
            return refused, "error"
        set_roster_role(workspace, user_id, None)
        return _("${name} is no longer in the group.", mapping=mapping), "info"
    return _("Unknown action."), "error"


def removal_refused(workspace, user_id):
    """Why ``user_id`` cannot be removed from the group (a message), or None: asked before the
    roster's page asks to confirm a removal, and again when it is confirmed."""
    group = roster(workspace)
    mapping = {"name": fullname(user_id), "group": workspace.Title()}
    if user_id not in group:
        return _("${name} is not in the group.", mapping=mapping)
    if {member for member, role in group.items() if role == LEADER} == {user_id}:
        return _(
            "The group needs a leader: make another member leader before removing ${name}.",
            mapping=mapping,
        )
    return None


def request_to_join(workspace, user_id, message=""):
    """``user_id`` asks to join; the leaders hear of it. Returns (message, kind)."""
    if user_id in roster(workspace):
        return _("You are already in this working group."), "info"
    ask_to_join(workspace, user_id, message[:1000] if isinstance(message, str) else "")
    leaders = [member for member, role in roster(workspace).items() if role == LEADER]
    mapping = {"name": fullname(user_id), "group": workspace.Title()}
    notify(
        leaders,
        _("${name} asks to join ${group}", mapping=mapping),
        _(
            "${name} asks to join the working group ${group}. Accept or decline on its roster.",
            mapping=mapping,
        ),
        f"{workspace.absolute_url()}/@@roster",
    )
    return _("Your request is sent to the group's leader."), "info"


def shared_principals(request):
    """The ids of the people and groups a sharing request changes (the page's form or
    ``@sharing``'s JSON ``entries``); None when the request does not say."""
    if request is None:
        return None
    entries = request.form.get("entries")
    if entries is None and IAPIRequest.providedBy(request):
        try:
            entries = json_body(request).get("entries")
        except (ValueError, AttributeError):
            entries = None
    if not isinstance(entries, list):
        return None
    # JSON objects, or the page's records (``entries.id:records``).
    return {
        entry.get("id") if isinstance(entry, dict) else getattr(entry, "id", None)
        for entry in entries
    }


def roster_roles_shared(obj, event):
    """The sharing tab (``@@sharing``, REST ``@sharing``) gave local roles on ``obj``: a roster
    role given to anyone but an approved member undoes the whole change (someone holding one from
    before, no longer approved, does not stop a change about others). REST answers 400; the
    page goes back to the sharing tab and says why."""
    request = getRequest()
    changed = shared_principals(request)
    refused = sorted(
        principal
        for principal, roles in obj.get_local_roles()
        if set(roles) & set(ROSTER_ROLES)
        and (changed is None or principal in changed)
        and not may_join_working_groups(principal)
    )
    if not refused:
        return
    message = _(
        "${name} is not an approved member of the platform: only approved members join a "
        "working group.",
        mapping={"name": ", ".join(fullname(principal) for principal in refused)},
    )
    if request is None or IAPIRequest.providedBy(request):
        raise BadRequest(api.portal.translate(message))
    api.portal.show_message(message, request=request, type="error")
    raise Redirect(f"{obj.absolute_url()}/@@sharing")  # an exception: nothing is saved
