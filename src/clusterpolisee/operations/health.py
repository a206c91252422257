"""``@@health``: for monitoring and load balancers, on the Zope root and on the site.

Answers 200 with a small JSON document when the database answers (its last transaction is
read), 503 when it does not. Never cached, never needs a login, names no content.

It also tells the age of the newest backup (``make backup`` writes them into the folder that
``CLUSTERPOLISEE_BACKUPS`` names, buildout.cfg's ``backups-dir``): ``"backup": "ok"`` while it is
younger than ``CLUSTERPOLISEE_BACKUP_MAX_AGE_HOURS``, ``"stale"`` after (or ``"none"`` when there is
no backup at all), so that monitoring notices a broken cron job; a stale or missing backup answers
the status ``CLUSTERPOLISEE_BACKUP_STALE_STATUS`` (200 by default, 503 where monitoring watches the
status only).
"""

from pathlib import Path
from Products.Five.browser import BrowserView
import json
import logging
import os
import time


logger = logging.getLogger(__name__)


BACKUP_SUFFIXES = (".fs", ".fsz", ".deltafs", ".deltafsz")
VERIFIED_STAMP = "last-verified"  # scripts/backup.py


def backup_report(now=None):
    """{"backup": "ok" | "stale" | "none", "backup_age_hours": ...} and the status a stale
    backup answers; None when no backup folder is configured."""
    folder = os.environ.get("CLUSTERPOLISEE_BACKUPS")
    if not folder:
        return None, 200
    max_age = float(os.environ.get("CLUSTERPOLISEE_BACKUP_MAX_AGE_HOURS") or 26)
    stale_status = int(os.environ.get("CLUSTERPOLISEE_BACKUP_STALE_STATUS") or 200)
    repository = Path(folder) / "filestorage"
    written = []
    for path in repository.iterdir() if repository.is_dir() else ():
        # A backup file, or the stamp make backup leaves once it verified one (a quiet site gets
        # no new backup file: nothing changed since).
        if path.suffix in BACKUP_SUFFIXES or path.name == VERIFIED_STAMP:
            try:
                written.append(path.stat().st_mtime)
            except FileNotFoundError:
                continue  # removed meanwhile by make backup's retention
    if not written:
        return {"backup": "none", "backup_max_age_hours": max_age}, stale_status
    age = ((now or time.time()) - max(written)) / 3600
    report = {
        "backup": "ok" if age <= max_age else "stale",
        "backup_age_hours": round(age, 1),
        "backup_max_age_hours": max_age,
    }
    return report, 200 if age <= max_age else stale_status


class HealthView(BrowserView):
    def __call__(self):
        started = time.perf_counter()
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setHeader("Cache-Control", "no-store")
        try:
            database = self.context._p_jar.db()
            storage = database.storage
            storage.lastTransaction()
            body = {
                "status": "ok",
                "storage": type(storage).__name__,
                "objects": database.objectCount(),
            }
        except Exception as error:
            logger.exception("Health check failed")
            response.setStatus(503)
            body = {"status": "error", "message": f"{type(error).__name__}: {error}"}
        else:
            report, status = backup_report()
            if report is not None:
                body.update(report)
                response.setStatus(status)
        body["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 2)
        return json.dumps(body)
