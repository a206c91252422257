"""Steps that the browser journeys share: a demo member logs in, a form is saved."""

from clusterpolisee.demo.data import DEMO_PASSWORD
from playwright.sync_api import expect
import re


def log_in(page, site_url, login, password=DEMO_PASSWORD):
    """Log in on the login form, as a person does; a fresh session each time."""
    page.context.clear_cookies()
    page.goto(f"{site_url}/login")
    page.get_by_label("Login name").fill(login)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    # Logged in once the form sends the browser on (a failed login shows the form again).
    expect(page).not_to_have_url(re.compile("/login$"))


def save(page):
    """Press Save on an add or edit form and wait until the browser leaves the form."""
    form_url = page.url
    page.get_by_role("button", name="Save").click()
    # Saved once the form sends the browser on (a form with errors shows itself again).
    expect(page).not_to_have_url(form_url)
