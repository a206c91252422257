"""An anonymous visitor finds the open data in the footer and downloads both datasets."""

from clusterpolisee.core.sections import publish
from plone import api
from plone.app.testing import SITE_OWNER_NAME
import json
import pytest
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
        page.wait_for_load_state()
        assert page.url.endswith("/@@open-data")
        assert wcag_violations(page) == []
        csv_link = page.get_by_role("link", name="Download CSV Policy-learning repository")
        response = page.request.get(csv_link.get_attribute("href"))
        assert response.status == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert "Innovation vouchers" in response.text()
        json_link = page.get_by_role("link", name="Download JSON Database of institutions")
        response = page.request.get(json_link.get_attribute("href"))
        assert json.loads(response.text()) == {"dataset": "institutions", "items": []}
