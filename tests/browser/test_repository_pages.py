"""Every repository page a visitor can reach from the demo content: accessible, no dead links."""

from plone import api
from urllib.parse import urldefrag
import pytest
import transaction


pytestmark = pytest.mark.browser

PAGE_TYPES = (
    "BestPractice",
    "PolicyAssessment",
    "PilotAction",
    "Institution",
    "Publication",
    "CooperationNetwork",
    "Event",
)


@pytest.fixture
def demo_pages(demo_functional, functional, site_url):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        catalog = api.portal.get_tool("portal_catalog")
        paths = {
            portal_type: catalog(portal_type=portal_type, review_state="published")[0].getPath()
            for portal_type in PAGE_TYPES
        }
    transaction.commit()
    root = "/".join(portal.getPhysicalPath())
    return {name: site_url + path[len(root) :] for name, path in paths.items()}


def internal_links(page, site_url):
    hrefs = page.eval_on_selector_all("#content a[href]", "links => links.map(a => a.href)")
    links = {urldefrag(href).url for href in hrefs}
    return sorted(link for link in links if link.startswith(site_url))


class TestRepositoryPages:
    @pytest.mark.parametrize("portal_type", PAGE_TYPES)
    def test_page_is_accessible_and_its_links_work(
        self, page, site_url, demo_pages, wcag_violations, portal_type
    ):
        response = page.goto(demo_pages[portal_type])
        assert response.status == 200
        assert wcag_violations(page) == []
        for link in internal_links(page, site_url):
            assert page.request.get(link).status == 200, link

    def test_topic_pages_are_accessible_and_their_links_work(
        self, page, site_url, demo_pages, wcag_violations
    ):
        page.goto(f"{site_url}/@@topic/financial-framework")
        assert page.locator(".topic-item").count() >= 3
        assert wcag_violations(page) == []
        for link in internal_links(page, site_url):
            assert page.request.get(link).status == 200, link
