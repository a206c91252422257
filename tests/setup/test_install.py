"""The default profile installs the platform; the uninstall profile removes it cleanly."""

from clusterpolisee.core.sections import SECTIONS
from clusterpolisee.interfaces import IClusterpoliseeLayer
from clusterpolisee.interfaces import IPlatformSettings
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.base.utils import get_installer
from plone.browserlayer.utils import registered_layers
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
import pytest


PACKAGE = "clusterpolisee"
DEPENDENCIES = (
    "plone.app.contenttypes",
    "plone.restapi",
    "plone.app.discussion",
    "plone.app.multilingual",
    "collective.easyform",
    "collective.taxonomy",
    "Products.CMFPlacefulWorkflow",
    "pas.plugins.oidc",
)


class TestInstall:
    @pytest.fixture(autouse=True)
    def _setup(self, portal):
        self.portal = portal
        self.installer = get_installer(portal)

    def test_product_installed(self):
        assert self.installer.is_product_installed(PACKAGE)

    @pytest.mark.parametrize("dependency", DEPENDENCIES)
    def test_dependency_installed(self, dependency):
        assert self.installer.is_product_installed(dependency)

    def test_browserlayer(self):
        assert IClusterpoliseeLayer in registered_layers()

    def test_profile_version_is_current(self):
        setup = api.portal.get_tool("portal_setup")
        profile_id = f"{PACKAGE}:default"
        assert setup.getLastVersionForProfile(profile_id) == (
            setup.getVersionForProfile(profile_id),
        )
        assert not setup.listUpgrades(profile_id)
        assert setup.listUpgrades(f"{PACKAGE}:default") == []

    def test_settings_have_defaults(self):
        settings = getUtility(IRegistry).forInterface(IPlatformSettings, prefix=PACKAGE)
        assert settings.tagline == "Smarter cluster policies for South East Europe"
        assert settings.coordinator_email == "coordinator@clusterpolisee.eu"
        assert settings.videoconference_base_url == "https://meet.jit.si/"

    def test_controlpanel_configlet(self):
        controlpanel = api.portal.get_tool("portal_controlpanel")
        actions = {action.getAction(self.portal)["id"] for action in controlpanel.listActions()}
        assert PACKAGE in actions

    def test_stylesheet_bundle_registered(self):
        registry = getUtility(IRegistry)
        assert registry["plone.bundles/clusterpolisee.enabled"] is True
        assert registry["plone.bundles/clusterpolisee.csscompilation"] == (
            "++plone++clusterpolisee/platform.css"
        )

    def test_site_shows_the_landing_page(self):
        assert self.portal.getLayout() == "platform-home"


