"""The STC's validation queue in Chromium, on the demo: a member submits a best practice in the
repository for validation from the state menu; the STC opens "Validation queue" from her menu,
finds it there with its author and age, opens it and publishes it from the state menu; the
coordinator, on a practice of his own waiting for validation, is offered no Publish."""

from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.browser.steps import fill_rich_text
from tests.browser.steps import log_in
import pytest
import transaction


pytestmark = pytest.mark.browser

MEMBER, STC, COORDINATOR = "luca.bianchi", "sofia.dimitriou", "platform.coordinator"
PRACTICE = "Innovation vouchers spent at university laboratories"
OWN = "Coordinator's mapping of cluster support schemes"


@pytest.fixture
def repository(demo_functional, functional):
    """Luca writes in the repository (a named contributor of it, as the coordinator makes
    people there); the coordinator's own practice waits for validation."""
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.grant_roles(username=MEMBER, obj=portal["repository"], roles=["Contributor"])
    with api.env.adopt_user(username=COORDINATOR):
        own = api.content.create(
            container=portal["repository"],
            type="BestPractice",
            title=OWN,
            topics=["specialisation"],
        )
        api.content.transition(own, "submit")
    transaction.commit()
    return own.absolute_url()


def open_from_menu(page, title):
    """A page of the member's own menu (the toolbar's personal tools)."""
    page.locator("#personaltools-menulink").click()
    page.locator("#collapse-personaltools").get_by_role("link", name=title).click()


def state_menu(page):
    """The toolbar's state menu, opened."""
    menu = page.locator("#plone-contentmenu-workflow")
    menu.locator("> a").click()
    return menu


class TestValidationQueue:
    def test_member_submits_stc_validates_from_the_queue_coordinator_cannot(
        self, page, site_url, repository, wcag_violations
    ):
        # A member writes a best practice in the repository and submits it for validation.
        log_in(page, site_url, MEMBER)
        page.goto(f"{site_url}/repository/++add++BestPractice")
        page.get_by_label("Title").fill(PRACTICE)
        page.get_by_label("Summary").fill("SMEs spend vouchers on tests at university labs.")
        page.get_by_role("checkbox", name="Innovation and R&D driven cluster development").check()
        fill_rich_text(page, "practice_description", "Vouchers worth 5,000 euro per SME.")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Item created")).to_be_visible()
        practice_url = page.url.removesuffix("/view")
        state_menu(page).get_by_role("link", name="Submit for validation").click()
        expect(page.get_by_text("Item state changed.")).to_be_visible()
        expect(page.locator("#plone-contentmenu-workflow")).to_contain_text(
            "Pending STC validation"
        )
        # Its author does not validate it.
        expect(state_menu(page).get_by_role("link", name="Publish")).to_have_count(0)

        # The STC opens the queue from her menu and finds it, with its author and age.
        log_in(page, site_url, STC)
        page.goto(site_url)
        open_from_menu(page, "Validation queue")
        expect(page.get_by_role("heading", name="Validation queue")).to_be_visible()
        row = page.get_by_role("row").filter(has_text=PRACTICE)
        expect(row).to_contain_text("Luca Bianchi")
        expect(row).to_contain_text("Best practice")
        expect(row).to_contain_text("less than an hour")
        # The coordinator's practice, submitted before, comes first.
        rows = page.locator("table.validation-queue tbody tr")
        titles = [text.strip() for text in rows.locator("td:first-child a").all_inner_texts()]
        assert titles.index(OWN) < titles.index(PRACTICE)
        assert wcag_violations(page) == []

        # She opens it and publishes it from the state menu.
        row.get_by_role("link", name=PRACTICE).click()
        expect(page.locator("h1")).to_have_text(PRACTICE)
        expect(page.get_by_text("error while rendering")).to_have_count(0)
        state_menu(page).get_by_role("link", name="Publish", exact=True).click()
        expect(page.get_by_text("Item state changed.")).to_be_visible()
        expect(page.locator("#plone-contentmenu-workflow")).to_contain_text("Published")
        assert page.url.removesuffix("/view") == practice_url
        page.goto(f"{site_url}/@@validation-queue")
        expect(page.get_by_role("link", name=PRACTICE)).to_have_count(0)

        # The coordinator's own practice: in his queue too, but he may not publish it.
        log_in(page, site_url, COORDINATOR)
        page.goto(site_url)
        open_from_menu(page, "Validation queue")
        page.get_by_role("link", name=OWN).click()
        expect(page.locator("h1")).to_have_text(OWN)
        menu = state_menu(page)
        expect(menu.get_by_role("link", name="Retract")).to_be_visible()
        expect(menu.get_by_role("link", name="Publish", exact=True)).to_have_count(0)
        expect(menu.get_by_role("link", name="Reject")).to_have_count(0)
        # The page says nothing it should not (a part of it that failed names itself).
        expect(page.get_by_text("error while rendering")).to_have_count(0)
        assert page.url.removesuffix("/view") == repository
