"""RelStorage on PostgreSQL: the site moved from FileStorage with zodbconvert, two instances of
the relstorage part on one database see each other's writes."""

from tests.operations.client import Rest
from tests.operations.servers import convert_to_relstorage
from tests.operations.servers import PostgreSQL
from tests.operations.servers import relstorage_moves
from tests.operations.servers import Zope
import base64
import pytest
import uuid


@pytest.fixture(scope="class")
def instances(site_template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("relstorage")
    postgresql = PostgreSQL()
    database = f"clusterpolisee_test_{uuid.uuid4().hex[:8]}"
    dsn = postgresql.create_database(database)
    convert_to_relstorage(site_template, dsn, folder / "convert")
    started = [
        Zope("relstorage", folder / name, moves=relstorage_moves(dsn)).start()
        for name in ("one", "two")
    ]
    yield started
    for instance in started:
        instance.stop()
    postgresql.drop_database(database)


class TestRelStorage:
    def test_the_converted_site_answers_and_writes_travel(self, instances):
        first, second = (Rest(instance.url) for instance in instances)
        assert second.get("").json()["@type"] == "Plone Site"
        first.add("", "Document", id="on-postgresql", title="Written through instance one")
        assert second.get("on-postgresql").json()["title"] == "Written through instance one"
        second.session.patch(
            f"{second.site}/on-postgresql", json={"title": "Edited on two"}
        ).raise_for_status()
        assert first.get("on-postgresql").json()["title"] == "Edited on two"

    def test_blobs_travel_through_the_database(self, instances):
        first, second = (Rest(instance.url) for instance in instances)
        data = b"cluster policy blob " * 500
        first.add(
            "",
            "File",
            id="annex.bin",
            file={
                "data": base64.b64encode(data).decode(),
                "encoding": "base64",
                "filename": "annex.bin",
            },
        )
        assert second.session.get(f"{second.site}/annex.bin/@@download/file").content == data

    def test_health_names_relstorage(self, instances):
        health = Rest(instances[0].url).session.get(f"{instances[0].url}/@@health").json()
        assert health["status"] == "ok"
        assert "RelStorage" in health["storage"]
