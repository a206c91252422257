"""Install and uninstall handlers of the clusterpolisee profiles."""

from clusterpolisee.security import ensure_tier_groups
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


LANDING_VIEW = "platform-home"


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall profile from the add-ons control panel."""
        return ["clusterpolisee:uninstall"]


def landing_roots(portal):
    """The navigation roots that show the public landing: the site and its language folders."""
    roots = [portal]
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="LRF"):
        roots.append(brain._unrestrictedGetObject())
    return roots


def post_install(context):
    """Create the tier groups; show the landing page on the site and every language root."""
    ensure_tier_groups()
    portal = api.portal.get()
    for root in landing_roots(portal):
        root.setLayout(LANDING_VIEW)


def uninstall(context):
    """Give the navigation roots back their stock views."""
    portal = api.portal.get()
    for root in landing_roots(portal):
        if root.getLayout() == LANDING_VIEW:
            # Plone's own default views: the listing for the site, the folder view for LRFs.
            root.setLayout("listing_view")
