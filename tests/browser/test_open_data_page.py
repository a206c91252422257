"""An anonymous visitor finds the open data in the footer, reads how items give their language
and how Greece is written, and downloads both datasets."""

from clusterpolisee.core.sections import publish
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
import csv
import io
import json
import pytest
import re
import transaction


pytestmark = pytest.mark.browser


@pytest.fixture
def practice(functional):
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        publish(
            api.content.create(
                container=portal["repository"],
                type="BestPractice",
                id="vouchers",
                title="Innovation vouchers",
                topics=["innovation-rd"],
                country="GR",
                region="EL52",
            )
        )
    transaction.commit()


class TestOpenDataPage:
    def test_visitor_downloads_csv_and_json(self, page, site_url, practice, wcag_violations):
        page.goto(site_url)
        page.locator("#portal-footer-wrapper, footer").get_by_role("link", name="Open data").click()
        expect(page).to_have_url(re.compile("/@@open-data$"))
        csv_link = page.get_by_role("link", name="Download CSV Policy-learning repository")
        expect(csv_link).to_be_visible()  # the page is in
        assert wcag_violations(page) == []
        expect(page.get_by_text("Every item gives its language")).to_be_visible()
        countries = page.get_by_role("row").filter(has_text="Greece is GR").first
        expect(countries).to_contain_text("countries")
        response = page.request.get(csv_link.get_attribute("href"))
        assert response.status == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        # The code the page gives for Greece is the one the data writes; and the language.
        (row,) = csv.DictReader(io.StringIO(response.text().lstrip("\ufeff")))
        assert (row["title"], row["language"], row["countries"]) == (
            "Innovation vouchers",
            "en",
            "GR",
        )
        json_link = page.get_by_role("link", name="Download JSON Database of institutions")
        response = page.request.get(json_link.get_attribute("href"))
        assert json.loads(response.text()) == {"dataset": "institutions", "items": []}
