"""Install and uninstall handlers of the clusterpolisee profiles."""

from clusterpolisee.consultations import ensure_consultations
from clusterpolisee.messages import ensure_mailbox
from clusterpolisee.sections import ensure_sections
from clusterpolisee.security import ensure_leaders_group
from clusterpolisee.security import ensure_tier_groups
from clusterpolisee.transforms import TRANSFORMS
from clusterpolisee.workspaces import ensure_workspaces
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


LANDING_VIEW = "platform-home"


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall and caching profiles from the add-ons control panel."""
        return ["clusterpolisee:uninstall", "clusterpolisee:caching"]


def landing_roots(portal):
    """The navigation roots that show the public landing: the site and its language folders."""
    roots = [portal]
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="LRF"):
        roots.append(brain._unrestrictedGetObject())
    return roots


def register_transforms():
    """Our text extractors for PDF, DOCX and ODT uploads, in place of any stock transform for
    the same input that needs a system binary (pdftotext, wvWare) the machine may lack."""
    transforms = api.portal.get_tool("portal_transforms")
    for name, (mimetype, _extract) in TRANSFORMS.items():
        for other in list(transforms.objectIds()):
            transform = transforms[other]
            if (
                other != name
                and mimetype in getattr(transform, "inputs", ())
                and (transform.output == "text/plain")
            ):
                transforms.unregisterTransform(other)
        if name not in transforms.objectIds():
            transforms.manage_addTransform(
                name, f"clusterpolisee.transforms.{name.split('_', 1)[1]}"
            )


def unregister_transforms():
    transforms = api.portal.get_tool("portal_transforms")
    for name in TRANSFORMS:
        if name in transforms.objectIds():
            transforms.unregisterTransform(name)


def post_install(context):
    """Create the tier groups, the sections, the six working groups' workspaces and the
    mailbox; register
    the text extractors; show the landing page on the site and every language root."""
    ensure_tier_groups()
    register_transforms()
    portal = api.portal.get()
    ensure_sections(portal)
    ensure_workspaces(portal)
    ensure_mailbox(portal)
    ensure_leaders_group()
    # The language root folders and, in each, the six public consultations.
    ensure_consultations(portal)
    for root in landing_roots(portal):
        root.setLayout(LANDING_VIEW)


def uninstall(context):
    """Give the navigation roots back their stock views; remove the text extractors. Content
    (workspaces included) stays: it belongs to the site."""
    unregister_transforms()
    portal = api.portal.get()
    for root in landing_roots(portal):
        if root.getLayout() == LANDING_VIEW:
            # Plone's own default views: the listing for the site, the folder view for LRFs.
            root.setLayout("listing_view")
