"""1010 -> 1011: the platform's content has its own profile (issue 16).

A site made by an earlier version holds the sections, working groups, language homes and
consultations that the new ``clusterpolisee:site`` profile creates: mark that profile applied, so
that a reinstall shows the landing page again and the add-ons panel tells the truth. The caching
policy is no longer a dependency of the default profile but applied by it: nothing changes.
"""

from clusterpolisee.setuphandlers import SITE_PROFILE
from plone import api


def upgrade(context):
    portal = api.portal.get()
    if "repository" in portal.objectIds() or "working-groups" in portal.objectIds():
        api.portal.get_tool("portal_setup").setLastVersionForProfile(SITE_PROFILE, "1000")
