"""From a working group to the public, on the demo's WG4: proposing makes the public item,
pending the STC's validation, linked both ways; the STC's decisions reach the group; the
published item shows how it got there, to each viewer what they may see."""

from clusterpolisee.interfaces import IClusterpoliseeLayer
from clusterpolisee.messaging.notifications import translate_for
from clusterpolisee.publishing import chain
from clusterpolisee.publishing import subscribers
from clusterpolisee.workspaces.decisions import cast_vote
from datetime import timedelta
from plone import api
from plone.app.testing import logout
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from plone.protect.authenticator import createToken
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import BadRequest
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
from zope.viewlet.interfaces import IViewletManager
import pytest


MEMBER, FULL, LEADER, STC = "luca.bianchi", "ana.kovac", "nikos.papadopoulos", "sofia.dimitriou"
OUTSIDER = "maria.hofer"  # a full member of the platform, not in WG4


@pytest.fixture
def demo(demo_integration, portal, request_):
    alsoProvides(request_, IClusterpoliseeLayer)
    return portal


@pytest.fixture
def told(monkeypatch):
    """The group notifications the chain sends: (recipients, subject, text, url)."""
    sent = []

    def notify(user_ids, subject, text, url, exclude=()):
        recipients = sorted(set(user_ids) - set(exclude))
        # As a member who chose no language reads them: in the site's, English.
        sent.append((recipients, translate_for(subject, "en"), translate_for(text, "en"), url))
        return recipients

    monkeypatch.setattr(subscribers, "notify", notify)
    return sent


def workspace(portal):
    return portal["working-groups"]["innovation-rd"]


def approved(portal, title="Recommendations on monitoring voucher schemes", **fields):
    """A document drafted by a member of the group and approved by a full member."""
    fields.setdefault("description", "How managing authorities follow their vouchers.")
    if "file" not in fields:
        fields.setdefault(
            "text", RichTextValue("<p>Count the SMEs.</p>", "text/html", "text/x-html-safe")
        )
    with api.env.adopt_user(username=MEMBER):
        document = api.content.create(
            container=workspace(portal)["documents"],
            type="File" if "file" in fields else "Document",
            title=title,
            **fields,
        )
        api.content.transition(document, transition="submit")
    with api.env.adopt_user(username=FULL):
        api.content.transition(document, transition="approve")
    return document


def act(login, obj, transition, **kwargs):
    with api.env.adopt_user(username=login):
        api.content.transition(obj, transition=transition, **kwargs)


def viewlets(obj, request, login, manager="plone.belowcontentbody"):
    """What a viewlet manager of ``obj``'s page shows ``login`` (None: a visitor)."""

    def render():
        view = BrowserView(obj, request)
        found = getMultiAdapter((obj, request, view), IViewletManager, name=manager)
        found.update()
        return found.render()

    if login is None:
        logout()
        return render()
    with api.env.adopt_user(username=login):
        return render()


