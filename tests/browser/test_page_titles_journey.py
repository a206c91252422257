"""The browser's title of every page says what the page is, then the platform's name, in the
visitor's language (WCAG 2.4.2), in Chromium on the demo site: pages called on a language home
were titled "Italiano" or "English", and the platform's own pages (messages, indicators,
topics, a group's members) only by the site's name, so that a screen reader's first words and a
browser's tabs told them apart from nothing."""

from clusterpolisee.core.face import PLATFORM_NAME
from playwright.sync_api import expect
from tests.browser.steps import log_in
from tests.conftest import SCREENSHOTS
from zope.i18n import translate
import pytest


pytestmark = pytest.mark.browser

WG4 = "WG4 Innovation and R&D"


@pytest.fixture
def site(demo_functional, functional):
    return functional


def expect_titled(page, heading, name):
    """The page's heading, and its title: the heading, then the platform's name."""
    expect(page.locator("h1").first).to_have_text(heading)
    expect(page).to_have_title(f"{heading} — {name}")


class TestPageTitles:
    def test_a_visitor_reads_where_she_is_in_her_language(self, page, site_url, site):
        name = translate(PLATFORM_NAME, target_language="it")
        assert name != str(PLATFORM_NAME)
        page.goto(f"{site_url}/it")
        # The home: the platform's name alone, not the folder's ("Italiano").
        expect(page.locator("h1").first).to_have_text(name)
        expect(page).to_have_title(name)
        expect(page.locator(".platform-footer-name")).to_have_text(name)

        # A central topic, from the home's cards.
        topic = page.locator(".platform-topic-list a").first
        topic_title = topic.inner_text().strip()
        topic.click()
        expect_titled(page, topic_title, name)

        # The indicators, from the main navigation.
        page.locator("#portal-globalnav").get_by_role("link", name="Indicatori").click()
        expect_titled(page, "Indicatori di prestazione", name)
        page.screenshot(path=str(SCREENSHOTS / "page-title-indicators-it.png"))

        # A page of Plone's own: the site map.
        page.goto(f"{site_url}/it/sitemap")
        expect_titled(page, "Mappa del sito", name)

    def test_a_member_tells_her_pages_apart(self, page, site_url, site, wcag_violations):
        name = str(PLATFORM_NAME)
        log_in(page, site_url, "nikos.papadopoulos")

        page.locator("#toolbar-messages").click()
        expect_titled(page, "Messages", name)

        page.goto(f"{site_url}/working-groups/innovation-rd")
        expect_titled(page, WG4, name)
        page.get_by_role("link", name="Roster").click()
        expect_titled(page, f"Members of {WG4}", name)
        assert wcag_violations(page) == []
        page.screenshot(path=str(SCREENSHOTS / "page-title-roster.png"))

        page.goto(f"{site_url}/working-groups/innovation-rd")
        page.get_by_role("link", name="Targets").click()
        expect_titled(page, f"Targets of {WG4}", name)

        # A form: its label, then the item it is on.
        page.goto(f"{site_url}/working-groups/innovation-rd/wiki")
        page.locator("#content-core").get_by_role("link", name="Innovation voucher schemes").click()
        expect_titled(page, "Innovation voucher schemes", name)
        page.locator("#contentview-edit a").click()
        expect(page.locator("h1").first).to_have_text("Edit Wiki page")
        expect(page).to_have_title(f"Edit Wiki page — Innovation voucher schemes — {name}")
