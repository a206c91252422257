"""Facets for the repository's coded fields (NACE sectors, smart-specialisation domains, policy
type) on the demo content: in ``@facets`` and on the search page, each count what ``@search``
finds for that value, titled in the visitor's language; the EU initiatives the paper names."""

from clusterpolisee.core.vocabularies import EU_INITIATIVES
from lxml import html
import pytest
import requests


CODED = ("sectors", "specialisation_domains", "policy_type")
JSON = {"Accept": "application/json"}


@pytest.fixture
def site(demo_functional, functional):
    return functional["portal"].absolute_url()


def facets(site, cookies=None, **params):
    response = requests.get(f"{site}/++api++/@facets", params=params, headers=JSON, cookies=cookies)
    assert response.status_code == 200, response.text
    return response.json()


def by_name(answer):
    return {facet["name"]: facet for facet in answer["facets"]}


def found(search_url, **params):
    response = requests.get(search_url, params=params, headers=JSON)
    assert response.status_code == 200, response.text
    return response.json()["items_total"]


class TestCodedFacets:
    def test_each_value_counts_what_search_finds(self, site):
        answer = by_name(facets(site))
        search_url = facets(site)["search"]
        for name in CODED:
            values = answer[name]["values"]
            assert values, name
            for value in values:
                assert value["count"] == found(search_url, **{name: value["value"]}), value
        sectors = {value["value"]: value for value in answer["sectors"]["values"]}
        # Manufacturing is the demo practices' most frequent section.
        assert answer["sectors"]["values"][0]["value"] == "C"
        assert sectors["C"]["title"] == "C - Manufacturing"
        assert answer["sectors"]["title"] == "Sectors (NACE Rev. 2)"
        assert {value["value"] for value in answer["policy_type"]["values"]} == {
            "cluster-development",
            "cluster-leveraging",
            "cluster-facilitating",
        }

        # Picking a sector narrows the other facets, not its own.
        narrowed = facets(site, sectors="C")
        assert narrowed["items_total"] == sectors["C"]["count"]
        picked = by_name(narrowed)
        assert {value["value"]: value["count"] for value in picked["sectors"]["values"]} == {
            value: row["count"] for value, row in sectors.items()
        }
        assert [value["value"] for value in picked["sectors"]["values"] if value["selected"]] == [
            "C"
        ]
        for value in picked["specialisation_domains"]["values"]:
            expected = found(narrowed["search"], specialisation_domains=value["value"])
            assert value["count"] == expected, value
        both = facets(site, sectors="C", specialisation_domains="advanced-manufacturing")
        assert 0 < both["items_total"] < narrowed["items_total"]

    def test_titles_in_the_visitors_language(self, site):
        answer = by_name(facets(site, cookies={"I18N_LANGUAGE": "ro"}))
        assert answer["sectors"]["title"] == "Sectoare (NACE Rev. 2)"
        assert answer["specialisation_domains"]["title"] == "Domenii de specializare inteligentă"
        assert answer["policy_type"]["title"] == "Tipul politicii"
        titles = {
            value["value"]: value["title"] for name in CODED for value in answer[name]["values"]
        }
        assert titles["C"] == "C - Industria prelucrătoare"
        assert titles["blue-growth"] == "Creștere albastră și tehnologii marine"
        assert titles["cluster-leveraging"] == "Valorificarea clusterelor"

    def test_the_search_page_filters_without_javascript(self, site):
        counted = by_name(facets(site, sectors="C"))
        response = requests.get(f"{site}/@@platform-search", params={"sectors": "C"})
        assert response.status_code == 200
        page = html.fromstring(response.text)
        legends = [
            legend.text_content().strip() for legend in page.cssselect(".faceted-facet legend")
        ]
        for title in ("Sectors (NACE Rev. 2)", "Smart-specialisation domains", "Policy type"):
            assert title in legends
        # A plain form: each value a checkbox named after the index, the chosen one ticked.
        [manufacturing] = page.cssselect('input[type="checkbox"][name="sectors"][value="C"]')
        assert manufacturing.get("checked") is not None
        form = manufacturing.getparent()
        while form.tag != "form":
            form = form.getparent()
        assert form.get("method") == "get"
        for name in CODED:
            for value in counted[name]["values"]:
                [box] = page.cssselect(
                    f'input[type="checkbox"][name="{name}"][value="{value["value"]}"]'
                )
                [label] = page.cssselect(f'label[for="{box.get("id")}"]')
                assert label.cssselect(".faceted-count")[0].text_content() == str(value["count"])
                assert value["title"] in label.text_content()
        total = facets(site, sectors="C")["items_total"]
        assert f"{total} results" in page.cssselect(".faceted-results h2")[0].text_content()

        # In Romanian, from the Romanian home.
        romanian = html.fromstring(
            requests.get(f"{site}/ro/@@platform-search", params={"sectors": "C"}).text
        )
        legends = [
            legend.text_content().strip() for legend in romanian.cssselect(".faceted-facet legend")
        ]
        assert "Sectoare (NACE Rev. 2)" in legends
        [box] = romanian.cssselect('input[name="sectors"][value="C"]')
        assert (
            "C - Industria prelucrătoare"
            in romanian.cssselect(f'label[for="{box.get("id")}"]')[0].text_content()
        )

    def test_the_eu_initiatives_the_paper_names(self, site):
        response = requests.get(
            f"{site}/++api++/@vocabularies/clusterpolisee.vocabularies.EUInitiatives",
            params={"b_size": 100},
            headers=JSON,
        )
        assert response.status_code == 200, response.text
        terms = {term["token"]: term["title"] for term in response.json()["items"]}
        assert terms["pro-inno-europe"] == "Pro-INNO Europe"
        assert terms["european-cluster-alliance"] == "European Cluster Alliance"
        assert len(terms) == len(EU_INITIATIVES)
