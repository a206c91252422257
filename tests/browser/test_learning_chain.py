"""From practice to pilot to guideline and back, the policy makers connected, and a
consultation's Country that waits for a choice: what an anonymous visitor sees on the demo. The
coordinator records where the practice was transferred, and the chain shows it as a timeline."""

from playwright.sync_api import expect
from tests.browser.steps import log_in
from tests.browser.steps import save
from tests.conftest import SCREENSHOTS
import pytest
import re


pytestmark = pytest.mark.browser

PRACTICE = "Dual vocational training designed with the automotive cluster"
PILOT = "Cross-regional cluster manager academy"
GUIDELINE = "Guidelines for cross-regional cluster manager training"


class TestLearningChain:
    def test_visitor_follows_practice_pilot_guideline_and_meets_the_country_prompt(
        self, page, site_url, demo_functional, wcag_violations
    ):
        page.goto(f"{site_url}/@@topic/skills-jobs")
        page.get_by_role("link", name=PRACTICE).click()
        expect(page.locator("h1")).to_have_text(PRACTICE)
        piloted = page.get_by_role("region", name="Piloted in")
        piloted.get_by_role("link", name=PILOT).click()

        expect(page.locator("h1")).to_have_text(PILOT)
        builds_on = page.get_by_role("region", name="Builds on")
        expect(builds_on.get_by_role("link", name=PRACTICE)).to_be_visible()
        assert wcag_violations(page) == []
        page.get_by_role("region", name="Guideline produced").get_by_role(
            "link", name=GUIDELINE
        ).click()

        expect(page.locator("h1")).to_have_text(GUIDELINE)
        produced_by = page.get_by_role("region", name="Produced by the pilot")
        expect(produced_by.get_by_role("link", name=PILOT)).to_be_visible()
        assert wcag_violations(page) == []

        page.get_by_role("link", name="Indicators", exact=True).first.click()
        expect(page).to_have_url(re.compile("/@@indicators$"))
        policy_makers = page.locator("#indicator-policy-makers")
        expect(policy_makers.get_by_role("heading")).to_have_text("Cluster policy makers connected")
        expect(policy_makers.locator(".indicator-value .h2")).to_have_text("4")

        page.goto(f"{site_url}/en")
        page.get_by_role("link", name="Consultations", exact=True).first.click()
        page.get_by_role("link", name="New skills and jobs creation").first.click()
        expect(page).to_have_url(re.compile("/en/consultations/skills-jobs$"))
        country = page.get_by_label("Country")
        expect(country.locator("option:checked")).to_have_text("Choose your country")
        page.get_by_role(
            "radio", name="Policy maker or institutional actor (public authority, agency)"
        ).check()
        page.locator("#formfield-form-widgets-importance").get_by_role(
            "radio", name="3 (medium)"
        ).check()
        page.get_by_role("checkbox", name="I agree that my answers are stored").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Send my answers").click()
        field = page.locator("#formfield-form-widgets-country")
        expect(field.locator(".invalid-feedback")).to_have_text("Required input is missing.")
        expect(page.get_by_label("Country").locator("option:checked")).to_have_text(
            "Choose your country"
        )
        expect(page.get_by_role("heading", name="Thank you for your answers")).to_have_count(0)
        assert wcag_violations(page) == []


TRANSFER = "Transfer to Jadranska Hrvatska (HR03) (2025)"


def timeline(page):
    return page.get_by_role("region", name="Learning chain").get_by_role("listitem")


