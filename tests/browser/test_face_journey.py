"""The platform's own face, in Chromium, on the demo site (issue 20): a visitor meets the
platform's logo, searches first from the home page, reads the topics' counts, the featured
practices and the map, opens the map, narrows it to pilot actions, follows a region's circle to
its items, reads a practice with its locator map and prints it as a brief; the footer names the
project, its funding and its privacy notice. Every page passes axe at 1366 and 390 pixels wide,
and the home page, a practice and a workspace dashboard are saved for the README (docs/)."""

from clusterpolisee.core.identity import LOGO
from pathlib import Path
from playwright.sync_api import expect
from plone import api
from tests.browser.steps import log_in
from tests.conftest import SCREENSHOTS
import pytest
import re


pytestmark = pytest.mark.browser

DOCS = Path(__file__).parent.parent.parent / "docs"
WIDTHS = {"wide": {"width": 1366, "height": 900}, "narrow": {"width": 390, "height": 844}}
PRACTICE = "Cluster innovation vouchers in the North-East region"


@pytest.fixture
def site(demo_functional, functional):
    return functional


def check_both_widths(page, name, wcag_violations):
    """axe at both widths, a full-page screenshot of each."""
    for width, size in WIDTHS.items():
        page.set_viewport_size(size)
        assert wcag_violations(page) == [], f"{name} at {width}"
        page.screenshot(path=str(SCREENSHOTS / f"face-{name}-{width}.png"), full_page=True)
    page.set_viewport_size(WIDTHS["wide"])


