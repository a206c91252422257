"""A visitor answers a public consultation in Greek; the coordinator reads the results."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.browser.test_workspace_journeys import log_in
from tests.browser.test_workspace_journeys import PASSWORD
import pytest
import transaction


pytestmark = pytest.mark.browser


@pytest.fixture
def coordinator(functional):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.create(username="coordinator", email="coordinator@example.org", password=PASSWORD)
        api.group.add_user(groupname="coordinators", username="coordinator")
    transaction.commit()


class TestConsultationJourney:
    def test_a_visitor_answers_in_greek_and_is_thanked_in_greek(
        self, page, site_url, wcag_violations
    ):
        page.goto(f"{site_url}/el")
        assert page.locator("html").get_attribute("lang") == "el"
        page.get_by_role("link", name="Διαβουλεύσεις", exact=True).first.click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", name="Δημόσιες διαβουλεύσεις").is_visible()
        assert wcag_violations(page) == []

        page.get_by_role("link", name="Βιωσιμότητα μέσω της ανάπτυξης συστάδων").click()
        page.wait_for_load_state()
        assert "/el/consultations/sustainability" in page.url
        assert wcag_violations(page) == []
        page.get_by_role(
            "radio", name="Φορέας χάραξης πολιτικής ή θεσμικός φορέας (δημόσια αρχή, οργανισμός)"
        ).check()
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
        assert page.get_by_role(
            "heading", name="Σας ευχαριστούμε για τις απαντήσεις σας"
        ).is_visible(), errors
        assert page.get_by_text("Οι απαντήσεις σας καταχωρίστηκαν.").is_visible()
        assert page.locator("html").get_attribute("lang") == "el"
        assert wcag_violations(page) == []

    def test_the_coordinator_reads_the_results_in_every_language(
        self, page, site_url, coordinator, wcag_violations
    ):
        log_in(page, site_url, "coordinator")
        page.goto(f"{site_url}/en/consultations/sustainability")
        page.get_by_role("link", name="See the results in all languages").click()
        page.wait_for_load_state()
        assert page.get_by_role(
            "heading", name="Results: Sustainability through cluster development"
        ).is_visible()
        assert page.get_by_text("Answers: 0").is_visible()
        page.get_by_role("combobox", name="Who are you answering for?").select_option(
            "private-sector"
        )
        with page.expect_navigation():
            page.get_by_role("button", name="Filter").click()
        assert "respondent_type=private-sector" in page.url
        assert wcag_violations(page) == []
