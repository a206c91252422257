"""make backup / make restore: repozo (full and incremental) and blob snapshots, restored into a
fresh instance that finds every object."""

from pathlib import Path
from tests.operations.client import Rest
from tests.operations.servers import copy_storage
from tests.operations.servers import filestorage
from tests.operations.servers import ROOT
from tests.operations.servers import Zope
import base64
import gzip
import re
import subprocess
import sys
import time


BACKUP = ROOT / "scripts" / "backup.py"


def run_script(*args):
    """scripts/backup.py as make runs it, its answer (exit code, output) whatever it is."""
    return subprocess.run(
        [sys.executable, str(BACKUP), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


def run_backup(*args):
    done = run_script(*args)
    assert done.returncode == 0, done.stderr
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
        # No restore under a running site: it holds the storage's lock.
        refused = run_script("restore", "--yes", "--var", str(live), "--backups", str(backups))
        assert refused.returncode == 1
        assert "a running process holds" in refused.stderr
        assert "Stop the site first" in refused.stderr
        assert client.session.get(f"{client.site}/after-full").status_code == 200
        # The drill, while the site runs: the newest backup restored aside and counted.
        drill = run_backup("check", "--var", str(live), "--backups", str(backups))
        assert re.search(r"Restore drill of \S+: \d+ objects and 2 blobs restored", drill)
        site.stop()
        assert re.search(r"Backup \S+ \(full, UTC\): Data\.fs .+ 1 blobs .*Verified\.", first)
        assert re.search(r"Backup \S+ \(incremental, UTC\): .+ 2 blobs .*Verified\.", second)
        # Stopped: the restore says what it replaces and asks; nobody can type here.
        unconfirmed = run_script("restore", "--var", str(live), "--backups", str(backups))
        assert unconfirmed.returncode == 1
        assert "moved aside" in unconfirmed.stdout
        assert "confirm with --yes" in unconfirmed.stderr
        assert (live / "filestorage" / "Data.fs").exists()
        assert not list((live / "filestorage").glob("Data.fs.before-restore-*"))
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


class TestBackupsKeptAndVerified:
    def test_keeps_the_newest_full_backups_and_refuses_a_damaged_one(self, site_template, tmp_path):
        live, backups = tmp_path / "live", tmp_path / "backups"
        copy_storage(site_template, live)
        names = []
        for _number in range(3):
            output = run_backup(
                "backup", "--full", "--keep", "2", "--var", str(live), "--backups", str(backups)
            )
            names.append(re.search(r"Backup (\S+)", output).group(1))
            time.sleep(1.1)  # repozo names backups by the second
        assert "removed " + names[0] in output
        kept = sorted(path.name for path in (backups / "filestorage").glob("*.fsz"))
        assert kept == [f"{name}.fsz" for name in names[1:]]
        snapshots = sorted(path.name for path in (backups / "blobstorage").iterdir())
        assert snapshots == names[1:]

        # Nothing changed since: the backup stands as it is, verified again.
        unchanged = run_backup("backup", "--var", str(live), "--backups", str(backups))
        assert f"Backup {names[-1]} (full, UTC)" in unchanged
        # A damaged backup file: the next backup says so and fails.
        damaged = backups / "filestorage" / f"{names[-1]}.fsz"
        damaged.write_bytes(gzip.compress(b"not what was backed up"))
        failed = run_script("backup", "--var", str(live), "--backups", str(backups))
        assert failed.returncode == 1
        assert "does not verify" in failed.stderr

        # A restore that fails half-way (the snapshot cannot be copied) leaves the data in place.
        (backups / "blobstorage" / names[-1] / "broken.blob").symlink_to(tmp_path / "nowhere")
        failed = run_script("restore", "--yes", "--var", str(live), "--backups", str(backups))
        assert failed.returncode == 1
        assert "Nothing was restored" in failed.stderr
        left = sorted(path.name for path in (live / "filestorage").iterdir())
        assert "Data.fs" in left
        assert not [name for name in left if "restor" in name]
        assert not list(live.glob("blobstorage.*"))
