"""Review of issue 21: who may edit a region's profile, over HTTP as an attacker would.

Only the coordinator and the approved members whose profile names the region edit a region's
profile (regions/roles.py gives them Editor there). That right must not be passed on to anyone
else, nor taken by a member who simply names another region on their own profile."""

from plone import api
from tests.authentication.codes import password_only
import pytest
import requests
import transaction


PASSWORD = "clusterpolisee-demo"
REGISTRANT_PASSWORD = "secret-pass-1"
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
PHISHING = "https://phish.example.org/s3"


@pytest.fixture
def site(demo_functional, functional):
    portal = functional["portal"]
    password_only()
    with api.env.adopt_roles(["Manager"]):
        # Registered, not approved (no tier group), naming the region on their profile.
        api.user.create(
            username="registrant",
            email="registrant@example.org",
            password=REGISTRANT_PASSWORD,
            properties={"region": "HR03"},
        )
    transaction.commit()
    return portal


def profile_url(site, code):
    return f"{site.absolute_url()}/regions/{code.lower()}"


def patch(site, code, auth, body):
    return requests.patch(profile_url(site, code), auth=auth, headers=JSON, json=body, timeout=60)


def strategy_of(site, code):
    transaction.begin()
    return site["regions"][code.lower()].strategy_url


def may_edit(login, site, code):
    transaction.begin()
    return api.user.has_permission(
        "Modify portal content", username=login, obj=site["regions"][code.lower()]
    )


IVANA = ("ivana.horvat", PASSWORD)  # approved full member of HR03


@pytest.mark.parametrize(
    "entry",
    [
        {"id": "AuthenticatedUsers", "type": "group", "roles": {"Editor": True}},
        {"id": "registrant", "type": "user", "roles": {"Editor": True}},
        {"id": "georgi.ivanov", "type": "user", "roles": {"Editor": True}},  # partner member
    ],
)
def test_a_region_editor_cannot_pass_editing_on_through_sharing(site, entry):
    """A region's member edits its profile because of who they are; they may not hand the
    profile to registrants, partner members or every logged-in user through @sharing."""
    requests.post(
        f"{profile_url(site, 'HR03')}/@sharing",
        auth=IVANA,
        headers=JSON,
        json={"entries": [entry]},
        timeout=60,
    )
    transaction.begin()
    local_roles = dict(site["regions"]["hr03"].get_local_roles())
    assert "Editor" not in local_roles.get(entry["id"], ())
    assert not may_edit("registrant", site, "HR03")
    assert not may_edit("georgi.ivanov", site, "HR03")
    refused = patch(site, "HR03", ("registrant", REGISTRANT_PASSWORD), {"strategy_url": PHISHING})
    assert refused.status_code in (401, 403)
    assert strategy_of(site, "HR03") != PHISHING


def test_partner_members_and_registrants_of_the_region_do_not_edit_it(site):
    # georgi.ivanov is a partner member of BG41: no ApprovedMember role.
    assert not may_edit("georgi.ivanov", site, "BG41")
    refused = patch(site, "BG41", ("georgi.ivanov", PASSWORD), {"strategy_url": PHISHING})
    assert refused.status_code in (401, 403)
    refused = patch(site, "HR03", ("registrant", REGISTRANT_PASSWORD), {"strategy_url": PHISHING})
    assert refused.status_code in (401, 403)
    assert strategy_of(site, "HR03") != PHISHING


def test_a_region_editor_cannot_move_rename_or_retarget_the_profile(site):
    for body in ({"region": "RO21"}, {"id": "hacked"}):
        patch(site, "HR03", IVANA, body)
    transaction.begin()
    profile = site["regions"].get("hr03")
    assert profile is not None
    assert profile.region == "HR03"
    assert "hacked" not in site["regions"]


@pytest.mark.parametrize(
    "body",
    [
        {"strategy_url": "javascript:alert(1)"},
        {"strategy_url": "data:text/html,<script>alert(1)</script>"},
        {"strategy_url": ["https://example.org/"]},
        {"specialisation_domains": ["not-a-domain"]},
        {"specialisation_domains": ["blue-growth"] * 7},
        {"sectors": {"a": 1}},
        {"managing_authority": "no-such-uid"},
    ],
)
def test_bad_profile_values_are_refused_with_a_400(site, body):
    response = patch(site, "HR03", IVANA, body)
    assert response.status_code == 400
    assert response.json()["message"]


@pytest.mark.parametrize(
    "path",
    [
        "@@region/" + "A" * 5000,
        "@@region/%C3%BC%C3%BC",
        "@@region/%00",
        "@@region/HR03/@@edit",
        "@@region/HR03/x",
    ],
)
def test_odd_region_codes_on_the_page_are_404(site, path):
    assert requests.get(f"{site.absolute_url()}/{path}", timeout=60).status_code == 404


@pytest.mark.parametrize("path", ["@regions/HR03/x", "@regions/" + "x" * 3000, "@regions/%00"])
def test_odd_region_codes_in_rest_are_404(site, path):
    response = requests.get(f"{site.absolute_url()}/{path}", headers=JSON, timeout=60)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "region:list=HR03&region:list=RO21",
        "region=%00",
        "region=" + "%C3%BC" * 3,
        "region=" + "x" * 5000,
    ],
)
def test_odd_matchmaking_regions_are_400(site, query):
    page = requests.get(f"{site.absolute_url()}/@@matchmaking?{query}", timeout=60)
    assert page.status_code == 400
    rest = requests.get(f"{site.absolute_url()}/@matchmaking?{query}", headers=JSON, timeout=60)
    assert rest.status_code == 400


@pytest.mark.parametrize("limit", ["1e999", "9" * 5000, "-1", "0", "51", "x"])
def test_odd_matchmaking_limits_are_400(site, limit):
    response = requests.get(
        f"{site.absolute_url()}/@matchmaking",
        params={"region": "HR03", "limit": limit},
        headers=JSON,
        timeout=60,
    )
    assert response.status_code == 400
