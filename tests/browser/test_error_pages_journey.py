"""A wrong address, in Chromium on the demo site (core/errors.py): the error page is drawn on
the nearest place its reader may view, for the person who asked. Inside a private workspace it
had no logo, navigation, search box or language menu, and a member lost their name and the way
back to their group: Zope draws an address that fails before it knows the person."""

from clusterpolisee.core.face import PLATFORM_NAME
from playwright.sync_api import expect
from tests.browser.steps import log_in
from tests.conftest import SCREENSHOTS
import pytest
import re


pytestmark = pytest.mark.browser

NOT_FOUND = "This page does not seem to exist…"
WG4 = "WG4 Innovation and R&D"
WIKI_TYPO = "/working-groups/innovation-rd/wiki/innovation-vocher-schemes"


@pytest.fixture
def site(demo_functional, functional):
    return functional


def open_failing_address(page, url, heading=NOT_FOUND, status="404"):
    """Open an address that fails; read the error as the page's heading and title. The one
    console message it adds, Chromium's report of the page's status, is taken off the browser
    fixture's list of script errors."""
    before = len(page.script_errors)
    page.goto(url)
    expect(page.locator("h1").first).to_have_text(heading)
    expect(page).to_have_title(f"{heading} — {PLATFORM_NAME}")
    new_errors = page.script_errors[before:]
    assert len(new_errors) == 1, new_errors
    assert status in new_errors[0], new_errors
    del page.script_errors[before:]


class TestWrongAddress:
    def test_a_member_finds_his_way_back_to_his_group(self, page, site_url, site, wcag_violations):
        log_in(page, site_url, "nikos.papadopoulos")
        page.goto(f"{site_url}/working-groups/innovation-rd/wiki")
        expect(page.locator("h1").first).to_have_text("Wiki")
        # He mistypes a wiki page's address.
        open_failing_address(page, f"{site_url}{WIKI_TYPO}")
        # Still signed in: his name in the toolbar, the members' sections in the navigation.
        expect(page.get_by_role("link", name="Nikos Papadopoulos")).to_be_visible()
        expect(page.get_by_role("link", name="Log in")).to_have_count(0)
        navigation = page.locator("#portal-globalnav")
        expect(navigation.get_by_role("link", name="Working groups")).to_be_visible()
        # His group's wiki suggested, once.
        suggestions = page.locator("#page-not-found-list")
        expect(suggestions.get_by_role("link", name="Wiki")).to_have_count(1)
        assert wcag_violations(page) == []
        page.screenshot(path=str(SCREENSHOTS / "error-page-member.png"))
        # The breadcrumbs lead back to his group.
        trail = page.get_by_role("navigation", name="breadcrumb")
        trail.get_by_role("link", name=WG4).click()
        expect(page.locator("h1").first).to_have_text(WG4)

    def test_a_member_reads_what_is_wrong_with_a_bad_request(
        self, page, site_url, site, wcag_violations
    ):
        """A bad request's page says what is wrong (Plone's told only a manager)."""
        log_in(page, site_url, "nikos.papadopoulos")
        wiki_page = f"{site_url}/working-groups/innovation-rd/wiki/innovation-voucher-schemes"
        open_failing_address(
            page,
            f"{wiki_page}/@@history?one=99",
            heading="We’re sorry, but there seems to be an error…",
            status="400",
        )
        expect(page.locator(".statusmessage-error")).to_contain_text("This item has no version 99.")
        page.screenshot(path=str(SCREENSHOTS / "error-page-bad-request.png"))

    def test_a_visitor_searches_from_a_wrong_address(self, page, site_url, site, wcag_violations):
        open_failing_address(page, f"{site_url}{WIKI_TYPO}")
        # The site's header: logo, navigation, language menu, search box, log-in link; nothing
        # of the group.
        expect(page.locator("#portal-logo")).to_be_visible()
        expect(page.locator("#portal-languageselector")).to_be_visible()
        expect(page.get_by_role("link", name="Log in")).to_be_visible()
        expect(
            page.locator("#portal-globalnav").get_by_role("link", name="Repository")
        ).to_be_visible()
        expect(page.locator("body")).not_to_contain_text("WG4")
        assert wcag_violations(page) == []
        page.screenshot(path=str(SCREENSHOTS / "error-page-visitor.png"))
        page.get_by_role("textbox", name="Search Site").fill("vouchers")
        page.locator("#searchGadget_form").get_by_role("button", name="Search").click()
        expect(page).to_have_url(
            re.compile(re.escape("/@@platform-search?SearchableText=vouchers"))
        )
        expect(
            page.locator(".faceted-result-list").get_by_role(
                "link", name="Cluster innovation vouchers in the North-East region"
            )
        ).to_be_visible()

    def test_a_visitor_who_edits_a_page_number_reads_what_is_wrong(
        self, page, site_url, site, wcag_violations
    ):
        """Plone's batch links carry ``b_start:int``: an address edited to a word there failed
        with a bare server error page before the site ran; the site's page names the field."""
        open_failing_address(
            page,
            f"{site_url}/@@platform-search?SearchableText=vouchers&b_start:int=second",
            heading="We’re sorry, but there seems to be an error…",
            status="400",
        )
        expect(page.locator(".statusmessage-error")).to_contain_text(
            "The address gives “b_start” a value that is not a whole number."
        )
        expect(page.locator("#portal-logo")).to_be_visible()
        assert wcag_violations(page) == []
        page.screenshot(path=str(SCREENSHOTS / "error-page-typed-field.png"))
        # She searches again from the header's box.
        page.get_by_role("textbox", name="Search Site").fill("vouchers")
        page.locator("#searchGadget_form").get_by_role("button", name="Search").click()
        expect(
            page.locator(".faceted-result-list").get_by_role(
                "link", name="Cluster innovation vouchers in the North-East region"
            )
        ).to_be_visible()
