"""A visitor answers a public consultation in Greek; the coordinator reads the results."""

from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.authentication.codes import password_only
from tests.browser.test_workspace_journeys import log_in
from tests.browser.test_workspace_journeys import PASSWORD
import pytest
import re
import transaction


pytestmark = pytest.mark.browser


@pytest.fixture
def coordinator(functional):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.create(username="coordinator", email="coordinator@example.org", password=PASSWORD)
        api.group.add_user(groupname="coordinators", username="coordinator")
    password_only()  # what people may do, not how they sign in (tests/authentication)
    transaction.commit()


class TestConsultationJourney:
    def test_a_visitor_answers_in_greek_and_is_thanked_in_greek(
        self, page, site_url, wcag_violations
    ):
        page.goto(f"{site_url}/el")
        assert page.locator("html").get_attribute("lang") == "el"
        page.get_by_role("link", name="Διαβουλεύσεις", exact=True).first.click()
        expect(page.get_by_role("heading", name="Δημόσιες διαβουλεύσεις")).to_be_visible()
        assert wcag_violations(page) == []

        page.get_by_role("link", name="Βιωσιμότητα μέσω της ανάπτυξης συστάδων").click()
        expect(page).to_have_url(re.compile("/el/consultations/sustainability"))
        policy_maker = page.get_by_role(
            "radio", name="Φορέας χάραξης πολιτικής ή θεσμικός φορέας (δημόσια αρχή, οργανισμός)"
        )
        expect(policy_maker).to_be_visible()  # the form is there: the page is in
        assert wcag_violations(page) == []
        policy_maker.check()
        page.get_by_label("Χώρα").select_option(label="Ελλάδα")
        page.get_by_label("Περιφέρεια").fill("Κεντρική Μακεδονία")
        page.get_by_role("checkbox", name="Μακροπρόθεσμες στρατηγικές συστάδων").check()
        page.locator("#formfield-form-widgets-importance").get_by_role(
            "radio", name="4 (υψηλά)"
        ).check()
        page.get_by_label("Περιγράψτε ένα καινοτόμο μέτρο που στηρίζει τις συστάδες").fill(
            "Κοινό γραφείο πράσινης μετάβασης για τις συστάδες της περιφέρειας."
        )
        page.get_by_role("checkbox", name="Συμφωνώ οι απαντήσεις μου").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Αποστολή των απαντήσεών μου").click()
        errors = page.locator(".invalid-feedback, .alert").all_inner_texts()
        expect(
            page.get_by_role("heading", name="Σας ευχαριστούμε για τις απαντήσεις σας"),
            str(errors),
        ).to_be_visible()
        expect(page.get_by_text("Οι απαντήσεις σας καταχωρίστηκαν.")).to_be_visible()
        assert page.locator("html").get_attribute("lang") == "el"
        assert wcag_violations(page) == []

    def test_the_coordinator_reads_the_results_in_every_language(
        self, page, site_url, coordinator, wcag_violations
    ):
        log_in(page, site_url, "coordinator")
        page.goto(f"{site_url}/en/consultations/sustainability")
        page.get_by_role("link", name="See the results in all languages").click()
        expect(
            page.get_by_role("heading", name="Results: Sustainability through cluster development")
        ).to_be_visible()
        expect(page.get_by_text("Answers: 0")).to_be_visible()
        page.get_by_role("combobox", name="Who are you answering for?").select_option(
            "private-sector"
        )
        with page.expect_navigation():
            page.get_by_role("button", name="Filter").click()
        expect(page).to_have_url(re.compile("respondent_type=private-sector"))
        assert wcag_violations(page) == []
