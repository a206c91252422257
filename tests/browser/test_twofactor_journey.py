"""A new coordinator must use two-factor sign-in (issue 22, item 1): on the demo site, after
the password she is sent to the set-up page before anything else, scans (reads) the secret,
confirms a first code and keeps her ten recovery codes; at her next sign-ins the login form asks
for a code from her app, and a recovery code works once."""

from clusterpolisee.demo.data import DEMO_PASSWORD
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.authentication.codes import code_for
import pyotp
import pytest
import re
import time
import transaction


pytestmark = pytest.mark.browser

LOGIN = "dragana.petrovic"


def sign_in(page, site_url):
    page.context.clear_cookies()
    page.goto(f"{site_url}/login")
    page.get_by_label("Login name").fill(LOGIN)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()


def give_code(page, code):
    """The login form's second step: the code from the app (or a recovery code)."""
    page.get_by_label("Code from your authenticator app").fill(code)
    page.get_by_role("button", name="Log in").click()


@pytest.fixture
def new_coordinator(functional, demo_functional):
    """A coordinator who has not set up a second factor yet (the coordinators must use one)."""
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.create(
            username=LOGIN,
            email=f"{LOGIN}@example.org",
            password=DEMO_PASSWORD,
            properties={"fullname": "Dragana Petrović"},
        )
        api.group.add_user(groupname="coordinators", username=LOGIN)
    transaction.commit()


class TestTwoFactorJourney:
    def test_a_coordinator_must_enrol_then_signs_in_with_codes(
        self, page, site_url, new_coordinator, wcag_violations
    ):
        # The password is right: she is signed in, and sent to set up a second factor first.
        sign_in(page, site_url)
        expect(page).to_have_url(re.compile("/@@two-factor"))
        expect(page.get_by_text("Your account must use two-factor sign-in.")).to_be_visible()
        expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
        expect(page.get_by_text("Your account is in a group that must use")).to_contain_text(
            "Platform coordinators"
        )
        expect(
            page.get_by_role("img", name="QR code to scan with your authenticator app")
        ).to_be_visible()
        assert wcag_violations(page) == []

        # Any other page sends her back, and says why.
        page.goto(f"{site_url}/repository")
        expect(page).to_have_url(re.compile("/@@two-factor\\?came_from="))
        expect(page.get_by_text("Your account must use two-factor sign-in.")).to_be_visible()

        # She types the key into her app (here: pyotp) instead of scanning the QR code.
        secret = page.locator("#two-factor-secret").inner_text().replace(" ", "")
        totp = pyotp.TOTP(secret)
        # A wrong code first: the form says so, nothing is turned on.
        field = page.get_by_label("Code from your authenticator app", exact=True)
        step = int(time.time() // 30)
        valid = {totp.generate_otp(step + offset) for offset in (-1, 0, 1)}
        field.fill(next(code for code in ("000000", "111111", "222222") if code not in valid))
        page.get_by_role("button", name="Turn on two-factor sign-in").click()
        expect(page.get_by_text("That is not the code your app shows now.").first).to_be_visible()
        expect(field).to_have_attribute("aria-invalid", "true")
        assert wcag_violations(page) == []
        page.get_by_label("Code from your authenticator app", exact=True).fill(
            code_for(secret, LOGIN)
        )
        page.get_by_role("button", name="Turn on two-factor sign-in").click()

        # Her ten recovery codes, shown once.
        expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
        expect(page.get_by_text("Two-factor sign-in is on for your account.")).to_be_visible()
        codes = page.locator(".two-factor-recovery-codes code").all_inner_texts()
        assert len(codes) == 10
        assert all(re.fullmatch(r"[a-z2-9]{5}-[a-z2-9]{5}", code) for code in codes)
        assert wcag_violations(page) == []
        page.get_by_role("link", name="I have kept my codes: continue").click()
        expect(page).to_have_url(re.compile("/repository$"))

        # From her personal menu: the page says it is on; her group cannot turn it off.
        page.locator("#personaltools-menulink").click()
        page.locator("#collapse-personaltools").get_by_role(
            "link", name="Two-factor sign-in"
        ).click()
        expect(page.get_by_text("Two-factor sign-in is on for your account since")).to_contain_text(
            "Recovery codes left: 10"
        )
        expect(
            page.get_by_role("heading", name="Move to another authenticator app")
        ).to_be_visible()
        expect(page.get_by_role("button", name="Turn off two-factor sign-in")).to_have_count(0)
        assert wcag_violations(page) == []

        # Next time, the login form asks for a code from her app after the password.
        sign_in(page, site_url)
        expect(page.get_by_label("Code from your authenticator app")).to_be_visible()
        give_code(page, code_for(secret, LOGIN))
        expect(page).not_to_have_url(re.compile("/login"))
        page.goto(f"{site_url}/@@two-factor")
        expect(page.get_by_text("Two-factor sign-in is on for your account since")).to_be_visible()

        # Without her phone: a recovery code, as she may type it, works once.
        sign_in(page, site_url)
        give_code(page, codes[0].upper().replace("-", " "))
        expect(page).not_to_have_url(re.compile("/login"))
        page.goto(f"{site_url}/@@two-factor")
        expect(page.get_by_text("Recovery codes left: 9")).to_be_visible()
        sign_in(page, site_url)
        give_code(page, codes[0])
        expect(page.get_by_text("The code is not right.")).to_be_visible()
        expect(page.get_by_label("Code from your authenticator app")).to_be_visible()
