"""One platform in thirteen languages, walked in Chromium on the demo: in each language a visitor
opens the language home, the repository, searches for a word, opens a practice, the events
calendar and the indicators, and finds the whole platform (the root's figures) with the
interface in their language: no English string of Plone's or the add-on's on any page.

The demo's practice "Cluster innovation vouchers in the North-East region" is translated into
Italian and Romanian: visitors in those languages find the translation, the others the English
original, marked as English."""

from clusterpolisee import _
from clusterpolisee.demo import data
from clusterpolisee.languages.homes import LANGUAGE_CODES
from playwright.sync_api import expect
from tests.conftest import SCREENSHOTS
from zope.i18n import translate
import pytest
import re


pytestmark = pytest.mark.browser

PRACTICE = "Cluster innovation vouchers in the North-East region"
TRANSLATED = {
    language: title
    for english, language, title, _summary in data.PRACTICE_TRANSLATIONS
    if english == PRACTICE
}
# A word of the practice's summary in English, Italian and Romanian alike.
WORD = "EUR"
EVENT = "European Cluster Conference"

# Interface strings a visitor meets on these pages, Plone's and the add-on's, as (the English
# text, its domain, its msgid): none may be left in English in another language.
ENGLISH_INTERFACE = (
    ("Log in", "plone", "Log in"),
    ("Register", "plone", "Register"),
    ("Search Site", "plone", "title_search_site"),
    ("Upcoming Events", "plone", "box_events"),
    ("Previous events", "plone", "box_previous_events"),
    ("Upcoming events", "plone", "box_upcoming_events"),
    ("Site Map", "plone", "Site Map"),
    ("Accessibility", "plone", "Accessibility"),
    ("Contact", "plone", "Contact"),
    ("Powered by Plone", "plone", "label_powered_by_plone"),
    ("Search the platform", "clusterpolisee", "Search the platform"),
    ("The platform in figures", "clusterpolisee", "heading_headline_figures"),
    ("Best practices identified", "clusterpolisee", "Best practices identified"),
    ("Narrow the results", "clusterpolisee", "heading_narrow_results"),
    ("Newest first", "clusterpolisee", "Newest first"),
    ("Events calendar", "clusterpolisee", "Events calendar"),
    ("Performance indicators", "clusterpolisee", "Performance indicators"),
    ("Open data", "clusterpolisee", "Open data"),
    ("Repository", "clusterpolisee", "Repository"),
    ("Institutions", "clusterpolisee", "Institutions"),
    ("Indicators", "clusterpolisee", "Indicators"),
    ("Consultations", "clusterpolisee", "Consultations"),
    ("Publications", "clusterpolisee", "Publications"),
    ("Best practice", "clusterpolisee", "Best practice"),
    ("Policy assessment", "clusterpolisee", "Policy assessment"),
)


MISSING = "\x00"  # what translate answers for a message the language's catalogs lack


def in_language(message, language):
    return translate(message, target_language=language)


def english_left(page, language):
    """The English interface strings on the page that the language says otherwise (or does
    not say at all); a word the language borrows as it is (Italian's "Repository") is not."""
    text = page.locator("body").inner_text()
    left = []
    for english, domain, msgid in ENGLISH_INTERFACE:
        if translate(msgid, domain=domain, target_language=language, default=MISSING) == english:
            continue
        if re.search(rf"(?<![\w-]){re.escape(english)}(?![\w-])", text):
            left.append(english)
    return left


# Screenshots of a few languages' pages, to look at: a Latin, a Cyrillic and a Greek script.
PICTURED = ("en", "it", "sr", "el")


def snapshot(page, language, step):
    if language in PICTURED:
        page.screenshot(path=str(SCREENSHOTS / f"languages-{language}-{step}.png"), full_page=True)


def figures(page):
    return page.locator(".platform-figures .h3").all_inner_texts()


