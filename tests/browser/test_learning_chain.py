"""From practice to pilot to guideline and back, the policy makers connected, and a
consultation's Country that waits for a choice: what an anonymous visitor sees on the demo."""

from playwright.sync_api import expect
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
