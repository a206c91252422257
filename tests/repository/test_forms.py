"""Adding and editing repository items through the classic forms."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
import pytest
import transaction


class FormBrowser(Browser):
    folder_url = None


@pytest.fixture
def browser(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=portal, type="Folder", id="practices", title="Practices")
    transaction.commit()
    browser = FormBrowser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.folder_url = f"{portal.absolute_url()}/practices"
    return browser


class TestForms:
    def test_add_best_practice_with_two_topics(self, browser):
        browser.open(f"{browser.folder_url}/++add++BestPractice")
        browser.getControl(name="form.widgets.IDublinCore.title").value = "Shared testing lab"
        browser.getControl(name="form.widgets.topics.topics:list").value = [
            "innovation-rd",
            "specialisation",
        ]
        browser.getControl(name="form.widgets.practice_description").value = "<p>A lab.</p>"
        browser.getControl(name="form.widgets.costs_score").value = "4"
        browser.getControl(name="form.widgets.IRepositoryItem.country:list").value = ["GR"]
        browser.getControl(name="form.widgets.IRepositoryItem.region:list").value = ["EL52"]
        browser.getControl(name="form.buttons.save").click()
        assert "Item created" in browser.contents
        assert "/practices/shared-testing-lab" in browser.url
        assert "Shared testing lab" in browser.contents
        transaction.begin()
        practice = api.content.get(path="/practices/shared-testing-lab")
        assert sorted(practice.topics) == ["innovation-rd", "specialisation"]
        assert practice.costs_score == 4
        assert practice.region == "EL52"

    def test_missing_description_and_bad_score_are_form_errors(self, browser):
        browser.open(f"{browser.folder_url}/++add++BestPractice")
        browser.getControl(name="form.widgets.IDublinCore.title").value = "Incomplete"
        browser.getControl(name="form.widgets.topics.topics:list").value = ["innovation-rd"]
        browser.getControl(name="form.widgets.costs_score").value = "9"
        browser.getControl(name="form.buttons.save").click()
        assert "There were some errors." in browser.contents
        assert "Required input is missing." in browser.contents
        assert "Value is too big" in browser.contents
        transaction.begin()
        assert api.content.get(path="/practices/incomplete") is None

    def test_region_outside_country_is_a_form_error(self, browser):
        browser.open(f"{browser.folder_url}/++add++BestPractice")
        browser.getControl(name="form.widgets.IDublinCore.title").value = "Mismatch"
        browser.getControl(name="form.widgets.topics.topics:list").value = ["innovation-rd"]
        browser.getControl(name="form.widgets.practice_description").value = "<p>Text.</p>"
        browser.getControl(name="form.widgets.IRepositoryItem.country:list").value = ["IT"]
        browser.getControl(name="form.widgets.IRepositoryItem.region:list").value = ["RO21"]
        browser.getControl(name="form.buttons.save").click()
        assert "The region must lie in the chosen country." in browser.contents

    def test_bad_criterion_row_is_a_form_error_on_edit(self, browser):
        browser.open(f"{browser.folder_url}/++add++PolicyAssessment")
        browser.getControl(name="form.widgets.IDublinCore.title").value = "Assessment"
        browser.getControl(name="form.widgets.topics.topics:list").value = ["financial-framework"]
        browser.getControl(name="form.widgets.assessed_measure").value = "Grant call"
        browser.getControl(name="form.widgets.criteria").value = "Relevance | 4\nEfficiency | 3"
        browser.getControl(name="form.buttons.save").click()
        assert "Item created" in browser.contents
        browser.open(f"{browser.folder_url}/assessment/edit")
        browser.getControl(name="form.widgets.criteria").value = "Relevance | 12"
        browser.getControl(name="form.buttons.save").click()
        assert "The score in &#x27;Relevance | 12&#x27; must be a whole number from 1 to 5." in (
            browser.contents
        ) or "The score in 'Relevance | 12' must be a whole number from 1 to 5." in (
            browser.contents
        )
        transaction.begin()
        assert api.content.get(path="/practices/assessment").criteria == [
            "Relevance | 4",
            "Efficiency | 3",
        ]
