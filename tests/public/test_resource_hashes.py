"""The hashes of the script and style files, kept for the process (core/resourcehashes.py): the
same addresses as Plone gives, and a file the site changes through the web gets a new one on the
next page."""

from clusterpolisee.core import resourcehashes
from plone import api
from Products.CMFPlone.resources.utils import get_override_directory
from Products.CMFPlone.resources.webresource import PloneBaseResource
from webresource.resources import namespace_uuid
from webresource.resources import Resource
import base64
import hashlib
import pytest
import re
import requests
import transaction
import uuid


STYLESHEET = "++plone++clusterpolisee/platform.css"
OVERRIDE = b"body { color: #000; }\n"


@pytest.fixture
def rendered(functional, demo_functional):
    """The demo site with plone.app.caching off: each page drawn anew, none from its RAM cache."""
    api.portal.set_registry_record("plone.caching.interfaces.ICacheSettings.enabled", False)
    transaction.commit()
    return functional["portal"]


def resource_addresses(page_url):
    """{resource path: its ++webresource++ key} of the scripts and styles a page links."""
    html = requests.get(page_url, headers={"Accept": "text/html"}, timeout=30).text
    found = re.findall(r"/\+\+webresource\+\+([0-9a-f-]+)/([^\"?]+)\"", html)
    return {path: key for key, path in found}


def key_of(data):
    """The key Plone's webresource names a file by: a uuid5 of the sha384 of its bytes."""
    digest = base64.b64encode(hashlib.sha384(data).digest()).decode()
    return str(uuid.uuid5(namespace_uuid, digest))


def test_files_of_the_code_are_kept_and_the_rest_is_not(functional):
    assert resourcehashes.from_the_code("++resource++easyform.css")
    assert resourcehashes.from_the_code("++plone++static/bundle-plone/bundle.min.js")
    assert resourcehashes.from_the_code("++plone++clusterpolisee/platform.css")
    assert resourcehashes.from_the_code("++theme++barceloneta/css/barceloneta.min.css")
    # A view, a script with parameters, a directory no package registers: on every page.
    assert not resourcehashes.from_the_code("@@custom.css")
    assert not resourcehashes.from_the_code("acl_users/session/refresh?type=css")
    assert not resourcehashes.from_the_code("++theme++made-on-the-site/theme.css")
    assert not resourcehashes.from_the_code("++plone++")


def test_pages_name_the_files_as_plone_does(rendered, monkeypatch):
    """The kept hashes are those Plone works out on every page: the first page and the next
    link each file at the address Plone's own resource registry gives it."""
    portal = rendered
    kept = resource_addresses(f"{portal.absolute_url()}/repository")
    assert STYLESHEET in kept
    assert resource_addresses(f"{portal.absolute_url()}/accessibility-info") == kept
    monkeypatch.setattr(PloneBaseResource, "file_hash", Resource.file_hash)  # Plone's own
    assert resource_addresses(f"{portal.absolute_url()}/repository") == kept


def test_a_file_the_site_overrides_gets_its_own_address_at_once(rendered):
    """A coordinator who overrides the platform's stylesheet in portal_resources (as Plone's
    resource registry lets) has visitors load the new one on the next page, not the code's."""
    portal = rendered
    page = f"{portal.absolute_url()}/repository"
    code_key = resource_addresses(page)[STYLESHEET]
    # Where Plone's resource registry keeps what overrides a file of ++plone++.
    get_override_directory(portal).writeFile("clusterpolisee/platform.css", OVERRIDE)
    transaction.commit()
    try:
        assert resource_addresses(page)[STYLESHEET] == key_of(OVERRIDE) != code_key
        served = requests.get(
            f"{portal.absolute_url()}/++webresource++{key_of(OVERRIDE)}/{STYLESHEET}", timeout=30
        )
        assert served.content == OVERRIDE
    finally:
        del get_override_directory(portal)["clusterpolisee"]
        transaction.commit()
    assert resource_addresses(page)[STYLESHEET] == code_key
