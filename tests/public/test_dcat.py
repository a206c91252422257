"""The DCAT-AP 3 catalogue of the open data, read over HTTP the way a harvester reads it (rdflib),
on the demo site that ``make start`` builds."""

from clusterpolisee.core.sections import publish
from clusterpolisee.languages.homes import LANGUAGE_CODES
from clusterpolisee.public.views.opendata import OpenDataView
from plone import api
from rdflib import Graph
from rdflib import Namespace
from rdflib import URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT
from rdflib.namespace import DCTERMS
from rdflib.namespace import FOAF
from rdflib.namespace import RDF
from tests.public.test_open_data_consultations import close
from z3c.caching.registry import lookup
import pytest
import re
import requests
import transaction


EU = "http://publications.europa.eu/resource/authority/"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
IANA = "https://www.iana.org/assignments/media-types/"
NUTS = "http://data.europa.eu/nuts/code/"
LANGUAGES = (
    "ENG",
    "ITA",
    "RON",
    "ELL",
    "BUL",
    "SLV",
    "HRV",
    "SRP",
    "SQI",
    "MKD",
    "HUN",
    "SLK",
    "DEU",
)


@pytest.fixture
def site(demo_functional, functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        # Never published: neither its country nor its region may show in the catalogue.
        api.content.create(
            container=portal["institutions"],
            type="Institution",
            id="secret-agency",
            title="Secret agency",
            country="IS",
            region="IS00",
        )
        published = api.content.create(
            container=portal["institutions"],
            type="Institution",
            id="oslo-agency",
            title="Oslo agency",
            country="NO",
            region="NO08",
        )
        publish(published)
        # The consultation with five answers closed: its counts are in the catalogue.
        close(portal, "innovation-rd")
    transaction.commit()
    return portal.absolute_url()


def fetch(url, content_type, rdf_format):
    response = requests.get(url, timeout=60)
    assert response.status_code == 200, url
    assert response.headers["Content-Type"] == f"{content_type}; charset=utf-8"
    graph = Graph()
    graph.parse(data=response.content.decode("utf-8"), format=rdf_format, publicID=url)
    return graph


def texts(graph, subject, predicate):
    return {literal.language: str(literal) for literal in graph.objects(subject, predicate)}


class TestDcatCatalogue:
    def test_both_serialisations_hold_one_dcat_ap_catalogue(self, site):
        base = f"{site}/@@open-data"
        jsonld = fetch(f"{base}/catalog.jsonld", "application/ld+json", "json-ld")
        turtle = fetch(f"{base}/catalog.ttl", "text/turtle", "turtle")
        assert isomorphic(jsonld, turtle)
        graph = turtle

        (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
        for predicate in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCAT.dataset):
            assert graph.value(catalog, predicate) is not None, predicate
        # Titles and descriptions in the platform's 13 languages, translated.
        titles = texts(graph, catalog, DCTERMS.title)
        assert set(titles) == set(LANGUAGE_CODES)
        assert len(LANGUAGE_CODES) == 13
        assert titles["en"] == "Open data"
        assert len(set(titles.values())) > 10
        assert set(texts(graph, catalog, DCTERMS.description)) == set(LANGUAGE_CODES)
        assert set(graph.objects(catalog, DCTERMS.language)) == {
            URIRef(f"{EU}language/{code}") for code in LANGUAGES
        }
        publisher = graph.value(catalog, DCTERMS.publisher)
        assert (publisher, RDF.type, FOAF.Agent) in graph
        assert str(graph.value(publisher, FOAF.name)) == api.portal.get_registry_record(
            "plone.site_title"
        )
        assert graph.value(catalog, FOAF.homepage) == URIRef(base)
        email = api.portal.get_registry_record("clusterpolisee.coordinator_email")
        assert email
        for dataset in graph.objects(catalog, DCAT.dataset):
            contact = graph.value(dataset, DCAT.contactPoint)
            assert graph.value(contact, VCARD.hasEmail) == URIRef(f"mailto:{email}")
        catalog_modified = graph.value(catalog, DCTERMS.modified).toPython()

        datasets = {
            str(uri).rpartition("#")[2]: uri for uri in graph.objects(catalog, DCAT.dataset)
        }
        assert set(datasets) == {"repository", "institutions", "indicators", "consultations"}
        modified = []
        for name, dataset in datasets.items():
            assert (dataset, RDF.type, DCAT.Dataset) in graph
            dataset_titles = texts(graph, dataset, DCTERMS.title)
            assert set(dataset_titles) == set(LANGUAGE_CODES), name
            assert len(set(dataset_titles.values())) > 10, name  # translated, not English 13 times
            assert set(texts(graph, dataset, DCTERMS.description)) == set(LANGUAGE_CODES), name
            assert graph.value(dataset, DCTERMS.publisher) == publisher
            themes = set(graph.objects(dataset, DCAT.theme))
            assert themes, name
            assert all(str(t).startswith(f"{EU}data-theme/") for t in themes), name
            period = graph.value(dataset, DCTERMS.temporal)
            assert (period, RDF.type, DCTERMS.PeriodOfTime) in graph
            start = graph.value(period, DCAT.startDate).toPython()
            end = graph.value(period, DCAT.endDate).toPython()
            assert start <= end
            modified.append(graph.value(dataset, DCTERMS.modified).toPython())
            distributions = list(graph.objects(dataset, DCAT.distribution))
            assert distributions, name
            for distribution in distributions:
                assert (distribution, RDF.type, DCAT.Distribution) in graph
                assert graph.value(distribution, DCAT.accessURL) is not None
                assert graph.value(distribution, DCAT.downloadURL) is not None
                assert str(graph.value(distribution, DCAT.mediaType)).startswith(IANA)
                assert str(graph.value(distribution, DCTERMS["format"])).startswith(
                    f"{EU}file-type/"
                )
                assert graph.value(distribution, DCTERMS.license) == URIRef(
                    f"{EU}licence/CC_BY_4_0"
                )
        assert catalog_modified == max(modified)
        formats = {
            str(graph.value(d, DCTERMS["format"])).rpartition("/")[2]
            for d in graph.objects(datasets["repository"], DCAT.distribution)
        }
        assert formats == {"CSV", "JSON"}
        for name in ("indicators", "consultations"):
            downloads = {
                str(graph.value(d, DCAT.downloadURL)).rpartition("/")[2]
                for d in graph.objects(datasets[name], DCAT.distribution)
            }
            assert (
                downloads
                == {
                    "indicators": {"@@indicators.csv", "@@indicators.json"},
                    "consultations": {"consultations.csv", "consultations.json"},
                }[name]
            )
        # The demo's closed consultation: one answer from each of five countries, counts too
        # small to give, so no country either.
        assert list(graph.objects(datasets["consultations"], DCTERMS.spatial)) == []

        # Places from the published items only: NUTS regions and the EU country authority.
        places = {str(place) for place in graph.objects(datasets["institutions"], DCTERMS.spatial)}
        assert f"{NUTS}NO08" in places
        assert f"{EU}country/NOR" in places
        assert f"{NUTS}IS00" not in places
        assert f"{EU}country/ISL" not in places
        assert any(place.startswith(NUTS) for place in places - {f"{NUTS}NO08"})  # the demo's

        # Every download answers with the media type it is declared with.
        for distribution in graph.subjects(RDF.type, DCAT.Distribution):
            url = str(graph.value(distribution, DCAT.downloadURL))
            media_type = str(graph.value(distribution, DCAT.mediaType)).removeprefix(IANA)
            response = requests.get(url, timeout=60)
            assert response.status_code == 200, url
            assert response.headers["Content-Type"].split(";")[0] == media_type, url
            access = requests.get(str(graph.value(distribution, DCAT.accessURL)), timeout=60)
            assert access.status_code == 200

    def test_the_open_data_page_links_the_catalogue(self, site, functional):
        page = requests.get(f"{site}/@@open-data", timeout=60).text
        base = f"{site}/@@open-data"
        assert (
            f'<link rel="alternate" type="application/ld+json" title="DCAT-AP (JSON-LD)" '
            f'href="{base}/catalog.jsonld" />' in page
        )
        assert f'type="text/turtle" title="DCAT-AP (Turtle)" href="{base}/catalog.ttl"' in page
        # Visible links for people, too.
        for href, text in (("catalog.jsonld", "JSON-LD"), ("catalog.ttl", "Turtle")):
            assert re.search(
                rf'<a [^>]*href="{re.escape(base)}/{re.escape(href)}"[^>]*>'
                rf"DCAT-AP catalogue \({text}\)</a>",
                page,
            ), href
        # Through a language home, the same catalogue.
        assert requests.get(f"{site}/it/@@open-data/catalog.ttl", timeout=60).status_code == 200
        assert requests.get(f"{base}/catalog.rdf", timeout=60).status_code == 404
        # Cached like the open data (plone.app.caching's ruleset of the page).
        portal = functional["portal"]
        assert lookup(OpenDataView(portal, portal.REQUEST)) == "plone.content.folderView"
