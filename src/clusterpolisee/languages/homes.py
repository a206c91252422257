"""The platform's languages: English and the partner languages, set up with plone.app.multilingual."""

from clusterpolisee.core.sections import publish
from clusterpolisee.core.security import assign_policy
from clusterpolisee.core.security import PUBLIC_POLICY
from plone import api
from plone.app.multilingual.browser.setup import SetupMultilingualSite
from Products.CMFPlacefulWorkflow.PlacefulWorkflowTool import WorkflowPolicyConfig_id


DEFAULT_LANGUAGE = "en"

# (code, name in English): English first, then the partners' languages.
LANGUAGES = (
    ("en", "English"),
    ("it", "Italian"),
    ("ro", "Romanian"),
    ("el", "Greek"),
    ("bg", "Bulgarian"),
    ("sl", "Slovenian"),
    ("hr", "Croatian"),
    ("sr", "Serbian"),
    ("sq", "Albanian"),
    ("mk", "Macedonian"),
    ("hu", "Hungarian"),
    ("sk", "Slovak"),
    ("de", "German"),
)
LANGUAGE_CODES = tuple(code for code, _name in LANGUAGES)
PARTNER_LANGUAGES = LANGUAGE_CODES[1:]
TRANSLATORS_GROUP = "translators"


def ensure_language_folders(portal):
    """One language root folder per language, linked as translations of the English one.

    plone.app.multilingual's own setup (``setupSite``) would also mark everything at the
    site root as language-neutral, wiping the language of every repository item: we call
    only the steps that create and link the folders.
    """
    setup = SetupMultilingualSite(portal)
    setup.context = portal
    setup.ensure_translatable(setup.folder_type)
    setup.ensure_translatable(setup.folder_type_language_independent)
    setup.languages = list(api.portal.get_registry_record("plone.available_languages"))
    setup.defaultLanguage = api.portal.get_registry_record("plone.default_language")
    available = api.portal.get_tool("portal_languages").getAvailableLanguages()
    for code in setup.languages:
        info = available[code]
        setup.setUpLanguage(code, info.get("native", info.get("name")))
    setup.linkTranslations()
    for folder in setup.folders.values():
        if WorkflowPolicyConfig_id not in folder.objectIds():
            # A language's content follows the public section's workflow: what a translator
            # translates waits for validation before it is published.
            assign_policy(folder, PUBLIC_POLICY)
            publish(folder)
        # Translators add translations here; they own them until a reviewer publishes them.
        if "Contributor" not in folder.get_local_roles_for_userid(TRANSLATORS_GROUP):
            folder.manage_setLocalRoles(TRANSLATORS_GROUP, ["Contributor"])
            folder.reindexObjectSecurity()
    return setup.folders
