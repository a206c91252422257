"""The tiers of membership (full, associated, partner, the STC, coordinators, translators,
public followers) as groups with their global roles, and the working-group leaders' group."""

from clusterpolisee import _
from plone import api


# (group id, title, global roles). Approval of a member puts them in one of these groups.
# Partner members get no ApprovedMember role: they see only what they are invited to.
TIER_GROUPS = (
    ("full-members", _("Full members"), ("FullMember", "ApprovedMember")),
    ("associated-members", _("Associated members"), ("AssociatedMember", "ApprovedMember")),
    ("partner-members", _("Partner members"), ("PartnerMember",)),
    ("stc", _("Scientific and Technical Committee"), ("STCMember", "ApprovedMember")),
    ("coordinators", _("Platform coordinators"), ("Coordinator", "ApprovedMember")),
    ("translators", _("Translators"), ("Translator", "ApprovedMember")),
    # Approved, but no more than any registered member may do: receives news and consultations.
    ("public-followers", _("Public followers"), ()),
)
TIER_GROUP_IDS = tuple(group_id for group_id, _title, _roles in TIER_GROUPS)
# The tiers whose members take part in working groups: every tier that brings a role (partner
# members join where they are invited); public followers do not.
ROSTER_TIER_IDS = tuple(group_id for group_id, _title, roles in TIER_GROUPS if roles)


def ensure_tier_groups():
    """Create the tier groups with their roles; keep existing ones and their members."""
    for group_id, title, roles in TIER_GROUPS:
        group = api.group.get(groupname=group_id)
        if group is None:
            group = api.group.create(groupname=group_id, title=title.default)
        if roles:
            api.group.grant_roles(group=group, roles=list(roles))


# Not a tier: the leaders of the working groups, kept in step with the rosters
# (workspaces.set_roster_role). Its role lets them see the consultations' results.
LEADERS_GROUP = ("working-group-leaders", _("Working-group leaders"), ("ConsultationAnalyst",))


def ensure_leaders_group():
    group_id, title, roles = LEADERS_GROUP
    group = api.group.get(groupname=group_id)
    if group is None:
        group = api.group.create(groupname=group_id, title=title.default)
    api.group.grant_roles(group=group, roles=list(roles))
    return group


def tier_memberships():
    """{user id: [tier group ids]} for every member in a tier group, one lookup per group."""
    memberships = {}
    for group_id in TIER_GROUP_IDS:
        for user in api.user.get_users(groupname=group_id):
            memberships.setdefault(user.getId(), []).append(group_id)
    return memberships


def may_join_working_groups(user_id):
    """Whether ``user_id`` is a person approved into a tier that takes part in working groups:
    a registrant waiting for approval, a public follower or a group is not."""
    user = api.user.get(userid=user_id) if user_id else None
    if user is None:
        return False
    groups = {group.getId() for group in api.group.get_groups(user=user)}
    return bool(groups & set(ROSTER_TIER_IDS))
