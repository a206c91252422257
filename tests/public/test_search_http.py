"""The search over HTTP: the page, @facets and @search agree, each user sees only their own."""

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
        api.user.create(username="stc-member", email="stc@example.org", password=PASSWORD)
        api.group.add_user(groupname="stc", username="stc-member")
        # A working group's private paper: its roster finds it, other members do not.
        for login in ("wg-member", "outsider"):
            api.user.create(username=login, email=f"{login}@example.org", password=PASSWORD)
            api.group.add_user(groupname="full-members", username=login)
        workspace = portal["working-groups"]["innovation-rd"]
        api.user.grant_roles(username="wg-member", obj=workspace, roles=["WorkingGroupMember"])
        api.content.create(
            container=workspace["documents"], type="Document", id="helix-notes", title="Helix notes"
        )
        for item_id, title, country, published in (
            ("vouchers-ro", "Helix vouchers Iasi", "RO", True),
            ("vouchers-bg", "Helix vouchers Plovdiv", "BG", True),
            ("vouchers-draft", "Helix vouchers in review", "RO", False),
        ):
            item = api.content.create(
                container=portal["repository"],
                type="BestPractice",
                id=item_id,
                title=title,
                topics=["innovation-rd"],
                country=country,
            )
            if published:
                publish(item)
            else:
                # Waiting for the STC's validation: the STC sees it, visitors do not.
                api.content.transition(item, transition="submit")
    password_only()  # what people may do, not how they sign in (tests/authentication)
    transaction.commit()
    return portal.absolute_url()


def rest(url, login=None, **params):
    auth = (login, PASSWORD) if login else None
    return requests.get(url, params=params, auth=auth, headers={"Accept": "application/json"})


class TestSearchOverHttp:
    @pytest.mark.parametrize(
        "view",
        [
            "@@platform-search",
            "@@publications",
            "@@institutions-database",
            "@@events-calendar",
            "@@topic/innovation-rd",
            "@@search",
            "@@ajax-search",
        ],
    )
    def test_a_page_number_in_other_digits_is_a_bad_request(self, site, view):
        """A superscript two counts as a digit for Python's ``isdigit`` and is no number for
        ``int``: each listing answers 400 with its message, or reads it as the first page,
        never 500. Whole numbers as text and as numbers keep working."""
        for start in ("²", "1²", "-1"):
            answer = requests.get(f"{site}/{view}", params={"b_start": start})
            assert answer.status_code in (200, 400), (view, start, answer.status_code)
            if answer.status_code == 400:
                assert "b_start" in answer.text
        for start in ("b_start=20", "b_start:int=20", "b_start=0"):
            assert requests.get(f"{site}/{view}?{start}").status_code == 200, (view, start)

    def test_facets_count_only_what_each_user_may_see(self, site):
        query = {"SearchableText": "helix", "country": "RO"}
        anonymous = rest(f"{site}/@facets", **query).json()
        assert anonymous["items_total"] == 1
        countries = {
            value["value"]: value["count"]
            for facet in anonymous["facets"]
            if facet["name"] == "country"
            for value in facet["values"]
        }
        assert countries == {"RO": 1, "BG": 1}
        assert rest(f"{site}/@facets", "stc-member", **query).json()["items_total"] == 2

    def test_search_page_shows_a_groups_paper_to_its_roster_only(self, site):
        query = {"SearchableText": "helix notes"}
        for login, sees in (("wg-member", True), ("outsider", False), (None, False)):
            auth = (login, PASSWORD) if login else None
            page = requests.get(f"{site}/@@platform-search", params=query, auth=auth)
            assert page.status_code == 200
            assert ("Helix notes" in page.text) is sees, login
            facets = rest(f"{site}/@facets", login, **query).json()
            assert facets["items_total"] == (1 if sees else 0), login

    def test_search_link_gives_the_same_items_as_the_page(self, site):
        facets = rest(f"{site}/@facets", SearchableText="helix", country="RO").json()
        assert "/@search?" in facets["search"]
        found = requests.get(facets["search"], headers={"Accept": "application/json"}).json()
        assert [item["title"] for item in found["items"]] == ["Helix vouchers Iasi"]
        page = requests.get(
            f"{site}/@@platform-search", params={"SearchableText": "helix", "country": "RO"}
        )
        assert page.status_code == 200
        assert "Helix vouchers Iasi" in page.text
        assert "Helix vouchers Plovdiv" not in page.text.split("faceted-result-list")[1]
        assert "Helix vouchers in review" not in page.text

    def test_bad_parameters_get_400_with_a_message(self, site):
        answer = rest(f"{site}/@facets", year="soon")
        assert answer.status_code == 400
        assert answer.json()["error"]["message"] == "Year must be a whole number."
        page = requests.get(f"{site}/@@platform-search", params={"sort_on": "random"})
        assert page.status_code == 400
        assert "Results can be sorted by relevance, date or title only." in page.text
