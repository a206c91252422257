"""Plone's error pages (404, 500...) also for an address that fails inside one of the platform's
pages that read the rest of the address (``@@topic/<topic>``, ``@@region/<code>``,
``@@open-data/<file>``): Zope hands the error page that page as the place it happened, and
Plone's layout cannot be drawn on a page, so the visitor got a bare "Error" page without the
site around it.

An error page is drawn on the nearest place its reader may view: the place itself, or the
nearest of its parents, the site at last. A wrong address fails before Zope knows the person: the
member it comes from is authenticated for the page (authentication/sessions.py), so they keep
their name, menus and workspace. For a visitor, the page inside a private workspace was drawn on
the workspace, whose viewlets ask to view it: it had no title, no logo, no navigation, no search
box and no language menu, and its body's classes named the workspace's items and their types."""

from AccessControl import getSecurityManager
from Acquisition import aq_chain
from Acquisition import aq_inner
from clusterpolisee.authentication.sessions import sign_in_on_error_page
from pathlib import Path
from Products.CMFCore.interfaces import ISiteRoot
from Products.CMFPlone.browser.exceptions import ExceptionView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.publisher.interfaces.browser import IBrowserView
import Products.CMFPlone.browser


class PlatformExceptionView(ExceptionView):
    """Plone's error page, on the item the failing page was called on, or the nearest of its
    parents the reader may view."""

    # As Plone registers its own: the layout names the page's body class after it.
    __name__ = "index.html"
    # Plone's own template.
    index = ViewPageTemplateFile(
        "templates/error_message.pt", _prefix=str(Path(Products.CMFPlone.browser.__file__).parent)
    )

    def __call__(self):
        place = self.__parent__
        while IBrowserView.providedBy(place):
            place = place.context
        site = next((item for item in aq_chain(place) if ISiteRoot.providedBy(item)), None)
        if site is not None:
            sign_in_on_error_page(self.request, site)
        self.__parent__ = nearest_viewable(place)
        return super().__call__()


def nearest_viewable(place):
    """``place`` if the reader may view it, else the nearest of its parents they may, the site
    at last."""
    may_view = getSecurityManager().checkPermission
    for item in aq_chain(aq_inner(place)):
        if ISiteRoot.providedBy(item) or may_view("View", item):
            return item
    return place
