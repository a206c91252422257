"""Back up and restore the platform's data: Data.fs with repozo, the blobs as snapshots.

    python3 scripts/backup.py backup [--full] [--keep N]   (make backup, FULL=1, KEEP=N)
    python3 scripts/backup.py restore [--date DATE] [--yes] (make restore, DATE=..., YES=1)
    python3 scripts/backup.py check                         (make restore-check)

A backup runs while the site runs. repozo writes a full copy of Data.fs or, when one exists, only
the transactions since the last backup; then the blob folder is copied into a snapshot named like
repozo's file, hard-linking every blob the previous snapshot already holds (ZODB never changes a
blob file, it writes a new one), so each snapshot is whole but costs only the new blobs. Data.fs
is backed up first: a snapshot taken after it holds every blob that Data.fs refers to.

Each backup is verified before the command succeeds: repozo's own verification of the backup
files (their sizes and checksums), and the snapshot's files and sizes against the blob folder.
Then the oldest backups are removed, keeping the newest KEEP full backups (``backup-keep`` in
buildout.cfg) with their incrementals and blob snapshots; the newest is never removed.

A restore rebuilds Data.fs as it was at the newest backup, or at DATE (YYYY-MM-DD-hh-mm-ss, UTC,
as the backup printed it), and puts back the snapshot of that backup. It refuses while an
instance or the ZEO server holds the storage (its ``Data.fs.lock``), says what it will replace
and asks to confirm on a terminal (``--yes`` for scripts). The current Data.fs and blobs are moved
aside first, never deleted.

The drill (``check``) restores the newest backup into a temporary folder, opens it, counts its
objects and blobs and compares them with the live data's, read only: nothing live is touched.
"""

from pathlib import Path
import argparse
import configparser
import fcntl
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parents[1]
REPOZO = ROOT / "bin" / "repozo"
ZODBPY = ROOT / "bin" / "zodbpy"
FULL_SUFFIXES = (".fs", ".fsz")
VERIFIED_STAMP = "last-verified"
# repozo's files of a backup: the backup, its checksums and its index.
BACKUP_FILE_SUFFIXES = (".fs", ".fsz", ".deltafs", ".deltafsz", ".dat", ".index")
BACKUP_SUFFIXES = (".fs", ".fsz", ".deltafs", ".deltafsz")


