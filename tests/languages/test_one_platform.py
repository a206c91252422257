"""One platform in every language (languages/platform.py): from every language home the same
figures, search results, feeds, calendars and indicators as the platform's, each item in the
visitor's language when a published translation exists; the catalog's ``shown_in_language``
follows translations as they are published, retracted and removed."""

from clusterpolisee import _
from clusterpolisee.core.sections import publish
from clusterpolisee.demo import data
from clusterpolisee.languages.homes import LANGUAGE_CODES
from clusterpolisee.languages.platform import in_language
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zope.i18n import translate
import feedparser
import icalendar
import re
import requests


PRACTICE = "Cluster innovation vouchers in the North-East region"
TRANSLATED = {
    language: title
    for english, language, title, _summary in data.PRACTICE_TRANSLATIONS
    if english == PRACTICE
}


def figures(text):
    return re.findall(r'<span class="h3 d-block mb-0">(\d+)</span>', text)


def result_titles(text):
    return re.findall(r'<h3 class="h5 mb-1"><a href="[^"]+"[^>]*>([^<]+)</a></h3>', text)


class TestEveryLanguageHome:
    def test_figures_search_feeds_and_indicators_match_the_platform(
        self, functional, demo_functional
    ):
        site = functional["portal"].absolute_url()
        root_figures = figures(requests.get(site).text)
        assert root_figures
        assert int(root_figures[0]) > 0
        root_results = result_titles(
            requests.get(f"{site}/@@platform-search", params={"SearchableText": "EUR"}).text
        )
        assert PRACTICE in root_results
        root_feed = feedparser.parse(requests.get(f"{site}/@@repository-feed").content)
        root_events = icalendar.Calendar.from_ical(requests.get(f"{site}/@@events.ics").content)
        root_indicators = requests.get(f"{site}/++api++/@indicators").json()
        root_facets = requests.get(f"{site}/++api++/@facets", params={"SearchableText": "EUR"})
        root_live = requests.get(f"{site}/@@ajax-search", params={"SearchableText": "EUR"}).json()

        for language in LANGUAGE_CODES:
            home = f"{site}/{language}"
            title = TRANSLATED.get(language, PRACTICE)
            assert figures(requests.get(home).text) == root_figures, language

            results = result_titles(
                requests.get(f"{home}/@@platform-search", params={"SearchableText": "EUR"}).text
            )
            assert len(results) == len(root_results), language
            assert title in results, language
            assert not {PRACTICE, *TRANSLATED.values()} - {title} & set(results), language

            feed = feedparser.parse(requests.get(f"{home}/@@repository-feed").content)
            assert feed.feed.language == language
            titles = [entry.title for entry in feed.entries]
            assert len(titles) == len(root_feed.entries), language
            assert title in titles, language

            events = icalendar.Calendar.from_ical(requests.get(f"{home}/@@events.ics").content)
            assert len(events.walk("VEVENT")) == len(root_events.walk("VEVENT")) > 0, language

            indicators = requests.get(f"{site}/++api++/{language}/@indicators").json()
            assert [row["value"] for row in indicators["items"]] == [
                row["value"] for row in root_indicators["items"]
            ], language

            # Plone's search page and the search box's live results search the platform too.
            live = requests.get(f"{home}/@@ajax-search", params={"SearchableText": "EUR"}).json()
            assert live["total"] == root_live["total"], language
            assert title in [item["title"] for item in live["items"]], language
            plone_search = requests.get(f"{home}/@@search", params={"SearchableText": "EUR"})
            assert title in plone_search.text, language

            facets = requests.get(
                f"{site}/++api++/{language}/@facets", params={"SearchableText": "EUR"}
            ).json()
            assert facets["items_total"] == root_facets.json()["items_total"], language
            # Type labels in the visitor's language: forms are consultations.
            if language == "it":
                types = requests.get(
                    f"{site}/++api++/it/@facets", params={"SearchableText": "cluster"}
                ).json()["facets"][0]
                assert {"value": "EasyForm", "title": "Consultazione"}.items() <= next(
                    value for value in types["values"] if value["value"] == "EasyForm"
                ).items()


