"""The indicators dashboard in a browser: charts drawn, WCAG 2.1 AA, no script error."""

from clusterpolisee.core.sections import publish
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
import pytest
import re
import transaction


pytestmark = pytest.mark.browser


@pytest.fixture
def content(functional):
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for number, topic in enumerate(("innovation-rd", "innovation-rd", "skills-jobs")):
            publish(
                api.content.create(
                    container=portal["repository"],
                    type="BestPractice",
                    id=f"practice-{number}",
                    title=f"Practice {number}",
                    topics=[topic],
                )
            )
        publish(
            api.content.create(
                container=portal["repository"],
                type="PilotAction",
                id="pilot",
                title="Pilot",
                status="running",
                topics=["skills-jobs"],
            )
        )
        api.portal.set_registry_record("clusterpolisee.indicator_targets", {"best-practices": 6})
    transaction.commit()


class TestIndicatorsPage:
    def test_charts_render_and_read_well(self, page, site_url, content, wcag_violations):
        page.goto(site_url)
        page.get_by_role("link", name="Indicators", exact=True).first.click()
        expect(page).to_have_url(re.compile("/@@indicators$"))
        card = page.locator("#indicator-best-practices")
        expect(card.locator(".indicator-value .h2")).to_have_text("3")
        expect(card).to_contain_text("50% reached", use_inner_text=True)
        charts = page.locator("svg.indicator-chart")
        # 4 or more: progress, growth, one per topic with items.
        expect(charts.nth(3)).to_be_attached()
        progress = page.get_by_role("img", name="Indicators and their targets")
        box = progress.bounding_box()
        assert box["width"] > 300
        assert box["height"] > 100
        bars = progress.locator("rect")
        expect(bars).to_have_count(12)  # one per indicator
        expect(
            page.get_by_role("img", name="Innovation and R&D driven cluster development")
        ).to_be_visible()
        assert wcag_violations(page) == []
