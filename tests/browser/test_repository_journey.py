"""An editor adds a best practice with two topics and finds it on both topic pages."""

from playwright.sync_api import expect
from plone import api
import pytest
import re
import transaction


pytestmark = pytest.mark.browser

EDITOR, PASSWORD = "elena", "secret-elena-2026"


@pytest.fixture
def editor(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            container=portal, type="Folder", id="practices", title="Practices"
        )
        api.user.create(
            username=EDITOR,
            email="elena@adrnordest.ro",
            password=PASSWORD,
            properties={"fullname": "Elena Popescu"},
        )
        api.user.grant_roles(username=EDITOR, obj=folder, roles=["Contributor", "Editor"])
    transaction.commit()
    return EDITOR


class TestRepositoryJourney:
    def test_editor_adds_practice_and_finds_it_on_both_topic_pages(
        self, page, site_url, editor, wcag_violations
    ):
        page.goto(f"{site_url}/login")
        page.get_by_label("Login name").fill(EDITOR)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        # Logged in once the form sends the browser on (a failed login shows the form again).
        expect(page).not_to_have_url(re.compile("/login$"))

        page.goto(f"{site_url}/practices/++add++BestPractice")
        page.get_by_label("Title").fill("Shared testing laboratory for food clusters")
        page.get_by_label("Summary").fill("A pilot line that cluster SMEs share.")
        page.get_by_role("checkbox", name="Innovation and R&D driven cluster development").check()
        page.get_by_role("checkbox", name="Cluster and regional specialisation").check()
        editor_body = page.frame_locator("#formfield-form-widgets-practice_description iframe")
        editor_body.locator("body").fill("Companies test new products on shared equipment.")
        page.locator(".autotoc-nav a", has_text="Origin").click()
        page.get_by_label("Country").select_option("GR")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Item created")).to_be_visible()
        expect(page.locator("h1")).to_have_text("Shared testing laboratory for food clusters")
        expect(page.get_by_role("heading", name="Key facts")).to_be_visible()
        expect(page.locator(".repository-facts-list dd").first).to_have_text("Greece")
        assert wcag_violations(page) == []

        page.get_by_role("link", name="Innovation and R&D driven cluster development").click()
        expect(page).to_have_url(re.compile("/@@topic/innovation-rd$"))
        expect(
            page.get_by_role("link", name="Shared testing laboratory for food clusters")
        ).to_be_visible()
        expect(page.locator(".topic-count-number").first).to_have_text("1")
        assert wcag_violations(page) == []

        page.get_by_role("link", name="Cluster and regional specialisation").click()
        expect(page).to_have_url(re.compile("/@@topic/specialisation$"))
        practice_link = page.get_by_role("link", name="Shared testing laboratory for food clusters")
        expect(practice_link).to_be_visible()
        practice_link.click()
        # The practice's own page, loaded: its scripts have run.
        page.wait_for_url(re.compile("/practices/shared-testing-laboratory-for-food-clusters$"))
        assert page.script_errors == []

    def test_anonymous_topic_overview_is_accessible(self, page, site_url, wcag_violations):
        response = page.goto(f"{site_url}/@@topic")
        assert response.status == 200
        expect(page.locator(".topic-overview > li")).to_have_count(6)
        assert wcag_violations(page) == []
        # An unknown topic is a plain 404 (fetched, not shown: a shown 404 logs a console error).
        assert page.request.get(f"{site_url}/@@topic/no-such-topic").status == 404
