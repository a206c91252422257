"""The public listings in a browser: finished pages, WCAG 2.1 AA, no script errors."""

from clusterpolisee.sections import publish
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
import pytest
import pytz
import transaction


pytestmark = pytest.mark.browser


@pytest.fixture
def listings(functional):
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        publish(
            api.content.create(
                container=portal["repository"],
                type="Publication",
                id="guide",
                title="Guide to cluster vouchers",
                kind="guideline",
                topics=["innovation-rd"],
            )
        )
        publish(
            api.content.create(
                container=portal["institutions"],
                type="Institution",
                id="adr",
                title="ADR Nord-Est",
                kind="regional-authority",
                country="RO",
            )
        )
        start = datetime.now(pytz.timezone("Europe/Sofia")) + timedelta(days=3)
        publish(
            api.content.create(
                container=portal["events"],
                type="Event",
                id="info-day",
                title="Cluster info day",
                topics=["skills-jobs"],
                eu_initiative="eccp",
                start=start,
                end=start + timedelta(hours=2),
            )
        )
    transaction.commit()


class TestPublicListings:
    @pytest.mark.parametrize(
        ("path", "heading", "shown"),
        [
            ("@@publications", "Publications", "Guide to cluster vouchers"),
            ("institutions", "Institutions", "ADR Nord-Est"),
            ("events", "Events calendar", "Cluster info day"),
            ("events?mode=month", "Events calendar", "Cluster info day"),
            (
                "@@platform-search?SearchableText=nothing-like-this",
                "Search the platform",
                "Nothing matches",
            ),
        ],
    )
    def test_listing_reads_well(
        self, page, site_url, listings, wcag_violations, path, heading, shown
    ):
        response = page.goto(f"{site_url}/{path}")
        assert response.status == 200
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert page.locator("#content-core").get_by_text(shown).first.is_visible()
        assert wcag_violations(page) == []

    def test_month_view_moves_by_keyboard(self, page, site_url, listings):
        page.goto(f"{site_url}/events")
        page.get_by_role("link", name="Month", exact=True).focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "mode=month" in page.url
        title = page.locator(".events-month caption").inner_text()
        page.get_by_role("link", name="Next month").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator(".events-month caption").inner_text() != title
