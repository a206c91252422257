"""Workflow states by their titles, in Chromium, on the demo (issue 25, item 5): WG4's leader
opens the group's documents, where the file he uploaded and the group's paper in review show
their states as "Draft" and "In group review" (never ``draft``, ``group_review``), and so does
the toolbar on the file; he chooses Italian among his preferences and reads them in Italian."""

from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.namedfile.file import NamedBlobFile
from tests.browser.steps import log_in
import pytest
import re
import transaction


pytestmark = pytest.mark.browser

LEADER = "nikos.papadopoulos"
DOCUMENTS = "/working-groups/innovation-rd/documents"
UPLOAD = "Voucher figures by region"
PAPER = "Draft recommendations on innovation vouchers"


@pytest.fixture
def upload(demo_functional, functional):
    """A spreadsheet the leader uploaded to the group's documents, still a draft."""
    portal = functional["portal"]
    with api.env.adopt_user(username=LEADER):
        api.content.create(
            container=portal.unrestrictedTraverse(DOCUMENTS.lstrip("/")),
            type="File",
            title=UPLOAD,
            file=NamedBlobFile(b"region,vouchers\nRO11,12\n", filename="vouchers.csv"),
        )
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        transaction.commit()


def state_cell(page, title):
    return page.get_by_role("row").filter(has=page.get_by_role("link", name=title)).locator("td")


class TestStateTitles:
    def test_a_member_reads_the_states_of_files_and_pages_by_their_titles(
        self, page, site_url, upload, wcag_violations
    ):
        log_in(page, site_url, LEADER)
        page.goto(f"{site_url}{DOCUMENTS}")
        table = page.get_by_role("table")
        expect(table.get_by_role("columnheader", name="State")).to_be_visible()
        expect(state_cell(page, UPLOAD).filter(has_text="Draft")).to_have_count(1)
        expect(state_cell(page, PAPER).filter(has_text="In group review")).to_have_count(1)
        expect(table).not_to_contain_text("group_review")
        expect(table).not_to_contain_text("draft")
        assert wcag_violations(page) == []

        # The file's own page: the toolbar's state, by its title.
        page.get_by_role("link", name=UPLOAD).click()
        expect(page.locator("#plone-contentmenu-workflow")).to_contain_text("Draft")

        # In Italian, chosen among his preferences.
        page.locator("#personaltools-menulink").click()
        page.locator("#collapse-personaltools").get_by_role("link", name="Preferences").click()
        page.get_by_role("link", name="Personal Preferences").click()
        page.get_by_label("Language", exact=True).select_option("it")
        page.get_by_role("button", name="Save").click()
        expect(page.locator("html")).to_have_attribute("lang", "it")
        page.goto(f"{site_url}{DOCUMENTS}")
        expect(page.locator("html")).to_have_attribute("lang", "it")
        table = page.get_by_role("table")
        expect(table.get_by_role("columnheader", name="Stato")).to_be_visible()
        expect(state_cell(page, UPLOAD).filter(has_text="Bozza")).to_have_count(1)
        expect(state_cell(page, PAPER).filter(has_text="In revisione nel gruppo")).to_have_count(1)
        page.get_by_role("link", name=UPLOAD).click()
        expect(page.locator("#plone-contentmenu-workflow")).to_contain_text("Bozza")
        page.goto(f"{site_url}{DOCUMENTS}")
        expect(state_cell(page, UPLOAD).filter(has_text="Bozza")).to_have_count(1)


@pytest.fixture
def many_uploads(demo_functional, functional):
    """25 more files in the group's documents: more than the table's first page."""
    portal = functional["portal"]
    with api.env.adopt_user(username=LEADER):
        folder = portal.unrestrictedTraverse(DOCUMENTS.lstrip("/"))
        for number in range(25):
            api.content.create(
                container=folder,
                type="File",
                title=f"Regional figures {number:02d}",
                file=NamedBlobFile(b"region,vouchers\n", filename=f"figures-{number}.csv"),
            )
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        transaction.commit()


class TestDocumentsPages:
    def test_the_next_page_of_the_documents_table_opens(
        self, page, site_url, many_uploads, wcag_violations
    ):
        """Plone's page links send b_start:int; the table read it as text and answered 400."""
        log_in(page, site_url, LEADER)
        page.goto(f"{site_url}{DOCUMENTS}")
        rows = page.get_by_role("table").locator("tbody tr")
        first_page = rows.all_inner_texts()
        assert len(first_page) == 20
        with page.expect_navigation() as navigation:
            page.locator(".pagination").get_by_role("link", name=re.compile("Next")).first.click()
        assert navigation.value.status == 200
        expect(page).to_have_url(re.compile(r"b_start(:int)?=20"))
        expect(rows.first).to_be_visible()
        second_page = rows.all_inner_texts()
        assert second_page
        assert not set(first_page) & set(second_page)
        page.screenshot(path="tests/screenshots/documents-page-2.png")
        assert wcag_violations(page) == []