class TestUninstall:
    @pytest.fixture(autouse=True)
    def _uninstall(self, portal):
        self.portal = portal
        setRoles(portal, TEST_USER_ID, ["Manager"])
        get_installer(portal).uninstall_product(PACKAGE)
        setRoles(portal, TEST_USER_ID, ["Member"])

    def test_product_uninstalled(self):
        assert not get_installer(self.portal).is_product_installed(PACKAGE)

    def test_browserlayer_removed(self):
        assert IClusterpoliseeLayer not in registered_layers()

    def test_settings_removed(self):
        registry = getUtility(IRegistry)
        assert "clusterpolisee.tagline" not in registry.records
        with pytest.raises(KeyError):
            registry.forInterface(IPlatformSettings, prefix=PACKAGE)

    def test_stylesheet_bundle_removed(self):
        assert "plone.bundles/clusterpolisee.enabled" not in getUtility(IRegistry).records

    def test_controlpanel_configlet_removed(self):
        controlpanel = api.portal.get_tool("portal_controlpanel")
        actions = {action.getAction(self.portal)["id"] for action in controlpanel.listActions()}
        assert PACKAGE not in actions

    def test_site_still_renders(self, request_):
        assert self.portal.getLayout() == "listing_view"
        html = self.portal.restrictedTraverse(self.portal.getLayout())()
        assert "<html" in html

    def test_reinstall_works(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        get_installer(self.portal).install_product(PACKAGE)
        assert get_installer(self.portal).is_product_installed(PACKAGE)
        assert self.portal.getLayout() == "platform-home"


class TestSections:
    def test_profile_creates_the_sections_under_their_policies(self, portal):
        workflow_tool = api.portal.get_tool("portal_workflow")
        for section_id, *_rest in SECTIONS:
            assert section_id in portal.objectIds(), section_id
        for section_id in ("repository", "institutions", "events"):
            assert api.content.get_state(portal[section_id]) == "published"
        assert api.content.get_state(portal["members-area"]) == "internal"
        assert workflow_tool.getChainFor(portal["working-groups"]["innovation-rd"]["forum"]) == (
            "clusterpolisee_group_workflow",
        )
        assert portal["messages"].portal_type == "Mailbox"


class TestIntoAnExistingSite:
    """Installed into a Plone site of its own, the add-on adds no content; uninstalled, it leaves
    the site's configuration as it found it (its dependencies stay installed, as in Plone)."""

    @pytest.fixture
    def bare(self, integration):
        from Products.CMFPlone.factory import addPloneSite
        from Testing.makerequest import makerequest
        from zope.component.hooks import setSite
        from zope.globalrequest import getRequest
        from zope.globalrequest import setRequest
        import gc
        import uuid

        portal, request = integration["portal"], getRequest()
        # A request of its own: the test site's carries the platform's browser layers.
        app = makerequest(integration["app"].aq_base)
        setRequest(app.REQUEST)
        # A name of its own each time, and the last site's schemas collected first: dexterity names a
        # site's generated schema after the site, zope.interface keys its dependents weakly by that
        # name, and a dead schema of the same name would take the new one's entry with it when the
        # garbage collector comes (a KeyError at random in the full run).
        gc.collect()
        site_id = f"bare-{uuid.uuid4().hex[:8]}"
        try:
            with api.env.adopt_roles(["Manager"]):
                site = addPloneSite(app, site_id, extension_ids=("plonetheme.barceloneta:default",))
                setup = site.portal_setup
                for dependency in setup.getDependenciesForProfile(f"profile-{PACKAGE}:default"):
                    setup.runAllImportStepsFromProfile(dependency)
                yield site
        finally:
            setRequest(request)
            setSite(portal)
            gc.collect()

    def test_install_adds_no_content_and_uninstall_gives_plone_back(self, bare):
        from clusterpolisee.footprint import configuration

        before, content = configuration(bare), set(bare.objectIds())
        installer = get_installer(bare)
        with api.env.adopt_roles(["Manager"]):
            installer.install_product(PACKAGE)
            installed = configuration(bare)
            assert set(bare.objectIds()) == content
            assert "BestPractice" in installed["types"]
            installer.uninstall_product(PACKAGE)
        after = configuration(bare)
        changed = {
            f"{part}: {key}"
            for part in before
            for key in (
                set(before[part]) ^ set(after[part])
                | {
                    k
                    for k in set(before[part]) & set(after[part])
                    if before[part][k] != after[part][k]
                }
                if isinstance(before[part], dict)
                else ({"value"} if before[part] != after[part] else set())
            )
        }
        assert changed == set()
        assert not installer.is_product_installed(PACKAGE)

    def test_uninstall_keeps_what_others_added_since_and_survives_a_reapplied_profile(self, bare):
        from clusterpolisee.footprint import configuration
        from plone.registry import field
        from plone.registry import Record

        installer = get_installer(bare)
        with api.env.adopt_roles(["Manager"]):
            installer.install_product(PACKAGE)
            # The profile applied again (as an upgrade or a reinstall does)...
            bare.portal_setup.runAllImportStepsFromProfile(f"profile-{PACKAGE}:default")
            # ... and what an administrator or another add-on added afterwards.
            api.group.create(groupname="editors-of-elsewhere")
            bare.portal_registry.records["elsewhere.setting"] = Record(field.TextLine(), "kept")
            bare.portal_catalog.addIndex("elsewhere_index", "FieldIndex")
            installer.uninstall_product(PACKAGE)
        after = configuration(bare)
        assert "editors-of-elsewhere" in after["groups"]
        assert after["registry"]["elsewhere.setting"] == "kept"
        assert "elsewhere_index" in after["catalog"]["indexes"]
        assert "BestPractice" not in after["types"]
        assert "clusterpolisee.tagline" not in after["registry"]
