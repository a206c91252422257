"""Workflow states by their titles, translated, never their ids (issue 25, item 5), on the demo:
every state of the platform's workflows has a translated title; a File's and a Document's state
reads the same from the catalog and from the object, in each section's workflow (bound through
placeful policies, where Plone's getTitleForStateOnType answers the id); the working group's
documents table, its decisions and the toolbar's "State:" show titles, in the visitor's
language."""

from clusterpolisee.core.states import item_state_title
from clusterpolisee.core.states import object_state_title
from clusterpolisee.core.states import state_title
from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone import api
from plone.app.contentmenu.interfaces import IContentMenuItem
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.i18n.utility import setLanguageBinding
from plone.namedfile.file import NamedBlobFile
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import alsoProvides
import pytest
import re


GROUP = "innovation-rd"
LEADER = "nikos.papadopoulos"
MISSING = "\x00"


@pytest.fixture
def demo(demo_integration, portal, request_):
    alsoProvides(request_, IClusterpoliseeLayer)
    return portal


def speak(request, code):
    request.cookies["I18N_LANGUAGE"] = code
    request.environ["HTTP_ACCEPT_LANGUAGE"] = code
    setLanguageBinding(request)


def workspace_items(portal):
    """A draft File next to the demo's Document in group review, in WG4's documents."""
    documents = portal["working-groups"][GROUP]["documents"]
    with api.env.adopt_user(username=LEADER):
        upload = api.content.create(
            container=documents,
            type="File",
            title="Voucher figures",
            file=NamedBlobFile(b"region,vouchers\nRO11,12\n", filename="figures.csv"),
        )
    (paper,) = api.content.find(context=documents, portal_type="Document", unrestricted=True)
    return documents, upload, paper.getObject()


def platform_workflows():
    tool = api.portal.get_tool("portal_workflow")
    return [tool[name] for name in tool.objectIds() if name.startswith("clusterpolisee_")]


class TestStateTitles:
    def test_every_platform_state_title_is_a_translated_msgid(self, demo, request_):
        titles = {
            state.title for workflow in platform_workflows() for state in workflow.states.values()
        }
        assert {"Draft", "In group review", "Published", "Pending STC validation"} <= titles
        for title in titles:
            assert title, "every state has a title"
            italian = translate(
                title, domain="clusterpolisee", target_language="it", default=MISSING
            )
            assert italian not in (MISSING, title), title

    def test_file_and_document_read_their_states_titles(self, demo, request_):
        setRoles(demo, TEST_USER_ID, ["Manager"])
        _documents, upload, paper = workspace_items(demo)
        # Plone's own lookup, blind to placeful policies, answers a File's state with its id.
        tool = api.portal.get_tool("portal_workflow")
        assert tool.getTitleForStateOnType("draft", "File") == "draft"
        assert object_state_title(upload, request_) == "Draft"
        assert object_state_title(paper, request_) == "In group review"
        (brain,) = api.content.find(UID=upload.UID())
        assert item_state_title(brain, request_) == "Draft"
        (brain,) = api.content.find(UID=paper.UID())
        assert item_state_title(brain, request_) == "In group review"
        assert object_state_title(paper, request_) == "In group review"
        # A decision's draft is "Being prepared" (its own workflow), not a document's "Draft".
        assert state_title("draft", "Decision") == "Being prepared"
        # The public section's states; and in Italian.
        assert state_title("published", "File") == "Published"
        assert state_title("private", "Document") == "Private"
        assert state_title("published", "File", language="it") == "Pubblicato"
        assert state_title("group_review", "Document", language="it") == "In revisione nel gruppo"
        # No state, no title; an unknown state keeps its id.
        assert state_title(None, "File") == ""
        assert state_title("nowhere", "File") == "nowhere"

    def test_documents_table_decisions_and_toolbar_show_titles(self, demo, request_):
        setRoles(demo, TEST_USER_ID, ["Manager"])
        documents, upload, paper = workspace_items(demo)
        decisions = demo["working-groups"][GROUP]["decisions"]

        def table(language):
            speak(request_, language)
            html = documents.restrictedTraverse("tabular_view")()
            return {
                cell.strip()
                for cell in re.findall(r'<td class="text-nowrap"\s*>\s*([^<]*?)\s*</td>', html)
            }, html

        cells, html = table("en")
        assert {"Draft", "In group review"} <= cells
        assert ">State<" in html
        assert not {"draft", "group_review"} & cells
        cells, html = table("it")
        assert {"Bozza", "In revisione nel gruppo"} <= cells
        assert ">Stato<" in html

        speak(request_, "en")
        html = decisions.restrictedTraverse("decisions-view")()
        assert "Voting" in html
        assert ">open<" not in html

        shown = (
            (upload, "en", "Draft"),
            (upload, "it", "Bozza"),
            (paper, "en", "In group review"),
            (paper, "it", "In revisione nel gruppo"),
        )
        for obj, language, title in shown:
            speak(request_, language)
            item = getMultiAdapter((obj, request_), IContentMenuItem, "plone.contentmenu.workflow")
            assert item.extra["stateTitle"] == title
