"""Single sign-on in Chromium against a real OpenID Connect provider (issue 22, item 2): on the
demo site that ``make start`` builds, the site administrator enters a partner institution's provider
in Site Setup; a member of that institution opens the login page, chooses "Sign in with your
institution's account", signs in on the provider's own pages, comes back signed in here and
waits for the coordinator's approval: the coordinator is told by mail and finds her among the
membership requests.

The provider is node-oidc-provider (npm "oidc-provider", installed by ``npm ci``), started on a
free loopback port by tests/oidc/provider.mjs and stopped at the end."""

from clusterpolisee.members.tiers import TIER_GROUP_IDS
from contextlib import contextmanager
from pathlib import Path
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.browser.steps import log_in
import json
import pytest
import re
import secrets
import select
import subprocess
import transaction


pytestmark = pytest.mark.browser

COORDINATOR = "platform.coordinator"
PROVIDER = Path(__file__).parents[1] / "oidc" / "provider.mjs"
# The person at the institution, as its provider knows her.
LOGIN = "jana.horvat"
PASSWORD = "her-password-at-the-university"
ACCOUNT = {
    "password": PASSWORD,
    "email": "jana.horvat@uni-lj.example",
    "email_verified": True,
    "name": "Jana Horvat",
    "given_name": "Jana",
    "family_name": "Horvat",
}


@contextmanager
def oidc_provider(client, accounts, seconds=15):
    """node-oidc-provider on a free loopback port, with one client: yields its issuer URL."""
    settings = json.dumps({"client": client, "accounts": accounts})
    process = subprocess.Popen(
        ["node", str(PROVIDER), settings],
        cwd=PROVIDER.parents[2],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        ready, _w, _x = select.select([process.stdout], [], [], seconds)
        line = process.stdout.readline() if ready else ""
        assert line, "the OpenID Connect provider did not start"
        yield json.loads(line)["issuer"]
    finally:
        process.terminate()
        process.wait(timeout=10)


class TestSingleSignOnJourney:
    def test_a_partner_signs_in_with_the_institutions_account_and_waits_for_approval(
        self, page, site_url, functional, demo_functional, smtp_inbox, wcag_violations
    ):
        client = {
            "client_id": "clusterpolisee",
            "client_secret": secrets.token_urlsafe(32),
            "redirect_uris": [f"{site_url}/acl_users/oidc/callback"],
        }
        with oidc_provider(client, {LOGIN: ACCOUNT}) as issuer:
            # The site administrator enters the institution's provider in Site Setup.
            log_in(page, site_url, SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
            page.goto(f"{site_url}/@@overview-controlpanel")
            page.get_by_role("link", name="Single sign-on (OpenID Connect)").click()
            expect(
                page.get_by_role("heading", name="Single sign-on (OpenID Connect)")
            ).to_be_visible()
            # The address to register at the provider is on the page.
            expect(page.get_by_text(client["redirect_uris"][0])).to_be_visible()
            page.get_by_label("OIDC/OAuth2 Issuer").fill(issuer)
            page.get_by_label("Client ID").fill(client["client_id"])
            page.get_by_label("Client secret").fill(client["client_secret"])
            page.get_by_role("button", name="Save").click()
            expect(page.get_by_text("Changes saved")).to_be_visible()

            # A member of the institution, not signed in, on the login page.
            page.context.clear_cookies()
            page.goto(f"{site_url}/login")
            expect(page.get_by_label("Login name")).to_be_visible()  # the password form stays
            assert wcag_violations(page) == []
            page.get_by_role("link", name="Sign in with your institution's account").click()

            # The provider's own pages: sign in, then allow the platform to know who she is.
            expect(page).to_have_url(re.compile(f"^{re.escape(issuer)}/"))
            page.get_by_label("Username").fill(LOGIN)
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page.get_by_role("heading", name="Allow clusterpolisee")).to_be_visible()
            page.get_by_role("button", name="Allow").click()

            # Back here, signed in, and told that the coordinator approves the membership.
            expect(page).to_have_url(re.compile(f"^{re.escape(site_url)}"))
            expect(
                page.get_by_text("You are signed in with your institution's account")
            ).to_be_visible()
            expect(page.get_by_text("Jana Horvat").first).to_be_visible()
            # The sign-in's state served once: it is gone from the browser.
            assert "__ac_session" not in {cookie["name"] for cookie in page.context.cookies()}

            # The coordinator is told, and finds her among the membership requests.
            log_in(page, site_url, COORDINATOR)
            page.goto(f"{site_url}/@@member-approvals")
            expect(page.get_by_role("row").filter(has_text="Jana Horvat")).to_be_visible()

        # A registrant waiting for approval: in no tier group, and the coordinators are told.
        smtp_inbox.wait(1)
        subjects = [smtp_inbox.subject(message) for message in smtp_inbox.messages]
        assert "New registrant waiting for approval: Jana Horvat" in subjects
        transaction.begin()
        (user,) = [
            user for user in api.user.get_users() if user.getProperty("email") == ACCOUNT["email"]
        ]
        assert user.getId() == LOGIN
        assert user.getProperty("fullname") == "Jana Horvat"
        groups = {group.getId() for group in api.group.get_groups(user=user)}
        assert not groups & set(TIER_GROUP_IDS)