def test_every_language_reaches_the_whole_platform(page, site_url, demo_functional):
    page.goto(site_url)
    root_figures = figures(page)
    assert int(root_figures[0]) > 0, root_figures
    page.goto(f"{site_url}/@@indicators")
    root_practices = page.locator("#indicator-best-practices .h2").inner_text()

    for language in LANGUAGE_CODES:
        english = language == "en"
        seen = []

        # The language home: the platform's figures, the platform's sections in the menu.
        page.goto(f"{site_url}/{language}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator(".platform-figures .h3")).to_have_text(root_figures)
        snapshot(page, language, "home")
        seen.append(("home", [] if english else english_left(page, language)))

        # The repository, from the menu.
        repository = in_language(_("Repository"), language)
        page.locator("#portal-globalnav").get_by_role("link", name=repository, exact=True).click()
        expect(page).to_have_url(re.compile(r"/repository$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(repository)
        expect(page.get_by_role("link", name=TRANSLATED.get(language, PRACTICE))).to_be_visible()
        seen.append(("repository", [] if english else english_left(page, language)))

        # A search from the header's box: one result per practice, in the visitor's language
        # where it is translated.
        if language == "it":
            # The search box's live results, as the visitor types: the platform's, in Italian.
            page.locator("#searchGadget").press_sequentially("voucher", delay=50)
            live = page.locator("#portal-searchbox")
            expect(
                live.get_by_role("link", name=re.compile(re.escape(TRANSLATED["it"])))
            ).to_be_visible()
            snapshot(page, language, "live-search")
        page.locator("#searchGadget").fill(WORD)
        page.locator("#searchGadget").press("Enter")
        title = TRANSLATED.get(language, PRACTICE)
        result = page.locator(".faceted-result-list").get_by_role("link", name=title)
        expect(result).to_be_visible()
        others = [other for other in (PRACTICE, *TRANSLATED.values()) if other != title]
        for other in others:
            expect(page.get_by_role("link", name=other)).to_have_count(0)
        snapshot(page, language, "search")
        seen.append(("search", [] if english else english_left(page, language)))

        # The practice: in the visitor's language, or marked as English.
        result.click()
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        marker = page.locator(".content-language")
        if language in TRANSLATED or english:
            expect(marker).to_have_count(0)
        else:
            expect(marker).to_contain_text("English")
            expect(marker.locator('[lang="en"]')).to_have_text("English")
        seen.append(("practice", [] if english else english_left(page, language)))

        # The events calendar, from the menu.
        page.locator("#portal-globalnav").get_by_role(
            "link", name=in_language(_("Events"), language), exact=True
        ).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            in_language(_("Events calendar"), language)
        )
        expect(page.get_by_role("link", name=EVENT).first).to_be_visible()
        snapshot(page, language, "events")
        seen.append(("events", [] if english else english_left(page, language)))

        # The indicators, from the menu: the platform's figures.
        page.locator("#portal-globalnav").get_by_role(
            "link", name=in_language(_("Indicators"), language), exact=True
        ).click()
        expect(page.locator("#indicator-best-practices .h2")).to_have_text(root_practices)
        seen.append(("indicators", [] if english else english_left(page, language)))

        assert [(step, left) for step, left in seen if left] == [], language


def test_back_on_a_home_her_browser_holds_a_visitor_keeps_its_language(
    page, site_url, demo_functional
):
    """Her browser asks again for the Italian home it holds, and Plone answers "not modified"
    (or from its RAM cache): the sections outside the homes follow that home's language still,
    not the English she chose in between."""
    page.goto(f"{site_url}/it")
    expect(page.locator("html")).to_have_attribute("lang", "it")
    page.goto(f"{site_url}/en")
    page.locator("#portal-globalnav").get_by_role("link", name="Repository", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(f"{site_url}/it")
    expect(page.locator("html")).to_have_attribute("lang", "it")
    repository = in_language(_("Repository"), "it")
    page.locator("#portal-globalnav").get_by_role("link", name=repository, exact=True).click()
    expect(page).to_have_url(re.compile(r"/repository$"))
    expect(page.locator("html")).to_have_attribute("lang", "it")
    expect(page.get_by_role("link", name=TRANSLATED["it"])).to_be_visible()