class TestProposing:
    def test_proposing_makes_the_public_item_pending_by_the_proposer(self, demo, request_):
        document = approved(demo)
        act(LEADER, document, "propose")
        public = chain.counterpart(document)
        assert public.aq_parent == demo["repository"]
        assert api.content.get_state(public) == "pending"
        assert public.portal_type == "Publication"
        assert public.kind == "recommendation"  # its title names it
        assert public.Title() == document.Title()
        assert public.Description() == document.Description()
        assert "Count the SMEs." in public.abstract.raw
        assert public.topics == ["innovation-rd"]
        assert public.working_group == "innovation-rd"
        assert public.authors == ["WG4 Innovation and R&D"]
        # The proposer's, as if they had written it there.
        assert public.listCreators() == (LEADER,)
        assert public.getOwner().getId() == LEADER
        assert "Owner" in public.get_local_roles_for_userid(LEADER)
        # Linked both ways; the group recorded and catalogued.
        assert chain.source_of(public) == document
        assert chain.group_of(public) == workspace(demo)
        (brain,) = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=public.UID())
        assert (brain.review_state, brain.working_group) == ("pending", "innovation-rd")
        assert document.UID() in chain.proposed_source_uids()
        (submitted,) = [
            entry for entry in public.workflow_history[chain.PUBLIC_WORKFLOW] if entry["action"]
        ]
        assert (submitted["action"], submitted["actor"]) == ("submit", LEADER)
        messages = [message.message for message in IStatusMessage(request_).show()]
        assert any("now an item of the public section" in message for message in messages)
        # The STC sees it; a member of the group who did not propose it does not yet.
        with api.env.adopt_user(username=STC):
            assert api.user.has_permission("View", obj=public)
        with api.env.adopt_user(username=MEMBER):
            assert not api.user.has_permission("View", obj=public)
        html = viewlets(document, request_, MEMBER, "plone.abovecontentbody")
        assert "Waiting for the STC&#x27;s validation" in html or "Waiting for the STC's" in html
        assert public.absolute_url() not in html  # named, not linked: not theirs to open yet

    def test_the_proposer_chooses_the_kind_and_a_file_becomes_an_attachment(self, demo, request_):
        pdf = NamedBlobFile(
            b"%PDF-1.4 practice", filename="vouchers.pdf", contentType="application/pdf"
        )
        document = approved(demo, title="Vouchers in the North-East", file=pdf)
        html = viewlets(document, request_, LEADER, "plone.abovecontentbody")
        assert "Publication: report" in html  # nothing in its title: a report
        assert "@@publish-as" in html
        # A member who may not propose reads it but has no form.
        assert "@@publish-as" not in viewlets(document, request_, MEMBER, "plone.abovecontentbody")
        with api.env.adopt_user(username=MEMBER):
            assert not api.user.has_permission("Review portal content", obj=document)
        choose(document, request_, "BestPractice")
        act(LEADER, document, "propose")
        public = chain.counterpart(document)
        assert public.portal_type == "BestPractice"
        assert "How managing authorities" in public.practice_description.raw
        (attachment,) = public.contentValues()
        assert attachment.file.data == b"%PDF-1.4 practice"
        # Once proposed, the kind stays.
        with pytest.raises(BadRequest):
            choose(document, request_, "PilotAction")
        act(STC, public, "publish")
        assert api.content.get_state(attachment) == "published"

    def test_a_choice_not_offered_is_refused(self, demo, request_):
        document = approved(demo)
        with pytest.raises(BadRequest):
            choose(document, request_, "Institution")
        assert chain.target(document) == "Publication/recommendation"

    def test_a_folder_stays_the_groups_and_says_why(self, demo, request_):
        documents = workspace(demo)["documents"]
        assert "publication-status" not in viewlets(
            documents, request_, LEADER, "plone.abovecontentbody"
        )
        with api.env.adopt_user(username=LEADER):
            folder = api.content.create(container=documents, type="Folder", title="Annexes")
            api.content.transition(folder, transition="submit")
        act(FULL, folder, "approve")
        act(LEADER, folder, "propose")
        assert api.content.get_state(folder) == "approved"
        assert chain.counterpart(folder) is None
        assert "annexes" not in demo["repository"]
        messages = [message.message for message in IStatusMessage(request_).show()]
        assert any("propose them one by one" in message for message in messages)

    def test_an_item_outside_a_workspace_proposes_nothing(self, demo):
        assert chain.counterpart(demo["repository"]) is None
        with pytest.raises(chain.ChainError), api.env.adopt_roles(["Manager"]):
            chain.propose(demo["repository"])


def choose(document, request, token):
    request.method = request.environ["REQUEST_METHOD"] = "POST"
    request.form.clear()
    request.form.update({"target": token})
    with api.env.adopt_user(username=LEADER):
        request.form["_authenticator"] = createToken()
        return api.content.get_view("publish-as", document, request)()


