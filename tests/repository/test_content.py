"""The repository's content types: schemas, behaviors, attachments and catalog indexing."""

from plone import api
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.utils import iterSchemataForType
from zope.component import getUtility
import pytest


REPOSITORY_TYPES = (
    "BestPractice",
    "PolicyAssessment",
    "PilotAction",
    "Institution",
    "Publication",
    "CooperationNetwork",
)
COMMON_FIELDS = (
    "title",
    "description",
    "topics",
    "country",
    "region",
    "governance_level",
    "language",
    "working_group",
    "relatedItems",
)


def field_names(portal_type):
    names = set()
    for schema in iterSchemataForType(portal_type):
        names.update(schema.names(all=True))
    return names


class TestRepositoryTypes:
    @pytest.mark.parametrize("portal_type", REPOSITORY_TYPES)
    def test_type_has_the_common_fields(self, portal, portal_type):
        assert set(COMMON_FIELDS) <= field_names(portal_type)

    @pytest.mark.parametrize("portal_type", REPOSITORY_TYPES)
    def test_type_is_versioned_translatable_and_takes_attachments(self, portal, portal_type):
        fti = getUtility(IDexterityFTI, name=portal_type)
        assert "plone.versioning" in fti.behaviors
        assert "plone.translatable" in fti.behaviors
        # A practice also records its transfers to other regions (test_transfers.py).
        extra = {"Transfer"} if portal_type == "BestPractice" else set()
        assert set(fti.allowed_content_types) == {"File", "Image"} | extra
        repository_tool = api.portal.get_tool("portal_repository")
        assert portal_type in repository_tool.getVersionableContentTypes()

    def test_event_keeps_its_portal_type_and_gains_the_platform_fields(self, portal):
        assert {"topics", "organiser", "eu_initiative", "audience", "online_meeting_url"} <= (
            field_names("Event")
        )

    @pytest.mark.parametrize(
        ("portal_type", "fields"),
        [
            (
                "BestPractice",
                {
                    "problem",
                    "practice_description",
                    "measures",
                    "results",
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
                    "preconditions",
                    "preconditions_score",
                    "costs",
                    "costs_score",
                    "risks",
                    "risks_score",
                    "adaptation",
                    "adaptation_score",
                    "transferability_score",
                },
            ),
            (
                "PolicyAssessment",
                {
                    "assessed_measure",
                    "measure_level",
                    "policy_objectives",
                    "strategic_motivation",
                    "funding_scheme",
                    "programme_budget",
                    "organisational_responsibilities",
                    "implementing_agency",
                    "agency_capacity",
                    "agency_governance",
                    "approach",
                    "criteria",
                    "findings",
                    "recommendations",
                    "method",
                    "assessors",
                    "assessment_date",
                },
            ),
            (
                "PilotAction",
                {
                    "objective",
                    "regions",
                    "partner_institutions",
                    "builds_on",
                    "milestones",
                    "status",
                    "start_date",
                    "end_date",
                    "budget",
                    "indicators",
                    "evaluation",
                    "lessons_learnt",
                    "produced_guideline",
                },
            ),
            ("Institution", {"kind", "website", "email", "address"}),
            ("Publication", {"kind", "authors", "publication_date", "file", "abstract"}),
            ("CooperationNetwork", {"members", "countries", "start_date", "website"}),
        ],
    )
    def test_type_specific_fields(self, portal, portal_type, fields):
        assert fields <= field_names(portal_type)

    def test_practice_is_indexed_with_its_facets(self, portal, practice):
        catalog = api.portal.get_tool("portal_catalog")
        brain = catalog(UID=practice.UID())[0]
        assert brain.portal_type == "BestPractice"
        assert sorted(brain.topics) == ["financial-framework", "innovation-rd"]
        assert brain.country == ["RO"]
        assert brain.region == ["RO21"]
        assert brain.policy_cycle_stage == "implementation"
        assert brain.policy_type == "cluster-development"
        assert brain.governance_level == "regional"
        assert brain.working_group == "financial-framework"
        assert brain.sectors == ["C", "J"]
        # No overall score given: the mean of the four criteria scores.
        assert brain.transferability_score == 4.0
        for topic in ("financial-framework", "innovation-rd"):
            assert [b.UID for b in catalog(topics=topic)] == [practice.UID()]
        assert len(catalog(topics="skills-jobs", portal_type="BestPractice")) == 0

    def test_attachments_do_not_inherit_the_facets(self, portal, practice):
        api.content.create(container=practice, type="File", id="report.pdf", title="Report")
        catalog = api.portal.get_tool("portal_catalog")
        assert [b.portal_type for b in catalog(country="RO", topics="innovation-rd")] == [
            "BestPractice"
        ]
        assert [b.portal_type for b in catalog(path="/".join(practice.getPhysicalPath()))] == [
            "BestPractice",
            "File",
        ]

    def test_relations_are_resolved(self, portal, practice, institution):
        assert practice.implementing_institution.to_object == institution

    def test_overall_transferability_prefers_the_given_score(self, portal, practice):
        practice.transferability_score = 2
        practice.reindexObject()
        assert practice.overall_transferability() == 2.0
        catalog = api.portal.get_tool("portal_catalog")
        assert catalog(UID=practice.UID())[0].transferability_score == 2.0

    def test_structured_rows_parse(self, portal, repository):
        assessment = api.content.create(
            container=repository,
            type="PolicyAssessment",
            id="assessment",
            title="Assessment of the Serbian cluster programme",
            assessed_measure="Cluster development programme",
            criteria=["Relevance | 4 | fits the strategy", "Efficiency | 2"],
        )
        assert assessment.criteria_rows() == [
            {"criterion": "Relevance", "score": 4, "comment": "fits the strategy"},
            {"criterion": "Efficiency", "score": 2, "comment": ""},
        ]
        assert assessment.average_score() == 3.0
        pilot = api.content.create(
            container=repository,
            type="PilotAction",
            id="pilot",
            title="Pilot",
            status="running",
            regions=["RO21", "EL52"],
            milestones=["2027-06-30 | Evaluation", "2027-01-15 | Launch"],
            indicators=["Companies supported | 40 | 52", "Jobs | 10"],
        )
        assert [row["milestone"] for row in pilot.milestone_rows()] == ["Launch", "Evaluation"]
        assert [row["progress"] for row in pilot.indicator_rows()] == [130, None]
        brain = api.portal.get_tool("portal_catalog")(UID=pilot.UID())[0]
        assert brain.region == ["EL52", "RO21"]
        assert brain.pilot_status == "running"


class TestCollectionCriteria:
    def test_facets_are_collection_criteria(self, portal, practice, request_):
        assert api.portal.get_registry_record("plone.app.querystring.field.country.enabled")
        results = api.content.get_view("querybuilderresults", portal, request_)(
            query=[
                {
                    "i": "country",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["RO"],
                },
                {
                    "i": "topics",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["innovation-rd"],
                },
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["BestPractice"],
                },
            ],
            batch=False,
            brains=True,
        )
        assert [brain.UID for brain in results] == [practice.UID()]
