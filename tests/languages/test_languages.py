"""English and every partner language: language folders, switching, language-independent fields."""

from clusterpolisee import _
from clusterpolisee.consultations.questionnaires import FOLDER_ID
from clusterpolisee.languages.homes import LANGUAGE_CODES
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.base.interfaces import INavigationRoot
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import ObjectModifiedEvent
import html
import re
import requests


class TestLanguageFolders:
    def test_the_site_offers_english_and_every_partner_language(self, portal):
        assert api.portal.get_registry_record("plone.available_languages") == list(LANGUAGE_CODES)
        assert api.portal.get_registry_record("plone.default_language") == "en"

    def test_each_language_has_its_home_linked_to_the_english_one(self, portal):
        translations = ITranslationManager(portal["en"]).get_translations()
        assert sorted(translations) == sorted(LANGUAGE_CODES)
        for language in LANGUAGE_CODES:
            folder = portal[language]
            assert folder.Language() == language
            assert INavigationRoot.providedBy(folder)
            assert folder.getLayout() == "platform-home"
            assert api.content.get_state(folder) == "published"
        assert portal["el"].Title() == "Ελληνικά"

    def test_the_catalogs_translate_the_interface(self, portal):
        message = _("Public consultations")
        assert translate(message, target_language="el") == "Δημόσιες διαβουλεύσεις"
        assert translate(message, target_language="sq") == "Konsultime publike"
        assert translate(message, target_language="sr") == "Јавне консултације"


class TestLanguageIndependentFields:
    def test_consultation_dates_and_topic_follow_the_english_questionnaire(self, portal, clock):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        english = portal["en"][FOLDER_ID]["skills-jobs"]
        closes = clock.wall(days=3).replace(microsecond=0)
        english.closes = closes
        notify(ObjectModifiedEvent(english))
        for language in ("ro", "mk", "de"):
            translation = portal[language][FOLDER_ID]["skills-jobs"]
            assert translation.closes == closes
            assert translation.topic == "skills-jobs"

    def test_a_repository_translation_keeps_country_and_topics(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        practice = api.content.create(
            container=portal["en"],
            type="BestPractice",
            id="vouchers",
            title="Innovation vouchers",
            country="RO",
            topics=["innovation-rd"],
            transferability_score=4,
        )
        italian = ITranslationManager(practice).add_translation("it")
        assert italian.Language() == "it"
        assert italian.aq_parent.getId() == "it"
        assert italian.country == "RO"
        assert italian.topics == ["innovation-rd"]
        assert italian.transferability_score == 4
        practice.country = "BG"
        notify(ObjectModifiedEvent(practice))
        assert italian.country == "BG"


def switcher_links(page):
    """{language: address} of the language bar's links."""
    return {
        code: html.unescape(url)
        for code, url in re.findall(
            r'<li class="(?:currentLanguage )?language-([a-z]+)">\s*<a href="([^"]+)"', page
        )
    }


def html_lang(text):
    return re.search(r'<html[^>]* lang="([a-z]+)"', text).group(1)


class TestSwitchingLanguage:
    def test_a_language_home_speaks_its_language(self, functional):
        site = functional["portal"].absolute_url()
        greek = requests.get(f"{site}/el")
        assert greek.status_code == 200
        assert html_lang(greek.text) == "el"
        assert "Η πλατφόρμα σε αριθμούς" in greek.text
        # The shipped tagline and introduction, in the home's language.
        assert "Εξυπνότερες πολιτικές συστάδων για τη Νοτιοανατολική Ευρώπη" in greek.text
        assert "Politiche dei cluster più intelligenti" in requests.get(f"{site}/it").text
        hungarian = requests.get(f"{site}/hu/{FOLDER_ID}")
        assert html_lang(hungarian.text) == "hu"
        assert "Nyilvános konzultációk" in hungarian.text

    def test_the_switcher_leads_to_the_same_page_in_every_language(self, functional):
        site = functional["portal"].absolute_url()
        # A translated page: its translation, the query kept.
        page = requests.get(f"{site}/en/{FOLDER_ID}/sustainability?b_start=0").text
        links = switcher_links(page)
        assert set(links) == set(LANGUAGE_CODES)
        assert links["sk"] == f"{site}/sk/{FOLDER_ID}/sustainability?b_start=0"
        switched = requests.get(links["sk"])
        assert html_lang(switched.text) == "sk"
        # A language home's view: the same view on the other home.
        links = switcher_links(requests.get(f"{site}/it/@@platform-search").text)
        assert links["de"] == f"{site}/de/@@platform-search"
        # A language-neutral page: the same page, the interface switched.
        links = switcher_links(requests.get(f"{site}/repository").text)
        assert links["hu"] == f"{site}/repository?set_language=hu"
        switched = requests.get(links["hu"])
        assert html_lang(switched.text) == "hu"
        assert switched.cookies.get("I18N_LANGUAGE") == "hu"

    def test_pages_outside_the_language_folders_follow_the_visitor(self, functional):
        site = functional["portal"].absolute_url()
        chosen = requests.get(f"{site}/repository", cookies={"I18N_LANGUAGE": "it"})
        assert html_lang(chosen.text) == "it"
        browser = requests.get(f"{site}/repository", headers={"Accept-Language": "ro,en;q=0.5"})
        assert html_lang(browser.text) == "ro"
        default = requests.get(f"{site}/repository")
        assert html_lang(default.text) == "en"
        # No cookie on pages outside the homes (a caching proxy stores them), one when a visitor
        # comes through a home: the sections then speak its language.
        assert "Set-Cookie" not in default.headers
        session = requests.Session()
        session.get(f"{site}/it/@@platform-search")
        assert session.cookies.get("I18N_LANGUAGE") == "it"
        assert html_lang(session.get(f"{site}/repository").text) == "it"
