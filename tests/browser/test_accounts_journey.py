"""Nothing on the pages tells a stranger whether an account exists (issue 22, item 3), in
Chromium on the demo site: a person who forgot their password asks for a new one with a name no
account has and with their own, and reads the same message both times (the mail goes to the
real account only); registers with an address an account has, in other letters' case, and reads
the confirmation any registrant reads (no account is made, the address's owner is told); signs
in as "Luca.Bianchi" and is luca.bianchi."""

from playwright.sync_api import expect
from plone import api
from tests.browser import steps
import pytest
import re
import transaction


pytestmark = pytest.mark.browser

SENT = "An email has been sent with instructions on how to reset your password."


class TestAccountsJourney:
    def test_unknown_and_known_accounts_read_the_same(
        self, page, site_url, demo_functional, smtp_inbox
    ):
        # "Trouble logging in? Get help." on the login page: reset the password.
        read = []
        for name in ("nobody.here", "luca.bianchi"):
            page.context.clear_cookies()
            page.goto(f"{site_url}/login")
            page.get_by_role("link", name="Get help").click()
            page.get_by_label("Username").fill(name)
            page.get_by_role("button", name="Reset your password").click()
            message = page.get_by_text(SENT)
            expect(message).to_be_visible()
            read.append((page.url, page.locator(".portalMessage, .alert").all_inner_texts()))
        assert read[0] == read[1], read
        smtp_inbox.wait(1)
        assert [mail.envelope_recipients for mail in smtp_inbox.messages] == [
            ["luca.bianchi@example.org"]
        ]

        # Registering with Ana's address, in other letters' case: the usual welcome.
        page.goto(f"{site_url}/@@register")
        for name, value in (
            ("fullname", "Ana Other"),
            ("username", "ana.other"),
            ("email", "ANA.Kovac@Example.org"),
            ("organisation", "Somewhere Agency"),
        ):
            page.locator(f'[name="form.widgets.{name}"]').fill(value)
        page.locator('[name="form.widgets.country:list"]').select_option("HR")
        page.locator('[name="form.widgets.requested_tier:list"]').select_option(
            "associated-members"
        )
        page.locator('[name="form.widgets.privacy_consent:list"]').check()
        page.get_by_role("button", name="Register").click()
        expect(page.get_by_role("heading", name="Welcome!")).to_be_visible()
        expect(page.get_by_text("You have been registered.")).to_be_visible()
        expect(page.get_by_text("e-mail address exists")).to_have_count(0)
        transaction.begin()
        assert api.user.get(username="ana.other") is None
        # Ana is told, with a link to set a new password.
        smtp_inbox.wait(2)
        (told,) = [
            m for m in smtp_inbox.messages if "ana.kovac@example.org" in m.envelope_recipients
        ]
        assert "register" in smtp_inbox.subject(told)

        # Signing in as "Luca.Bianchi" is signing in as luca.bianchi.
        steps.log_in(page, site_url, "Luca.Bianchi")
        page.goto(f"{site_url}/@@personal-information")
        expect(page.locator('[name="form.widgets.email"]')).to_have_value(
            "luca.bianchi@example.org"
        )
        expect(page).to_have_url(re.compile("personal-information$"))
