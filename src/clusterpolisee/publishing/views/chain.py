"""What people see of the chain (chain.py): on a working group's document, its public item and
where it stands (or, before the proposal, what it will become, which its proposers may change);
on a public item, how it got there.

A viewer gets a link only to what they may view, and a member's name only when the member
directory shows it to them (members/directory.py): a visitor reads the group's name, the dates
and the vote's tally, never the group's workspace or its document.
"""

from Acquisition import aq_inner
from clusterpolisee import _
from clusterpolisee.core import dates
from clusterpolisee.core.people import fullname
from clusterpolisee.core.states import state_title
from clusterpolisee.members.directory import may_see_member
from clusterpolisee.publishing import chain
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


REVIEW = "Review portal content"
# The states of a workspace item before its proposal, where the viewlet tells what it becomes.
BEFORE_PROPOSAL = ("draft", "group_review", chain.APPROVED)


def _may_view(obj):
    return obj is not None and bool(api.user.has_permission("View", obj=obj))


def _name(user_id):
    """A member's name for the current viewer, or None when they may not see it."""
    return fullname(user_id) if user_id and may_see_member(user_id) else None


def _date(value):
    return dates.format_time(value) if value is not None else ""


# Where the public item stands, as the group reads it on its document (${date}: the last step).
STATUS_TITLES = {
    chain.PENDING: _("Waiting for the STC's validation since ${date}"),
    chain.PUBLISHED: _("Published on ${date}"),
    "archived": _("Archived on ${date}"),
}
SENT_BACK_TITLES = {
    "reject": _("Sent back by the STC on ${date}"),
    "retract": _("Withdrawn from the STC's validation on ${date}"),
    "unpublish": _("Withdrawn from the public section on ${date}"),
}


class PublicationStatusViewlet(ViewletBase):
    """Above a working group's document: its public item and where it stands."""

    def update(self):
        super().update()
        self.source = aq_inner(self.context)
        self.public = None
        self.in_chain = self._in_chain()
        if self.in_chain:
            self.public = chain.counterpart(self.source)

    def _in_chain(self):
        workflows = api.portal.get_tool("portal_workflow").getChainFor(self.source)
        return chain.WORKSPACE_WORKFLOW in workflows and chain.proposable(self.source)

    def available(self):
        if not self.in_chain:
            return False
        if self.public is not None:
            return True
        return api.content.get_state(self.source, default=None) in BEFORE_PROPOSAL

    def planned(self):
        """What the document becomes when proposed, and whether the viewer may change it."""
        token = chain.target(self.source)
        return {
            "title": chain.target_title(token),
            "token": token,
            "may_choose": chain.may_choose_target(self.source)
            and bool(api.user.has_permission(REVIEW, obj=self.source)),
            "action": f"{self.source.absolute_url()}/@@publish-as",
        }

    def targets(self):
        vocabulary = getUtility(
            IVocabularyFactory, "clusterpolisee.vocabularies.PublicationTargets"
        )
        return [{"token": term.token, "title": term.title} for term in vocabulary(self.source)]

    def status(self):
        public = self.public
        found = chain.public_status(public)
        state = found["state"]
        mapping = {"date": _date(found["time"])}
        sent_back = SENT_BACK_TITLES.get(found["action"]) if state == chain.PRIVATE else None
        title = sent_back or STATUS_TITLES.get(state)
        if title is not None:
            label = _(title, mapping=mapping)
        else:
            label = state_title(state, public.portal_type, context=public, request=self.request)
        return {
            "title": public.Title(),
            "url": public.absolute_url() if _may_view(public) else None,
            "kind": chain.target_title(chain.target(self.source)),
            "label": label,
            "comment": found["comment"] if state == chain.PRIVATE else "",
        }


class PublishAsView(BrowserView):
    """``@@publish-as``: the proposers' choice of what a document becomes in the public
    section (POST, from the form above the document)."""

    def __call__(self):
        context = aq_inner(self.context)
        if self.request.method != "POST":
            return self.request.response.redirect(context.absolute_url())
        PostOnly(self.request)
        CheckAuthenticator(self.request)
        token = self.request.form.get("target")
        try:
            chain.choose_target(context, token if isinstance(token, str) else None)
        except chain.ChainError as error:
            raise BadRequest(api.portal.translate(error.args[0])) from None
        api.portal.show_message(
            _(
                "When proposed for publication, this becomes: ${kind}.",
                mapping={"kind": api.portal.translate(chain.target_title(token))},
            ),
            request=self.request,
        )
        return self.request.response.redirect(context.absolute_url())


class ProvenanceViewlet(ViewletBase):
    """Below a public item that a working group proposed: how it got there."""

    def update(self):
        super().update()
        self.found = chain.provenance(aq_inner(self.context))

    def available(self):
        return self.found is not None

    def group(self):
        workspace = self.found["group"]
        source = self.found["source"]
        return {
            "title": self.found["group_title"],
            "url": workspace.absolute_url() if _may_view(workspace) else None,
            "source_url": source.absolute_url() if _may_view(source) else None,
        }

    def _step(self, entry):
        if not entry:
            return None
        return {"date": _date(entry.get("time")), "name": _name(entry.get("actor"))}

    def approval(self):
        return self._step(self.found["approval"])

    def proposal(self):
        return self._step(self.found["proposal"])

    def validation(self):
        return self._step(self.found["validation"])

    def decision(self):
        if not self.found["decision"]:
            return None
        decision, closed = self.found["decision"]
        tally = dict(getattr(decision, "tally", None) or {})
        return {
            "date": _date(closed),
            "title": decision.Title(),
            "url": decision.absolute_url() if _may_view(decision) else None,
            "tally": _(
                "${yes} yes, ${no} no, ${abstain} abstentions",
                mapping={
                    "yes": tally.get("yes", 0),
                    "no": tally.get("no", 0),
                    "abstain": tally.get("abstain", 0),
                },
            ),
        }
