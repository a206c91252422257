"""Crash safety and concurrency on a real instance: SIGKILL in the middle of writes, then every
acknowledged write is there and the storage checks out; parallel writers lose nothing."""

from concurrent.futures import ThreadPoolExecutor
from tests.operations.client import Rest
from tests.operations.servers import copy_storage
from tests.operations.servers import filestorage
from tests.operations.servers import INSTANCE
from tests.operations.servers import PYTHON
from tests.operations.servers import Zope
import requests
import subprocess
import threading
import time


def fstest(data_fs):
    """ZODB's own consistency check of a FileStorage file."""
    return subprocess.run(
        [
            str(PYTHON),
            str(INSTANCE / "zope" / "bin" / "interpreter"),  # Python with the eggs
            "-c",
            f"from ZODB.scripts.fstest import main; main([r'{data_fs}'])",
        ],
        capture_output=True,
        text=True,
    )


class TestCrashSafety:
    def test_acknowledged_writes_survive_sigkill(self, site_template, tmp_path):
        data = tmp_path / "data"
        copy_storage(site_template, data)
        site = Zope("zope", tmp_path / "instance", storage=filestorage(data)).start()
        client = Rest(site.url)
        client.add("", "Folder", id="inbox", title="Inbox")
        acknowledged, stop = [], threading.Event()

        def write():
            number = 0
            while not stop.is_set():
                number += 1
                try:
                    response = client.session.post(
                        f"{client.site}/inbox",
                        json={
                            "@type": "Document",
                            "id": f"note-{number}",
                            "title": f"Note {number}",
                        },
                        timeout=10,
                    )
                except requests.RequestException:
                    return  # the server is gone
                if 200 <= response.status_code < 300:
                    acknowledged.append(f"note-{number}")

        writer = threading.Thread(target=write)
        writer.start()
        deadline = time.monotonic() + 60
        while len(acknowledged) < 25 and time.monotonic() < deadline:
            time.sleep(0.05)
        site.kill()  # mid-stream: the writer has a request in flight
        stop.set()
        writer.join(30)
        assert len(acknowledged) >= 25

        site.start()
        try:
            listing = client.get("inbox", b_size=10000).json()["items"]
            found = {item["@id"].rsplit("/", 1)[1] for item in listing}
            assert set(acknowledged) <= found
            assert client.session.get(f"{site.url}/@@health").json()["status"] == "ok"
        finally:
            site.stop()
        check = fstest(data / "filestorage" / "Data.fs")
        assert check.returncode == 0, check.stdout + check.stderr

    def test_parallel_writers_to_one_folder_lose_nothing(self, site_template, tmp_path):
        data = tmp_path / "data"
        copy_storage(site_template, data)
        site = Zope("zope", tmp_path / "instance", storage=filestorage(data)).start()
        try:
            client = Rest(site.url)
            client.add("", "Folder", id="shared", title="Shared")

            def write(writer):
                own = Rest(site.url)
                statuses = []
                for number in range(15):
                    response = own.session.post(
                        f"{own.site}/shared",
                        json={
                            "@type": "Document",
                            "id": f"w{writer}-{number}",
                            "title": f"Writer {writer} note {number}",
                        },
                        timeout=60,
                    )
                    statuses.append(response.status_code)
                return statuses

            with ThreadPoolExecutor(max_workers=4) as pool:
                statuses = [status for result in pool.map(write, range(4)) for status in result]
            assert statuses == [201] * 60
            listing = client.get("shared", b_size=1000).json()["items"]
            assert len(listing) == 60
            found = client.get(
                "@search", path="/Plone/shared", portal_type="Document", b_size=1000
            ).json()
            assert found["items_total"] == 60  # the catalog too
        finally:
            site.stop()
