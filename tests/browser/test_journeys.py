"""Journeys in headless Chromium against the functional layer's WSGI server."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest


pytestmark = pytest.mark.browser


def test_anonymous_visitor_sees_the_public_landing(page, site_url, wcag_violations):
    response = page.goto(site_url)
    assert response.status == 200
    assert page.locator("h1").first.inner_text() == "Plone site"
    assert page.get_by_role(
        "heading", name="Six central topics for cluster policy improvement"
    ).is_visible()
    assert page.locator(".platform-topic-list > li").count() == 6
    assert page.get_by_role("heading", name="How to join").is_visible()
    assert wcag_violations(page) == []
    login = page.get_by_role("link", name="Members: log in")
    assert login.is_visible()
    login.click()
    page.wait_for_load_state()
    assert "/login" in page.url


def test_admin_logs_in_and_opens_the_platform_control_panel(page, site_url, wcag_violations):
    page.goto(f"{site_url}/login")
    page.get_by_label("Login name").fill(SITE_OWNER_NAME)
    page.get_by_label("Password").fill(SITE_OWNER_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    page.goto(f"{site_url}/@@overview-controlpanel")
    page.get_by_role("link", name="ClusterPoliSEE platform").click()
    page.wait_for_load_state()
    assert page.url.endswith("/@@clusterpolisee-controlpanel")
    assert page.get_by_role("heading", name="ClusterPoliSEE platform settings").is_visible()
    assert page.get_by_label("Video-conference base URL").input_value() == "https://meet.jit.si/"
    assert wcag_violations(page) == []
