"""Who edits a region's profile besides the coordinator: the approved members whose own
profile names the region. A local role provider (borg.localrole) gives them Editor on it, so
the region workflow's "Modify portal content" decides, as everywhere on the platform."""

from borg.localrole.interfaces import ILocalRoleProvider
from clusterpolisee.regions.content import IRegionProfile
from plone import api
from zope.component import adapter
from zope.interface import implementer


EDITOR_ROLES = ("Editor",)
# The global role of every approved member (members/tiers.py).
APPROVED_ROLE = "ApprovedMember"


def is_member_of_region(user, region):
    """Whether ``user`` is an approved member whose profile names ``region``."""
    if user is None or not region:
        return False
    return user.getProperty("region", None) == region and APPROVED_ROLE in user.getRoles()


@implementer(ILocalRoleProvider)
@adapter(IRegionProfile)
class RegionMembersAreEditors:
    def __init__(self, context):
        self.context = context

    def getRoles(self, principal_id):
        region = getattr(self.context, "region", None)
        if not region or not principal_id:
            return ()
        user = api.user.get(userid=principal_id)
        return EDITOR_ROLES if is_member_of_region(user, region) else ()

    def getAllRoles(self):
        # The sharing tab lists them; the catalog's allowedRolesAndUsers does not need them
        # (Editor gives no View here that Anonymous lacks).
        region = getattr(self.context, "region", None)
        if not region:
            return
        acl_users = api.portal.get_tool("acl_users")
        for found in acl_users.searchUsers(region=region, exact_match=True):
            user = api.user.get(userid=found["userid"])
            if is_member_of_region(user, region):
                yield found["userid"], EDITOR_ROLES
