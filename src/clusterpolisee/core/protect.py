"""Protection against requests a member did not mean to make.

A write that reading a page may make, allowed by itself (plone.protect).

Opening a message marks it read: a change on GET, which plone.protect refuses. Rather than turn
the protection off for the whole request, the objects that one change touched are marked safe,
and any other write in the request is still refused without a token.

A REST write with credentials a browser keeps and sends by itself (the ``__ac`` cookie, HTTP
Basic) is refused unless the platform's own pages could have sent it
(``refuse_forged_rest_writes``).
"""

from clusterpolisee import _
from clusterpolisee.core.rest import sends_json
from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone import api
from plone.protect.utils import safeWrite
from plone.rest.interfaces import IAPIRequest
from plone.rest.interfaces import IService
from Products.CMFCore.indexing import processQueue
from zExceptions import BadRequest
from zExceptions import Forbidden


def write_on_read(context, request, write):
    """Run ``write()`` and mark the objects it changed as safe to write; return its result."""
    connection = context._p_jar
    before = {id(obj) for obj in connection._registered_objects}
    result = write()
    # Reindexing waits in a queue until the request ends: do it now, inside the one write.
    processQueue()
    for obj in connection._registered_objects:
        if id(obj) not in before:
            safeWrite(obj, request)
    return result


def plain_form(request, prefix):
    """Refuse (400) a form whose fields under ``prefix`` are not text or lists of text: a hand-made
    request (``name:record``, nested lists) would break the form's widgets."""
    for key, value in request.form.items():
        if not key.startswith(prefix):
            continue
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str) for item in values):
            raise BadRequest(
                api.portal.translate(_("The form was sent in a way it cannot be read."))
            )


# A browser sends these to another site without asking it first (a "simple" CORS request), and
# with the member's cookies: a page elsewhere can make them. JSON needs the site's consent.
UNSAFE_METHODS = frozenset(("POST", "PUT", "PATCH", "DELETE"))


def _has_body(request):
    try:
        return int(request.getHeader("Content-Length") or 0) > 0
    except ValueError:
        return True


def refuse_forged_rest_writes(event):
    """A REST write a browser may send by itself, with credentials it keeps (plone.session's
    ``__ac`` cookie, or HTTP Basic it remembers), must come from the site's own pages: no foreign
    ``Origin``, and, with the cookie, a JSON body, which no other site can send without the
    browser asking this one first (it does not answer). Programs (a JWT, or Basic without a
    foreign Origin) are left as they are; a browser never sends a JWT by itself.

    Subscriber of ``IPubAfterTraversal``: the user is known, the service not yet called."""
    request = event.request
    if not (IAPIRequest.providedBy(request) and IClusterpoliseeLayer.providedBy(request)):
        return
    method = (request.get("REQUEST_METHOD") or "GET").upper()
    authorization = (request._auth or "").strip()
    if method not in UNSAFE_METHODS or authorization.lower().startswith("bearer "):
        return
    # A page's own script may ask a browser view for JSON (Dropzone's uploads do): plone.rest
    # marks such a request too, but only a REST service is this rule's concern.
    if not IService.providedBy(request.get("PUBLISHED")):
        return
    if api.user.is_anonymous():
        return  # no credentials to borrow
    origin = request.getHeader("Origin")
    own = request.get("SERVER_URL", "").rstrip("/")
    if origin is not None and origin.rstrip("/") != own:
        raise Forbidden(
            api.portal.translate(
                _("A change through the API must come from the platform's own pages.")
            )
        )
    if authorization:
        return  # HTTP Basic from a program
    if not sends_json(request) and (method != "DELETE" or _has_body(request)):
        raise BadRequest(
            api.portal.translate(
                _(
                    "A change through the API with a browser's session must be sent as JSON "
                    "(Content-Type: application/json)."
                )
            )
        )
