"""Install and uninstall handlers of the clusterpolisee profiles.

``clusterpolisee:default`` installs what the platform is made of (types, workflows, registry,
catalog, permissions, groups, transforms) and nothing a site holds; ``clusterpolisee:site``
creates the platform's own sections, working groups, language homes and questionnaires, as
``make start`` and the test layers do. Uninstalling gives the site's configuration back as it
was before (footprint.py); content stays.
"""

from clusterpolisee import footprint
from clusterpolisee.authentication import signin
from clusterpolisee.authentication import sso
from clusterpolisee.authentication.accounts import lowercase_logins
from clusterpolisee.consultations.questionnaires import ensure_consultations
from clusterpolisee.cooperation.setup import ensure_partner_search
from clusterpolisee.cooperation.setup import SECTION_ID as PARTNER_SEARCH_ID
from clusterpolisee.core.identity import apply_identity
from clusterpolisee.core.sections import ensure_sections
from clusterpolisee.core.sections import SECTIONS
from clusterpolisee.core.security import disown
from clusterpolisee.members.forum import ensure_members_forum
from clusterpolisee.members.forum import members_forum
from clusterpolisee.members.tiers import ensure_leaders_group
from clusterpolisee.members.tiers import ensure_tier_groups
from clusterpolisee.messaging.mailbox import ensure_mailbox
from clusterpolisee.messaging.mailbox import MAILBOX_ID
from clusterpolisee.regions.profiles import ensure_regions
from clusterpolisee.regions.profiles import FOLDER_ID as REGIONS_ID
from clusterpolisee.repository.transforms import TRANSFORMS
from clusterpolisee.workspaces.groups import ensure_workspaces
from clusterpolisee.workspaces.groups import SECTION_ID as WORKING_GROUPS_ID
from clusterpolisee.workspaces.groups import workspace_containers
from plone import api
from plone.base.interfaces import INonInstallable
from Products.GenericSetup.tool import UNKNOWN
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
                name, f"clusterpolisee.repository.transforms.{name.split('_', 1)[1]}"
            )


def unregister_transforms():
    transforms = api.portal.get_tool("portal_transforms")
    for name in TRANSFORMS:
        if name in transforms.objectIds():
            transforms.unregisterTransform(name)


SITE_PROFILE = "clusterpolisee:site"
CACHING_PROFILE = "clusterpolisee:caching"


def is_platform_site():
    """True once the site profile made this site the platform (its sections and homes)."""
    setup = api.portal.get_tool("portal_setup")
    return setup.getLastVersionForProfile(SITE_PROFILE) != UNKNOWN


def pre_install(context):
    """Record the site's configuration before the default profile's own steps change it."""
    footprint.record_before(api.portal.get())


def post_install(context):
    """The tier and leaders groups, the text extractors, the caching policy and the platform's
    logo; the landing page again on a platform site (a reinstall)."""
    ensure_tier_groups()
    ensure_leaders_group()
    register_transforms()
    # Logins in any case (authentication/accounts.py); clashes are logged, nothing changes.
    lowercase_logins(api.portal.get())
    signin.install_plugin()
    # Single sign-on's defaults, and the login challenge left to the login form (sso.py).
    sso.setup_plugin()
    # Applied here, not as a dependency, so that the footprint records it and uninstalling
    # takes it back; plone.app.caching itself is a dependency.
    api.portal.get_tool("portal_setup").runAllImportStepsFromProfile(f"profile-{CACHING_PROFILE}")
    # The platform's logo and favicon, themed on every host (core/identity.py).
    apply_identity()
    portal = api.portal.get()
    if is_platform_site():
        show_landing(portal)
    footprint.record_after(portal)


def show_landing(portal):
    for root in landing_roots(portal):
        root.setLayout(LANDING_VIEW)


def create_site_content(context):
    """The site profile: the sections, the members' forum, the six working groups' workspaces,
    the mailbox, a home per language with its six consultations, and the landing page on each."""
    portal = api.portal.get()
    ensure_sections(portal)
    ensure_members_forum(portal)
    ensure_workspaces(portal)
    ensure_mailbox(portal)
    ensure_consultations(portal)
    ensure_regions(portal)
    ensure_partner_search(portal)
    show_landing(portal)
    disown_platform(portal)


def platform_containers(portal):
    """The site and the containers the platform is made of: its sections, the members' forum,
    the workspaces and their parts, the mailbox and the language homes."""
    yield portal
    for section_id, *_rest in SECTIONS:
        if section_id in portal:
            yield portal[section_id]
    forum = members_forum(portal)
    if forum is not None:
        yield forum
    working_groups = portal.get(WORKING_GROUPS_ID)
    if working_groups is not None:
        for workspace in working_groups.objectValues():
            if getattr(workspace, "portal_type", None) == "Workspace":
                yield from workspace_containers(workspace)
    if MAILBOX_ID in portal:
        yield portal[MAILBOX_ID]
    for folder_id in (REGIONS_ID, PARTNER_SEARCH_ID):
        if folder_id in portal:
            yield portal[folder_id]
    yield from landing_roots(portal)[1:]


def disown_platform(portal):
    """Nobody owns the platform's containers (core/security.py, disown)."""
    for container in platform_containers(portal):
        disown(container)


def uninstall(context):
    """Give the site's configuration back as it was before installing, and the navigation roots
    their stock views. Content (workspaces included) stays: it belongs to the site."""
    portal = api.portal.get()
    for root in landing_roots(portal):
        if root.getLayout() == LANDING_VIEW:
            # Plone's own default views: the listing for the site, the folder view for LRFs.
            root.setLayout("listing_view")
    signin.uninstall_plugin(portal)
    if not footprint.restore(portal):
        # Installed before the footprint was recorded: the uninstall profile's removals.
        unregister_transforms()
    api.portal.get_tool("portal_setup").unsetLastVersionForProfile(CACHING_PROFILE)