class TestFace:
    def test_a_visitor_meets_the_platform_searches_and_follows_the_map(
        self, page, site_url, site, wcag_violations
    ):
        page.set_viewport_size(WIDTHS["wide"])
        page.goto(site_url)
        logo = page.locator("#portal-logo img")
        expect(logo).to_have_attribute("src", re.compile(f"@@site-logo/{LOGO}$"))
        expect(page.locator('link[rel="icon"]')).to_have_attribute("type", "image/svg+xml")
        footer = page.locator("#portal-footer-wrapper")
        expect(footer).to_contain_text("ClusterPoliSEE project")
        expect(footer).to_contain_text("co-funded by the European Union")
        email = api.portal.get_registry_record("clusterpolisee.coordinator_email")
        expect(footer.get_by_role("link", name=email)).to_have_attribute("href", f"mailto:{email}")
        expect(footer).not_to_contain_text("Powered by Plone")
        expect(footer).not_to_contain_text("Plone Foundation")
        expect(page.locator("#content")).not_to_contain_text("last modified")

        # The topics with their counts, the featured practices as cards, the map.
        topic = page.locator(".platform-topic-list li").filter(has_text="Innovation and R&D")
        expect(topic.locator(".platform-topic-count")).to_contain_text(
            re.compile(r"\d+ published items")
        )
        featured = page.get_by_role("region", name="Featured practices")
        expect(featured.locator("article.platform-card").first).to_be_visible()
        expect(page.locator(".platform-home-map svg.platform-map")).to_be_visible()
        check_both_widths(page, "home", wcag_violations)
        page.screenshot(path=str(DOCS / "screenshot-home.png"))

        # Search first.
        page.get_by_label(
            "Search best practices, assessments, pilot actions and publications"
        ).fill("vouchers")
        page.get_by_role("search", name="Search the platform").get_by_role(
            "button", name="Search"
        ).click()
        expect(page).to_have_url(re.compile(r"@@platform-search\?SearchableText=vouchers"))
        expect(page.get_by_role("link", name=PRACTICE).first).to_be_visible()

        # The map, narrowed to pilot actions; a region's circle lists its items.
        page.goto(site_url)
        page.get_by_role("link", name="Open the map, region by region").click()
        expect(page.get_by_role("heading", name="Map of the repository")).to_be_visible()
        table = page.get_by_role("table", name="Regions and their published items")
        expect(table.get_by_role("rowheader", name="Nord-Est")).to_be_visible()
        page.get_by_label("Type").select_option(label="Pilot actions")
        page.get_by_role("button", name="Show on the map").click()
        expect(page).to_have_url(re.compile(r"type=PilotAction"))
        expect(table.get_by_role("columnheader", name="Best practices")).to_have_count(0)
        expect(table.get_by_role("columnheader", name="Pilot actions")).to_be_visible()
        check_both_widths(page, "map", wcag_violations)
        page.get_by_label("Type").select_option(label="All types")
        page.get_by_role("button", name="Show on the map").click()
        circle = page.locator("svg.platform-map a.map-region[aria-label^='Nord-Est']")
        circle.focus()
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"@@platform-search\?region=RO21"))
        page.get_by_role("link", name=PRACTICE).first.click()

        # The practice: its locator map, and printed as a brief.
        expect(page.locator("svg.locator-map title")).to_have_text(
            "Where: Nord-Est (RO21), Romania"
        )
        page.get_by_role("link", name="See every region on the map").wait_for()
        check_both_widths(page, "practice", wcag_violations)
        page.screenshot(path=str(DOCS / "screenshot-practice.png"))
        page.emulate_media(media="print")
        expect(page.locator("#portal-mainnavigation")).to_be_hidden()
        expect(page.locator("#portal-footer-wrapper")).to_be_hidden()
        expect(page.get_by_role("heading", name="Key facts")).to_be_visible()
        page.screenshot(path=str(SCREENSHOTS / "face-practice-print.png"), full_page=True)
        page.pdf(path=str(SCREENSHOTS / "face-practice-print.pdf"))
        page.emulate_media(media="screen")

        # The privacy notice, from the footer.
        page.locator("#portal-footer-wrapper").get_by_role("link", name="Privacy notice").click()
        expect(page.get_by_role("heading", name="Privacy notice", level=1)).to_be_visible()
        expect(page.get_by_role("heading", name="Your rights")).to_be_visible()
        expect(page.locator("#content").get_by_role("link", name=email)).to_be_visible()
        check_both_widths(page, "privacy", wcag_violations)

    def test_every_host_name_is_themed_and_platform_pages_have_no_byline(
        self, page, site_url, site, wcag_violations
    ):
        # Plone leaves 127.0.0.1 unthemed; the platform themes every host.
        numeric = site_url.replace("localhost", "127.0.0.1")
        page.goto(f"{numeric}/@@indicators")
        expect(page.locator("#portal-logo img")).to_have_css("height", "56px")
        log_in(page, site_url, "nikos.papadopoulos")
        page.goto(f"{site_url}/@@indicators")
        expect(page.get_by_role("heading", name="Performance indicators", level=1)).to_be_visible()
        expect(page.locator("#content")).not_to_contain_text("last modified")
        page.goto(f"{site_url}/working-groups/innovation-rd")
        expect(page.get_by_role("heading", name="Waiting for your review")).to_be_visible()
        expect(page.locator("#content")).not_to_contain_text("last modified")
        page.set_viewport_size(WIDTHS["wide"])
        page.screenshot(path=str(DOCS / "screenshot-workspace.png"))

    def test_a_visitor_browses_the_repository_as_cards_and_narrows_it(
        self, page, site_url, site, chromium, wcag_violations
    ):
        page.set_viewport_size(WIDTHS["wide"])
        page.goto(site_url)
        page.locator("#portal-globalnav").get_by_role("link", name="Repository", exact=True).click()
        cards = page.locator("article.platform-card")
        expect(cards.first).to_be_visible()
        expect(page.locator("#content")).not_to_contain_text("last modified")
        # Newest first: the first card is the latest publication, with its facts.
        first = cards.first
        expect(first.locator("dt")).to_contain_text(["Where"])
        expect(first.locator("time")).to_be_visible()
        practice = cards.filter(has_text=PRACTICE)
        expect(practice).to_contain_text("Nord-Est (RO21), Romania")
        expect(practice).to_contain_text("Transferability")
        expect(
            page.get_by_text("The results change as soon as you tick or clear a box.")
        ).to_be_visible()
        check_both_widths(page, "repository", wcag_violations)

        # A tick applies at once (the page says so first).
        page.get_by_role("checkbox", name=re.compile("^Pilot action")).check()
        expect(page).to_have_url(re.compile(r"portal_type=PilotAction"))
        expect(page.get_by_role("list", name="Active filters")).to_contain_text("Pilot action")
        types = {text.strip() for text in cards.locator(".platform-card-type").all_inner_texts()}
        assert types == {"PILOT ACTION"}, types

        # Without script, the button applies the boxes ticked.
        context = chromium.new_context(java_script_enabled=False, viewport=WIDTHS["wide"])
        try:
            plain = context.new_page()
            plain.goto(page.url.split("?")[0])
            plain.get_by_role("checkbox", name=re.compile("^Best practice")).check()
            plain.get_by_role("button", name="Apply filters").click()
            expect(plain).to_have_url(re.compile(r"portal_type=BestPractice"))
            expect(plain.locator("article.platform-card").first).to_contain_text("Best practice")
        finally:
            context.close()
