"""Plone's error pages (404, 500...) also for an address that fails inside one of the platform's
pages that read the rest of the address (``@@topic/<topic>``, ``@@region/<code>``,
``@@open-data/<file>``): Zope hands the error page that page as the place it happened, and
Plone's layout cannot be drawn on a page, so the visitor got a bare "Error" page without the
site around it.

An error page is drawn on the nearest content its reader may view: the place itself, or the
nearest of its parents, the site at last. A wrong address fails before Zope knows the person:
the member it comes from is authenticated for the page (``ErrorPageStarting``, subscribed by
authentication/sessions.py), so they keep their name, menus and workspace. For a visitor, the
page inside a private workspace was drawn on the workspace, whose viewlets ask to view it: it
had no title, no logo, no navigation, no search box and no language menu, and its body's
classes named the workspace's items and their types."""

from AccessControl import getSecurityManager
from Acquisition import aq_chain
from Acquisition import aq_inner
from pathlib import Path
from plone.app.redirector.browser import FourOhFourView
from Products.CMFCore.interfaces import IContentish
from Products.CMFCore.interfaces import ISiteRoot
from Products.CMFPlone.browser.exceptions import ExceptionView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import BadRequest
from zope.component.hooks import getSite
from zope.event import notify
from zope.interface import Attribute
from zope.interface import implementer
from zope.interface import Interface
from zope.publisher.interfaces.browser import IBrowserView
import Products.CMFPlone.browser


class IErrorPageStarting(Interface):
    """An error page is about to be drawn, before its place is chosen: a subscriber may make
    the request's member known (authentication/sessions.py)."""

    request = Attribute("The request that failed.")
    site = Attribute("The Plone site it failed in.")


@implementer(IErrorPageStarting)
class ErrorPageStarting:
    def __init__(self, request, site):
        self.request = request
        self.site = site


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
        # The site traversal passed; the place's parents may not reach it (a resource, a
        # field of an item).
        site = getSite()
        if not ISiteRoot.providedBy(site):
            site = None
        if site is not None:
            notify(ErrorPageStarting(self.request, site))
        self.__parent__ = nearest_viewable(place, site)
        page = "text/html" in (self.request.getHeader("Accept") or "")
        if page and isinstance(self.context, BadRequest) and str(self.context):
            # What is wrong with the request, which Plone's page tells only a manager (in a
            # traceback); the platform's own are written for the person, translated. Only on
            # a page, which shows it at once (else it would wait in a cookie for the next one).
            IStatusMessage(self.request).add(str(self.context), type="error")
        return super().__call__()


def nearest_viewable(place, site):
    """``place`` if it is content the reader may view, else the nearest of its parents that
    is, the site at last; the site also for a place whose parents do not reach it. Plone's
    layout cannot be drawn on anything else (a resource, a tool, a field of an item)."""
    may_view = getSecurityManager().checkPermission
    viewable = None
    for item in aq_chain(aq_inner(place)):
        if ISiteRoot.providedBy(item):
            return item if viewable is None else viewable
        if viewable is None and IContentish.providedBy(item) and may_view("View", item):
            viewable = item
    return site if site is not None else place


class PlatformFourOhFourView(FourOhFourView):
    """Plone's suggestions on a "not found" page, without the first existing parent a second
    time: the search by the address's words found it too, and the list showed it twice."""

    def search_for_similar(self):
        # The parent first: Plone's search reverses the address's (memoized) names in place.
        parent = self.find_first_parent()
        results = super().search_for_similar()
        if not results or parent is None:
            return results
        shown = "/".join(parent.getPhysicalPath())
        return [brain for brain in results if brain.getPath() != shown]
