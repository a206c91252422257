"""What the benchmark scripts share: waiting for a server, PATCHing it, turning caching on or off."""

import base64
import json
import time
import urllib.request


CACHING = "plone.caching.interfaces.ICacheSettings.enabled"


def wait_for(url, seconds=180):
    """The body of ``url`` once it answers; RuntimeError after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read()
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def patch_json(url, data, auth):
    """PATCH ``data`` as JSON through plone.restapi, as ``auth`` ("login:password")."""
    request = urllib.request.Request(
        url,
        data=json.dumps(data).encode(),
        method="PATCH",
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": "Basic " + base64.b64encode(auth.encode()).decode(),
        },
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        if response.status not in (200, 204):
            raise RuntimeError(f"{url}: HTTP {response.status}")


def set_caching(site_url, auth, enabled):
    """Turn plone.app.caching on or off on a site (its registry, through @registry)."""
    patch_json(f"{site_url}/@registry", {CACHING: enabled}, auth)
