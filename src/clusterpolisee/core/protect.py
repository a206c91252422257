"""A write that reading a page may make, allowed by itself (plone.protect).

Opening a message marks it read: a change on GET, which plone.protect refuses. Rather than turn
the protection off for the whole request, the objects that one change touched are marked safe,
and any other write in the request is still refused without a token.
"""

from clusterpolisee import _
from plone import api
from plone.protect.utils import safeWrite
from Products.CMFCore.indexing import processQueue
from zExceptions import BadRequest


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
