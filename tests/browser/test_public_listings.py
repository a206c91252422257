"""The public listings in a browser: finished pages, WCAG 2.1 AA, no script errors."""

from clusterpolisee.core.sections import publish
from datetime import timedelta
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
import pytest
import re
import transaction


pytestmark = pytest.mark.browser


@pytest.fixture
def listings(functional, clock):
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
        # Under way now: among the upcoming events, and on today's square of this month's grid,
        # even in the last minutes of a month.
        start = clock.now().replace(second=0, microsecond=0)
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
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        expect(page.locator("#content-core").get_by_text(shown).first).to_be_visible()
        assert wcag_violations(page) == []

    @pytest.mark.dates
    def test_an_event_under_way_is_upcoming_and_on_todays_square(
        self, page, site_url, listings, wcag_violations, clock
    ):
        response = page.goto(f"{site_url}/events")
        assert response.status == 200
        expect(page.get_by_role("heading", level=1)).to_have_text("Events calendar")
        results = page.locator(".faceted-results")
        expect(results.get_by_role("link", name="Cluster info day")).to_be_visible()
        assert wcag_violations(page) == []
        page.get_by_role("link", name="Month", exact=True).click()
        # This month and today are the platform's (Bucharest's), whatever the server's zone.
        today = page.locator("td.month-today")
        expect(today).to_have_attribute("aria-current", "date")
        expect(today.locator("time")).to_have_attribute("datetime", clock.today().isoformat())
        expect(today.get_by_role("link", name="Cluster info day")).to_be_visible()
        assert wcag_violations(page) == []

    def test_month_view_moves_by_keyboard(self, page, site_url, listings):
        page.goto(f"{site_url}/events")
        page.get_by_role("link", name="Month", exact=True).focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile("mode=month"))
        title = page.locator(".events-month caption").inner_text()
        page.get_by_role("link", name="Next month").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator(".events-month caption").inner_text() != title
