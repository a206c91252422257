"""The hashes of the platform's script and style bundles, worked out once per process.

Plone's resource viewlets (Products.CMFPlone, ``resources/browser/resource.py``) make the bundles
anew on every page, and each bundle hashes its file to name its address
(``++webresource++<hash>/...``) and its integrity: every file found by traversal, read and
hashed, some 540 KB, on every page and for everyone (a tenth of a BestPractice page, py-spy). A
file of a package's resource directory (``++plone++static/...``, ``++theme++barceloneta/...``)
changes only with the code, when the process starts again: its hash is kept for the process,
read from that directory itself, never through the request's traversal (which an address can
lead elsewhere). A file the site may change through the web (a bundle overridden in
``portal_resources``, a theme kept in the database), a Zope browser resource (``++resource++``,
looked up per site and layer), a view such as ``@@custom.css``, and every file while Zope runs in
debug mode (where a developer changes files under a running process) are hashed on every page as
Plone does. Only requests on a site where the add-on is installed keep hashes: another site in
the same Zope works as stock Plone does.
"""

from App.config import getConfiguration
from clusterpolisee.interfaces import IClusterpoliseeLayer
from contextlib import suppress
from plone.resource.interfaces import IResourceDirectory
from plone.resource.utils import queryResourceDirectory
from Products.CMFPlone.resources.utils import get_override_directory
from Products.CMFPlone.resources.webresource import PloneBaseResource
from webresource.resources import Resource
from zExceptions import Forbidden
from zExceptions import NotFound
from zope.component import queryUtility
from zope.component.hooks import getSite
from zope.globalrequest import getRequest
import base64
import urllib.parse


_stock_file_hash = Resource.file_hash
# {(hash algorithm, resource path): hash} of the files of the code.
_kept = {}


def code_file(path):
    """(directory, file path in it) of the resource at ``path`` (as a bundle names it) when it
    is a file of a package's resource directory that the site does not override, as
    plone.resource and Plone's resource registry find it; else None."""
    if not path.startswith("++") or "?" in path:
        return None
    kind, marker, rest = path[2:].partition("++")
    name, slash, file_path = rest.partition("/")
    if not marker or not slash or not file_path or kind == "resource":
        return None
    name = urllib.parse.quote(name)  # as plone.resource's traverser looks it up
    packaged = queryUtility(IResourceDirectory, name=f"++{kind}++{name}")
    if packaged is None or queryResourceDirectory(kind, name) is not packaged:
        return None  # no package's directory, or one the site's or a global one overrides
    if kind == "plone":
        overrides = get_override_directory(getSite())
        if overrides is None or overrides.isFile(f"{name}/{file_path}"):
            return None  # Plone's resource registry reads its override first
    return packaged, file_path


def _hash(resource, data):
    """The hash webresource gives ``data`` for ``resource`` (its ``file_hash``)."""
    digest = resource._hash_algorithms[resource.hash_algorithm](data).digest()
    return base64.b64encode(digest).decode()


def _kept_file_hash(self):
    path = self.resource
    if (
        self._file_hash is None
        and path
        and not getConfiguration().debug_mode
        and IClusterpoliseeLayer.providedBy(getRequest())
    ):
        # Asked on every page: the site may override a file at any time.
        found = code_file(path)
        if found is not None:
            key = (self.hash_algorithm, path)
            if key not in _kept:
                directory, file_path = found
                # No such file: Plone's own way, on every page.
                with suppress(OSError, NotFound, Forbidden):
                    _kept[key] = _hash(self, directory.readFile(file_path))
            self._file_hash = _kept.get(key)
    return _stock_file_hash.fget(self)


def apply():
    PloneBaseResource.file_hash = property(_kept_file_hash, _stock_file_hash.fset)
