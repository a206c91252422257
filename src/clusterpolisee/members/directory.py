"""Whose names a person may see: the rule of the member directory, for every route that names
members (Plone's Users and Principals vocabularies, the querystring options, the author page,
the message recipients).

Approved members (permission "clusterpolisee: View member directory") see the members of the
tiers whose profile is visible, and themselves; who approves members ("clusterpolisee: Approve
members": the coordinator, site administrators) sees every account. Nobody else sees any name:
not visitors, not registrants waiting for approval, not partner members.
"""

from clusterpolisee.members.tiers import TIER_GROUP_IDS
from clusterpolisee.members.tiers import tier_memberships
from plone import api


VIEW_DIRECTORY = "clusterpolisee: View member directory"
APPROVE_MEMBERS = "clusterpolisee: Approve members"


def sees_every_profile():
    """Whether the current user sees every account, hidden profiles and registrants included."""
    return bool(api.user.has_permission(APPROVE_MEMBERS, obj=api.portal.get()))


def sees_names():
    return bool(api.user.has_permission(VIEW_DIRECTORY, obj=api.portal.get()))


def tier_members():
    """{user id: user} of the members of a tier that takes part in the platform (every tier but
    the public followers)."""
    members = {}
    for user_id, tiers in tier_memberships().items():
        if set(tiers) - {"public-followers"}:
            user = api.user.get(userid=user_id)
            if user is not None:
                members[user_id] = user
    return members


def profile_visible(user):
    return bool(user.getProperty("profile_visible", True))


def listed_member_ids():
    """The ids of the accounts whose names the current user may see; None: every account."""
    if api.user.is_anonymous():
        return frozenset()
    if sees_every_profile():
        return None
    if not sees_names():
        return frozenset()
    listed = {user_id for user_id, user in tier_members().items() if profile_visible(user)}
    listed.add(api.user.get_current().getId())
    return frozenset(listed)


def may_see_member(user_id):
    """Whether the current user may see the name and page of the account ``user_id``: the rule
    of ``listed_member_ids`` for one account, which reads that account alone (a byline asked the
    whole directory three times per page)."""
    if api.user.is_anonymous():
        return False
    if sees_every_profile():
        return True
    if not sees_names():
        return False
    if user_id == api.user.get_current().getId():
        return True
    user = api.user.get(userid=user_id) if user_id else None
    if user is None or not profile_visible(user):
        return False
    return bool(set(user.getGroups()) & set(TIER_GROUP_IDS) - {"public-followers"})
