"""Every repository type through plone.restapi, and clear HTTP 400s for bad input."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
import requests
import transaction


VOCABULARIES = (
    "collective.taxonomy.topics",
    "clusterpolisee.vocabularies.Countries",
    "clusterpolisee.vocabularies.Regions",
    "clusterpolisee.vocabularies.GovernanceLevels",
    "clusterpolisee.vocabularies.PolicyTypes",
    "clusterpolisee.vocabularies.PolicyCycleStages",
    "clusterpolisee.vocabularies.NaceSections",
    "clusterpolisee.vocabularies.SpecialisationDomains",
    "clusterpolisee.vocabularies.InstitutionKinds",
    "clusterpolisee.vocabularies.PublicationKinds",
    "clusterpolisee.vocabularies.PilotStatuses",
    "clusterpolisee.vocabularies.AssessmentApproaches",
    "clusterpolisee.vocabularies.EUInitiatives",
    "clusterpolisee.vocabularies.Audiences",
    "clusterpolisee.vocabularies.WorkingGroups",
)

PRACTICE = {
    "@type": "BestPractice",
    "id": "vouchers",
    "title": "Cluster innovation vouchers",
    "description": "Small vouchers for cluster SMEs.",
    "topics": ["financial-framework", "innovation-rd"],
    "country": "RO",
    "region": "RO21",
    "practice_description": {"data": "<p>Vouchers.</p>", "content-type": "text/html"},
    "policy_cycle_stage": "implementation",
    "sectors": ["C"],
    "costs_score": 4,
}

MINIMAL = {
    "BestPractice": PRACTICE,
    "PolicyAssessment": {
        "title": "Assessment",
        "topics": ["financial-framework"],
        "assessed_measure": "Grant call",
        "approach": "quantitative",
        "criteria": ["Relevance | 4"],
    },
    "PilotAction": {
        "title": "Pilot",
        "topics": ["skills-jobs"],
        "objective": {"data": "<p>Train managers.</p>", "content-type": "text/html"},
        "status": "running",
        "regions": ["RO21", "EL52"],
        "indicators": ["Managers trained | 60 | 41"],
    },
    "Institution": {
        "title": "Centru Regional Development Agency",
        "topics": ["skills-jobs"],
        "kind": "regional-authority",
        "email": "office@adrcentru.ro",
    },
    "Publication": {"title": "Guidelines", "topics": ["specialisation"], "kind": "guideline"},
    "CooperationNetwork": {
        "title": "Danube network",
        "topics": ["international-cooperation"],
        "countries": ["RO", "RS"],
    },
}


@pytest.fixture
def api_session(functional):
    session = requests.Session()
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    session.headers["Accept"] = "application/json"
    session.portal_url = functional["portal"].absolute_url()
    response = session.post(
        session.portal_url, json={"@type": "Folder", "id": "practices", "title": "Practices"}
    )
    assert response.status_code == 201, response.text
    session.folder_url = f"{session.portal_url}/practices"
    yield session
    session.close()


def count_items(session):
    return session.get(f"{session.folder_url}?fullobjects=0").json()["items_total"]


class TestRepositoryRest:
    @pytest.mark.parametrize("portal_type", sorted(MINIMAL))
    def test_create_read_update_list(self, api_session, portal_type):
        payload = {**MINIMAL[portal_type], "@type": portal_type}
        response = api_session.post(api_session.folder_url, json=payload)
        assert response.status_code == 201, response.text
        url = response.json()["@id"]
        item = api_session.get(url).json()
        assert item["@type"] == portal_type
        assert [topic["token"] for topic in item["topics"]] == payload["topics"]
        response = api_session.patch(
            url, json={"title": "Renamed", "country": "RS", "region": "RS12"}
        )
        assert response.status_code == 204, response.text
        item = api_session.get(url).json()
        assert item["title"] == "Renamed"
        assert item["country"] == {"token": "RS", "title": "Serbia"}
        found = api_session.get(
            f"{api_session.portal_url}/@search",
            params={"portal_type": portal_type, "country": "RS", "metadata_fields": "topics"},
        ).json()
        assert [entry["@id"] for entry in found["items"]] == [url]
        assert found["items"][0]["topics"] == payload["topics"]

    def test_practice_fields_round_trip(self, api_session):
        response = api_session.post(api_session.folder_url, json=PRACTICE)
        item = api_session.get(response.json()["@id"]).json()
        assert item["region"] == {"token": "RO21", "title": "Nord-Est (RO21)"}
        assert item["policy_cycle_stage"]["token"] == "implementation"
        assert [sector["token"] for sector in item["sectors"]] == ["C"]
        assert item["costs_score"] == 4
        assert "Vouchers." in item["practice_description"]["data"]

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"practice_description": None}, "practice_description"),
            ({"topics": ["astrology"]}, "'astrology' is not one of the allowed values."),
            ({"topics": []}, "topics"),
            ({"country": "Narnia"}, "country"),
            ({"costs_score": 7}, "costs_score"),
            ({"costs_score": 0}, "costs_score"),
            ({"costs_score": "high"}, "costs_score"),
            ({"budget": -5}, "budget"),
            ({"sectors": ["Z"]}, "sectors"),
            ({"evidence_links": ["not a link"]}, "evidence_links"),
        ],
    )
    def test_invalid_practice_is_refused_naming_the_field(self, api_session, change, field):
        payload = {**PRACTICE, **change}
        if change.get("practice_description", "") is None:
            del payload["practice_description"]
        before = count_items(api_session)
        response = api_session.post(api_session.folder_url, json=payload)
        assert response.status_code == 400, response.text
        assert field in response.text
        assert count_items(api_session) == before

    @pytest.mark.parametrize(
        ("portal_type", "change", "message"),
        [
            ("PolicyAssessment", {"criteria": ["Relevance | 9"]}, "from 1 to 5"),
            ("PolicyAssessment", {"criteria": ["no score"]}, "Criterion | score"),
            ("PilotAction", {"indicators": ["Jobs | many"]}, "is not a number"),
            ("PilotAction", {"milestones": ["soon | launch"]}, "YYYY-MM-DD"),
            ("PilotAction", {"status": "abandoned"}, "status"),
            ("Institution", {"email": "not-an-address"}, "email"),
            ("Institution", {"kind": None}, "kind"),
        ],
    )
    def test_invalid_rows_are_refused_with_a_message(
        self, api_session, portal_type, change, message
    ):
        payload = {**MINIMAL[portal_type], **change, "@type": portal_type}
        before = count_items(api_session)
        response = api_session.post(api_session.folder_url, json=payload)
        assert response.status_code == 400, response.text
        assert message in response.text
        assert count_items(api_session) == before

    def test_region_outside_the_country_is_refused(self, api_session):
        response = api_session.post(api_session.folder_url, json={**PRACTICE, "country": "IT"})
        assert response.status_code == 400, response.text
        assert "The region must lie in the chosen country." in response.text

    def test_invalid_update_changes_nothing(self, api_session):
        url = api_session.post(api_session.folder_url, json=PRACTICE).json()["@id"]
        response = api_session.patch(url, json={"title": "Changed", "risks_score": 11})
        assert response.status_code == 400, response.text
        assert "risks_score" in response.text
        assert api_session.get(url).json()["title"] == PRACTICE["title"]

    def test_unknown_type_is_refused(self, api_session):
        # plone.restapi answers an unknown @type with 403 and says why.
        response = api_session.post(
            api_session.folder_url, json={"@type": "Practice", "title": "Wrong type"}
        )
        assert response.status_code == 403, response.text
        assert "No content type with the name 'Practice' found" in response.text

    @pytest.mark.parametrize("name", VOCABULARIES)
    def test_vocabulary_is_served(self, api_session, name):
        response = api_session.get(f"{api_session.portal_url}/@vocabularies/{name}?b_size=-1")
        assert response.status_code == 200, response.text
        assert len(response.json()["items"]) > 1

    def test_topics_vocabulary_holds_the_six_topics(self, api_session):
        items = api_session.get(
            f"{api_session.portal_url}/@vocabularies/collective.taxonomy.topics"
        ).json()["items"]
        assert [item["token"] for item in items] == [
            "international-cooperation",
            "financial-framework",
            "sustainability",
            "innovation-rd",
            "skills-jobs",
            "specialisation",
        ]
        assert items[0]["title"] == "International cluster cooperation and networking"

    def test_countries_list_see_countries_first(self, api_session):
        items = api_session.get(
            f"{api_session.portal_url}/@vocabularies/clusterpolisee.vocabularies.Countries"
            "?b_size=-1"
        ).json()["items"]
        tokens = [item["token"] for item in items]
        assert tokens.index("UA") < tokens.index("BE")
        assert {"RO", "GR", "SI", "RS", "MK"} <= set(tokens[:16])


def test_server_state_is_clean(functional):
    transaction.begin()
    assert "practices" not in api.portal.get().objectIds()
