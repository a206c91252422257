"""An editor adds a best practice with two topics and finds it on both topic pages."""

from plone import api
import pytest
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
        page.wait_for_load_state()

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
        page.wait_for_load_state()
        assert page.get_by_text("Item created").is_visible()
        assert page.locator("h1").inner_text() == "Shared testing laboratory for food clusters"
        assert page.get_by_role("heading", name="Key facts").is_visible()
        assert page.locator(".repository-facts-list dd").first.inner_text() == "Greece"
        assert wcag_violations(page) == []

        page.get_by_role("link", name="Innovation and R&D driven cluster development").click()
        page.wait_for_load_state()
        assert page.url.endswith("/@@topic/innovation-rd")
        assert page.get_by_role("link", name="Shared testing laboratory for food clusters")
        assert page.locator(".topic-count-number").first.inner_text() == "1"
        assert wcag_violations(page) == []

        page.get_by_role("link", name="Cluster and regional specialisation").click()
        page.wait_for_load_state()
        assert page.url.endswith("/@@topic/specialisation")
        practice_link = page.get_by_role("link", name="Shared testing laboratory for food clusters")
        assert practice_link.is_visible()
        practice_link.click()
        page.wait_for_load_state()
        assert page.url.endswith("/practices/shared-testing-laboratory-for-food-clusters")
        assert page.script_errors == []

    def test_anonymous_topic_overview_is_accessible(self, page, site_url, wcag_violations):
        response = page.goto(f"{site_url}/@@topic")
        assert response.status == 200
        assert page.locator(".topic-overview > li").count() == 6
        assert wcag_violations(page) == []
        # An unknown topic is a plain 404 (fetched, not shown: a shown 404 logs a console error).
        assert page.request.get(f"{site_url}/@@topic/no-such-topic").status == 404
