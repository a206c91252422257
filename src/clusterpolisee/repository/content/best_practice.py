"""A best practice of cluster policy, with a transferability assessment."""

from clusterpolisee import _
from clusterpolisee.core.fields import choices
from clusterpolisee.core.fields import relation
from clusterpolisee.core.fields import relation_widget
from clusterpolisee.core.fields import score
from clusterpolisee.core.fields import web_addresses
from plone.app.multilingual.dx import directives as multilingual
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


# The criteria of the transferability assessment: (field prefix, title).
TRANSFERABILITY_CRITERIA = (
    ("preconditions", _("Preconditions")),
    ("costs", _("Costs")),
    ("risks", _("Risks")),
    ("adaptation", _("Adaptation needs")),
)


class IBestPractice(model.Schema):
    """What was done, by whom, with what result, and how well it would travel to another region."""

    problem = RichText(title=_("Problem addressed"), required=False)
    practice_description = RichText(
        title=_("Description"), description=_("What the practice is and how it works.")
    )
    measures = RichText(title=_("Measures taken"), required=False)
    results = RichText(
        title=_("Results and impact"),
        description=_("With figures: companies reached, jobs, turnover, projects."),
        required=False,
    )

    model.fieldset(
        "policy",
        label=_("Policy"),
        fields=[
            "policy_type",
            "policy_cycle_stage",
            "implementing_institution",
            "period_start",
            "period_end",
            "budget",
            "funding_source",
            "sectors",
            "specialisation_domains",
            "contact",
            "evidence_links",
        ],
    )
    policy_type = schema.Choice(
        title=_("Policy type"), vocabulary="clusterpolisee.vocabularies.PolicyTypes", required=False
    )
    policy_cycle_stage = schema.Choice(
        title=_("Policy-cycle stage"),
        vocabulary="clusterpolisee.vocabularies.PolicyCycleStages",
        required=False,
    )
    relation_widget("implementing_institution", "Institution")
    implementing_institution = relation(_("Implementing institution"))
    period_start = schema.Date(title=_("Start of the period"), required=False)
    period_end = schema.Date(title=_("End of the period"), required=False)
    budget = schema.Int(title=_("Budget (EUR)"), min=0, required=False)
    funding_source = schema.TextLine(title=_("Funding source"), required=False)
    sectors = choices(_("Sectors (NACE Rev. 2)"), "clusterpolisee.vocabularies.NaceSections")
    specialisation_domains = choices(
        _("Smart-specialisation domains"),
        "clusterpolisee.vocabularies.SpecialisationDomains",
        description=_("The domains where the practice shows the region's excellence."),
    )
    contact = schema.TextLine(title=_("Contact"), required=False)
    evidence_links = web_addresses(
        _("Evidence links"),
        _("Web addresses of evaluations, reports or data, one per line."),
    )

    model.fieldset(
        "transferability",
        label=_("Transferability"),
        fields=[
            "preconditions",
            "preconditions_score",
            "costs",
            "costs_score",
            "risks",
            "risks_score",
            "adaptation",
            "adaptation_score",
            "transferability_score",
        ],
    )
    preconditions = schema.Text(
        title=_("Preconditions"),
        description=_("What a region needs in place to adopt the practice."),
        required=False,
    )
    preconditions_score = score(_("Preconditions score"), _("1: hard to meet, 5: easily met."))
    costs = schema.Text(title=_("Costs"), required=False)
    costs_score = score(_("Costs score"), _("1: very costly, 5: cheap."))
    risks = schema.Text(title=_("Risks"), required=False)
    risks_score = score(_("Risks score"), _("1: high risks, 5: low risks."))
    adaptation = schema.Text(title=_("Adaptation needs"), required=False)
    adaptation_score = score(
        _("Adaptation score"), _("1: needs deep adaptation, 5: works as it is.")
    )
    transferability_score = score(
        _("Overall transferability score"),
        _("1 to 5. Left empty, the average of the criteria scores is shown."),
    )

    # Facts that do not change with the language; translations copy them.
    multilingual.languageindependent(
        "policy_type",
        "policy_cycle_stage",
        "period_start",
        "period_end",
        "budget",
        "sectors",
        "specialisation_domains",
        "evidence_links",
        "preconditions_score",
        "costs_score",
        "risks_score",
        "adaptation_score",
        "transferability_score",
    )

    @invariant
    def period_in_order(data):
        start = getattr(data, "period_start", None)
        end = getattr(data, "period_end", None)
        if start and end and end < start:
            raise Invalid(_("The period must end after it starts."))


@implementer(IBestPractice)
class BestPractice(Container):
    """A best practice; files and images added inside it are its attachments."""

    def criteria_scores(self):
        """(criterion title, score) for each criterion of the transferability assessment."""
        return [
            (title, getattr(self, f"{prefix}_score", None))
            for prefix, title in TRANSFERABILITY_CRITERIA
        ]

    def overall_transferability(self):
        """The overall score, or the mean of the criteria scores rounded to one decimal."""
        if self.transferability_score:
            return float(self.transferability_score)
        scores = [value for _title, value in self.criteria_scores() if value]
        if not scores:
            return None
        return round(sum(scores) / len(scores), 1)
