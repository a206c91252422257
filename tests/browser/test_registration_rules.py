"""Registering in Chromium on the demo site (issue 17, item 8): an e-mail address another account
has, in other letters' case, is refused on the form with a message that says what to do; the
same person then registers with an address of their own and gets the mail that confirms it."""

from playwright.sync_api import expect
from plone import api
import pytest


pytestmark = pytest.mark.browser


def fill(page, email):
    for name, value in (
        ("fullname", "Elena Popa"),
        ("username", "elena.popa"),
        ("email", email),
        ("organisation", "North-East Regional Development Agency"),
    ):
        page.locator(f'[name="form.widgets.{name}"]').fill(value)
    page.locator('[name="form.widgets.country:list"]').select_option("RO")
    page.locator('[name="form.widgets.requested_tier:list"]').select_option("associated-members")
    page.locator('[name="form.widgets.privacy_consent:list"]').check()


class TestRegistrationRules:
    def test_an_address_in_use_is_refused_on_the_form(
        self, page, site_url, demo_functional, smtp_inbox
    ):
        page.goto(f"{site_url}/@@register")
        # Elena Popescu (demo) has elena.popescu@example.org.
        fill(page, "ELENA.Popescu@example.org")
        page.get_by_role("button", name="Register").click()
        expect(
            page.get_by_text("An account with this e-mail address exists already")
        ).to_be_visible()
        assert api.user.get(username="elena.popa") is None
        fill(page, "elena.popa@example.org")
        page.get_by_role("button", name="Register").click()
        expect(page.get_by_text("exists already")).to_have_count(0)
        expect(page.get_by_role("heading", name="Welcome!")).to_be_visible()
        # Plone's mail to set a password, which confirms the address.
        smtp_inbox.wait(1)
        assert smtp_inbox.to("elena.popa@example.org")
