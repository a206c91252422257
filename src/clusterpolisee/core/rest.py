"""How the REST API answers what it cannot use: a body that is not a JSON object, or content
named by something else than text, is a 400 with a clear message; no error tells a client more
than its type and message.

Three places, each where plone.restapi lets a client's mistake become a server error:

- ``readable_json_body``: plone.restapi's JWT plugin reads every JSON body while authenticating
  (looking for a login), before any service runs; too deep a nesting fails there with a
  RecursionError. A body sent as JSON must be JSON a parser reads, its strings text (no half
  of a surrogate pair, which no page or index carries), checked when the request enters the
  site.
- ``error_view``: ``json_body`` refuses a body that is not a JSON object with a
  DeserializationError, which creating content (and other services) let through: a 400. And
  plone.rest's error view adds the server's traceback, with its file paths, for whoever may
  manage the site: the platform's REST errors carry the type and the message only, for
  everyone; its pages keep the error page they had.
- ``FolderPost``: creating content takes the type, id and title from the body and uses them as
  text before any field is validated: they must be text.
"""

from clusterpolisee import _
from clusterpolisee.core.errors import PlatformExceptionView
from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone import api
from plone.browserlayer.utils import registered_layers
from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IAPIRequest
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services.content import add
from Products.CMFCore.interfaces import ISiteRoot
from Products.CMFPlone.browser.exceptions import ExceptionView
from zExceptions import BadRequest
from zope.component import adapter
from zope.component import getSiteManager
from zope.interface import directlyProvidedBy
from zope.interface import implementedBy
from zope.interface import Interface
from zope.interface import providedBy
from zope.interface.declarations import Declaration
from zope.traversing.interfaces import IBeforeTraverseEvent
import json


def sends_json(request):
    """Whether the request says its body is JSON (``application/json`` or ``...+json``)."""
    media_type = (request.getHeader("Content-Type") or "").split(";", 1)[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


@adapter(ISiteRoot, IBeforeTraverseEvent)
def readable_json_body(site, event):
    """A request entering the platform with a body it calls JSON must carry JSON a parser reads
    (UTF-8, not nested deeper than the parser goes) and text in its strings: else a 400, before
    authentication reads it."""
    request = event.request
    if not sends_json(request):
        return
    body = request.get("BODY")
    if not body or IClusterpoliseeLayer not in registered_layers():
        return
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise BadRequest(api.portal.translate(_("The request body is not valid JSON."))) from None
    try:
        # An escape can spell half of a UTF-16 pair ("\ud800"): no page, feed or file the
        # platform writes can carry it.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise BadRequest(
            api.portal.translate(
                _("The request body holds characters that are not text (unpaired surrogates).")
            )
        ) from None


class PlatformErrorHandling(ErrorHandling):
    """plone.rest's error view without the traceback; a body plone.restapi cannot read is the
    client's error (400)."""

    def __call__(self):
        if isinstance(self.context, DeserializationError):
            self.request.response.setStatus(400, lock=True)
        return super().__call__()

    def render_exception(self, exception):
        result = super().render_exception(exception)
        if result is not None:
            result.pop("traceback", None)
            if isinstance(exception, DeserializationError):
                result["message"] = api.portal.translate(
                    _("The request body must be a JSON object.")
                )
        return result


def _error_view_for_pages(exception, request):
    """The error view a page of the platform would have without ``error_view``: the one
    registered for the request's other interfaces (Plone's error page, errors.py)."""
    others = [layer for layer in directlyProvidedBy(request) if layer is not IClusterpoliseeLayer]
    spec = Declaration(*others, implementedBy(type(request)))
    factory = getSiteManager().adapters.lookup(
        (providedBy(exception), spec), Interface, name="index.html"
    )
    if isinstance(factory, type) and issubclass(factory, ExceptionView):
        # Plone's error page, drawn on the item also under a page that reads the address.
        factory = PlatformExceptionView
    return factory(exception, request) if factory is not None else None


@adapter(Exception, IClusterpoliseeLayer)
def error_view(exception, request):
    """The error view (``index.html``) of the platform's requests: its own for the REST API,
    Plone's error page for pages."""
    if IAPIRequest.providedBy(request):
        return PlatformErrorHandling(exception, request)
    return _error_view_for_pages(exception, request)


# What creating content reads from the body before validating any field.
NAMED_BY_TEXT = ("@type", "id", "title", "UID", "translation_of", "language")


class FolderPost(add.FolderPost):
    """Creating content (``POST`` to a folder): plone.restapi's, with the type, id and title
    checked to be text first (a list as ``@type`` would fail inside it)."""

    def reply(self):
        data = json_body(self.request)
        for name in NAMED_BY_TEXT:
            if data.get(name) is not None and not isinstance(data[name], str):
                raise BadRequest(
                    api.portal.translate(_("'${name}' must be a string.", mapping={"name": name}))
                )
        return super().reply()
