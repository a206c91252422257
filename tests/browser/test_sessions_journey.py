"""An idle session ends, in Chromium, on the demo that ``make start`` builds: the coordinator
sets the idle time to five minutes in Site Setup; a member working in his group stays signed in
while he opens pages, is sent to the login form with a message that says why after more than
five minutes without a request, and after signing in again is back on the page he asked for.
"""

from clusterpolisee.demo.data import DEMO_PASSWORD
from datetime import timedelta
from playwright.sync_api import expect
from tests.browser.steps import log_in
from tests.conftest import SCREENSHOTS
import pytest
import re
import time
import time_machine


pytestmark = pytest.mark.browser

GROUP = "/working-groups/innovation-rd"
TOPIC = "Should vouchers cover digital services?"
COORDINATOR, MEMBER = "platform.coordinator", "nikos.papadopoulos"


class TestSessionsJourney:
    def test_an_idle_member_signs_in_again_and_goes_on(
        self, page, site_url, demo_functional, functional, wcag_violations, request
    ):
        # The coordinator sets the idle time in Site Setup, "Sign-in security".
        log_in(page, site_url, COORDINATOR)
        page.goto(f"{site_url}/@@authentication-controlpanel")
        page.get_by_label("Sign out after this long without activity").fill("5")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Changes saved")).to_be_visible()

        with time_machine.travel(time.time(), tick=True) as clock:
            log_in(page, site_url, MEMBER)
            page.goto(f"{site_url}{GROUP}")
            # He opens a page every four minutes: after eight, still signed in (each request
            # slid his session on).
            member_menu = page.get_by_role("toolbar").get_by_role("link", name="Nikos Papadopoulos")
            page.wait_for_load_state("networkidle")
            clock.shift(timedelta(minutes=4))
            page.get_by_role("link", name="Forum", exact=True).click()
            expect(page).to_have_url(re.compile(f"{GROUP}/forum"))
            expect(member_menu).to_be_visible()
            page.wait_for_load_state("networkidle")
            clock.shift(timedelta(minutes=4))
            page.get_by_role("link", name=TOPIC).click()
            expect(page.get_by_role("heading", name=TOPIC)).to_be_visible()
            expect(member_menu).to_be_visible()
            # Then he leaves the browser for six minutes, and comes back to the group's forum. (The
            # page's own requests end first: one made across the shift would be activity after it.)
            page.wait_for_load_state("networkidle")
            clock.shift(timedelta(minutes=6))
            page.get_by_role("link", name="Back to the forum").click()
            expect(page).to_have_url(re.compile("/login"))
            expect(
                page.get_by_text(
                    "You were signed out after 5 minutes without activity. Log in again to go on."
                )
            ).to_be_visible()
            assert wcag_violations(page) == []
            page.screenshot(
                path=str(SCREENSHOTS / f"{request.node.name}-signed-out.png"), full_page=True
            )
            page.get_by_label("Login name").fill(MEMBER)
            page.get_by_label("Password").fill(DEMO_PASSWORD)
            page.get_by_role("button", name="Log in").click()
            expect(page.get_by_role("heading", name="Forum", level=1)).to_be_visible()
