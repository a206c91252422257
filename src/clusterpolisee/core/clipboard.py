"""Paste, from the Actions menu (``object_paste``), that says why it cannot paste.

Plone's own view lets every refusal of ``manage_pasteObjects`` but Unauthorized escape as an
error page (500): a copied document pasted into a wiki, a meeting pasted by a member who may not
add meetings. Here the clipboard is checked first, with the same rule Plone's add menu follows
(``allowedContentTypes``: the type's add permission, the workflow's "Add portal content" and the
folder's constraints); what may not be pasted is named in a status message and nothing changes.
"""

from clusterpolisee import _
from OFS.CopySupport import CopyError
from plone import api
from plone.app.content.browser.actions import ObjectPasteView
from plone.base import PloneMessageFactory as PMF
from Products.CMFCore.interfaces import IFolderish
from zExceptions import Unauthorized
from ZODB.POSException import ConflictError
import logging


logger = logging.getLogger(__name__)


class PasteView(ObjectPasteView):
    """``object_paste``: paste the clipboard here, or say why not; never an error page."""

    def refuse(self, message):
        return self.do_redirect(self.canonical_object_url, message, "error")

    def do_action(self):
        container = self.context
        if not IFolderish.providedBy(container) or not container.cb_dataValid():
            return self.refuse(PMF("Copy or cut one or more items to paste."))
        try:
            items = container.cb_dataItems()
        except ConflictError:
            raise
        except Exception:
            return self.refuse(
                _("The copied item is no longer there: it may have been moved or deleted.")
            )
        # The clipboard is a cookie the browser sends: it may name anything. What the person may
        # not see is neither named nor pasted (Plone's copy checks refuse it too).
        if not all(api.user.has_permission("View", obj=item) for item in items):
            return self.refuse(_("The copied items cannot be pasted here."))
        allowed = {fti.getId() for fti in container.allowedContentTypes()}
        types = api.portal.get_tool("portal_types")
        for item in items:
            if item.portal_type not in allowed:
                fti = types.getTypeInfo(item.portal_type)
                # The type's title in its own domain (the FTI's i18n_domain).
                type_title = fti.Title() if fti is not None else item.portal_type
                return self.refuse(
                    _(
                        'You cannot paste "${title}" here: you may not add an item of the '
                        'type "${type}" in "${folder}".',
                        mapping={
                            "title": item.Title(),
                            "type": api.portal.translate(type_title),
                            "folder": container.Title(),
                        },
                    )
                )
        try:
            container.manage_pasteObjects(self.request["__cp"])
        except ConflictError:
            raise
        except (CopyError, ValueError, Unauthorized) as error:
            # Refused after all (nothing is pasted: every item is checked before the first).
            logger.info("Paste refused in %s: %s", container.absolute_url(1), error)
            return self.refuse(_("The copied items cannot be pasted here."))
        return self.do_redirect(self.canonical_object_url, PMF("Item(s) pasted."))
