"""The roster's changes, as the leader or the coordinator makes them, and members' requests to
join: shared by the roster's and the list of groups' forms (views and forms check who may)."""

from clusterpolisee import _
from clusterpolisee.core.people import fullname
from clusterpolisee.members.tiers import tier_memberships
from clusterpolisee.messaging.notifications import notify
from clusterpolisee.workspaces.groups import ask_to_join
from clusterpolisee.workspaces.groups import LEADER
from clusterpolisee.workspaces.groups import MEMBER
from clusterpolisee.workspaces.groups import roster
from clusterpolisee.workspaces.groups import set_roster_role
from clusterpolisee.workspaces.groups import withdraw_join_request
from plone import api


ACTIONS = ("invite", "accept", "decline", "lead", "remove")


def change_roster(workspace, user_id, action):
    """Invite, accept, decline, make leader or remove ``user_id``: (message, "info" or "error")."""
    if not user_id or api.user.get(userid=user_id) is None:
        return _("Choose a member."), "error"
    name, group = fullname(user_id), workspace.Title()
    mapping = {"name": name, "group": group}
    approved = set(tier_memberships().get(user_id, ())) - {"public-followers"}
    if action in ("invite", "accept", "lead") and not approved:
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
        leaders = {member for member, role in roster(workspace).items() if role == LEADER}
        if leaders == {user_id}:
            return _(
                "The group needs a leader: make another member leader before removing ${name}.",
                mapping=mapping,
            ), "error"
        set_roster_role(workspace, user_id, None)
        return _("${name} is no longer in the group.", mapping=mapping), "info"
    return _("Unknown action."), "error"


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
