"""Registration with a profile, e-mail confirmation through a real SMTP server, and approval."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from tests.authentication.codes import password_only
import pytest
import requests
import transaction


@pytest.fixture
def inbox(smtp_inbox):
    """The SMTP server of tests/conftest.py, and a platform coordinator."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="coordinator", email="wp3@example.org", password="secret-pass-1")
        api.group.add_user(groupname="coordinators", username="coordinator")
    password_only()  # what people may do, not how they sign in (tests/authentication)
    transaction.commit()
    return smtp_inbox


def browser_for(functional, login=None, password="secret-pass-1"):
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    if login:
        browser.addHeader("Authorization", f"Basic {login}:{password}")
    return browser


def fill_registration(browser, portal_url, **overrides):
    browser.open(f"{portal_url}/@@register")
    values = {
        "fullname": "Elena Popescu",
        "username": "elena",
        "email": "elena@adrnordest.ro",
        "organisation": "North-East Regional Development Agency",
        **overrides,
    }
    for name, value in values.items():
        browser.getControl(name=f"form.widgets.{name}").value = value
    browser.getControl(name="form.widgets.country:list").value = ["RO"]
    browser.getControl(name="form.widgets.region:list").value = ["RO21"]
    browser.getControl(name="form.widgets.requested_tier:list").value = ["associated-members"]


class TestRegistration:
    def test_registrant_gets_a_confirmation_mail_and_waits_for_approval(self, functional, inbox):
        portal_url = functional["portal"].absolute_url()
        browser = browser_for(functional)
        fill_registration(browser, portal_url)
        browser.getControl(name="form.widgets.privacy_consent:list").value = ["selected"]
        browser.getControl(name="form.buttons.register").click()
        assert browser.headers["status"].startswith("200"), browser.contents
        # The registrant's mail, and the coordinators' (below).
        inbox.wait(3)
        (mail,) = inbox.to("elena@adrnordest.ro")
        assert mail["To"].endswith("elena@adrnordest.ro>") or mail["To"] == "elena@adrnordest.ro"
        body = (
            mail.get_payload(decode=True)
            if not mail.is_multipart()
            else b"".join(part.get_payload(decode=True) or b"" for part in mail.walk())
        )
        assert b"passwordreset" in body
        transaction.begin()
        user = api.user.get(username="elena")
        assert user.getProperty("organisation") == "North-East Regional Development Agency"
        assert user.getProperty("country") == "RO"
        assert user.getProperty("requested_tier") == "associated-members"
        assert api.group.get_groups(user=user) == [api.group.get(groupname="AuthenticatedUsers")]

        # The coordinator is told, and so is the platform's coordinator address (Site Setup).
        for address in ("wp3@example.org", "coordinator@clusterpolisee.eu"):
            (notice,) = inbox.to(address)
            assert inbox.subject(notice) == "New registrant waiting for approval: Elena Popescu"
            text = notice.get_payload(decode=True).decode()
            assert "Elena Popescu (elena@adrnordest.ro, North-East Regional Development" in text
            assert f"{portal_url}/@@member-approvals" in text
        assert len(inbox.messages) == 3

        # The coordinator sees the request and approves it with the tier asked for.
        coordinator = browser_for(functional, "coordinator")
        coordinator.open(f"{portal_url}/@@member-approvals")
        assert "Elena Popescu" in coordinator.contents
        assert "North-East Regional Development Agency" in coordinator.contents
        # Requests are listed by name: Elena's comes before the test layer's own user.
        assert coordinator.getControl(name="userid", index=0).value == "elena"
        assert coordinator.getControl(name="tier", index=0).value == ["associated-members"]
        coordinator.getControl(name="form.button.approve", index=0).click()
        assert "elena is now approved." in coordinator.contents
        assert "Elena Popescu" not in coordinator.contents
        transaction.begin()
        assert "associated-members" in [
            group.getId() for group in api.group.get_groups(username="elena")
        ]

    def test_the_coordinators_notification_settings_apply(self, functional, inbox):
        with api.env.adopt_roles(["Manager"]):
            coordinator = api.user.get(username="coordinator")
            coordinator.setMemberProperties({"notification_frequency": "off"})
        transaction.commit()
        browser = browser_for(functional)
        fill_registration(browser, functional["portal"].absolute_url())
        browser.getControl(name="form.widgets.privacy_consent:list").value = ["selected"]
        browser.getControl(name="form.buttons.register").click()
        assert browser.headers["status"].startswith("200"), browser.contents
        inbox.wait(2)
        assert inbox.to("elena@adrnordest.ro")
        assert inbox.to("coordinator@clusterpolisee.eu")
        assert inbox.to("wp3@example.org") == []

    def test_registration_needs_consent(self, functional, inbox):
        portal_url = functional["portal"].absolute_url()
        browser = browser_for(functional)
        fill_registration(browser, portal_url)
        browser.getControl(name="form.buttons.register").click()
        assert "Please agree to the privacy notice" in browser.contents
        transaction.begin()
        assert api.user.get(username="elena") is None
        assert inbox.messages == []

    def test_bad_registration_input_gets_clear_messages(self, functional, inbox):
        portal_url = functional["portal"].absolute_url()
        browser = browser_for(functional)
        fill_registration(browser, portal_url, email="not-an-address", organisation="")
        browser.getControl(name="form.widgets.privacy_consent:list").value = ["selected"]
        browser.getControl(name="form.buttons.register").click()
        assert "There were errors" in browser.contents or "There were some errors" in (
            browser.contents
        )
        assert "Required input is missing." in browser.contents
        assert "not a valid e-mail address" in browser.contents.lower() or (
            "invalid email" in browser.contents.lower()
        )
        transaction.begin()
        assert api.user.get(username="elena") is None

    def test_approval_without_the_form_token_is_refused(self, functional, inbox):
        portal_url = functional["portal"].absolute_url()
        with api.env.adopt_roles(["Manager"]):
            api.user.create(username="mallory", email="m@example.org", password="secret-pass-1")
        transaction.commit()
        response = requests.post(
            f"{portal_url}/@@member-approvals",
            data={"userid": "mallory", "tier": "coordinators", "form.button.approve": "1"},
            auth=("coordinator", "secret-pass-1"),
            allow_redirects=False,
        )
        assert response.status_code == 403
        transaction.begin()
        assert "coordinators" not in [
            group.getId() for group in api.group.get_groups(username="mallory")
        ]

    def test_only_the_coordinator_sees_the_requests(self, functional, inbox):
        portal_url = functional["portal"].absolute_url()
        anonymous = requests.get(f"{portal_url}/@@member-approvals", allow_redirects=False)
        assert anonymous.status_code in (302, 401)
        admin = requests.get(
            f"{portal_url}/@@member-approvals", auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        )
        assert admin.status_code == 200
