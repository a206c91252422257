"""Issue 18, item 9, in a working group as its people use it (the demo's WG4), in Chromium:
paste from the Actions menu, a removal from the roster that asks first, a recipient found by
typing part of a name, and a topic's target that the leader proposes and the coordinator
accepts."""

from playwright.sync_api import expect
from tests.browser.steps import log_in
import pytest
import re


pytestmark = pytest.mark.browser

GROUP = "/working-groups/innovation-rd"
PAPER = "Draft recommendations on innovation vouchers"


def actions_menu(page, item):
    """Open the toolbar's Actions menu and choose ``item``."""
    page.get_by_role("link", name="Actions").click()
    page.locator("#plone-contentmenu-actions").get_by_role("link", name=item).click()


def status(page):
    return page.locator(".portalMessage, .statusmessage").last


class TestWorkspaceBreaks:
    def test_paste_roster_recipients_and_topic_targets(
        self, demo_functional, page, site_url, wcag_violations
    ):
        log_in(page, site_url, "nikos.papadopoulos")

        # Paste: copy the group's draft; the wiki does not take pages and says so; the
        # documents do.
        page.goto(f"{site_url}{GROUP}/documents")
        page.get_by_role("table").get_by_role("link", name=PAPER).click()
        actions_menu(page, "Copy")
        expect(status(page)).to_contain_text(f"{PAPER} copied.")
        page.goto(f"{site_url}{GROUP}/wiki")
        actions_menu(page, "Paste")
        expect(status(page)).to_contain_text(f'You cannot paste "{PAPER}" here')
        expect(page.get_by_role("heading", name="Wiki", exact=True)).to_be_visible()
        page.goto(f"{site_url}{GROUP}/documents")
        actions_menu(page, "Paste")
        expect(status(page)).to_contain_text("Item(s) pasted.")
        expect(page.get_by_role("table").get_by_role("link", name=PAPER)).to_have_count(2)

        # The roster: Remove asks first; the answer removes.
        page.goto(f"{site_url}{GROUP}")
        page.get_by_role("link", name="Roster").click()
        row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Petra Novak"))
        row.get_by_role("button", name="Remove").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Remove Petra Novak from WG4 Innovation and R&D?"
        )
        expect(page.get_by_role("rowheader", name="Petra Novak")).to_have_count(0)
        assert wcag_violations(page) == []
        page.get_by_role("button", name="Remove from the group").click()
        expect(status(page)).to_contain_text("Petra Novak is no longer in the group.")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Members of WG4 Innovation and R&D"
        )
        expect(page.get_by_role("rowheader", name="Luca Bianchi")).to_be_visible()
        expect(page.get_by_role("rowheader", name="Petra Novak")).to_have_count(0)

        # A message: the recipient found by typing part of her name, chosen with the keyboard.
        page.goto(f"{site_url}/@@compose-message")
        to = page.get_by_role("combobox", name="To")
        to.click()
        to.press_sequentially("kovac")
        expect(page.get_by_role("option", name="Ana Kovač")).to_be_visible()
        to.press("Enter")
        expect(page.locator(".select2-search-choice")).to_have_text(["Ana Kovač"])
        assert wcag_violations(page) == []
        page.get_by_label("Subject").fill("Vouchers in Croatia")
        page.get_by_label("Message").fill("Could you send the Croatian voucher figures?")
        page.get_by_role("button", name="Send").click()
        expect(status(page)).to_contain_text("Your message is sent.")
        expect(page.get_by_text(re.compile("To Ana Kovač"))).to_be_visible()

        # A target for the group's topic: the leader proposes it from the dashboard.
        page.goto(f"{site_url}{GROUP}")
        page.get_by_role("link", name="Targets", exact=True).click()
        page.get_by_role("link", name="Propose a target").click()
        page.get_by_label("Indicator").select_option(label="Best practices identified")
        page.get_by_label("Target", exact=True).fill("a dozen")
        page.get_by_role("button", name="Propose").click()
        expect(page.get_by_text("A target is a whole number from 0 to 1,000,000.")).to_be_visible()
        page.get_by_label("Target", exact=True).fill("12")
        page.get_by_label("Why this target (optional)").fill("Two practices per partner region.")
        page.get_by_role("button", name="Propose").click()
        expect(status(page)).to_contain_text("Your target is proposed")
        proposal = page.locator("#topic-target-best-practices")
        expect(proposal.get_by_role("cell").nth(2)).to_contain_text("12")
        assert wcag_violations(page) == []

        # The coordinator finds it from the indicators and accepts it.
        log_in(page, site_url, "platform.coordinator")
        page.goto(f"{site_url}/@@indicators")
        page.get_by_role("link", name=re.compile("Targets proposed by the working groups")).click()
        card = page.locator(".target-proposal").filter(has_text="Best practices identified")
        expect(card).to_contain_text("Nikos Papadopoulos")
        expect(card).to_contain_text("Two practices per partner region.")
        assert wcag_violations(page) == []
        card.get_by_role("button", name="Accept").click()
        expect(status(page)).to_contain_text(
            'The target of "Best practices identified" for Innovation'
        )
        agreed = page.get_by_role("row").filter(has_text="Best practices identified")
        expect(agreed.get_by_role("rowheader")).to_have_text(
            "Innovation and R&D driven cluster development"
        )
        expect(agreed.get_by_role("cell").nth(1)).to_have_text("12")
        # The indicators show it to everyone, with its progress.
        page.goto(f"{site_url}/@@indicators")
        section = page.get_by_role("region", name="Targets agreed for the central topics")
        agreed = section.get_by_role("row").filter(has_text="Best practices identified")
        expect(agreed.get_by_role("cell").nth(1)).to_have_text("12")