class TestTheSTCDecides:
    def test_published_the_group_is_told_and_reads_it_on_its_document(self, demo, request_, told):
        document = approved(demo)
        act(LEADER, document, "propose")
        public = chain.counterpart(document)
        act(STC, public, "publish")
        assert api.content.get_state(public) == "published"
        assert public.publication_date is not None
        ((recipients, subject, text, url),) = told
        # The roster, but not the STC who acted nor the proposer, whom the queue's mail tells.
        assert MEMBER in recipients
        assert FULL in recipients
        assert STC not in recipients
        assert LEADER not in recipients
        assert subject == "Published: Recommendations on monitoring voucher schemes"
        assert "WG4 Innovation and R&D" in text
        assert url == public.absolute_url()
        html = viewlets(document, request_, MEMBER, "plone.abovecontentbody")
        assert "Published" in html
        assert f'href="{public.absolute_url()}"' in html

    def test_sent_back_the_document_is_the_groups_again_then_proposed_anew(
        self, demo, request_, told
    ):
        document = approved(demo)
        act(LEADER, document, "propose")
        public = chain.counterpart(document)
        act(STC, public, "reject", comment="Add the figures for 2026.")
        assert api.content.get_state(public) == "private"
        assert api.content.get_state(document) == "approved"
        ((recipients, subject, text, url),) = told
        assert subject == "Sent back: Recommendations on monitoring voucher schemes"
        assert "Add the figures for 2026." in text
        assert url == document.absolute_url()  # the group's own document
        assert MEMBER in recipients
        html = viewlets(document, request_, MEMBER, "plone.abovecontentbody")
        assert "Sent back by the STC" in html
        assert "Add the figures for 2026." in html
        # Revised and proposed again: the same public item, waiting again.
        with api.env.adopt_user(username=LEADER):
            document.title = "Recommendations on monitoring voucher schemes, revised"
        act(LEADER, document, "propose")
        assert chain.counterpart(document) == public
        assert api.content.get_state(public) == "pending"
        assert public.Title() == "Recommendations on monitoring voucher schemes, revised"
        catalog = api.portal.get_tool("portal_catalog")
        assert len(catalog.unrestrictedSearchResults(UID=public.UID(), Title="revised")) == 1

    def test_the_group_withdraws_its_proposal_and_the_item_leaves_the_queue(self, demo, told):
        document = approved(demo)
        act(LEADER, document, "propose")
        public = chain.counterpart(document)
        act(LEADER, document, "withdraw")
        assert api.content.get_state(public) == "private"
        assert api.content.get_state(document) == "approved"
        assert document.UID() not in chain.proposed_source_uids()
        assert told == []  # the group did it itself

    def test_unpublished_the_document_is_the_groups_again(self, demo, told):
        document = approved(demo)
        act(LEADER, document, "propose")
        public = chain.counterpart(document)
        act(STC, public, "publish")
        del told[:]
        act(STC, public, "unpublish")
        assert api.content.get_state(document) == "approved"
        ((recipients, subject, _text, _url),) = told
        assert LEADER in recipients  # no mail of the queue tells the authors of this one
        assert subject.startswith("Withdrawn from the public section")


class TestProvenance:
    def test_a_published_item_shows_how_it_got_there(self, demo, request_, clock):
        group = workspace(demo)
        paper = group["documents"]["draft-recommendations-on-innovation-vouchers"]
        decision = group["decisions"]["adopt-the-voucher-recommendations-as-the-groups-position"]
        for login, choice in ((FULL, "yes"), ("elena.popescu", "yes"), (LEADER, "abstain")):
            cast_vote(decision, login, choice)
        decision.deadline = clock.now() - timedelta(minutes=1)
        act(LEADER, decision, "close_voting")
        act(FULL, paper, "approve")
        act(LEADER, paper, "propose")
        public = chain.counterpart(paper)
        act(STC, public, "publish")

        visitor = viewlets(public, request_, None)
        section = visitor[visitor.index("publication-provenance") :]
        assert "WG4 Innovation and R&amp;D" in section
        assert "Approved by the group" in section
        assert "Adopted by the group" in section
        assert "2 yes, 0 no, 1 abstentions" in section
        assert "Validated by the Scientific and Technical Committee" in section
        # Neither the workspace, its document, its decision nor the members' names.
        assert group.absolute_url() not in section
        for name in ("Ana Kova", "Nikos Papadopoulos", "Sofia Dimitriou"):
            assert name not in section
        assert "Adopt the voucher recommendations" not in section

        outsider = viewlets(public, request_, OUTSIDER)
        section = outsider[outsider.index("publication-provenance") :]
        assert "Sofia Dimitriou" in section
        assert "Ana Kova" in section
        assert paper.absolute_url() not in section  # but not the group's document

        member = viewlets(public, request_, MEMBER)
        section = member[member.index("publication-provenance") :]
        assert f'href="{group.absolute_url()}"' in section
        assert f'href="{paper.absolute_url()}"' in section
        assert f'href="{decision.absolute_url()}"' in section

    def test_an_item_nobody_proposed_shows_no_provenance(self, demo, request_):
        practice = demo["repository"]["cluster-innovation-vouchers-in-the-north-east-region"]
        assert "publication-provenance" not in viewlets(practice, request_, None)
