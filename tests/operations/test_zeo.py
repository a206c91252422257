"""ZEO: two Zope instances of the zeoclient parts on one ZEO server see each other's writes."""

from tests.operations.client import Rest
from tests.operations.servers import copy_storage
from tests.operations.servers import ZEOServer
from tests.operations.servers import Zope
import base64
import pytest
import time


def seen(response_of, ready=lambda response: response.status_code != 404, seconds=10):
    """The first answer that is ``ready`` within ``seconds``: ZEO tells an instance of another's
    commit a moment after it (its invalidations arrive on their own), so a request that starts
    within that moment still reads the database as it was."""
    deadline = time.monotonic() + seconds
    response = response_of()
    while not ready(response) and time.monotonic() < deadline:
        time.sleep(0.1)
        response = response_of()
    return response


@pytest.fixture(scope="class")
def cluster(site_template, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("zeo-cluster")
    zeo = ZEOServer(tmp_path / "zeo")
    copy_storage(site_template, zeo.folder)
    zeo.start()
    clients = [
        Zope(part, tmp_path / part, moves=zeo.client_moves()).start()
        for part in ("zeoclient1", "zeoclient2")
    ]
    yield clients
    for client in clients:
        client.stop()
    zeo.stop()


class TestZEO:
    def test_what_one_instance_writes_the_other_reads(self, cluster):
        first, second = (Rest(client.url) for client in cluster)
        first.add("", "Document", id="written-on-one", title="Written through instance one")
        read = seen(lambda: second.get("written-on-one"))
        assert read.status_code == 200
        assert read.json()["title"] == "Written through instance one"
        # And back: an edit on the second is seen by the first (ZEO invalidations).
        second.session.patch(
            f"{second.site}/written-on-one", json={"title": "Edited on two"}
        ).raise_for_status()
        edited = seen(
            lambda: first.get("written-on-one"),
            lambda response: response.json()["title"] == "Edited on two",
        )
        assert edited.json()["title"] == "Edited on two"

    def test_blobs_are_shared(self, cluster):
        first, second = (Rest(client.url) for client in cluster)
        data = b"%PDF-1.4 cluster report " * 100
        first.add(
            "",
            "File",
            id="report.pdf",
            title="Report",
            file={
                "data": base64.b64encode(data).decode(),
                "encoding": "base64",
                "filename": "report.pdf",
                "content-type": "application/pdf",
            },
        )
        download = seen(lambda: second.session.get(f"{second.site}/report.pdf/@@download/file"))
        assert download.status_code == 200
        assert download.content == data

    def test_both_report_healthy_on_zeo(self, cluster):
        for client in cluster:
            assert (
                Rest(client.url).session.get(f"{client.url}/@@health").json()["storage"]
                == "ClientStorage"
            )
