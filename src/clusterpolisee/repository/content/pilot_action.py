"""A pilot action: a policy tried out in partner regions, building on practices and assessments."""

from clusterpolisee import _
from clusterpolisee.core.fields import relation
from clusterpolisee.core.fields import relation_widget
from clusterpolisee.core.fields import relations
from clusterpolisee.repository.content.structured import indicators_constraint
from clusterpolisee.repository.content.structured import milestones_constraint
from clusterpolisee.repository.content.structured import parse_indicator
from clusterpolisee.repository.content.structured import parse_milestone
from clusterpolisee.repository.content.structured import parse_rows
from plone.app.multilingual.dx import directives as multilingual
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class IPilotAction(model.Schema):
    objective = RichText(title=_("Objective"))
    status = schema.Choice(
        title=_("Status"),
        vocabulary="clusterpolisee.vocabularies.PilotStatuses",
        default="planned",
    )
    start_date = schema.Date(title=_("Start date"), required=False)
    end_date = schema.Date(title=_("End date"), required=False)
    budget = schema.Int(title=_("Budget (EUR)"), min=0, required=False)
    regions = schema.List(
        title=_("Regions"),
        description=_("The NUTS 2 regions where the action runs."),
        value_type=schema.Choice(vocabulary="clusterpolisee.vocabularies.Regions"),
        required=False,
        default=[],
    )

    model.fieldset(
        "links",
        label=_("Partners and sources"),
        fields=["partner_institutions", "builds_on", "produced_guideline"],
    )
    relation_widget("partner_institutions", "Institution")
    partner_institutions = relations(_("Partner institutions"))
    relation_widget("builds_on", "BestPractice", "PolicyAssessment")
    builds_on = relations(
        _("Builds on"), _("The best practices and policy assessments the action builds on.")
    )
    relation_widget("produced_guideline", "Publication")
    produced_guideline = relation(_("Guideline produced"))

    model.fieldset(
        "progress",
        label=_("Progress"),
        fields=["milestones", "indicators", "evaluation", "lessons_learnt"],
    )
    milestones = schema.List(
        title=_("Milestones"),
        description=_("One per line: 'YYYY-MM-DD | milestone'."),
        value_type=schema.TextLine(),
        constraint=milestones_constraint,
        required=False,
        default=[],
    )
    indicators = schema.List(
        title=_("Indicators"),
        description=_(
            "One per line: 'Indicator | target | achieved', for example "
            "'Companies supported | 40 | 52'. Leave the achieved value out until it is known."
        ),
        value_type=schema.TextLine(),
        constraint=indicators_constraint,
        required=False,
        default=[],
    )
    evaluation = RichText(title=_("Evaluation"), required=False)
    lessons_learnt = RichText(title=_("Lessons learnt"), required=False)

    # Facts that do not change with the language; translations copy them.
    multilingual.languageindependent("status", "start_date", "end_date", "budget", "regions")

    @invariant
    def dates_in_order(data):
        start = getattr(data, "start_date", None)
        end = getattr(data, "end_date", None)
        if start and end and end < start:
            raise Invalid(_("The action must end after it starts."))


@implementer(IPilotAction)
class PilotAction(Container):
    """A pilot action; files and images added inside it are its attachments."""

    def milestone_rows(self):
        return sorted(parse_rows(parse_milestone, self.milestones), key=lambda row: row["date"])

    def indicator_rows(self):
        rows = parse_rows(parse_indicator, self.indicators)
        for row in rows:
            target, achieved = row["target"], row["achieved"]
            row["progress"] = (
                round(100 * achieved / target) if target and achieved is not None else None
            )
        return rows
