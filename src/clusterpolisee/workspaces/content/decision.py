"""A formal decision of a working group: full members vote on a proposal before a deadline."""

from clusterpolisee import _
from clusterpolisee.core import dates
from clusterpolisee.core.fields import relation_widget
from clusterpolisee.core.fields import relations
from plone.app.dexterity import textindexer
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IDecision(model.Schema):
    textindexer.searchable("proposal")
    proposal = RichText(title=_("Proposal"))
    documents = relations(_("Documents"), _("The documents the decision is about."))
    relation_widget("documents", "File", "Document", "WikiPage")
    deadline = schema.Datetime(title=_("Voting closes"))
    quorum = schema.Int(
        title=_("Quorum"),
        description=_(
            "How many votes (yes, no or abstain) must be cast for the decision to count."
        ),
        min=1,
        default=3,
    )
    # Written once, by the platform when voting closes (decisions.record_result): read-only, so
    # that neither a form nor plone.restapi (which skips read-only fields) sets them.
    directives.omitted("result", "tally")
    result = schema.Choice(
        title=_("Result"),
        vocabulary="clusterpolisee.vocabularies.DecisionResults",
        required=False,
        readonly=True,
    )
    tally = schema.Dict(
        title=_("Votes cast"),
        key_type=schema.TextLine(),
        value_type=schema.Int(),
        required=False,
        readonly=True,
    )


@implementer(IDecision)
class Decision(Container):
    """Votes are kept in an annotation (see clusterpolisee.workspaces.decisions)."""

    def deadline_aware(self):
        """The deadline with its time zone: forms give it naive, in the site's time zone."""
        return dates.aware(self.deadline) if self.deadline is not None else None

    def voting_is_over(self):
        """True once the deadline has passed: the close transition's guard."""
        deadline = self.deadline_aware()
        return deadline is not None and dates.now() >= deadline
