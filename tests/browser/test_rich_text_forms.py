"""Rich-text forms every reader can use, in Chromium on the demo site: a member edits a wiki page
of her group from its Edit tab, and a contributor adds a practice to the repository from "Add
new…". With TinyMCE running, each form passes axe's WCAG 2.2 A and AA rules: the editing frame
of each rich-text field is titled by the field's label (TinyMCE 8 titles it no more), the text
has one format (Plone's second, Textile, drew a format menu without a label beside every
field), and the editor has no resize handle (a separator without the value ARIA requires)."""

from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.browser.steps import fill_rich_text
from tests.browser.steps import log_in
from tests.browser.steps import save
from tests.conftest import SCREENSHOTS
import pytest
import transaction


pytestmark = pytest.mark.browser

CONTRIBUTOR = "luca.bianchi"


@pytest.fixture
def site(demo_functional, functional):
    """Luca writes in the repository (a named contributor of it, as the coordinator makes
    people there)."""
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.grant_roles(username=CONTRIBUTOR, obj=portal["repository"], roles=["Contributor"])
    transaction.commit()
    return functional


def expect_accessible_editor(page, field, label):
    """The field's TinyMCE has started, its frame is titled by the label, and the field has no
    format menu and no resize handle."""
    page.wait_for_function(
        """name => window.tinymce && tinymce.get().some(
            editor => editor.getElement().name === name && editor.initialized)""",
        arg=f"form.widgets.{field}",
    )
    expect(page.locator(f"#formfield-form-widgets-{field} iframe")).to_have_attribute(
        "title", label
    )
    expect(page.locator(f"select[name='form.widgets.{field}.mimeType']")).to_have_count(0)
    expect(
        page.locator(f"#formfield-form-widgets-{field} .tox-statusbar__resize-handle")
    ).to_have_count(0)


class TestRichTextForms:
    def test_a_member_edits_a_wiki_page_from_its_edit_tab(
        self, page, site_url, site, wcag_violations
    ):
        log_in(page, site_url, "nikos.papadopoulos")
        page.goto(f"{site_url}/working-groups/innovation-rd/wiki")
        page.locator("#content").get_by_role(
            "link", name="Innovation voucher schemes"
        ).first.click()
        page.locator("#contentview-edit").get_by_role("link").click()
        expect(page.get_by_role("heading", name="Edit Wiki page")).to_be_visible()

        expect_accessible_editor(page, "text", "Text")
        assert wcag_violations(page) == []
        page.screenshot(path=str(SCREENSHOTS / "rich-text-wiki-edit.png"), full_page=True)

        fill_rich_text(page, "text", "Thessaloniki joined the voucher scheme in 2026.")
        save(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("Innovation voucher schemes")
        expect(page.locator(".wiki-text")).to_contain_text(
            "Thessaloniki joined the voucher scheme in 2026.", use_inner_text=True
        )

    def test_a_contributor_adds_a_practice_whose_four_texts_are_told_apart(
        self, page, site_url, site, wcag_violations
    ):
        log_in(page, site_url, CONTRIBUTOR)
        page.goto(f"{site_url}/repository")
        factories = page.locator("#plone-contentmenu-factories")
        factories.get_by_role("link", name="Add new…").click()
        factories.get_by_role("link", name="Best practice").click()
        expect(page.get_by_role("heading", name="Add Best practice")).to_be_visible()

        for field, label in (
            ("problem", "Problem addressed"),
            ("practice_description", "Description"),
            ("measures", "Measures taken"),
            ("results", "Results and impact"),
        ):
            expect_accessible_editor(page, field, label)
        assert wcag_violations(page) == []
        page.screenshot(path=str(SCREENSHOTS / "rich-text-practice-add.png"), full_page=True)

        page.get_by_label("Title").fill("Voucher scheme for food-processing clusters")
        page.get_by_role("checkbox", name="Innovation and R&D driven cluster development").check()
        fill_rich_text(page, "practice_description", "Small firms buy tests at university labs.")
        fill_rich_text(page, "results", "120 companies reached in the first year.")
        save(page)
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Voucher scheme for food-processing clusters"
        )
        expect(page.locator("#content")).to_contain_text(
            "Small firms buy tests at university labs."
        )
        expect(page.locator("#content")).to_contain_text("120 companies reached in the first year.")
