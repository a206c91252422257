"""No guessing, as a person meets it on the demo site (issue 22, items 1 and 3): five wrong
passwords make an account's sign-in wait, whatever the password, and the page says so; the demo
coordinator, who uses a second factor, is asked for the code after her password and told when
the code is not right."""

from clusterpolisee.demo.data import DEMO_PASSWORD
from playwright.sync_api import expect
from tests.authentication.codes import demo_code
import pytest
import re


pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_functional")]

COORDINATOR = "platform.coordinator"


def try_password(page, site_url, login, password):
    page.goto(f"{site_url}/login")
    page.get_by_label("Login name").fill(login)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_guessing_waits_and_the_code_follows_the_password(page, site_url, wcag_violations):
    # Four wrong passwords: each time the same message, which does not say whether the account
    # exists.
    for attempt in range(4):
        try_password(page, site_url, "petra.novak", f"petra-{attempt}")
        expect(page.get_by_role("alert")).to_contain_text(
            "Login failed: the login name or the password is not right."
        )
    # The fifth: the account waits.
    try_password(page, site_url, "petra.novak", "petra-5")
    paused = "signing in waits 15 more minutes, whatever the password"
    expect(page.get_by_role("alert")).to_contain_text(paused)
    # Even the right password waits now.
    try_password(page, site_url, "petra.novak", DEMO_PASSWORD)
    expect(page.get_by_role("alert")).to_contain_text(paused)
    expect(page.get_by_role("link", name="Log in")).to_be_visible()  # still signed out
    page.screenshot(path="tests/screenshots/signin-paused.png", full_page=True)

    # The coordinator's password is right: the form asks for the code from her app.
    try_password(page, site_url, COORDINATOR, DEMO_PASSWORD)
    code = page.get_by_label("Code from your authenticator app")
    expect(code).to_be_focused()
    expect(page.get_by_text("Your account uses two-factor sign-in.")).to_be_visible()
    assert wcag_violations(page) == []
    code.fill("123456")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("The code is not right. Enter a current code.")).to_be_visible()
    page.screenshot(path="tests/screenshots/signin-code-wrong.png", full_page=True)
    assert wcag_violations(page) == []
    page.get_by_label("Code from your authenticator app").fill(demo_code(COORDINATOR))
    page.get_by_role("button", name="Log in").click()
    expect(page).not_to_have_url(re.compile("login"))
    expect(page.get_by_text("Welcome! You are now logged in.")).to_be_visible()
    expect(page.get_by_role("link", name="Platform Coordinator")).to_be_visible()
