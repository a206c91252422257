"""Back up and restore the platform's data: Data.fs with repozo, the blobs as snapshots.

    python3 scripts/backup.py backup [--full]          (make backup, make backup FULL=1)
    python3 scripts/backup.py restore [--date DATE]    (make restore, make restore DATE=...)

A backup runs while the site runs. repozo writes a full copy of Data.fs or, when one exists, only
the transactions since the last backup; then the blob folder is copied into a snapshot named like
repozo's file, hard-linking every blob the previous snapshot already holds (ZODB never changes a
blob file, it writes a new one), so each snapshot is whole but costs only the new blobs. Data.fs
is backed up first: a snapshot taken after it holds every blob that Data.fs refers to.

A restore (site stopped) rebuilds Data.fs as it was at the newest backup, or at DATE
(YYYY-MM-DD-hh-mm-ss, UTC, as the backup printed it), and puts back the snapshot of that backup.
The current Data.fs and blobs are moved aside first, never deleted.
"""

from pathlib import Path
import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import time


ROOT = Path(__file__).resolve().parents[1]
REPOZO = ROOT / "bin" / "repozo"


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


def backup(var, backups, full):
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
    copied, linked = snapshot_blobs(var / "blobstorage", backups / "blobstorage", name)
    print(f"Backup {name}: Data.fs in {repository}, blobs {copied} copied and {linked} linked.")
    return name


def restore(var, backups, date=None):
    repository = backups / "filestorage"
    snapshots = backups / "blobstorage"
    if not repository.exists() or newest_backup_name(repository) is None:
        sys.exit(f"No backup in {repository}.")
    names = sorted(path.name for path in snapshots.iterdir() if path.is_dir())
    chosen = [name for name in names if date is None or name <= date]
    if not chosen:
        sys.exit(f"No backup at or before {date}.")
    data_fs = var / "filestorage" / "Data.fs"
    aside = time.strftime("%Y-%m-%d-%H-%M-%S")
    for path in (data_fs, var / "blobstorage"):
        if path.exists():
            path.rename(path.with_name(f"{path.name}.before-restore-{aside}"))
    data_fs.parent.mkdir(parents=True, exist_ok=True)
    command = [str(REPOZO), "--recover", f"--repository={repository}", f"--output={data_fs}"]
    if date:
        command.append(f"--date={date}")
    subprocess.run(command, check=True)
    shutil.copytree(snapshots / chosen[-1], var / "blobstorage")
    print(f"Restored the backup of {chosen[-1]} into {var}; the previous data was moved aside.")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("backup", "restore"))
    parser.add_argument("--full", action="store_true", help="a full backup, not an incremental one")
    parser.add_argument("--date", help="restore the state of this backup (YYYY-MM-DD-hh-mm-ss)")
    parser.add_argument(
        "--var", type=Path, default=ROOT / "instance" / "var", help="the data folder"
    )
    parser.add_argument("--backups", type=Path, default=ROOT / "instance" / "backups")
    options = parser.parse_args(argv)
    if options.action == "backup":
        backup(options.var, options.backups, options.full)
    else:
        restore(options.var, options.backups, options.date)


if __name__ == "__main__":
    main()
