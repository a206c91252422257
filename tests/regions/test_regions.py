"""Region profiles on the demo site: a profile for every region, the region's page and
``@regions`` over HTTP, who may edit a profile, peers, and consultation answers shown only from
five answers of the region up."""

from clusterpolisee.consultations.questionnaires import questionnaires
from clusterpolisee.consultations.questionnaires import record_answer
from clusterpolisee.core import dates
from clusterpolisee.core.geography import NUTS2_REGIONS
from clusterpolisee.core.geography import region_code_of
from clusterpolisee.regions.profiles import peer_regions
from clusterpolisee.regions.profiles import profile_of
from datetime import timedelta
from plone import api
import pytest
import requests
import transaction


PASSWORD = "clusterpolisee-demo"


@pytest.fixture
def site(demo_functional, functional):
    return functional["portal"]


def get(site, path, auth=None, **kwargs):
    return requests.get(f"{site.absolute_url()}/{path}", auth=auth, timeout=60, **kwargs)


def rest(site, path, auth=None):
    return get(site, path, auth=auth, headers={"Accept": "application/json"})


class TestProfiles:
    def test_every_region_has_a_public_profile(self, site):
        folder = site["regions"]
        assert {profile.region for profile in folder.objectValues()} == {
            code for code, _name in NUTS2_REGIONS
        }
        assert api.content.get_state(folder) == "published"
        response = get(site, "regions")
        assert response.status_code == 200
        assert "Jadranska Hrvatska" in response.text
        assert "/@@region/HR03" in response.text

    @pytest.mark.parametrize(
        ("typed", "code"),
        [
            ("HR03", "HR03"),
            ("hr03", "HR03"),
            ("Jadranska Hrvatska", "HR03"),
            ("jadranska  hrvatska", "HR03"),
            ("Jadranska Hrvatska (HR03)", "HR03"),
            ("Közép-Dunántúl", "HU21"),
            ("kozep dunantul", "HU21"),
            ("Somewhere", None),
            ("", None),
            (None, None),
            ("x" * 500, None),
        ],
    )
    def test_a_typed_region_is_read_as_its_code(self, typed, code):
        assert region_code_of(typed) == code

    def test_who_may_edit_a_profile(self, site):
        croatian = profile_of("HR03")
        romanian = profile_of("RO21")

        def may_edit(login, profile):
            return api.user.has_permission("Modify portal content", username=login, obj=profile)

        # An approved member of the region, the coordinator; not a member of another region,
        # not a registrant of the region.
        assert may_edit("ivana.horvat", croatian)
        assert not may_edit("ivana.horvat", romanian)
        assert may_edit("platform.coordinator", romanian)
        assert not may_edit("ana.kovac", croatian)
        api.user.create(
            username="registrant", email="registrant@example.org", properties={"region": "HR03"}
        )
        assert not may_edit("registrant", croatian)
        assert api.user.has_permission("View", username="registrant", obj=croatian)

    def test_the_region_member_edits_the_profile_through_the_form(self, site):
        response = requests.post(
            f"{profile_of('HR03').absolute_url()}/@@edit",
            auth=("ivana.horvat", PASSWORD),
            data={
                "form.widgets.strategy_url": "javascript:alert(1)",
                "form.buttons.save": "Save",
            },
            timeout=60,
        )
        assert response.status_code == 200
        assert "Only web addresses that start with http:// or https://" in response.text
        response = requests.get(
            f"{profile_of('RO21').absolute_url()}/@@edit",
            auth=("ivana.horvat", PASSWORD),
            timeout=60,
        )
        assert response.url.endswith("/insufficient-privileges")

    def test_peers_share_the_most_priorities(self, site):
        peers = dict(peer_regions("HR03"))
        # Central Macedonia shares agri-food, energy and tourism (demo data).
        assert peer_regions("HR03")[0][0] == "EL52"
        assert peers["EL52"] == ["agri-food", "energy", "tourism-creative"]
        assert "HR03" not in peers
        # A region without priorities has no peers.
        assert peer_regions("AT11") == []


