"""Old versions and uploads in Chromium, on the demo group's library (issue 17, items 1 and 2):
the STC opens a link to a confidential paper's changes and is refused while its author reads
them; the group's leader follows a link to an old version of an uploaded web page and gets a
file, not a page that runs in his session."""

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from tests.browser.steps import log_in
import pytest
import transaction


pytestmark = pytest.mark.browser

LIBRARY = "/working-groups/innovation-rd/documents"
PAGE = b"<html><body><script>document.title='pwned'</script>Uploaded page</body></html>"


@pytest.fixture
def library(demo_functional, functional):
    folder = functional["portal"]["working-groups"]["innovation-rd"]["documents"]
    with api.env.adopt_user(username="nikos.papadopoulos"):
        paper = api.content.create(
            container=folder,
            type="Document",
            id="confidential-paper",
            title="Confidential paper",
            text=RichTextValue("<p>FirstSecretDraft</p>", "text/html", "text/x-html-safe"),
        )
        paper.text = RichTextValue("<p>SecondSecretDraft</p>", "text/html", "text/x-html-safe")
        api.portal.get_tool("portal_repository").save(paper, comment="Second draft")
        api.content.transition(paper, transition="make_confidential")
    with api.env.adopt_user(username="luca.bianchi"):
        api.content.create(
            container=folder,
            type="File",
            id="agenda.html",
            title="Agenda",
            file=NamedBlobFile(data=PAGE, filename="agenda.html", contentType="text/html"),
        )
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        transaction.commit()


class TestVersionsAndUploads:
    def test_a_confidential_papers_changes_are_its_authors(self, page, site_url, library):
        changes = f"{site_url}{LIBRARY}/confidential-paper/@@history?one=0&two=1"
        log_in(page, site_url, "sofia.dimitriou")
        page.goto(changes)
        expect(page.locator("#content")).to_contain_text("Insufficient Privileges")
        expect(page.locator("body")).not_to_contain_text("FirstSecretDraft")
        log_in(page, site_url, "nikos.papadopoulos")
        page.goto(changes)
        expect(page.locator("#content")).to_contain_text("SecondSecretDraft")

    def test_an_old_version_of_an_uploaded_page_is_a_file(self, page, site_url, library):
        log_in(page, site_url, "nikos.papadopoulos")
        page.goto(f"{site_url}{LIBRARY}/agenda.html/view")
        expect(page.locator("#content")).to_contain_text("Agenda")
        title = page.title()
        # Chromium reports a navigation that turns into a download as aborted.
        with (
            page.expect_download() as download,
            pytest.raises(PlaywrightError, match="Download is starting"),
        ):
            page.goto(f"{site_url}{LIBRARY}/agenda.html/@@download-version?version_id=0")
        assert download.value.suggested_filename == "agenda.html"
        # Still on the file's page: the upload ran nowhere.
        expect(page).to_have_title(title)
        expect(page.locator("#content")).to_contain_text("Agenda")