class TestTransfer:
    def test_coordinator_records_a_transfer_and_the_chain_shows_it_both_ways(
        self, page, site_url, demo_functional, wcag_violations
    ):
        # A visitor reads the practice first: its page is kept for visitors from then on
        # (repository/views/items.py), until the catalog changes.
        page.goto(f"{site_url}/@@topic/skills-jobs")
        page.get_by_role("link", name=PRACTICE).click()
        expect(page.locator("h1")).to_have_text(PRACTICE)
        expect(timeline(page).filter(has_text=PILOT).first).to_be_visible()
        expect(timeline(page).filter(has_text=TRANSFER)).to_have_count(0)

        # The coordinator (the demo's content is the site owner's) opens the practice.
        log_in(page, site_url, "platform.coordinator")
        page.goto(f"{site_url}/@@topic/skills-jobs")
        page.get_by_role("link", name=PRACTICE).click()
        expect(page.locator("h1")).to_have_text(PRACTICE)
        page.get_by_role("link", name="Add a transfer").click()

        expect(page.locator("h1")).to_have_text("Add Transfer")
        region = page.get_by_label("Region")
        expect(region.locator("option:checked")).to_have_text("Choose a region")
        region.select_option(label="Jadranska Hrvatska (HR03)")
        page.get_by_label("Year").fill("1850")
        page.get_by_label("Outcome", exact=True).select_option(label="Adopted")
        page.get_by_label("Notes on the outcome").fill("The county's schools took it up as it is.")
        widget = page.locator("#formfield-form-widgets-pilot_action")
        widget.get_by_role("link", name="Select").click()
        items = page.locator(".content-browser .contentItem")
        # The browser loads its columns one request after another, the site's own last, and
        # draws them all at once: a filter typed before that ends has its results replaced by
        # the columns (seen on a busy machine). A person waits for the columns to show.
        site_column = items.filter(has_text="Institutions")
        expect(site_column).to_be_visible()
        page.locator(".content-browser input[name=filter]").fill("academy")
        expect(site_column).to_have_count(0)
        items.filter(has_text=PILOT).click()
        page.get_by_role("button", name=f"select {PILOT}").click()
        expect(widget).to_contain_text(PILOT)
        page.get_by_role("button", name="Save").click()
        year = page.locator("#formfield-form-widgets-year")
        expect(year.locator(".invalid-feedback")).to_have_text(
            "Give the year as four digits, from 1990 to 2100."
        )
        assert wcag_violations(page) == []
        page.get_by_label("Year").fill("2025")
        save(page)

        # The transfer's own page: its facts and the chain.
        expect(page.locator("h1")).to_have_text(TRANSFER)
        facts = page.locator(".repository-facts-list")
        expect(facts).to_contain_text("Adopted")
        expect(facts.get_by_role("link", name=PILOT)).to_be_visible()
        expect(facts.get_by_role("link", name="Jadranska Hrvatska (HR03)")).to_have_attribute(
            "href", re.compile("/@@region/HR03$")
        )
        expect(timeline(page).filter(has_text=TRANSFER)).to_have_count(1)
        assert wcag_violations(page) == []

        # Back on the practice: where it went, and the timeline.
        facts.get_by_role("link", name=PRACTICE).click()
        expect(page.locator("h1")).to_have_text(PRACTICE)
        transferred = page.get_by_role("region", name="Transferred to")
        row = transferred.get_by_role("row").filter(has_text="Jadranska Hrvatska (HR03)")
        expect(row.get_by_role("cell")).to_have_text(
            ["2025", "Adopted", PILOT, re.compile("Details")]
        )
        chain = timeline(page)
        expect(chain.filter(has_text=PRACTICE)).to_have_count(1)
        expect(chain.filter(has_text=TRANSFER)).to_have_count(1)
        expect(chain.filter(has_text=GUIDELINE)).to_have_count(1)
        page.get_by_role("region", name="Learning chain").scroll_into_view_if_needed()
        page.screenshot(path=SCREENSHOTS / "learning-chain-practice.png", full_page=True)
        assert wcag_violations(page) == []

        # The pilot names the transfer back.
        row.get_by_role("link", name=PILOT).click()
        expect(page.locator("h1")).to_have_text(PILOT)
        through = page.get_by_role("region", name="Transfers through this pilot")
        expect(through.get_by_role("link", name=TRANSFER)).to_be_visible()
        expect(timeline(page).filter(has_text=TRANSFER)).to_have_count(1)

        # A visitor sees the same chain.
        page.context.clear_cookies()
        page.goto(f"{site_url}/@@topic/skills-jobs")
        page.get_by_role("link", name=PRACTICE).click()
        expect(page.get_by_role("link", name="Add a transfer")).to_have_count(0)
        chain = timeline(page)
        expect(chain.filter(has_text=TRANSFER)).to_have_count(1)
        expect(chain.filter(has_text=PILOT).first).to_be_visible()
        chain.get_by_role("link", name=TRANSFER).click()
        expect(page.locator("h1")).to_have_text(TRANSFER)
        page.screenshot(path=SCREENSHOTS / "learning-chain-transfer.png", full_page=True)
        assert wcag_violations(page) == []
