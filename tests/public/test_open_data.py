"""Open data: the published repository and institutions as CSV and JSON, nothing else."""

from AccessControl.SpecialUsers import nobody
from clusterpolisee.core.sections import publish
from clusterpolisee.interfaces import IClusterpoliseeLayer
from clusterpolisee.public.opendata import DATASETS
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zExceptions import NotFound
from zope.interface import alsoProvides
import csv
import io
import json
import pytest


@pytest.fixture
def published(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    practice = api.content.create(
        container=portal["repository"],
        type="BestPractice",
        id="vouchers",
        title="Inovační vouchery — Plzeň",
        description="Vouchers for SMEs",
        topics=["innovation-rd", "financial-framework"],
        country="CZ",
        sectors=["C", "J"],
        preconditions_score=4,
    )
    publish(practice)
    draft = api.content.create(
        container=portal["repository"], type="BestPractice", id="draft", title="Draft practice"
    )
    agency = api.content.create(
        container=portal["institutions"],
        type="Institution",
        id="agency",
        title="Agenția ADR Nord-Est",
        kind="regional-development-agency",
        country="RO",
        region="RO21",
        website="https://www.adrnordest.ro",
        email="office@adrnordest.ro",
        address="Str. Lt. Drăghescu 9, Piatra Neamț",
    )
    publish(agency)
    setRoles(portal, TEST_USER_ID, ["Member"])
    alsoProvides(portal.REQUEST, IClusterpoliseeLayer)
    return practice, draft, agency


def download(portal, name):
    view = api.content.get_view("open-data", portal, portal.REQUEST)
    view.publishTraverse(portal.REQUEST, name)
    with api.env.adopt_user(user=nobody):
        return view()


class TestOpenData:
    def test_csv_holds_published_items_with_documented_columns(self, portal, published):
        body = download(portal, "repository.csv")
        assert body.startswith("\ufeff")
        rows = list(csv.DictReader(io.StringIO(body[1:])))
        assert [row["title"] for row in rows] == ["Inovační vouchery — Plzeň"]
        (row,) = rows
        assert list(row) == [name for name, *_rest in DATASETS["repository"]["columns"]]
        assert row["type"] == "BestPractice"
        assert row["topics"] == "financial-framework; innovation-rd"
        assert row["countries"] == "CZ"
        # Written in English, like everything the public sections hold; alone in its group.
        assert row["language"] == "en"
        assert row["translation_group"]
        assert row["sectors"] == "C; J"
        assert row["url"].endswith("/repository/vouchers")
        assert row["published"].startswith("20")
        disposition = portal.REQUEST.response.getHeader("Content-Disposition")
        assert disposition == 'attachment; filename="clusterpolisee-repository.csv"'

    def test_json_has_lists_and_the_same_items(self, portal, published):
        data = json.loads(download(portal, "institutions.json"))
        assert data["dataset"] == "institutions"
        (item,) = data["items"]
        assert item["title"] == "Agenția ADR Nord-Est"
        assert item["countries"] == ["RO"]
        assert item["language"] == "en"
        # The contact details the institution's page shows.
        assert item["website"] == "https://www.adrnordest.ro"
        assert item["email"] == "office@adrnordest.ro"
        assert item["address"] == "Str. Lt. Drăghescu 9, Piatra Neamț"
        assert item["regions"] == ["RO21"]
        assert item["kind"] == "regional-development-agency"

    def test_columns_a_type_does_not_fill_are_null(self, portal, published):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        publish(
            api.content.create(
                container=portal["repository"], type="PilotAction", id="pilot", title="Pilot"
            )
        )
        setRoles(portal, TEST_USER_ID, ["Member"])
        items = {
            item["title"]: item for item in json.loads(download(portal, "repository.json"))["items"]
        }
        assert items["Pilot"]["policy_type"] is None
        assert items["Pilot"]["sectors"] == []
        rows = list(csv.DictReader(io.StringIO(download(portal, "repository.csv")[1:])))
        assert {row["title"]: row["policy_type"] for row in rows}["Pilot"] == ""

    def test_members_download_only_published_items_too(self, portal, published):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        view = api.content.get_view("open-data", portal, portal.REQUEST)
        view.publishTraverse(portal.REQUEST, "repository.json")
        titles = [item["title"] for item in json.loads(view())["items"]]
        assert "Draft practice" not in titles

    @pytest.mark.parametrize("name", ["members.csv", "repository.xml", "repository", "x.csv.json"])
    def test_unknown_downloads_are_not_found(self, portal, published, name):
        view = api.content.get_view("open-data", portal, portal.REQUEST)
        with pytest.raises(NotFound):
            view.publishTraverse(portal.REQUEST, name)

    def test_page_documents_every_column(self, portal, published):
        with api.env.adopt_user(user=nobody):
            html = api.content.get_view("open-data", portal, portal.REQUEST)()
        for spec in DATASETS.values():
            for name, *_rest in spec["columns"]:
                assert f"<code>{name}</code>" in html
        assert "@@open-data/repository.csv" in html
        # Greece as the data writes it: ISO 3166-1 for countries, Eurostat's EL in NUTS codes.
        assert "Greece is GR)" in html
        assert "Greece's begin with EL)" in html
        assert "@@open-data/institutions.json" in html


class TestSitemap:
    def test_sitemap_is_on_and_lists_only_public_items(self, portal, published):
        import gzip

        assert api.portal.get_registry_record("plone.enable_sitemap") is True
        portal.REQUEST.form["page"] = "1"  # the index points to pages of the sitemap
        with api.env.adopt_user(user=nobody):
            data = api.content.get_view("sitemap.xml.gz", portal, portal.REQUEST)()
        xml = gzip.decompress(data).decode()
        assert "/repository/vouchers" in xml
        assert "/repository/draft" not in xml
        assert "/working-groups" not in xml
