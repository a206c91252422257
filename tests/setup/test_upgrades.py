"""Upgrade steps bring a site made by an earlier version of the profile up to date."""

from clusterpolisee.core.sections import publish
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
import pytest


PROFILE = "clusterpolisee:default"


class TestUpgradeTo1001:
    def test_restores_types_indexes_and_taxonomy(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        types = api.portal.get_tool("portal_types")
        catalog = api.portal.get_tool("portal_catalog")
        # Back to what version 1000 had: none of the repository's types or indexes.
        types.manage_delObjects(["BestPractice", "Institution"])
        catalog.delIndex("country")
        catalog.delColumn("country")
        setup.setLastVersionForProfile(PROFILE, "1000")
        assert [step["dest"] for step in setup.listUpgrades(PROFILE)][:2] == [("1001",), ("1002",)]
        setup.upgradeProfile(PROFILE)
        assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
        assert {"BestPractice", "Institution"} <= set(types.objectIds())
        assert "country" in catalog.indexes()
        assert "country" in catalog.schema()
        assert "topics" in catalog.indexes()
        practice = api.content.create(
            container=portal, type="BestPractice", title="After the upgrade", country="HU"
        )
        assert practice.UID() == catalog(country="HU")[0].UID


class TestUpgradeTo1002:
    def test_adds_workflows_policies_and_tier_groups(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        workflows = api.portal.get_tool("portal_workflow")
        policies = api.portal.get_tool("portal_placeful_workflow")
        workflows.manage_delObjects(["clusterpolisee_public_workflow"])
        policies.manage_delObjects(["clusterpolisee_public"])
        api.group.delete(groupname="stc")
        setup.setLastVersionForProfile(PROFILE, "1001")
        setup.upgradeProfile(PROFILE)
        assert "clusterpolisee_public_workflow" in workflows.objectIds()
        assert "clusterpolisee_public" in policies.objectIds()
        assert "STCMember" in api.group.get_roles(groupname="stc")


class TestUpgradeTo1003:
    def test_adds_the_institution_member_field(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        memberdata = api.portal.get_tool("portal_memberdata")
        memberdata.manage_delProperties(["institution"])
        setup.setLastVersionForProfile(PROFILE, "1002")
        setup.upgradeProfile(PROFILE)
        assert memberdata.hasProperty("institution")


class TestUpgradeTo1004:
    def test_adds_workspace_types_workflows_and_the_six_workspaces(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        types = api.portal.get_tool("portal_types")
        workflows = api.portal.get_tool("portal_workflow")
        transforms = api.portal.get_tool("portal_transforms")
        api.content.delete(portal["working-groups"])
        types.manage_delObjects(["Decision", "WikiPage"])
        workflows.manage_delObjects(["clusterpolisee_decision_workflow"])
        transforms.unregisterTransform("clusterpolisee_pdf_to_text")
        setup.setLastVersionForProfile(PROFILE, "1003")
        setup.upgradeProfile(PROFILE)
        assert {"Decision", "WikiPage"} <= set(types.objectIds())
        assert "clusterpolisee_decision_workflow" in workflows.objectIds()
        assert "clusterpolisee_pdf_to_text" in transforms.objectIds()
        assert len(portal["working-groups"].contentIds()) == 6


class TestUpgradeTo1005:
    def test_adds_the_open_data_site_action(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        site_actions = api.portal.get_tool("portal_actions")["site_actions"]
        site_actions.manage_delObjects(["open-data"])
        setup.setLastVersionForProfile(PROFILE, "1004")
        setup.upgradeProfile(PROFILE)
        assert "open-data" in site_actions.objectIds()


class TestUpgradeTo1006:
    @pytest.mark.dates
    def test_adds_the_year_index_the_publications_tab_and_section_views(self, portal, clock):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        catalog = api.portal.get_tool("portal_catalog")
        tabs = api.portal.get_tool("portal_actions")["portal_tabs"]
        api.content.create(
            container=portal["repository"], type="BestPractice", id="kept", title="Kept practice"
        )
        catalog.delIndex("year")
        catalog.delColumn("contact_email")
        tabs.manage_delObjects(["publications"])
        portal["events"].setLayout("folder_contents")
        setup.setLastVersionForProfile(PROFILE, "1005")
        setup.upgradeProfile(PROFILE)
        assert "publications" in tabs.objectIds()
        assert portal["events"].getLayout() == "events-calendar"
        assert "contact_email" in catalog.schema()
        year = str(clock.today().year)  # created now: this year in the platform's zone
        assert [brain.getId for brain in catalog(year=year, portal_type="BestPractice")] == ["kept"]


class TestUpgradeTo1007:
    def test_adds_indicator_indexes_targets_permissions_and_tab(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        catalog = api.portal.get_tool("portal_catalog")
        tabs = api.portal.get_tool("portal_actions")["portal_tabs"]
        registry = getUtility(IRegistry)
        api.content.create(
            container=portal["repository"], type="BestPractice", id="kept", title="Kept practice"
        )
        catalog.delIndex("quarter")
        tabs.manage_delObjects(["indicators"])
        del registry.records["clusterpolisee.indicator_targets"]
        portal.manage_permission(
            "clusterpolisee: Manage indicator targets", roles=[], acquire=False
        )
        setup.setLastVersionForProfile(PROFILE, "1006")
        setup.upgradeProfile(PROFILE)
        assert "indicators" in tabs.objectIds()
        assert (
            len(catalog(quarter=catalog.uniqueValuesFor("quarter"), portal_type="BestPractice"))
            == 1
        )
        api.portal.set_registry_record("clusterpolisee.indicator_targets", {"networks": 3})
        roles = {
            role["name"]
            for role in portal.rolesOfPermission("clusterpolisee: Manage indicator targets")
            if role["selected"]
        }
        assert "Coordinator" in roles


class TestUpgradeTo1008:
    def test_turns_the_caching_policy_on(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        api.portal.set_registry_record("plone.caching.interfaces.ICacheSettings.enabled", False)
        setup.setLastVersionForProfile(PROFILE, "1007")
        setup.upgradeProfile(PROFILE)
        assert api.portal.get_registry_record("plone.caching.interfaces.ICacheSettings.enabled")
        mapping = api.portal.get_registry_record(
            "plone.caching.interfaces.ICacheSettings.operationMapping"
        )
        assert mapping["plone.content.itemView"] == "plone.app.caching.moderateCaching"


class TestUpgradeTo1009:
    def test_sets_up_every_language_the_consultations_and_the_translation_report(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        catalog = api.portal.get_tool("portal_catalog")
        actions = api.portal.get_tool("portal_actions")
        # Back to what version 1008 had: English only, no language folders, no consultations.
        api.portal.set_registry_record("plone.available_languages", ["en"])
        api.content.delete(objects=[portal["el"], portal["hu"]])
        catalog.delIndex("translation_outdated")
        actions.portal_tabs.manage_delObjects(["consultations"])
        api.group.delete(groupname="working-group-leaders")
        setup.setLastVersionForProfile(PROFILE, "1008")
        setup.upgradeProfile(PROFILE)
        assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
        assert len(api.portal.get_registry_record("plone.available_languages")) == 13
        assert portal["el"]["consultations"]["sustainability"].Language() == "el"
        assert portal["hu"].getLayout() == "platform-home"
        assert "translation_outdated" in catalog.indexes()
        assert "consultations" in actions.portal_tabs.objectIds()
        assert api.group.get(groupname="working-group-leaders") is not None
        assert len(catalog(portal_type="EasyForm", Language="hu")) == 6


@pytest.mark.dates
class TestUpgradeTo1010:
    def test_counts_items_in_the_year_and_quarter_of_the_platforms_zone(self, portal, clock):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        catalog = api.portal.get_tool("portal_catalog")
        practice = api.content.create(
            container=portal["repository"], type="BestPractice", title="Vouchers"
        )
        publish(practice)
        today = clock.today()
        quarter = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
        # As a site of version 1009 may have them: worked out in another zone, here none.
        catalog.manage_clearIndex(ids=["year", "quarter"])
        assert not catalog(UID=practice.UID(), quarter=quarter)
        setup.setLastVersionForProfile(PROFILE, "1009")
        setup.upgradeProfile(PROFILE)
        assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
        assert catalog(UID=practice.UID(), year=str(today.year), quarter=quarter)


class TestUpgradeTo1011:
    def test_marks_the_site_profile_applied_on_a_platform_site(self, portal):
        from Products.GenericSetup.tool import UNKNOWN

        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        # A site of version 1010: its sections were made by the default profile.
        setup.unsetLastVersionForProfile("clusterpolisee:site")
        assert setup.getLastVersionForProfile("clusterpolisee:site") == UNKNOWN
        setup.setLastVersionForProfile(PROFILE, "1010")
        setup.upgradeProfile(PROFILE)
        assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
        assert setup.getLastVersionForProfile("clusterpolisee:site") == ("1000",)


class TestUpgradeTo1012:
    def test_types_name_the_classes_at_their_new_home(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        fti = api.portal.get_tool("portal_types")["BestPractice"]
        # As a site of version 1011 has it (the old module still imports: MOVED_MODULES).
        fti._updateProperty("klass", "clusterpolisee.content.best_practice.BestPractice")
        fti._updateProperty("schema", "clusterpolisee.content.best_practice.IBestPractice")
        setup.setLastVersionForProfile(PROFILE, "1011")
        setup.upgradeProfile(PROFILE)
        assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
        assert fti.klass == "clusterpolisee.repository.content.best_practice.BestPractice"
        assert fti.schema == "clusterpolisee.repository.content.best_practice.IBestPractice"
        practice = api.content.create(
            container=portal["repository"], type="BestPractice", title="P"
        )
        assert practice.__class__.__module__ == "clusterpolisee.repository.content.best_practice"


class TestUpgradesKeepWhatASiteChanged:
    def test_records_types_and_actions_a_site_changed_stay_and_missing_ones_come(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        registry = getUtility(IRegistry)
        tabs = api.portal.get_tool("portal_actions")["portal_tabs"]
        types = api.portal.get_tool("portal_types")
        # What the site's administrators chose...
        registry["clusterpolisee.tagline"] = "Learning from each other"
        registry["plone.enable_self_reg"] = False
        tabs["indicators"].visible = False
        types["BestPractice"].title = "Good practice"
        # ... and what an earlier version lacked.
        del registry.records["clusterpolisee.indicator_targets"]
        tabs.manage_delObjects(["publications"])
        types.manage_delObjects(["Decision"])
        setup.setLastVersionForProfile(PROFILE, "1001")
        setup.upgradeProfile(PROFILE)
        assert registry["clusterpolisee.tagline"] == "Learning from each other"
        # What 1002 and 1004 brought is set again: registration and comments.
        assert registry["plone.enable_self_reg"] is True
        assert registry["plone.app.discussion.interfaces.IDiscussionSettings.globally_enabled"]
        assert tabs["indicators"].visible is False
        assert types["BestPractice"].title == "Good practice"
        assert "clusterpolisee.indicator_targets" in registry.records
        assert "publications" in tabs.objectIds()
        assert "Decision" in types.objectIds()
        assert "clusterpolisee.event_details" in types["Event"].behaviors


class TestUpgradeTo1013:
    def test_closes_the_holes_on_what_a_site_holds(self, portal):
        """A site of version 1012: a reply seen by anyone, a confidential item that inherits,
        a questionnaire saving raw answers, an account owning the mailbox."""
        from AccessControl.SpecialUsers import nobody
        from clusterpolisee.consultations.actions import EASYFORM_SAVE_DATA
        from clusterpolisee.consultations.actions import SAFE_SAVE_DATA
        from plone.app.discussion.interfaces import IConversation
        from zope.component import createObject

        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        catalog = api.portal.get_tool("portal_catalog")
        group = portal["working-groups"]["innovation-rd"]
        topic = api.content.create(container=group["forum"], type="ForumTopic", title="Vouchers")
        comment = createObject("plone.Comment")
        comment.text = "PrivateReplyText"
        conversation = IConversation(topic)
        comment = conversation[conversation.addComment(comment)]
        # Plone's one-state comment workflow let everyone see a reply.
        workflow_tool = api.portal.get_tool("portal_workflow")
        workflow_tool.setChainForPortalTypes(["Discussion Item"], ["comment_one_state_workflow"])
        workflow_tool["comment_one_state_workflow"].updateRoleMappingsFor(comment)
        comment.reindexObject()
        paper = api.content.create(container=group["documents"], type="Document", title="Paper")
        api.content.transition(paper, transition="make_confidential")
        del paper.__ac_local_roles_block__
        form = catalog.unrestrictedSearchResults(portal_type="EasyForm")[0]._unrestrictedGetObject()
        form.actions_model = form.actions_model.replace(SAFE_SAVE_DATA, EASYFORM_SAVE_DATA)
        portal["messages"].manage_setLocalRoles(TEST_USER_ID, ["Owner"])
        with api.env.adopt_user(user=nobody):
            assert catalog(SearchableText="PrivateReplyText")

        setup.setLastVersionForProfile(PROFILE, "1012")
        setup.upgradeProfile(PROFILE)

        assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
        with api.env.adopt_user(user=nobody):
            assert not catalog(SearchableText="PrivateReplyText")
        assert catalog(in_reply_to=comment.in_reply_to or 0, portal_type="Discussion Item")
        assert paper.__ac_local_roles_block__ is True
        assert SAFE_SAVE_DATA in form.actions_model
        assert "Owner" not in portal["messages"].get_local_roles_for_userid(TEST_USER_ID)


class TestUpgradeTo1014:
    def test_opens_the_journeys_on_what_a_site_holds(self, portal):
        """A site of version 1013: results that nobody may discuss, no members' forum, no
        validation queue, no targets record, no Translations tab, English results without a
        language, a Country question that starts on Albania."""
        from clusterpolisee.members.forum import members_forum
        from plone.base.interfaces import ILanguage

        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        types = api.portal.get_tool("portal_types")
        catalog = api.portal.get_tool("portal_catalog")
        actions = api.portal.get_tool("portal_actions")
        registry = getUtility(IRegistry)
        practice = api.content.create(
            container=portal["repository"], type="BestPractice", title="Vouchers"
        )
        ILanguage(practice).set_language("")
        forum = members_forum(portal)
        forum.aq_parent.manage_delObjects([forum.getId()])
        types["BestPractice"].allow_discussion = False
        del registry.records["clusterpolisee.indicator_topic_targets"]
        actions["user"].manage_delObjects(["validation-queue"])
        actions["object"].manage_delObjects(["translations"])
        catalog.delIndex("validation_requested")
        catalog.delColumn("validation_requested")

        setup.setLastVersionForProfile(PROFILE, "1013")
        setup.upgradeProfile(PROFILE)

        assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
        assert types["BestPractice"].allow_discussion
        assert members_forum(portal) is not None
        assert "clusterpolisee.indicator_topic_targets" in registry.records
        assert "validation-queue" in actions["user"].objectIds()
        assert "translations" in actions["object"].objectIds()
        assert "validation_requested" in catalog.indexes()
        assert ILanguage(practice).get_language() == "en"
        # Run again, it changes nothing more and keeps the one forum.
        setup.setLastVersionForProfile(PROFILE, "1013")
        setup.upgradeProfile(PROFILE)
        assert len(catalog.unrestrictedSearchResults(portal_type="Forum", id="forum")) >= 1


class TestUpgradeTo1015:
    def test_brings_the_whole_platform_to_every_language_home(self, portal):
        """A site of version 1014: no ``shown_in_language`` index, the interface following the
        content's language, the repository a folder listing, forms called "EasyForm"."""
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        catalog = api.portal.get_tool("portal_catalog")
        types = api.portal.get_tool("portal_types")
        practice = api.content.create(
            container=portal["repository"], type="BestPractice", title="Vouchers"
        )
        catalog.delIndex("shown_in_language")
        api.portal.set_registry_record("plone.use_content_negotiation", True)
        api.portal.set_registry_record("plone.use_path_negotiation", False)
        portal["repository"].setLayout("listing_view")
        types["EasyForm"].title = "EasyForm"
        types["EasyForm"].i18n_domain = "collective.easyform"
        portal["sr"].setTitle("Srpski")
        portal["it"].setTitle("La mia casa")  # a title somebody chose
        greek = api.user.create(
            email="eleni@example.org", username="eleni", properties={"country": "EL"}
        )

        setup.setLastVersionForProfile(PROFILE, "1014")
        setup.upgradeProfile(PROFILE)

        assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
        assert "shown_in_language" in catalog.indexes()
        found = catalog.unrestrictedSearchResults(shown_in_language=["it", "*"], Title="Vouchers")
        assert [brain.getObject() for brain in found] == [practice]
        assert not api.portal.get_registry_record("plone.use_content_negotiation")
        assert api.portal.get_registry_record("plone.use_path_negotiation")
        assert portal["repository"].getLayout() == "repository-listing"
        assert (types["EasyForm"].title, types["EasyForm"].i18n_domain) == (
            "Consultation",
            "clusterpolisee",
        )
        assert (portal["sr"].Title(), portal["it"].Title()) == ("Српски", "La mia casa")
        assert api.user.get(userid=greek.getId()).getProperty("country") == "GR"
        # A layout the site chose stays.
        portal["repository"].setLayout("full_view")
        setup.setLastVersionForProfile(PROFILE, "1014")
        setup.upgradeProfile(PROFILE)
        assert portal["repository"].getLayout() == "full_view"


class TestUpgradeTo1016:
    def test_brings_the_levels_of_security_in_authentication(self, portal):
        """A site of version 1015: passwords checked by the user folder alone, no sign-in
        security settings, no single sign-on, logins in their case."""
        from clusterpolisee.authentication import signin
        from clusterpolisee.authentication import sso
        from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin

        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        registry = api.portal.get_tool("portal_registry")
        actions = api.portal.get_tool("portal_actions")
        pas = portal.acl_users
        signin.uninstall_plugin(portal)
        pas._delObject(sso.get_plugin().getId())
        setup.unsetLastVersionForProfile("pas.plugins.oidc:default")
        for name in list(registry.records.keys()):
            if name.startswith("clusterpolisee.authentication."):
                del registry.records[name]
        actions.user.manage_delObjects(["two-factor"])
        pas.login_transform = ""
        api.user.create(email="mixed@example.org", username="Mixed.Case", password="a-Secret-9")
        api.portal.set_registry_record("plone.smtp_host", "localhost")  # a site's own setting

        setup.setLastVersionForProfile(PROFILE, "1015")
        setup.upgradeProfile(PROFILE)

        assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
        authenticators = [name for name, _plugin in pas.plugins.listPlugins(IAuthenticationPlugin)]
        assert authenticators[0] == signin.PLUGIN_ID
        assert signin.PASSWORDS_PLUGIN_ID not in authenticators
        assert api.portal.get_registry_record("clusterpolisee.authentication.lockout_attempts") == 5
        assert "coordinators" in api.portal.get_registry_record(
            "clusterpolisee.authentication.two_factor_groups"
        )
        assert "two-factor" in actions.user.objectIds()
        assert sso.get_plugin() is not None
        assert pas.login_transform == "lower"
        assert pas.authenticate("MIXED.case", "a-Secret-9", portal.REQUEST) is not None
        assert api.portal.get_registry_record("plone.smtp_host") == "localhost"


class TestUpgradeTo1017:
    def test_gives_the_site_the_platforms_face(self, portal):
        """A site of version 1016: Plone's logo and favicon, 127.0.0.1 unthemed, no privacy
        notice in the footer, sections not marked. A site's own logo stays."""
        from clusterpolisee.core import identity
        from clusterpolisee.interfaces import IPlatformSection
        from plone.formwidget.namedfile.converter import b64decode_file
        from zope.interface import noLongerProvides

        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        actions = api.portal.get_tool("portal_actions")
        registry = getUtility(IRegistry)
        registry["plone.site_logo"] = None
        registry["plone.site_favicon"] = None
        api.portal.set_registry_record(identity.UNTHEMED_HOSTS, ["127.0.0.1"])
        actions.site_actions.manage_delObjects(["privacy-notice"])
        noLongerProvides(portal["repository"], IPlatformSection)

        setup.setLastVersionForProfile(PROFILE, "1016")
        setup.upgradeProfile(PROFILE)

        assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
        name, data = b64decode_file(api.portal.get_registry_record("plone.site_logo"))
        assert (name, data) == (identity.LOGO, identity.logo_bytes())
        assert api.portal.get_registry_record("plone.site_favicon_mimetype") == "image/svg+xml"
        assert api.portal.get_registry_record(identity.UNTHEMED_HOSTS) == []
        assert "privacy-notice" in actions.site_actions.objectIds()
        assert IPlatformSection.providedBy(portal["repository"])

        # Run again on a site with a logo of its own and its own unthemed host: both stay.
        own = b"filenameb64:b3duLnBuZw==;datab64:iVBORw0KGgo="
        api.portal.set_registry_record("plone.site_logo", own)
        api.portal.set_registry_record(identity.UNTHEMED_HOSTS, ["plain.example.org"])
        setup.setLastVersionForProfile(PROFILE, "1016")
        setup.upgradeProfile(PROFILE)
        assert api.portal.get_registry_record("plone.site_logo") == own
        assert api.portal.get_registry_record(identity.UNTHEMED_HOSTS) == ["plain.example.org"]


class TestUpgradeTo1018:
    def test_adds_regions_partner_search_and_transfers(self, portal):
        """A site of version 1017: none of the new types, workflows, permissions, index,
        folders; a practice already there gets its evidence indexed."""
        from clusterpolisee.core.sections import publish

        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        types = api.portal.get_tool("portal_types")
        workflow = api.portal.get_tool("portal_workflow")
        catalog = api.portal.get_tool("portal_catalog")
        practice = api.content.create(
            container=portal["repository"],
            type="BestPractice",
            title="Evidenced practice",
            evidence_links=["https://example.org/evaluation"],
        )
        publish(practice)
        api.content.delete(portal["regions"])
        api.content.delete(portal["partner-search"])
        types.manage_delObjects(["RegionProfile", "CooperationRequest", "Transfer"])
        workflow.manage_delObjects(
            ["clusterpolisee_region_workflow", "clusterpolisee_cooperation_workflow"]
        )
        fti = types["BestPractice"]
        fti.allowed_content_types = tuple(
            name for name in fti.allowed_content_types if name != "Transfer"
        )
        catalog.delIndex("has_evidence")
        catalog.delColumn("has_evidence")
        portal.manage_permission("clusterpolisee: Express interest", roles=[], acquire=False)

        setup.setLastVersionForProfile(PROFILE, "1017")
        setup.upgradeProfile(PROFILE)

        assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
        assert {"RegionProfile", "CooperationRequest", "Transfer"} <= set(types.objectIds())
        assert "Transfer" in types["BestPractice"].allowed_content_types
        assert workflow.getChainForPortalType("RegionProfile") == (
            "clusterpolisee_region_workflow",
        )
        assert workflow.getChainForPortalType("CooperationRequest") == (
            "clusterpolisee_cooperation_workflow",
        )
        assert "ApprovedMember" in [
            role["name"]
            for role in portal.rolesOfPermission("clusterpolisee: Express interest")
            if role["selected"]
        ]
        assert [brain.Title for brain in catalog(has_evidence=True)] == ["Evidenced practice"]
        assert len(portal["regions"].objectIds()) == 75
        assert api.content.get_state(portal["regions"]) == "published"
        assert "partner-search" in portal
        # A transfer has no workflow of its own in the repository: it follows its practice.
        policy = api.portal.get_tool("portal_placeful_workflow")["clusterpolisee_public"]
        assert policy.getChainFor("Transfer") == ()


class TestUpgradeTo1019:
    def test_the_sections_that_grow_keep_no_order(self, portal):
        """A site of version 1018: the repository stores the order of its items; after the
        upgrade it stores none, and its items are all still found and listed."""
        from plone.folder.default import DefaultOrdering
        from plone.folder.unordered import UnorderedOrdering
        from zope.annotation.interfaces import IAnnotations

        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        catalog = api.portal.get_tool("portal_catalog")
        repository = portal["repository"]
        # A new site's repository keeps no order from the start; a 1018 site's did.
        assert isinstance(repository.getOrdering(), UnorderedOrdering)
        repository.setOrdering("")
        for number in range(3):
            api.content.create(
                container=repository, type="BestPractice", id=f"practice-{number}", title="P"
            )
        assert "practice-2" in IAnnotations(repository)[DefaultOrdering.ORDER_KEY]

        setup.setLastVersionForProfile(PROFILE, "1018")
        setup.upgradeProfile(PROFILE)

        assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
        for section_id in ("repository", "institutions", "events"):
            assert isinstance(portal[section_id].getOrdering(), UnorderedOrdering), section_id
        assert DefaultOrdering.ORDER_KEY not in IAnnotations(repository)
        assert {"practice-0", "practice-1", "practice-2"} <= set(repository.objectIds())
        # Added after: found, and a listing by position still answers, in the ids' order.
        api.content.create(container=repository, type="BestPractice", id="practice-3", title="P")
        listed = catalog(
            portal_type="BestPractice",
            path={"query": "/plone/repository", "depth": 1},
            sort_on="getObjPositionInParent",
        )
        assert [brain.getId for brain in listed] == [f"practice-{n}" for n in range(4)]
        assert DefaultOrdering.ORDER_KEY not in IAnnotations(repository)


class TestUpgradeTo1020:
    def test_rich_text_is_html_and_the_editor_has_no_resize_handle(self, portal):
        """A site of version 1019 with Plone's defaults: after the upgrade rich text is HTML
        only and TinyMCE is not resized by a handle."""
        setup = api.portal.get_tool("portal_setup")
        api.portal.set_registry_record("plone.allowed_types", ("text/html", "text/x-web-textile"))
        api.portal.set_registry_record("plone.resizing", True)

        setup.setLastVersionForProfile(PROFILE, "1019")
        setup.upgradeProfile(PROFILE)

        assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
        assert tuple(api.portal.get_registry_record("plone.allowed_types")) == ("text/html",)
        assert api.portal.get_registry_record("plone.resizing") is False

    def test_what_the_site_chose_in_site_setup_stays(self, portal):
        setup = api.portal.get_tool("portal_setup")
        chosen = ("text/html", "text/x-web-markdown")
        api.portal.set_registry_record("plone.allowed_types", chosen)

        setup.setLastVersionForProfile(PROFILE, "1019")
        setup.upgradeProfile(PROFILE)

        assert tuple(api.portal.get_registry_record("plone.allowed_types")) == chosen

    def test_a_new_site_has_them_from_the_start(self, portal):
        assert tuple(api.portal.get_registry_record("plone.allowed_types")) == ("text/html",)
        assert api.portal.get_registry_record("plone.resizing") is False
