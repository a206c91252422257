"""The members' forum: topics that every approved member opens and answers, whatever their
working groups.

A forum (the working groups' own type: topics, threaded replies, followers) in the members'
area, so under the members' policy: the members' workflow shows it, its topics and their replies
to approved members only, and lets them open topics and reply. The site profile makes it; an
upgrade makes it on a site made before.
"""

from clusterpolisee import _
from clusterpolisee.core.security import disown
from plone import api
from plone.dexterity.utils import createContentInContainer


MEMBERS_AREA_ID = "members-area"
FORUM_ID = "forum"
FORUM_TITLE = _("Members' forum")
FORUM_DESCRIPTION = _(
    "Discussions between the approved members of the platform, across the working groups."
)


def members_forum(portal):
    """The forum of the members' area, or None."""
    area = portal.get(MEMBERS_AREA_ID)
    if area is None:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Forum", path={"query": "/".join(area.getPhysicalPath()), "depth": 1}
    ):
        return brain._unrestrictedGetObject()
    return None


def ensure_members_forum(portal):
    """Make the members' forum unless the members' area has one; returns it (None without a
    members' area). Nobody owns it: it is one of the platform's containers."""
    area = portal.get(MEMBERS_AREA_ID)
    if area is None:
        return None
    forum = members_forum(portal)
    if forum is None:
        # A forum is added where the platform puts one, never from a menu (global_allow off):
        # past the members' area's type constraints on purpose.
        fields = {
            "title": api.portal.translate(FORUM_TITLE),
            "description": api.portal.translate(FORUM_DESCRIPTION),
        }
        if FORUM_ID not in area:  # else a name chosen from the title
            fields["id"] = FORUM_ID
        forum = createContentInContainer(area, "Forum", checkConstraints=False, **fields)
        disown(forum)
    return forum
