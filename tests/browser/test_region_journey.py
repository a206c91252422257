"""A member from Adriatic Croatia, in Chromium on the demo site (issue 21): she opens her
region from the Regions tab, reads its smart-specialisation priorities and the practices
suggested for it with their reasons, expresses interest in the first one with a note; the
practice's contact finds her message in his mailbox. A visitor reads the region and the
matchmaking page. Every page passes axe at 1366 and 390 pixels wide."""

from playwright.sync_api import expect
from tests.browser.steps import log_in
from tests.conftest import SCREENSHOTS
import pytest
import re


pytestmark = pytest.mark.browser

WIDTHS = {"wide": {"width": 1366, "height": 900}, "narrow": {"width": 390, "height": 844}}
LABS = "Open laboratories for agri-food clusters in Central Macedonia"
NOTE = "Could two of our marine clusters visit your open laboratories in spring?"


@pytest.fixture
def site(demo_functional, functional):
    return functional


def check_both_widths(page, name, wcag_violations):
    for width, size in WIDTHS.items():
        page.set_viewport_size(size)
        found = wcag_violations(page)
        assert found == [], f"{name} at {width}"
        page.screenshot(path=str(SCREENSHOTS / f"region-{name}-{width}.png"), full_page=True)
    page.set_viewport_size(WIDTHS["wide"])


class TestRegionJourney:
    def test_a_member_from_adriatic_croatia_expresses_interest(
        self, page, site_url, site, wcag_violations
    ):
        page.set_viewport_size(WIDTHS["wide"])
        log_in(page, site_url, "ivana.horvat")
        page.locator("#portal-globalnav").get_by_role("link", name="Regions", exact=True).click()
        expect(page.locator("h1")).to_have_text("Regions")
        check_both_widths(page, "index", wcag_violations)
        page.get_by_role(
            "link", name=re.compile(r"Your region: Jadranska Hrvatska \(HR03\)")
        ).click()

        expect(page.locator("h1")).to_have_text("Jadranska Hrvatska (HR03)")
        expect(page.get_by_role("note")).to_contain_text("Demo data")
        profile = page.get_by_role("region", name="Smart specialisation")
        expect(profile).to_contain_text("Blue growth and marine technology")
        expect(profile.get_by_role("link", name="Edit the region's profile")).to_be_visible()
        suggestions = page.get_by_role(
            "region", name="Practices from other regions for this region"
        )
        first = suggestions.locator(".platform-suggestion").first
        expect(first.get_by_role("heading")).to_have_text(LABS)
        expect(first).to_contain_text("Shares your smart-specialisation priorities: Agri-food")
        expect(page.get_by_role("region", name="Peer regions")).to_contain_text(
            "Kentriki Makedonia"
        )
        check_both_widths(page, "member", wcag_violations)

        first.get_by_text("Add a note to your message").click()
        first.get_by_label("Your note (optional)").fill(NOTE)
        first.get_by_role("button", name="Express interest").click()
        expect(page.locator("#global_statusmessage")).to_contain_text(
            "Your interest is sent to Nikos Papadopoulos as a private message."
        )
        expect(page.locator("h1")).to_have_text("Jadranska Hrvatska (HR03)")
        page.screenshot(path=str(SCREENSHOTS / "region-interest-sent.png"), full_page=True)
        # Pressed again: nothing is sent twice.
        first = (
            page.get_by_role("region", name="Practices from other regions for this region")
            .locator(".platform-suggestion")
            .first
        )
        first.get_by_role("button", name="Express interest").click()
        expect(page.locator("#global_statusmessage")).to_contain_text("nothing was sent again")

        log_in(page, site_url, "nikos.papadopoulos")
        page.locator("#toolbar-messages").click()
        message = page.get_by_role("link", name=f"Interest in your practice: {LABS}")
        expect(message).to_be_visible()
        message.click()
        content = page.locator("#content")
        expect(content).to_contain_text(
            f"Ivana Horvat is interested in your practice “{LABS}” for the region "
            "Jadranska Hrvatska (HR03).",
            use_inner_text=True,
        )
        expect(content).to_contain_text(NOTE, use_inner_text=True)
        # The practice and both regions as links.
        expect(content.locator('.message-body a[href$="/@@region/HR03"]')).to_be_visible()
        expect(content.locator('.message-body a[href$="/@@region/EL52"]')).to_be_visible()
        content.locator('.message-body a[href*="/repository/open-laboratories"]').click()
        expect(page.locator("h1")).to_have_text(LABS)
        page.go_back()
        assert wcag_violations(page) == []
        page.screenshot(path=str(SCREENSHOTS / "region-contact-reads.png"), full_page=True)

    def test_a_visitor_reads_a_region_and_the_matchmaking(
        self, page, site_url, site, wcag_violations
    ):
        page.set_viewport_size(WIDTHS["wide"])
        page.goto(f"{site_url}/@@region/RO21")
        expect(page.locator("h1")).to_have_text("Nord-Est (RO21)")
        expect(page.get_by_role("button", name="Express interest")).to_have_count(0)
        expect(page.get_by_role("link", name="Edit the region's profile")).to_have_count(0)
        check_both_widths(page, "visitor", wcag_violations)
        page.get_by_role("link", name="All suggestions for this region").click()
        expect(page.locator("h1")).to_have_text("Matchmaking")
        expect(page.get_by_label("Region")).to_have_value("RO21")
        page.get_by_label("Region").select_option("HR03")
        page.get_by_role("button", name="Show suggestions").click()
        expect(page).to_have_url(re.compile(r"@@matchmaking\?region=HR03$"))
        expect(page.locator(".platform-suggestion").first.get_by_role("heading")).to_have_text(LABS)
        check_both_widths(page, "matchmaking", wcag_violations)