def setting(name, default):
    """A value of buildout.cfg's [settings] (the defaults an administrator changes there)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "buildout.cfg")
    return parser.get("settings", name, fallback=default)


class BackupError(Exception):
    """What went wrong, said to the administrator; the command exits non-zero."""


def human_size(size):
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024


def newest_backup_name(repository):
    names = sorted(
        path.name.split(".")[0]
        for path in repository.iterdir()
        if path.suffix in (".fs", ".fsz", ".deltafs", ".deltafsz")
    )
    return names[-1] if names else None


def snapshot_blobs(blobs, snapshots, name):
    """Copy ``blobs`` into ``snapshots/name``, hard-linking files the previous snapshot has."""
    earlier = (
        sorted(path for path in snapshots.iterdir() if path.is_dir() and path.name < name)
        if snapshots.exists()
        else []
    )
    previous = earlier[-1] if earlier else None
    target = snapshots / name
    copied = linked = 0
    for source in sorted(blobs.rglob("*")):
        relative = source.relative_to(blobs)
        destination = target / relative
        if source.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        old = previous / relative if previous else None
        if old is not None and old.exists() and filecmp.cmp(source, old, shallow=True):
            os.link(old, destination)
            linked += 1
        else:
            shutil.copy2(source, destination)
            copied += 1
    return copied, linked


def blob_files(folder):
    """{relative path: size} of the blob files below ``folder``."""
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and path.suffix == ".blob"
    }


def verify(repository, blobs, snapshot, taken):
    """repozo's verification of the backup files, then the snapshot against the blob folder:
    every blob the snapshot holds has the live file's size, and the live folder has no blob the
    snapshot lacks but for blobs written since ``taken`` (when the snapshot began)."""
    done = subprocess.run(
        [str(REPOZO), "--verify", f"--repository={repository}"], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise BackupError(
            f"The backup in {repository} does not verify (repozo --verify):\n"
            + (done.stderr or done.stdout).strip()
        )
    kept = blob_files(snapshot)
    live = blob_files(blobs)
    for relative in live:
        if relative in kept:
            continue
        try:
            written = (blobs / relative).stat().st_mtime
        except FileNotFoundError:
            continue  # removed since (a pack)
        if written <= taken:
            raise BackupError(f"The blob snapshot {snapshot} lacks {relative}.")
    for relative, size in kept.items():
        if relative in live and live[relative] != size:
            raise BackupError(
                f"The blob snapshot {snapshot} holds {relative} with {size} bytes, "
                f"the blob folder {live[relative]}."
            )
    return len(kept)


def retain(repository, snapshots, keep):
    """Keep the newest ``keep`` full backups with their incrementals and blob snapshots; remove
    the older ones. Returns the names of the backups removed."""
    fulls = sorted(
        path.name.split(".")[0] for path in repository.iterdir() if path.suffix in FULL_SUFFIXES
    )
    if keep < 1 or len(fulls) <= keep:
        return []
    oldest_kept = fulls[-keep]
    removed = set()
    for path in list(repository.iterdir()):
        name = path.name.split(".")[0]
        if path.suffix in BACKUP_FILE_SUFFIXES and name < oldest_kept:
            path.unlink()
            removed.add(name)
    if snapshots.exists():
        for path in list(snapshots.iterdir()):
            if path.is_dir() and path.name < oldest_kept:
                shutil.rmtree(path)
                removed.add(path.name)
    return sorted(removed)


def backup(var, backups, full, keep=None):
    repository = backups / "filestorage"
    repository.mkdir(parents=True, exist_ok=True)
    command = [
        str(REPOZO),
        "--backup",
        "--gzip",
        "--quick",
        f"--repository={repository}",
        f"--file={var / 'filestorage' / 'Data.fs'}",
    ]
    if full:
        command.append("--full")
    subprocess.run(command, check=True)
    name = newest_backup_name(repository)
    snapshot = backups / "blobstorage" / name
    existed = snapshot.exists()
    # Blobs written after this moment may be missing from the snapshot, not those before.
    taken = snapshot.stat().st_mtime if existed else time.time()
    if existed:
        # Nothing changed since the last backup: repozo wrote nothing, its snapshot stands.
        copied = linked = 0
    else:
        copied, linked = snapshot_blobs(var / "blobstorage", backups / "blobstorage", name)
    blobs = verify(repository, var / "blobstorage", snapshot, taken)
    # When the last backup was verified, for @@health: a quiet site writes no new backup file.
    (repository / VERIFIED_STAMP).touch()
    written = sum(
        path.stat().st_size for path in repository.iterdir() if path.name.startswith(name)
    )
    kind = (
        "full"
        if any(
            path.suffix in FULL_SUFFIXES
            for path in repository.iterdir()
            if path.name.startswith(name)
        )
        else "incremental"
    )
    print(
        f"Backup {name} ({kind}, UTC): Data.fs {human_size(written)} in {repository}, "
        f"{blobs} blobs ({copied} copied, {linked} linked). Verified."
    )
    keep = int(setting("backup-keep", "7")) if keep is None else keep
    removed = retain(repository, backups / "blobstorage", keep)
    if removed:
        print(f"Kept the newest {keep} full backups; removed {', '.join(removed)}.")
    return name


def lock_storage(data_fs):
    """Take the lock a process holds on ``Data.fs.lock`` as long as it has the storage open (an
    instance, the ZEO server: ZODB's zc.lockfile, an exclusive flock). Returns the open lock
    file, held until closed, or None when a process holds it."""
    data_fs.parent.mkdir(parents=True, exist_ok=True)
    lock = open(f"{data_fs}.lock", "a+")  # noqa: SIM115 (held until the restore ends)
    try:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        lock.close()
        return None
    return lock


def confirm(question, yes):
    if yes:
        return True
    if not sys.stdin.isatty():
        raise BackupError(
            "Nothing was restored: confirm with --yes (make restore YES=1) when no one can type."
        )
    return input(f"{question} Type yes to go on: ").strip().lower() == "yes"


def restore(var, backups, date=None, yes=False):
    repository = backups / "filestorage"
    snapshots = backups / "blobstorage"
    if not repository.exists() or newest_backup_name(repository) is None:
        sys.exit(f"No backup in {repository}.")
    names = sorted(path.name for path in snapshots.iterdir() if path.is_dir())
    chosen = [name for name in names if date is None or name <= date]
    if not chosen:
        sys.exit(f"No backup at or before {date}.")
    data_fs = var / "filestorage" / "Data.fs"
    lock = lock_storage(data_fs)
    if lock is None:
        raise BackupError(
            f"Nothing was restored: a running process holds {data_fs} (its Data.fs.lock). "
            "Stop the site first (Ctrl+C in the console where make start runs, or stop the "
            "service that runs bin/instance; with ZEO, its clients and bin/zeoserver), then run "
            "make restore again."
        )
    try:
        replaced = [path for path in (data_fs, var / "blobstorage") if path.exists()]
        if replaced:
            size = data_fs.stat().st_size if data_fs.exists() else 0
            question = (
                f"Restore the backup of {chosen[-1]} (UTC) into {var}? The current Data.fs "
                f"({human_size(size)}) and {len(blob_files(var / 'blobstorage'))} blobs are "
                "moved aside (named .before-restore-<time>), not deleted."
            )
            print(question)
            if not confirm("", yes):
                raise BackupError("Nothing was restored.")
        # Recovered beside the current data first, swapped in only once whole: a failed or
        # interrupted restore leaves the current data where it was.
        staged_fs = data_fs.with_name("Data.fs.restoring")
        staged_index = data_fs.with_name("Data.fs.restoring.index")  # repozo writes it beside
        staged_blobs = var / "blobstorage.restoring"
        for path in (staged_fs, staged_index, staged_blobs):
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
        command = [str(REPOZO), "--recover", f"--repository={repository}", f"--output={staged_fs}"]
        if date:
            command.append(f"--date={date}")
        try:
            subprocess.run(command, check=True, capture_output=True, text=True)
            shutil.copytree(snapshots / chosen[-1], staged_blobs)
        except (subprocess.CalledProcessError, OSError) as error:
            for path in (staged_fs, staged_index, staged_blobs):
                if path.is_dir():
                    shutil.rmtree(path)
                elif path.exists():
                    path.unlink()
            detail = getattr(error, "stderr", None) or str(error)
            raise BackupError(f"Nothing was restored: {detail.strip()}") from error
        aside = time.strftime("%Y-%m-%d-%H-%M-%S")
        index = data_fs.with_name("Data.fs.index")
        for path in (*replaced, index):
            if path.exists():
                path.rename(path.with_name(f"{path.name}.before-restore-{aside}"))
        staged_fs.rename(data_fs)
        if staged_index.exists():
            staged_index.rename(index)
        staged_blobs.rename(var / "blobstorage")
    finally:
        lock.close()
    print(f"Restored the backup of {chosen[-1]} into {var}; the previous data was moved aside.")


# Run by bin/zodbpy (buildout's interpreter, which would then run its last argument as a script:
# hence the exit).
COUNT_OBJECTS = (
    "import sys; from ZODB.FileStorage import FileStorage; "
    "storage = FileStorage(sys.argv[-1], read_only=True); print(len(storage)); storage.close(); "
    "sys.exit(0)"
)


def count_storage(data_fs, blobs):
    """(objects, blobs) of a FileStorage, opened read only (no lock: a running site's data is
    counted as it is, untouched)."""
    done = subprocess.run(
        [str(ZODBPY), "-c", COUNT_OBJECTS, str(data_fs)], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise BackupError(f"{data_fs} cannot be opened: {done.stderr.strip()}")
    return int(done.stdout.strip()), len(blob_files(blobs))


def check(var, backups):
    """The restore drill: the newest backup restored into a temporary folder, opened and counted
    beside the live data."""
    repository = backups / "filestorage"
    name = newest_backup_name(repository) if repository.exists() else None
    if name is None:
        raise BackupError(f"No backup in {repository} to check.")
    with tempfile.TemporaryDirectory(prefix="restore-check-") as folder:
        drill = Path(folder)
        restore(drill, backups, yes=True)
        restored = count_storage(drill / "filestorage" / "Data.fs", drill / "blobstorage")
    live = count_storage(var / "filestorage" / "Data.fs", var / "blobstorage")
    print(
        f"Restore drill of {name}: {restored[0]} objects and {restored[1]} blobs restored; "
        f"the live data has {live[0]} objects and {live[1]} blobs."
    )
    # The backup may hold more than the live data (a pack since removed old objects), never
    # nothing.
    if restored[0] == 0:
        raise BackupError("The restored backup holds no object.")
    return restored, live


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("backup", "restore", "check"))
    parser.add_argument("--full", action="store_true", help="a full backup, not an incremental one")
    parser.add_argument("--keep", type=int, help="full backups to keep (buildout.cfg: backup-keep)")
    parser.add_argument("--date", help="restore the state of this backup (YYYY-MM-DD-hh-mm-ss)")
    parser.add_argument("--yes", action="store_true", help="restore without asking")
    parser.add_argument(
        "--var", type=Path, default=ROOT / "instance" / "var", help="the data folder"
    )
    parser.add_argument("--backups", type=Path, default=ROOT / "instance" / "backups")
    options = parser.parse_args(argv)
    try:
        if options.action == "backup":
            backup(options.var, options.backups, options.full, options.keep)
        elif options.action == "restore":
            restore(options.var, options.backups, options.date, options.yes)
        else:
            check(options.var, options.backups)
    except BackupError as error:
        sys.exit(str(error))


if __name__ == "__main__":
    main()