class TestRegionPage:
    def test_a_visitor_reads_the_region(self, site):
        response = get(site, "@@region/HR03")
        assert response.status_code == 200
        page = response.text
        assert "Jadranska Hrvatska" in page
        assert "Demo data" in page
        assert "Blue growth and marine technology" in page
        assert "Joint internationalisation missions of Adriatic marine clusters" in page
        assert "Open laboratories for agri-food clusters in Central Macedonia" in page
        assert "Kentriki Makedonia" in page  # a peer
        assert "Express interest" not in page  # for approved members
        assert "s3platform.jrc.ec.europa.eu" in page
        assert "Edit the region&#x27;s profile" not in page
        assert "/hr03/edit" not in page

    def test_the_page_answers_in_lower_case_and_refuses_unknown_regions(self, site):
        assert get(site, "@@region/hr03").status_code == 200
        assert get(site, "@@region/ZZ99").status_code == 404
        assert get(site, "@@region/HR03/more").status_code == 404
        response = get(site, "@@region", allow_redirects=False)
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/regions")

    def test_drafts_only_for_those_who_may_see_them(self, site):
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=site["repository"],
                type="BestPractice",
                id="adriatic-draft",
                title="Adriatic draft practice",
                topics=["innovation-rd"],
                country="HR",
                region="HR03",
            )
        transaction.commit()
        assert "Adriatic draft practice" not in get(site, "@@region/HR03").text
        assert (
            "Adriatic draft practice" in get(site, "@@region/HR03", auth=("admin", "secret")).text
        )

    def test_the_member_of_the_region_is_offered_to_edit(self, site):
        page = get(site, "@@region/HR03", auth=("ivana.horvat", PASSWORD)).text
        assert "/regions/hr03/edit" in page
        assert "Express interest" in page
        assert (
            "/regions/ro21/edit"
            not in get(site, "@@region/RO21", auth=("ivana.horvat", PASSWORD)).text
        )


class TestRegionsREST:
    def test_the_list(self, site):
        response = rest(site, "@regions")
        assert response.status_code == 200
        items = response.json()["items"]
        assert len(items) == len(NUTS2_REGIONS)
        croatian = next(item for item in items if item["code"] == "HR03")
        assert {p["id"] for p in croatian["priorities"]} == {
            "blue-growth",
            "tourism-creative",
            "agri-food",
            "energy",
        }

    def test_one_region(self, site):
        response = rest(site, "@regions/HR03")
        assert response.status_code == 200
        data = response.json()
        assert data["@id"].endswith("/@regions/HR03")
        assert data["demo_data"] is True
        assert data["peers"][0]["code"] == "EL52"
        practices = next(
            group for group in data["content"] if group["portal_type"] == "BestPractice"
        )
        assert practices["count"] >= 1
        assert data["managing_authority"]["title"] == "Croatian Chamber of Economy"
        assert {figure["id"] for figure in data["indicators"]} >= {"practices", "interests"}

    def test_unknown_region(self, site):
        response = rest(site, "@regions/ZZ99")
        assert response.status_code == 404
        assert "NUTS 2" in response.json()["error"]["message"]


class TestRegionAnswers:
    def _answer(self, site, count, region_text):
        english = site["en"]["consultations"]["international-cooperation"]
        forms = questionnaires(english)
        for number in range(count):
            record_answer(
                forms["hr"] if number % 2 else forms["en"],
                {
                    "respondent_type": "policy-maker",
                    "country": "HR",
                    "region": region_text,
                    "needs": ["partners", "funding"] if number < 5 else ["funding"],
                },
            )
        closes = (dates.now() - timedelta(hours=1)).replace(tzinfo=None)
        for form in forms.values():
            form.opens = closes - timedelta(days=30)
            form.closes = closes
        transaction.commit()

    def test_four_answers_of_a_region_stay_hidden(self, site):
        self._answer(site, 4, "Jadranska Hrvatska")
        page = get(site, "@@region/HR03").text
        assert "No consultation has closed yet" in page

    def test_answers_counted_from_five_up(self, site):
        self._answer(site, 6, "HR03")
        data = rest(site, "@regions/HR03").json()
        [found] = data["consultations"]
        assert found["respondents"] == 6
        needs = {need["id"]: need["count"] for need in found["needs"]}
        assert needs["funding"] == 6
        assert needs["partners"] == 5
        assert needs["skills"] == 0
        page = get(site, "@@region/HR03").text
        assert "6 respondents" in page

    def test_the_needs_of_an_open_consultation_do_not_show(self, site):
        english = site["en"]["consultations"]["international-cooperation"]
        for _number in range(6):
            record_answer(english, {"country": "HR", "region": "HR03", "needs": ["funding"]})
        transaction.commit()
        assert rest(site, "@regions/HR03").json()["consultations"] == []


def test_the_region_workflow_publishes_nothing_else(site):
    # A profile's workflow has one state: nothing to publish, nothing to hide.
    profile = profile_of("RO21")
    assert api.content.get_state(profile) == "published"
    with api.env.adopt_roles(["Manager"]):
        assert [
            t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(profile)
        ] == []
