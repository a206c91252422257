"""The platform's languages: English and the partner languages, set up with plone.app.multilingual."""

from clusterpolisee.core.sections import publish
from clusterpolisee.core.sections import SECTIONS
from clusterpolisee.core.security import assign_policy
from clusterpolisee.core.security import PUBLIC_POLICY
from plone import api
from plone.app.multilingual.browser.setup import SetupMultilingualSite
from plone.app.multilingual.dx.interfaces import IDexterityTranslatable
from plone.app.multilingual.factory import DefaultTranslationLocator
from plone.app.multilingual.interfaces import ILanguageRootFolder
from plone.app.multilingual.interfaces import ITranslatable
from plone.app.multilingual.interfaces import ITranslationLocator
from plone.app.multilingual.interfaces import LANGUAGE_INDEPENDENT
from plone.app.multilingual.subscriber import set_recursive_language
from plone.base.interfaces import ILanguage
from Products.CMFCore.interfaces import IFolderish
from Products.CMFCore.utils import getToolByName
from Products.CMFPlacefulWorkflow.PlacefulWorkflowTool import WorkflowPolicyConfig_id
from zope.component import adapter
from zope.interface import implementer
from zope.lifecycleevent.interfaces import IObjectAddedEvent


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
        setup.setUpLanguage(code, home_title(code, available[code]))
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


# A language's name as its home is titled, where the platform writes the language in another
# script than Plone's name for it (plone.i18n names Serbian in Latin, "Srpski").
HOME_TITLES = {"sr": "Српски"}
# What plone.i18n has called the languages, whichever script it was set to (its names depend on
# the zope_i18n_allowed_languages environment variable).
PLONE_TITLES = {"sr": ("Srpski", "српски")}


def home_title(code, info):
    """The title of a language's home: the language's own name (``info``, portal_languages'
    entry for it), in the script the platform writes the language in."""
    return HOME_TITLES.get(code) or info.get("native", info.get("name"))


def retitle_language_homes(portal):
    """Title the language homes as ``home_title`` names them, where a home still has the title
    plone.app.multilingual gave it (a title a person chose stays). Returns the codes of the
    homes it retitled. For sites made before: the Serbian home was "Srpski"."""
    languages = getToolByName(portal, "portal_languages")
    available = languages.getAvailableLanguages()
    retitled = []
    for code in languages.getSupportedLanguages():
        home = portal.get(code)
        info = available.get(code, {})
        title = home_title(code, info)
        if not ILanguageRootFolder.providedBy(home) or home.Title() == title:
            continue
        if home.Title() in (info.get("native"), info.get("name"), *PLONE_TITLES.get(code, ())):
            home.setTitle(title)
            home.reindexObject()
            retitled.append(code)
    return retitled


# The public sections (core/sections.py) hold the platform's results, written in English; they
# live outside the language homes, so plone.app.multilingual leaves them without a language.
PUBLIC_SECTION_IDS = tuple(
    section_id
    for section_id, *_rest, policy_below, _layout in SECTIONS
    if policy_below == PUBLIC_POLICY
)


def language_home(language):
    """The language's home folder (``/it``), or None."""
    home = api.portal.get().get(language)
    return home if ILanguageRootFolder.providedBy(home) else None


def in_public_section(obj):
    """Whether ``obj`` is inside one of the public sections (not the section itself)."""
    portal_path = api.portal.get().getPhysicalPath()
    path = obj.getPhysicalPath()[len(portal_path) :]
    return len(path) > 1 and path[0] in PUBLIC_SECTION_IDS


def make_english(obj, added=False):
    """Give a language-neutral item of a public section (and what it holds) English, as the
    English item of its translation group. Returns whether it did."""
    if ILanguage(obj).get_language() != LANGUAGE_INDEPENDENT or not in_public_section(obj):
        return False
    if added and not (IFolderish.providedBy(obj) and obj.objectIds()):
        # Alone in the translation group plone.app.multilingual gave it (every new item and
        # every copy gets one of its own): its language is all there is to set, without the
        # catalog searches and updates that would triple the time of adding it.
        ILanguage(obj).set_language(DEFAULT_LANGUAGE)
    else:
        # plone.app.multilingual's own function, for the item and what it holds.
        set_recursive_language(obj, DEFAULT_LANGUAGE)
    return True


def added_to_public_section(obj, event):
    """What is added to a public section is English: runs after plone.app.multilingual gave it
    its folder's language, none."""
    make_english(obj, added=True)


def moved_to_public_section(obj, event):
    # Additions are added_to_public_section's, after plone.app.multilingual's own handler.
    if IObjectAddedEvent.providedBy(event) or event.newParent is None:
        return
    make_english(obj)


def english_public_content(portal):
    """Give English to every language-neutral item of the public sections (and to what they
    hold); returns how many items it changed. For sites made before their content had a
    language."""
    changed = 0
    for section_id in PUBLIC_SECTION_IDS:
        section = portal.get(section_id)
        if section is None:
            continue
        for obj in section.contentValues():
            if ITranslatable.providedBy(obj) and make_english(obj):
                changed += 1
    return changed


@implementer(ITranslationLocator)
@adapter(IDexterityTranslatable)
class LanguageHomeLocator:
    """Where a translation goes: plone.app.multilingual's closest translated folder; for an item
    whose folders have no translation (the public sections, outside the language homes), the
    home of the translation's language."""

    def __init__(self, context):
        self.context = context

    def __call__(self, language):
        parent = DefaultTranslationLocator(self.context)(language)
        if ILanguage(parent).get_language() == language:
            return parent
        home = language_home(language)
        return home if home is not None else parent
