"""The hashes of the script and style files, kept for the process (core/resourcehashes.py): the
same addresses as Plone gives, and a file the site changes through the web gets a new one on the
next page."""

from clusterpolisee.core import resourcehashes
from plone import api
from plone.resource.interfaces import IResourceDirectory
from Products.CMFPlone.resources.utils import get_override_directory
from Products.CMFPlone.resources.webresource import PloneBaseResource
from webresource.resources import namespace_uuid
from webresource.resources import Resource
from zope.component import getUtility
import base64
import hashlib
import pytest
import re
import requests
import transaction
import uuid


STYLESHEET = "++plone++clusterpolisee/platform.css"
BUNDLE = "++plone++static/bundle-plone/bundle.min.js"
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


@pytest.fixture
def nothing_kept(monkeypatch):
    """The process as it starts: no hash kept yet."""
    monkeypatch.setattr(resourcehashes, "_kept", {})
    return resourcehashes._kept


def kept_paths(kept):
    return {path for _algorithm, path in kept}


def test_files_of_the_code_are_kept_and_the_rest_is_not(functional):
    assert resourcehashes.code_file("++plone++static/bundle-plone/bundle.min.js")
    assert resourcehashes.code_file("++plone++clusterpolisee/platform.css")
    assert resourcehashes.code_file("++theme++barceloneta/css/barceloneta.min.css")
    # A browser resource (looked up per site and layer), a view, a script with parameters, a
    # directory no package registers: on every page.
    assert not resourcehashes.code_file("++resource++easyform.css")
    assert not resourcehashes.code_file("@@custom.css")
    assert not resourcehashes.code_file("acl_users/session/refresh?type=css")
    assert not resourcehashes.code_file("++theme++made-on-the-site/theme.css")
    assert not resourcehashes.code_file("++plone++")
    assert not resourcehashes.code_file("++plone++static")


def test_a_theme_kept_in_the_database_hides_the_packages(functional):
    """plone.resource finds a theme of the site's own before a package's of the same name."""
    assert resourcehashes.code_file("++theme++barceloneta/css/barceloneta.min.css")
    getUtility(IResourceDirectory, name="persistent").makeDirectory("theme/barceloneta")
    assert not resourcehashes.code_file("++theme++barceloneta/css/barceloneta.min.css")


def test_pages_name_the_files_as_plone_does(rendered, nothing_kept, monkeypatch):
    """The first page keeps the hashes of the code's files, the next pages use them, and every
    page links each file at the address Plone's own resource registry gives it."""
    portal = rendered
    kept = resource_addresses(f"{portal.absolute_url()}/repository")
    assert STYLESHEET in kept
    # (A bundle's resource is the file it hashes, which its address may name otherwise: the
    # theme's barceloneta.css, served minified.)
    assert {STYLESHEET, BUNDLE} <= kept_paths(nothing_kept)
    assert not any(path.startswith("++resource++") for path in kept_paths(nothing_kept))
    assert resource_addresses(f"{portal.absolute_url()}/accessibility-info") == kept
    monkeypatch.setattr(PloneBaseResource, "file_hash", Resource.file_hash)  # Plone's own
    assert resource_addresses(f"{portal.absolute_url()}/contact-info") == kept


def test_an_address_cannot_lead_the_kept_hashes_astray(rendered, nothing_kept, monkeypatch):
    """Plone's ``++plone++`` traverser takes its directory from the address: a page at an
    address naming an overridden file looked every ``++plone++`` file up there, and hashed the
    paths it could not find. The kept hashes are read from the packages' directories."""
    portal = rendered
    get_override_directory(portal).writeFile("clusterpolisee/platform.css", OVERRIDE)
    transaction.commit()
    # The first page of the process: a "not found" page, drawn with the site's resources.
    requests.get(
        f"{portal.absolute_url()}/nowhere/{STYLESHEET}", headers={"Accept": "text/html"}, timeout=30
    )
    assert BUNDLE in kept_paths(nothing_kept)
    kept = resource_addresses(f"{portal.absolute_url()}/repository")
    assert kept[STYLESHEET] == key_of(OVERRIDE)
    monkeypatch.setattr(PloneBaseResource, "file_hash", Resource.file_hash)  # Plone's own
    assert resource_addresses(f"{portal.absolute_url()}/contact-info") == kept


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
