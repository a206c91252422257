"""The hashes of the platform's script and style bundles, worked out once per process.

Plone's resource viewlets (Products.CMFPlone, ``resources/browser/resource.py``) make the bundles
anew on every page, and each bundle hashes its file to name its address
(``++webresource++<hash>/...``) and its integrity: every file found by traversal, read and
hashed, some 540 KB, on every page and for everyone (a tenth of a BestPractice page, py-spy). A
file of the code changes only with the code, when the process starts again: its hash is kept for
the process. A file the site may change through the web (a bundle overridden in
``portal_resources``, a theme kept in the database, a view such as ``@@custom.css``) is hashed on
every page as Plone does, as is every file while Zope runs in debug mode, where a developer
changes files under a running process. Only requests on a site where the add-on is installed
keep hashes: another site in the same Zope works as stock Plone does.
"""

from App.config import getConfiguration
from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone.resource.interfaces import IResourceDirectory
from plone.resource.utils import queryResourceDirectory
from Products.CMFPlone.resources.utils import get_override_directory
from Products.CMFPlone.resources.webresource import PloneBaseResource
from webresource.resources import Resource
from zope.component import queryUtility
from zope.component.hooks import getSite
from zope.globalrequest import getRequest


_stock_file_hash = Resource.file_hash
# {(hash algorithm, resource path): hash} of the files of the code.
_kept = {}


def from_the_code(path):
    """Whether the resource at ``path`` (as a bundle names it) is a file of the code, which the
    site cannot change: a Zope browser resource (``++resource++``), or a file of a directory a
    package registers (``++plone++static/...``, ``++theme++barceloneta/...``) that the site
    does not override, found as Plone finds it (plone.resource's lookup, and the resource
    registry's overrides of ``++plone++`` files)."""
    if not path.startswith("++") or "?" in path:
        return False
    kind, marker, rest = path[2:].partition("++")
    if not marker or not rest:
        return False
    if kind == "resource":
        return True
    name = rest.split("/", 1)[0]
    packaged = queryUtility(IResourceDirectory, name=f"++{kind}++{name}")
    if packaged is None or queryResourceDirectory(kind, name) is not packaged:
        return False  # no package's directory, or one the site's or a global one overrides
    return kind != "plone" or not get_override_directory(getSite()).isFile(rest)


def _kept_file_hash(self):
    path = self.resource
    if (
        self._file_hash is None
        and path
        and not getConfiguration().debug_mode
        and IClusterpoliseeLayer.providedBy(getRequest())
        and from_the_code(path)
    ):
        key = (self.hash_algorithm, path)
        if key not in _kept:
            _kept[key] = _stock_file_hash.fget(self)
        self._file_hash = _kept[key]
    return _stock_file_hash.fget(self)


def apply():
    PloneBaseResource.file_hash = property(_kept_file_hash, _stock_file_hash.fset)