class TestSectionNames:
    def test_the_sections_shipped_names_speak_the_visitors_language(
        self, functional, demo_functional
    ):
        site = functional["portal"].absolute_url()
        page = requests.get(
            f"{site}/members-area",
            auth=("luca.bianchi", data.DEMO_PASSWORD),
            cookies={"I18N_LANGUAGE": "de"},
        ).text
        name = translate(_("Members' area"), target_language="de")
        assert name != "Members' area"
        # The heading, the breadcrumbs and the menu.
        assert re.search(rf"<h1>\s*{re.escape(name)}\s*</h1>", page)
        assert page.count(f">{name}<") >= 2
        assert "Members' area" not in page


class TestShownInLanguage:
    def shown(self, language):
        """The test's practice and its translation as a listing in ``language`` shows them."""
        catalog = api.portal.get_tool("portal_catalog")
        found = catalog(portal_type="BestPractice", **in_language(language))
        return {brain.Title for brain in found} & {"Vouchers", "Voucher"}

    def test_a_published_translation_stands_for_its_language_only(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        original = api.content.create(
            container=portal["repository"], type="BestPractice", title="Vouchers"
        )
        publish(original)
        assert {language: self.shown(language) for language in ("en", "it", "de")} == {
            "en": {"Vouchers"},
            "it": {"Vouchers"},
            "de": {"Vouchers"},
        }
        # Translated but not published yet: the original still stands in for Italian.
        italian = ITranslationManager(original).add_translation("it")
        italian.title = "Voucher"
        italian.reindexObject()
        assert self.shown("it") == {"Vouchers", "Voucher"}
        assert self.shown("de") == {"Vouchers"}
        publish(italian)
        assert self.shown("it") == {"Voucher"}
        assert self.shown("en") == self.shown("de") == {"Vouchers"}
        # Unpublished, the original is back for Italian; removed, it stands for every language.
        api.content.transition(italian, transition="unpublish")
        assert "Vouchers" in self.shown("it")
        publish(italian)
        api.content.delete(italian)
        assert self.shown("it") == self.shown("de") == {"Vouchers"}

    def test_an_unpublished_original_hides_no_published_translation(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        original = api.content.create(
            container=portal["repository"], type="BestPractice", title="Vouchers"
        )
        italian = ITranslationManager(original).add_translation("it")
        italian.title = "Voucher"
        italian.reindexObject()
        publish(italian)
        # The English original is a draft: the published Italian stands in for every language.
        assert self.shown("de") == {"Voucher", "Vouchers"}  # the draft, for those who see it
        assert "Voucher" in self.shown("en")


class TestPloneSearchParameters:
    def test_odd_parameters_get_a_message_not_a_server_error(self, functional):
        site = functional["portal"].absolute_url()
        page = requests.get(f"{site}/it/@@search", params={"b_start": "ten"})
        assert page.status_code == 400
        assert "b_start" in page.text
        for params in (
            {"SearchableText": "a", "sort_on": "nope"},
            {"SearchableText": "a", "modified": "not a date"},
        ):
            assert requests.get(f"{site}/@@search", params=params).status_code == 400, params
            assert requests.get(f"{site}/@@ajax-search", params=params).status_code == 400
        for page in ("x", "²"):
            answer = requests.get(f"{site}/sitemap.xml.gz", params={"page": page})
            assert answer.status_code == 400, page
        negative = requests.get(f"{site}/@@search?SearchableText=EUR&b_start:int=-1")
        assert negative.status_code == 400
        live = requests.get(f"{site}/@@ajax-search", params={"SearchableText": ["a", "b"]})
        assert live.status_code == 400
        assert live.json() == {"error": "The search text must be a single line of text."}

    def test_numbers_as_the_search_form_and_its_page_links_send_them(self, functional):
        """Plone's search form and its page links send b_start:int, which arrives as a number."""
        site = functional["portal"].absolute_url()
        # What its form sends beside the words (Plone's search.pt), and an odd "created".
        created = "created.query:record:date=1970-01-02T00:00:00&created.range:record=min"
        for start in (0, 10):
            for view in ("@@search", "@@ajax-search"):
                answer = requests.get(f"{site}/{view}?SearchableText=EUR&b_start:int={start}")
                assert answer.status_code == 200, (view, start)
                answer = requests.get(
                    f"{site}/{view}?SearchableText=EUR&b_start:int={start}&{created}"
                )
                assert answer.status_code == 200, (view, start, created)
        odd = requests.get(f"{site}/@@search?SearchableText=EUR&created.query:record=x")
        assert odd.status_code == 400
