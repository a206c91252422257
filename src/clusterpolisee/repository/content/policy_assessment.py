"""An assessment of a cluster policy measure: the policy, its programme and its implementing agency."""

from clusterpolisee import _
from clusterpolisee.core.fields import choices
from clusterpolisee.core.fields import relation
from clusterpolisee.core.fields import relation_widget
from clusterpolisee.repository.content.structured import criteria_constraint
from clusterpolisee.repository.content.structured import parse_criterion
from clusterpolisee.repository.content.structured import parse_rows
from plone.app.multilingual.dx import directives as multilingual
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IPolicyAssessment(model.Schema):
    """The three parts the concept paper asks for, criteria with scores, findings and advice."""

    assessed_measure = schema.TextLine(title=_("Assessed policy measure"))
    measure_level = schema.Choice(
        title=_("Level of the measure"),
        vocabulary="clusterpolisee.vocabularies.GovernanceLevels",
        required=False,
    )
    approach = schema.Choice(
        title=_("Approach"),
        vocabulary="clusterpolisee.vocabularies.AssessmentApproaches",
        required=True,
        default="qualitative",
    )
    policy_cycle_stage = schema.Choice(
        title=_("Policy-cycle stage"),
        vocabulary="clusterpolisee.vocabularies.PolicyCycleStages",
        required=False,
    )

    model.fieldset(
        "the_policy",
        label=_("The policy"),
        fields=["policy_objectives", "strategic_motivation"],
    )
    policy_objectives = RichText(title=_("Objectives"), required=False)
    strategic_motivation = RichText(
        title=_("Motivation of the strategic commitment"), required=False
    )

    model.fieldset(
        "the_programme",
        label=_("The programme"),
        fields=["funding_scheme", "programme_budget", "organisational_responsibilities"],
    )
    funding_scheme = schema.Text(title=_("Funding scheme"), required=False)
    programme_budget = schema.Int(title=_("Programme budget (EUR)"), min=0, required=False)
    organisational_responsibilities = schema.Text(
        title=_("Organisational responsibilities"), required=False
    )

    model.fieldset(
        "the_agency",
        label=_("The implementing agency"),
        fields=["implementing_agency", "agency_capacity", "agency_governance"],
    )
    relation_widget("implementing_agency", "Institution")
    implementing_agency = relation(_("Implementing agency"))
    agency_capacity = schema.Text(title=_("Capacity"), required=False)
    agency_governance = schema.Text(title=_("Governance"), required=False)

    model.fieldset(
        "assessment",
        label=_("Assessment"),
        fields=[
            "criteria",
            "findings",
            "recommendations",
            "method",
            "assessors",
            "assessment_date",
            "sectors",
            "specialisation_domains",
        ],
    )
    criteria = schema.List(
        title=_("Criteria and scores"),
        description=_(
            "One criterion per line: 'Criterion | score from 1 to 5 | comment', "
            "for example 'Relevance | 4 | matches the regional strategy'."
        ),
        value_type=schema.TextLine(),
        constraint=criteria_constraint,
        required=False,
        default=[],
    )
    findings = RichText(title=_("Findings"), required=False)
    recommendations = RichText(title=_("Recommendations"), required=False)
    method = schema.Text(title=_("Method"), required=False)
    assessors = schema.List(
        title=_("Assessors"),
        description=_("One name per line."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    assessment_date = schema.Date(title=_("Date of the assessment"), required=False)
    sectors = choices(_("Sectors (NACE Rev. 2)"), "clusterpolisee.vocabularies.NaceSections")
    specialisation_domains = choices(
        _("Smart-specialisation domains"),
        "clusterpolisee.vocabularies.SpecialisationDomains",
        description=_("The domains the assessment marks as areas of excellence."),
    )

    # Facts that do not change with the language; translations copy them.
    multilingual.languageindependent(
        "measure_level",
        "approach",
        "policy_cycle_stage",
        "programme_budget",
        "assessment_date",
        "sectors",
        "specialisation_domains",
    )


@implementer(IPolicyAssessment)
class PolicyAssessment(Container):
    """A policy assessment; files and images added inside it are its attachments."""

    def criteria_rows(self):
        return parse_rows(parse_criterion, self.criteria)

    def average_score(self):
        scores = [row["score"] for row in self.criteria_rows()]
        return round(sum(scores) / len(scores), 1) if scores else None
