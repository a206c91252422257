"""The document library: versions of uploaded files, locks, the review workflow and full text."""

from plone import api
from plone.locking.interfaces import ILockable
from plone.namedfile.file import NamedBlobFile
from tests.workspaces import documents
from tests.workspaces.conftest import as_user
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent
import pytest


MIMETYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


def upload(container, login, filename, data, title=None):
    with as_user(login):
        return api.content.create(
            container=container,
            type="File",
            title=title or filename,
            file=NamedBlobFile(
                data=data,
                filename=filename,
                contentType=MIMETYPES.get(filename.rsplit(".", 1)[1], "application/octet-stream"),
            ),
        )


class TestVersions:
    def test_new_upload_is_a_version_and_earlier_ones_stay(self, group):
        library = group["documents"]
        report = upload(library, "full", "report.pdf", documents.pdf("First draft"))
        # The upload itself is version 0 (plone.app.versioningbehavior); the edit is version 1.
        repository = api.portal.get_tool("portal_repository")
        with as_user("leader"):
            report.file = NamedBlobFile(
                data=documents.pdf("Second draft"),
                filename="report.pdf",
                contentType="application/pdf",
            )
            notify(ObjectModifiedEvent(report))
        with as_user("associated"):
            history = repository.getHistoryMetadata(report)
            first = repository.retrieve(report, 0).object
        assert history.getLength(countPurged=False) == 2
        assert b"First draft" in first.file.data
        assert b"Second draft" in report.file.data
        principals = [
            history.retrieve(number)["metadata"]["sys_metadata"]["principal"]
            for number in range(history.getLength(countPurged=False))
        ]
        assert principals == ["full", "leader"]

    def test_wiki_pages_and_files_have_a_diff(self, group):
        diff_tool = api.portal.get_tool("portal_diff")
        assert diff_tool.getDiffForPortalType("File")
        assert diff_tool.getDiffForPortalType("WikiPage")

    def test_a_file_is_locked_while_someone_edits_it(self, group):
        report = upload(group["documents"], "full", "notes.odt", documents.odt("Notes"))
        lockable = ILockable(report)
        with as_user("full"):
            lockable.lock()
        with as_user("associated"):
            assert lockable.locked()
            assert not lockable.can_safely_unlock()


class TestReview:
    def test_full_member_approves_associated_member_may_not(self, group):
        paper = upload(group["documents"], "associated", "paper.docx", documents.docx("Paper"))
        with as_user("associated"):
            api.content.transition(paper, transition="submit")
            assert "approve" not in {
                t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(paper)
            }
        with as_user("full"):
            api.content.transition(paper, transition="approve")
        assert api.content.get_state(paper) == "approved"


class TestFullText:
    @pytest.mark.parametrize(
        ("filename", "make"),
        [
            ("brief.pdf", documents.pdf),
            ("brief.docx", documents.docx),
            ("brief.odt", documents.odt),
        ],
    )
    def test_text_inside_uploads_is_searchable(self, group, filename, make):
        upload(group["documents"], "full", filename, make("Quintuple helix voucher"))
        catalog = api.portal.get_tool("portal_catalog")
        with as_user("associated"):
            found = [brain.Title for brain in catalog(SearchableText="quintuple")]
        assert found == [filename]
        with as_user("outsider"):
            assert len(catalog(SearchableText="quintuple")) == 0

    def test_a_damaged_upload_is_stored_without_text(self, group):
        broken = upload(group["documents"], "full", "broken.pdf", b"%PDF-1.4 not really")
        catalog = api.portal.get_tool("portal_catalog")
        with as_user("full"):
            assert [brain.UID for brain in catalog(SearchableText="broken")] == [broken.UID()]
