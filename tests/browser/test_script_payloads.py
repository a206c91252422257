"""Script payloads in titles, summaries, comments and profile fields are shown as text, never run."""

from playwright.sync_api import expect
from plone import api
from plone.app.discussion.interfaces import IDiscussionSettings
from plone.registry.interfaces import IRegistry
from tests.authentication.codes import password_only
from zope.component import getUtility
import pytest
import re
import transaction


pytestmark = pytest.mark.browser

PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>'


@pytest.fixture
def payloads(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        getUtility(IRegistry).forInterface(IDiscussionSettings).globally_enabled = True
        api.portal.get_tool("portal_types")["BestPractice"].allow_discussion = True
        folder = api.content.create(container=portal, type="Folder", id="practices")
        practice = api.content.create(
            container=folder,
            type="BestPractice",
            id="payload",
            title=f"Vouchers {PAYLOAD}",
            description=f"Summary {PAYLOAD}",
            topics=["innovation-rd"],
            contact=PAYLOAD,
            funding_source=PAYLOAD,
        )
        for obj in (folder, practice):
            api.content.transition(obj, transition="publish")
        api.user.create(
            username="mallory",
            email="mallory@example.org",
            password="secret-pass-1",
            properties={"fullname": f"Mallory {PAYLOAD}", "organisation": PAYLOAD},
        )
        api.user.create(
            username="eve",
            email="eve@example.org",
            password="secret-pass-1",
            properties={"fullname": f"Eve {PAYLOAD}", "organisation": PAYLOAD},
        )
        api.user.create(username="coordinator", email="c@example.org", password="secret-pass-1")
        api.group.add_user(groupname="coordinators", username="coordinator")
        api.group.add_user(groupname="associated-members", username="mallory")
    password_only()  # what people may do, not how they sign in (tests/authentication)
    transaction.commit()


class TestScriptPayloads:
    def test_payloads_are_text_everywhere(self, page, site_url, payloads, wcag_violations):
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.route("**/x", lambda route: route.fulfill(status=204, body=""))
        for path in ("/practices/payload", "/@@topic/innovation-rd", "/practices"):
            page.goto(site_url + path)
            assert page.evaluate("window.__xss") is None, path
            assert PAYLOAD in page.locator("#content").inner_text(), path
        page.goto(f"{site_url}/login")
        page.get_by_label("Login name").fill("coordinator")
        page.get_by_label("Password").fill("secret-pass-1")
        page.get_by_role("button", name="Log in").click()
        # Logged in once the form sends the browser on (a failed login shows the form again).
        expect(page).not_to_have_url(re.compile("/login$"))
        page.goto(f"{site_url}/practices/payload")
        page.get_by_label("Comment").fill(f"Comment {PAYLOAD}")
        page.get_by_role("button", name="Comment").click()
        expect(page.locator(".discussion")).to_contain_text(
            f"Comment {PAYLOAD}", use_inner_text=True
        )
        assert page.evaluate("window.__xss") is None
        assert wcag_violations(page) == []
        page.goto(f"{site_url}/@@member-approvals")
        assert f"Eve {PAYLOAD}" in page.locator("#content").inner_text()
        assert wcag_violations(page) == []
        page.goto(f"{site_url}/@@member-directory")
        assert f"Mallory {PAYLOAD}" in page.locator("#content").inner_text()
        assert page.evaluate("window.__xss") is None
        page.goto(f"{site_url}/logout")
        page.goto(f"{site_url}/practices/payload")
        assert f"Comment {PAYLOAD}" in page.locator(".discussion").inner_text()
        assert page.evaluate("window.__xss") is None
        assert page.evaluate("window.__xss") is None
        assert dialogs == []
