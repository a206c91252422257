"""``@@health``: what monitoring and load balancers ask, on the Zope root and on the site."""

import os
import requests
import time


class TestHealth:
    def test_root_and_site_answer_ok_uncached_without_login(self, functional):
        base = f"http://{functional['host']}:{functional['port']}"
        for url in (f"{base}/@@health", f"{base}/plone/@@health"):
            response = requests.get(url)
            assert response.status_code == 200
            assert response.headers["Cache-Control"] == "no-store"
            body = response.json()
            assert body["status"] == "ok"
            assert body["storage"]  # the test layer runs on a DemoStorage
            assert body["elapsed_ms"] >= 0

    def test_the_newest_backups_age_and_a_stale_warning(self, functional, tmp_path, monkeypatch):
        """A cron job that stopped backing up shows: "stale" once the newest backup is older
        than the limit, with the status the administrator chose (200 or 503)."""
        url = f"http://{functional['host']}:{functional['port']}/plone/@@health"
        repository = tmp_path / "filestorage"
        repository.mkdir()
        monkeypatch.setenv("CLUSTERPOLISEE_BACKUPS", str(tmp_path))
        monkeypatch.setenv("CLUSTERPOLISEE_BACKUP_MAX_AGE_HOURS", "26")

        response = requests.get(url)
        assert (response.status_code, response.json()["backup"]) == (200, "none")

        backup = repository / "2026-11-30-02-00-00.fsz"
        backup.write_bytes(b"a backup")
        body = requests.get(url).json()
        assert body["backup"] == "ok"
        assert body["backup_age_hours"] < 1

        two_days_ago = time.time() - 48 * 3600
        os.utime(backup, (two_days_ago, two_days_ago))
        response = requests.get(url)
        assert response.status_code == 200
        assert response.json()["backup"] == "stale"
        assert response.json()["backup_age_hours"] >= 48
        monkeypatch.setenv("CLUSTERPOLISEE_BACKUP_STALE_STATUS", "503")
        response = requests.get(url)
        assert (response.status_code, response.json()["status"]) == (503, "ok")
