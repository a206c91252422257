"""Journeys in headless Chromium against the functional layer's WSGI server."""

from playwright.sync_api import expect
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
import re


pytestmark = pytest.mark.browser


def test_anonymous_visitor_sees_the_public_landing(page, site_url, wcag_violations):
    response = page.goto(site_url)
    assert response.status == 200
    expect(page.locator("h1").first).to_have_text("SEE Cluster Policy Learning Platform")
    expect(
        page.get_by_role("heading", name="Six central topics for cluster policy improvement")
    ).to_be_visible()
    expect(page.locator(".platform-topic-list > li")).to_have_count(6)
    expect(page.get_by_role("heading", name="How to join")).to_be_visible()
    assert wcag_violations(page) == []
    login = page.get_by_role("link", name="Members: log in")
    expect(login).to_be_visible()
    login.click()
    expect(page).to_have_url(re.compile("/login"))


def test_admin_logs_in_and_opens_the_platform_control_panel(page, site_url, wcag_violations):
    page.goto(f"{site_url}/login")
    page.get_by_label("Login name").fill(SITE_OWNER_NAME)
    page.get_by_label("Password").fill(SITE_OWNER_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    # Logged in once the form sends the browser on (a failed login shows the form again).
    expect(page).not_to_have_url(re.compile("/login$"))
    page.goto(f"{site_url}/@@overview-controlpanel")
    page.get_by_role("link", name="ClusterPoliSEE platform").click()
    expect(page).to_have_url(re.compile("/@@clusterpolisee-controlpanel$"))
    expect(page.get_by_role("heading", name="ClusterPoliSEE platform settings")).to_be_visible()
    expect(page.get_by_label("Video-conference base URL")).to_have_value("https://meet.jit.si/")
    assert wcag_violations(page) == []
