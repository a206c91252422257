"""Files people uploaded reach browsers as files, never as pages of the platform.

plone.namedfile already serves ``@@download``, ``@@display-file`` and ``@@images`` this way: only
images, plain text and PDF are shown inline, everything else (HTML, SVG, scripts) is an
attachment. Old versions (``@@download-version``, plone.app.versioningbehavior) were served inline
whatever their type, so an uploaded HTML page ran in the reader's session: here they follow the
same rule. Every response says ``nosniff``; a response that is a file carries a
Content-Security-Policy that lets it run nothing.
"""

from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone.app.versioningbehavior.browser import DownloadVersion
from plone.namedfile.browser import ALLOWED_INLINE_MIMETYPES
from plone.namedfile.utils import extract_media_type
from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from plone.rfc822.interfaces import IPrimaryFieldInfo
from Products.CMFEditions.browser.views import CompareCSS
from Products.CMFEditions.interfaces.IArchivist import ArchivistError
from Products.CMFEditions.interfaces.IModifier import ModifierException
from Products.CMFEditions.interfaces.IStorage import StorageError
from urllib.parse import quote
from zExceptions import NotFound


# What a downloaded file may do once the browser has it: nothing but show itself. "sandbox"
# makes an attachment opened anyway an opaque origin (no cookies, no tokens, no script).
ATTACHMENT_POLICY = "default-src 'none'; sandbox"
# Shown inline (images, text, PDF): no script, no requests elsewhere; Chromium's PDF viewer
# refuses sandboxed documents, so these are not sandboxed.
INLINE_POLICY = (
    "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; "
    "object-src 'self'; frame-ancestors 'self'"
)


def shown_inline(content_type):
    return extract_media_type(content_type or "") in ALLOWED_INLINE_MIMETYPES


class SafeDownloadVersion(DownloadVersion):
    """``@@download-version``: a file of an old version, under plone.namedfile's inline rule; a
    version or field that does not exist is a 404, not an error."""

    def __call__(self):
        version_id = self.request.get("version_id", "")
        if not (isinstance(version_id, str) and version_id.isascii() and version_id.isdigit()):
            raise NotFound(self.context, "@@download-version", self.request)
        field_id = self.request.get("field_id") or IPrimaryFieldInfo(self.context).fieldname
        if not isinstance(field_id, str):
            raise NotFound(self.context, "@@download-version", self.request)
        repository = self.context.portal_repository
        try:
            old = repository.retrieve(self.context, int(version_id)).object
        except (ArchivistError, ModifierException, StorageError, KeyError, IndexError) as error:
            raise NotFound(self.context, "@@download-version", self.request) from error
        stored = getattr(old, field_id, None)
        if stored is None or not hasattr(stored, "contentType"):
            raise NotFound(self.context, "@@download-version", self.request)
        filename = self.request.get("filename")
        if not isinstance(filename, str) or not filename or not filename.isprintable():
            filename = getattr(stored, "filename", None) or field_id
        # Characters that are no text (from invalid UTF-8 in the address) cannot be a name.
        filename = filename.encode("utf-8", "replace").decode("utf-8")
        # A filename makes set_headers send the file as an attachment.
        inline = shown_inline(stored.contentType)
        set_headers(stored, self.request.response, filename=None if inline else filename)
        if inline:
            self.request.response.setHeader(
                "Content-Disposition", f"inline; filename*=UTF-8''{quote(filename)}"
            )
        return stream_data(stored)


def harden_response(event):
    """Every response: browsers must not guess a type (an upload sniffed as HTML would run).
    Files (a Content-Disposition) also get a policy that runs nothing."""
    if not IClusterpoliseeLayer.providedBy(event.request):
        return  # a site without the platform
    response = event.request.response
    response.setHeader("X-Content-Type-Options", "nosniff")
    disposition = response.getHeader("Content-Disposition")
    if disposition and not response.getHeader("Content-Security-Policy"):
        attachment = disposition.lower().startswith("attachment")
        response.setHeader(
            "Content-Security-Policy", ATTACHMENT_POLICY if attachment else INLINE_POLICY
        )


class CompareStylesheet(CompareCSS):
    """CMFEditions' ``compare.css`` (the changes between versions) with its type: sent without
    one it came as text/plain, which browsers refuse as a stylesheet under nosniff."""

    def __call__(self):
        self.request.response.setHeader("Content-Type", "text/css; charset=utf-8")
        return super().__call__()
