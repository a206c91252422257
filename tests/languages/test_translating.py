"""Translating the public results, on the demo content: the repository's items are English and
offer translators the toolbar and its Translate menu; the translation goes to its language's
home; the side-by-side form shows the source to whoever may view it; the first change of a
source puts its translations on the list to update, and copies of the facts that do not change
with the language never count as a translator's edit (whichever way they are copied)."""

from AccessControl import Unauthorized
from clusterpolisee.languages.homes import english_public_content
from clusterpolisee.languages.translations import is_outdated
from clusterpolisee.languages.views import TranslationsToUpdateView
from plone import api
from plone.app.multilingual.browser.menu import TranslateMenu
from plone.app.multilingual.browser.menu import TranslateSubMenuItem
from plone.app.multilingual.dx.subscriber import handler as language_independent_fields
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import SITE_OWNER_NAME
from plone.base.interfaces import ILanguage
from zope.component import getMultiAdapter
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent
import pytest
import re
import time


TRANSLATOR = "giulia.ferrari"  # the demo's Italian translator (demo/data.py)
COORDINATOR = "platform.coordinator"
PRACTICE = "open-laboratories-for-agri-food-clusters-in-central-macedonia"


@pytest.fixture
def practice(demo_integration, portal):
    return portal["repository"][PRACTICE]


def translate(source, language="it"):
    """A translator's translation, where plone.app.multilingual puts it (the Translate menu's
    target), linked to its source as ``POST <source>/@translations`` does."""
    with api.env.adopt_user(username=TRANSLATOR):
        folder = ITranslationManager(source).add_translation_delegated(language)
        translation = api.content.create(
            container=folder, type=source.portal_type, id=source.getId(), title="Laboratori aperti"
        )
        ITranslationManager(source).register_translation(language, translation)
    return translation


def edit_as_a_person(obj, **fields):
    """What the edit form does: set the fields, then tell which ones changed."""
    for name, value in fields.items():
        setattr(obj, name, value)
    notify(ObjectModifiedEvent(obj, Attributes(None, *fields)))


class TestRepositoryItemsAreTranslatable:
    def test_the_demo_results_are_english(self, practice, portal):
        assert practice.Language() == "en"
        catalog = api.portal.get_tool("portal_catalog")
        for section in ("repository", "institutions", "events"):
            path = "/".join(portal[section].getPhysicalPath())
            assert len(catalog(path={"query": path, "depth": 1}, Language="")) == 0, section
        # The sections themselves follow the visitor's language (tests/languages/test_languages.py).
        assert portal["repository"].Language() == ""

    def test_a_translator_gets_the_toolbar_and_the_translate_menu(self, practice, request_):
        with api.env.adopt_user(username=TRANSLATOR):
            context_state = getMultiAdapter((practice, request_), name="plone_context_state")
            assert "translations" in [action["id"] for action in context_state.actions("object")]
            assert practice.restrictedTraverse("@@plone").showToolbar()
            assert TranslateSubMenuItem(practice, request_).available()
            actions = [
                item["action"]
                for item in TranslateMenu("plone_contentmenu_multilingual", "", "").getMenuItems(
                    practice, request_
                )
            ]
        assert f"{practice.absolute_url()}/@@create_translation?language=it" in actions

    def test_nobody_else_gets_the_translations_tab(self, practice, request_):
        with api.env.adopt_user(username="luca.bianchi"):
            context_state = getMultiAdapter((practice, request_), name="plone_context_state")
            assert "translations" not in [a["id"] for a in context_state.actions("object")]

    def test_the_translation_goes_to_the_language_home(self, practice, portal):
        with api.env.adopt_user(username=TRANSLATOR):
            assert ITranslationManager(practice).add_translation_delegated("it") == portal["it"]
        italian = translate(practice)
        assert italian.aq_parent == portal["it"]
        assert italian.Language() == "it"
        assert ITranslationManager(practice).get_translation("it") == italian
        assert api.user.get_roles(username=TRANSLATOR, obj=italian).count("Owner") == 1
        assert api.content.get_state(italian) == "private"

    def test_the_source_beside_the_form_is_for_whoever_may_view_it(self, practice):
        with api.env.adopt_user(username=TRANSLATOR):
            source = practice.restrictedTraverse("@@babel_view")()
        assert re.search(r'<div id="view_language"\s*>en</div>', source)
        assert practice.Title() in source
        # What the translator translates; not the facts copied to every translation.
        assert 'id="policy_type"' not in source
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            draft = api.content.create(
                container=practice.aq_parent, type="BestPractice", id="draft", title="Draft"
            )
        with api.env.adopt_user(username=TRANSLATOR), pytest.raises(Unauthorized):
            draft.restrictedTraverse("@@babel_view")

    def test_new_items_in_the_public_sections_are_english(self, practice, portal):
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            for section in ("repository", "institutions", "events"):
                item = api.content.create(
                    container=portal[section], type="Document", id="new", title="New"
                )
                assert item.Language() == "en", section
            moved = api.content.create(
                container=portal["members-area"], type="Document", id="moved", title="Moved"
            )
            assert moved.Language() == ""
            moved = api.content.move(moved, portal["repository"])
            assert moved.Language() == "en"

    def test_an_older_site_gets_english_for_its_public_results(self, practice, portal):
        for obj in (practice, portal["events"].contentValues()[0]):
            ILanguage(obj).set_language("")
        assert english_public_content(portal) == 2
        assert practice.Language() == "en"
        assert ITranslationManager(practice).get_translation("en") == practice


class TestTranslationsToUpdate:
    def test_the_first_change_of_a_source_lists_its_translation(self, practice, request_):
        italian = translate(practice)
        assert not is_outdated(italian)
        time.sleep(0.01)
        with api.env.adopt_user(username=COORDINATOR):
            edit_as_a_person(practice, description="Open to dairy producers too.")
        assert is_outdated(italian)
        with api.env.adopt_user(username=TRANSLATOR):
            report = TranslationsToUpdateView(api.portal.get(), request_).items()
        assert [item["url"] for item in report] == [italian.absolute_url()]

    def test_copying_the_facts_is_not_a_translators_edit(self, practice):
        italian = translate(practice)
        time.sleep(0.01)
        with api.env.adopt_user(username=COORDINATOR):
            edit_as_a_person(practice, description="Now with a budget.")
            # plone.app.multilingual copies the facts that do not change with the language to
            # the translations (on this change, or a later one: whatever the order of the
            # subscribers); the translation still needs its summary translated.
            practice.budget = 250000
            language_independent_fields.handle_modified(practice)
        assert italian.budget == 250000
        assert is_outdated(italian)

    def test_a_translation_changes_no_source(self, practice):
        practice.budget = 5000
        italian, greek = translate(practice), translate(practice, "el")
        # Linked, the translations got the facts that do not change with the language.
        assert italian.budget == greek.budget == 5000
        catalog = api.portal.get_tool("portal_catalog")
        indexed = catalog.unrestrictedSearchResults(country=practice.country, Language="it")
        assert [brain.getPath() for brain in indexed] == ["/".join(italian.getPhysicalPath())]
        time.sleep(0.01)
        with api.env.adopt_user(username=TRANSLATOR):
            edit_as_a_person(italian, title="Laboratori aperti ai caseifici")
        with api.env.adopt_user(username=COORDINATOR):
            # A fact corrected in the Italian: copied to the source and the Greek, whose readers
            # read nothing new to translate.
            edit_as_a_person(italian, budget=1000)
        assert practice.budget == greek.budget == 1000
        assert not is_outdated(italian)
        assert not is_outdated(greek)
