"""``@indicators`` and the dashboard over HTTP: published figures for visitors, more for members."""

from clusterpolisee.core.sections import publish
from plone import api
from tests.authentication.codes import password_only
import pytest
import requests
import transaction


PASSWORD = "secret-pass-1"


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="member", email="member@example.org", password=PASSWORD)
        api.group.add_user(groupname="full-members", username="member")
        api.user.create(username="coordinator", email="coordinator@example.org", password=PASSWORD)
        api.group.add_user(groupname="coordinators", username="coordinator")
        publish(
            api.content.create(
                container=portal["repository"], type="BestPractice", id="done", title="Done"
            )
        )
        # Waiting for the STC: the STC and the coordinator see it; visitors do not.
        pending = api.content.create(
            container=portal["repository"], type="BestPractice", id="pending", title="Pending"
        )
        api.content.transition(pending, transition="submit")
    password_only()  # what people may do, not how they sign in (tests/authentication)
    transaction.commit()
    return portal.absolute_url()


def indicators(site, login=None):
    auth = (login, PASSWORD) if login else None
    response = requests.get(
        f"{site}/@indicators", auth=auth, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    data = response.json()
    return data["scope"], {item["id"]: item for item in data["items"]}


class TestIndicatorsOverHttp:
    def test_visitors_get_published_counts(self, site):
        scope, items = indicators(site)
        assert scope == "published"
        assert items["best-practices"]["value"] == 1
        (quarter,) = items["best-practices"]["breakdowns"]  # no topic, country or stage given
        assert quarter["index"] == "quarter"
        assert [row["count"] for row in quarter["rows"]] == [1]
        assert (
            "Pending"
            not in requests.get(f"{site}/@indicators", headers={"Accept": "application/json"}).text
        )

    def test_the_coordinator_sees_items_in_preparation_too(self, site):
        scope, items = indicators(site, "coordinator")
        assert scope == "visible"
        assert (items["best-practices"]["value"], items["best-practices"]["published"]) == (2, 1)

    def test_targets_form_is_the_coordinators(self, site):
        form = f"{site}/@@indicator-targets"
        assert requests.get(form, auth=("member", PASSWORD), allow_redirects=False).status_code in (
            302,
            401,
            403,
        )
        page = requests.get(form, auth=("coordinator", PASSWORD))
        assert page.status_code == 200
        assert 'name="target.best-practices"' in page.text

    def test_csv_for_everyone(self, site):
        response = requests.get(f"{site}/@@indicators.csv")
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
        assert "best-practices,Best practices identified,total,,1" in response.text

    def test_the_json_file_holds_what_the_rest_api_gives(self, site):
        for login in (None, "coordinator"):
            auth = (login, PASSWORD) if login else None
            download = requests.get(f"{site}/@@indicators.json", auth=auth)
            assert download.status_code == 200
            assert download.headers["Content-Type"] == "application/json; charset=utf-8"
            assert download.headers["Content-Disposition"] == (
                'attachment; filename="clusterpolisee-indicators.json"'
            )
            data = download.json()
            assert data["@id"] == f"{site}/@@indicators.json"
            rest = requests.get(
                f"{site}/@indicators", auth=auth, headers={"Accept": "application/json"}
            ).json()
            assert (data["scope"], data["items"]) == (rest["scope"], rest["items"])
        assert data["scope"] == "visible"
        anonymous = requests.get(f"{site}/@@indicators.json").json()
        assert anonymous["scope"] == "published"
        assert "Pending" not in requests.get(f"{site}/@@indicators.json").text
