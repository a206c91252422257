"""``@@health``: what monitoring and load balancers ask, on the Zope root and on the site."""

import requests


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
