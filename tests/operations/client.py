"""A small plone.restapi client for the operations tests."""

from tests.operations.servers import ADMIN
from tests.operations.servers import SITE_ID
import requests


class Rest:
    def __init__(self, base_url, auth=ADMIN):
        self.site = f"{base_url}/{SITE_ID}"
        self.session = requests.Session()
        self.session.auth = auth
        self.session.headers["Accept"] = "application/json"

    def add(self, folder, portal_type, **fields):
        response = self.session.post(
            f"{self.site}/{folder}".rstrip("/"), json={"@type": portal_type, **fields}, timeout=60
        )
        response.raise_for_status()
        return response.json()

    def get(self, where, **params):
        return self.session.get(f"{self.site}/{where}", params=params, timeout=60)
