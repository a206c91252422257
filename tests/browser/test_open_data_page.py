"""An anonymous visitor finds the open data in the footer and downloads both datasets."""

from clusterpolisee.core.sections import publish
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
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
        response = page.request.get(csv_link.get_attribute("href"))
        assert response.status == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert "Innovation vouchers" in response.text()
        json_link = page.get_by_role("link", name="Download JSON Database of institutions")
        response = page.request.get(json_link.get_attribute("href"))
        assert json.loads(response.text()) == {"dataset": "institutions", "items": []}
