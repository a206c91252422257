"""A newcomer joins a fresh site in Chromium (issue 18, item 6): on the demo site that
``make start`` builds, with its mail going to the local mail catcher that ``make start`` runs
(the same program, on the same settings), the newcomer registers from the landing page, reads
the confirmation mail on the catcher's web page, follows its link and sets a password; the
coordinator reads there that someone waits, follows the mail's link to the membership requests
and approves; the newcomer logs in and finds the members-only directory."""

from clusterpolisee.demo.data import DEMO_PASSWORD
from clusterpolisee.demo.data import DEMO_TOTP_SECRETS
from clusterpolisee.demo.site import use_mail_catcher
from playwright.sync_api import expect
from tests.authentication.codes import demo_code
from tests.members.test_mailcatcher import mail_catcher
import pytest
import re
import transaction


pytestmark = pytest.mark.browser

PASSWORD = "Mihai-sets-his-own-1"


def log_in(page, login, password):
    page.get_by_label("Login name").fill(login)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    if login in DEMO_TOTP_SECRETS:  # the coordinator signs in with a second factor
        page.get_by_label("Code from your authenticator app").fill(demo_code(login))
        page.get_by_role("button", name="Log in").click()
    # Logged in once the form sends the browser on (a failed login shows the form again).
    expect(page).not_to_have_url(re.compile("/login"))


def open_mail(page, catcher, to, subject):
    """On the catcher's page, the newest message to ``to`` whose subject matches."""
    page.goto(catcher.url)
    row = page.get_by_role("row").filter(has_text=to)
    row.get_by_role("link", name=subject).first.click()
    expect(page.get_by_role("heading", name=subject)).to_be_visible()


class TestRegistrationJourney:
    def test_a_newcomer_registers_confirms_by_mail_and_the_coordinator_approves(
        self, page, site_url, functional, demo_functional, tmp_path
    ):
        with mail_catcher(tmp_path / "mail") as catcher:
            # What `make start` does to a fresh site: its mail goes to the catcher.
            assert use_mail_catcher(functional["portal"], catcher.smtp_port)
            transaction.commit()

            page.goto(site_url)
            page.get_by_role("link", name="Register to join").click()
            expect(page.get_by_text("valid email setup")).to_have_count(0)
            for label, value in (
                ("form.widgets.fullname", "Mihai Stoica"),
                ("form.widgets.username", "mihai.stoica"),
                ("form.widgets.email", "mihai.stoica@example.org"),
                ("form.widgets.organisation", "West Regional Development Agency"),
            ):
                page.locator(f'[name="{label}"]').fill(value)
            page.locator('[name="form.widgets.country:list"]').select_option("RO")
            page.locator('[name="form.widgets.requested_tier:list"]').select_option(
                "associated-members"
            )
            page.locator('[name="form.widgets.privacy_consent:list"]').check()
            page.get_by_role("button", name="Register").click()
            expect(page.get_by_role("heading", name="Welcome!")).to_be_visible()

            # The newcomer's mail, on the catcher's page: its link sets the password.
            open_mail(page, catcher, "mihai.stoica@example.org", re.compile("."))
            page.get_by_role("link", name=re.compile("passwordreset")).click()
            page.get_by_label("My user name is").fill("mihai.stoica")
            page.get_by_label("New password").fill(PASSWORD)
            page.get_by_label("Confirm password").fill(PASSWORD)
            page.get_by_role("button", name="Set my password").click()
            expect(page.get_by_text("you are logged in now")).to_be_visible()
            # Signed in, but not a member yet: the directory of members is closed.
            page.goto(f"{site_url}/@@member-directory")
            expect(page.get_by_role("heading", name="Member directory")).to_have_count(0)
            expect(page.get_by_text("Insufficient Privileges").first).to_be_visible()

            # The coordinator's mail: who waits, and the link to the membership requests.
            page.context.clear_cookies()
            open_mail(
                page,
                catcher,
                "platform.coordinator@example.org",
                "New registrant waiting for approval: Mihai Stoica",
            )
            expect(page.get_by_text("West Regional Development Agency")).to_be_visible()
            page.get_by_role("link", name=re.compile("@@member-approvals")).click()
            log_in(page, "platform.coordinator", DEMO_PASSWORD)
            expect(page.get_by_role("heading", name="Membership requests")).to_be_visible()
            request = page.get_by_role("row").filter(has_text="Mihai Stoica")
            expect(request.get_by_label("Tier")).to_have_value("associated-members")
            request.get_by_role("button", name="Approve").click()
            expect(page.get_by_text("mihai.stoica is now approved.")).to_be_visible()
            expect(page.get_by_role("row").filter(has_text="Mihai Stoica")).to_have_count(0)

            # The newcomer signs in with the password they chose, as an approved member.
            page.context.clear_cookies()
            page.goto(f"{site_url}/login")
            log_in(page, "mihai.stoica", PASSWORD)
            page.goto(f"{site_url}/@@member-directory")
            expect(page.get_by_role("heading", name="Member directory")).to_be_visible()
            expect(page.get_by_role("row").filter(has_text="Mihai Stoica")).to_contain_text(
                "Associated members"
            )
