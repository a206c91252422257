"""Every page of a working group in use (the demo's WG4), seen by its leader and by a member:
accessible (WCAG 2.1 AA), no script errors, no dead links."""

from clusterpolisee.demo import data
from clusterpolisee.messaging.mailbox import send
from playwright.sync_api import expect
from plone import api
from tests.browser.test_repository_pages import internal_links
import pytest
import re
import transaction


pytestmark = pytest.mark.browser

GROUP = "/working-groups/innovation-rd"
PAGES = (
    "/working-groups",
    GROUP,
    f"{GROUP}/@@roster",
    f"{GROUP}/documents",
    f"{GROUP}/wiki",
    f"{GROUP}/wiki/home",
    f"{GROUP}/forum",
    f"{GROUP}/forum/should-vouchers-cover-digital-services",
    f"{GROUP}/planning",
    f"{GROUP}/planning?mode=list",
    f"{GROUP}/planning/wg4-online-meeting-voucher-recommendations",
    f"{GROUP}/planning/collect-voucher-figures-from-romania",
    f"{GROUP}/decisions",
    f"{GROUP}/decisions/adopt-the-voucher-recommendations-as-the-groups-position",
    "/@@messages",
    "/@@compose-message",
)


@pytest.fixture
def demo(demo_functional, functional):
    with api.env.adopt_user(username="luca.bianchi"):
        send("luca.bianchi", ["nikos.papadopoulos"], "Pilot partners", "Padua can join the pilot.")
    transaction.commit()


class TestWorkspacePages:
    @pytest.mark.parametrize("login", ["nikos.papadopoulos", "luca.bianchi"])
    def test_pages_are_accessible_and_their_links_work(
        self, page, site_url, demo, wcag_violations, login
    ):
        page.context.clear_cookies()
        page.goto(f"{site_url}/login")
        page.get_by_label("Login name").fill(login)
        page.get_by_label("Password").fill(data.DEMO_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        # Logged in once the form sends the browser on (a failed login shows the form again).
        expect(page).not_to_have_url(re.compile("/login$"))
        checked = set()
        for path in PAGES:
            response = page.goto(f"{site_url}{path}")
            assert response.status == 200, path
            assert wcag_violations(page) == [], path
            for link in internal_links(page, site_url):
                if link not in checked:
                    checked.add(link)
                    assert page.request.get(link).status == 200, (path, link)
