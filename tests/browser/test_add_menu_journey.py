"""The toolbar's "Add new…" menu, as a member of a working group meets it in Chromium: not on
the home page nor on the search page, where nothing may be added (it offered ten types there,
each ending on "Insufficient privileges"); in the group's wiki, where it adds a page."""

from playwright.sync_api import expect
from tests.browser.steps import fill_rich_text
from tests.browser.steps import log_in
from tests.browser.steps import save
import pytest


pytestmark = pytest.mark.browser

WIKI = "/working-groups/innovation-rd/wiki"


def add_menu(page):
    return page.locator("#plone-contentmenu-factories")


class TestAddMenu:
    def test_offered_only_where_the_member_may_add(
        self, demo_functional, page, site_url, wcag_violations
    ):
        log_in(page, site_url, "nikos.papadopoulos")
        page.goto(site_url)
        # The toolbar is there (the member's own menu), without "Add new…".
        expect(page.locator("#edit-zone")).to_be_visible()
        expect(add_menu(page)).to_have_count(0)
        page.screenshot(path="tests/screenshots/add-menu-member-home.png")
        page.goto(f"{site_url}/@@platform-search?SearchableText=vouchers")
        expect(page.locator("#edit-zone")).to_be_visible()
        expect(add_menu(page)).to_have_count(0)

        page.goto(f"{site_url}{WIKI}")
        add_menu(page).get_by_role("link", name="Add new…").click()
        expect(add_menu(page).get_by_role("link", name="Wiki page")).to_be_visible()
        assert wcag_violations(page) == []
        add_menu(page).get_by_role("link", name="Wiki page").click()
        expect(page.get_by_role("heading", name="Add Wiki page")).to_be_visible()
        page.get_by_label("Title").fill("Voucher schemes compared")
        fill_rich_text(page, "text", "Styria and Thessaloniki run voucher schemes.")
        save(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("Voucher schemes compared")
        expect(page.locator(".wiki-text")).to_contain_text("Thessaloniki", use_inner_text=True)
        assert wcag_violations(page) == []
