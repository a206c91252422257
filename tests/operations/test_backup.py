"""make backup / make restore: repozo (full and incremental) and blob snapshots, restored into a
fresh instance that finds every object."""

from pathlib import Path
from tests.operations.client import Rest
from tests.operations.servers import copy_storage
from tests.operations.servers import filestorage
from tests.operations.servers import ROOT
from tests.operations.servers import Zope
import base64
import subprocess
import sys
import time


BACKUP = ROOT / "scripts" / "backup.py"


def run_backup(*args):
    done = subprocess.run(
        [sys.executable, str(BACKUP), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def inventory(instance):
    """Every object's path and modification date, as the catalog of the running site lists them."""
    client = Rest(instance.url)
    found = client.get("@search", b_size=1000, metadata_fields="modified").json()
    return sorted((item["@id"].split("/Plone", 1)[1], item["modified"]) for item in found["items"])


def add_file(client, file_id, data):
    client.add(
        "",
        "File",
        id=file_id,
        file={"data": base64.b64encode(data).decode(), "encoding": "base64", "filename": file_id},
    )


class TestBackupAndRestore:
    def test_full_and_incremental_backups_restore_every_object(self, site_template, tmp_path):
        live, backups = tmp_path / "live", tmp_path / "backups"
        copy_storage(site_template, live)
        site = Zope("zope", tmp_path / "live-instance", storage=filestorage(live)).start()
        client = Rest(site.url)
        client.add("", "Document", id="before-full", title="Before the full backup")
        add_file(client, "first.bin", b"first blob " * 300)
        # Backups run while the site runs.
        first = run_backup("backup", "--full", "--var", str(live), "--backups", str(backups))
        time.sleep(1.1)  # repozo names backups by the second
        client.add("", "Document", id="after-full", title="After the full backup")
        add_file(client, "second.bin", b"second blob " * 300)
        second = run_backup("backup", "--var", str(live), "--backups", str(backups))
        expected = inventory(site)
        site.stop()
        assert "Backup" in first
        assert "Backup" in second
        files = sorted(path.suffix for path in (backups / "filestorage").iterdir())
        assert ".fsz" in files
        assert ".deltafsz" in files

        restored = tmp_path / "restored"
        run_backup("restore", "--var", str(restored), "--backups", str(backups))
        fresh = Zope("zope", tmp_path / "fresh-instance", storage=filestorage(restored)).start()
        try:
            assert inventory(fresh) == expected
            fresh_client = Rest(fresh.url)
            for file_id, data in (
                ("first.bin", b"first blob " * 300),
                ("second.bin", b"second blob " * 300),
            ):
                assert (
                    fresh_client.session.get(
                        f"{fresh_client.site}/{file_id}/@@download/file"
                    ).content
                    == data
                )
        finally:
            fresh.stop()

        # The state of the first backup: the later document is not there yet.
        date = sorted(path.name for path in (backups / "blobstorage").iterdir())[0]
        older = tmp_path / "older"
        run_backup("restore", "--date", date, "--var", str(older), "--backups", str(backups))
        past = Zope("zope", tmp_path / "past-instance", storage=filestorage(older)).start()
        try:
            paths = [path for path, _modified in inventory(past)]
            assert "/before-full" in paths
            assert "/after-full" not in paths
        finally:
            past.stop()

    def test_blob_snapshots_link_what_they_share(self, tmp_path):
        sys.path.insert(0, str(BACKUP.parent))
        try:
            import backup
        finally:
            sys.path.pop(0)
        blobs, snapshots = tmp_path / "blobs", tmp_path / "snapshots"
        (blobs / "0x01").mkdir(parents=True)
        (blobs / "0x01" / "a.blob").write_bytes(b"a")
        assert backup.snapshot_blobs(blobs, snapshots, "2026-01-01-00-00-00") == (1, 0)
        (blobs / "0x01" / "b.blob").write_bytes(b"b")
        assert backup.snapshot_blobs(blobs, snapshots, "2026-01-02-00-00-00") == (1, 1)
        old, new = (
            Path(snapshots / day / "0x01" / "a.blob")
            for day in ("2026-01-01-00-00-00", "2026-01-02-00-00-00")
        )
        assert old.stat().st_ino == new.stat().st_ino

    def test_restore_refuses_without_a_backup(self, tmp_path):
        done = subprocess.run(
            [
                sys.executable,
                str(BACKUP),
                "restore",
                "--var",
                str(tmp_path / "var"),
                "--backups",
                str(tmp_path / "none"),
            ],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 1
        assert "No backup in" in done.stderr
