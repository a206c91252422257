"""The platform's control panel, through a real HTTP server."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from plone.testing.zope import Browser
import pytest
import transaction


@pytest.fixture
def browser(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    return browser


def login(browser, user, password):
    browser.addHeader("Authorization", f"Basic {user}:{password}")


def open_controlpanel(functional, browser):
    browser.open(f"{functional['portal'].absolute_url()}/@@clusterpolisee-controlpanel")


def registry_record(name):
    transaction.begin()  # see what the server thread committed
    return api.portal.get_registry_record(f"clusterpolisee.{name}")


def test_admin_changes_settings(functional, browser):
    login(browser, SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    open_controlpanel(functional, browser)
    assert "ClusterPoliSEE platform settings" in browser.contents
    browser.getControl(name="form.widgets.tagline").value = "Policy learning for SEE clusters"
    browser.getControl(name="form.widgets.coordinator_email").value = "wp3@adrnordest.ro"
    browser.getControl(name="form.buttons.save").click()
    assert "Changes saved" in browser.contents
    assert registry_record("tagline") == "Policy learning for SEE clusters"
    assert registry_record("coordinator_email") == "wp3@adrnordest.ro"


def test_invalid_email_is_refused_with_a_message(functional, browser):
    login(browser, SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    open_controlpanel(functional, browser)
    browser.getControl(name="form.widgets.coordinator_email").value = "not-an-address"
    browser.getControl(name="form.buttons.save").click()
    assert "Please enter a valid e-mail address." in browser.contents
    assert registry_record("coordinator_email") == "coordinator@clusterpolisee.eu"


def test_members_cannot_open_the_control_panel(functional, browser):
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    login(browser, TEST_USER_NAME, TEST_USER_PASSWORD)
    open_controlpanel(functional, browser)
    assert "ClusterPoliSEE platform settings" not in browser.contents
    assert browser.url.endswith("/insufficient-privileges")


def test_anonymous_is_asked_to_log_in(functional, browser):
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    open_controlpanel(functional, browser)
    assert "ClusterPoliSEE platform settings" not in browser.contents
    assert "/login?came_from=" in browser.url
