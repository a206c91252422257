"""Plone's error pages (404, 500...) also for an address that fails inside one of the platform's
pages that read the rest of the address (``@@topic/<topic>``, ``@@region/<code>``,
``@@open-data/<file>``): Zope hands the error page that page as the place it happened, and
Plone's layout cannot be drawn on a page, so the visitor got a bare "Error" page without the
site around it.

An error page also shows what every page's head holds that names nothing of the item (the
title, the viewport, the favicon, the search link) to whoever gets it: a wrong address inside a
private workspace fails before Zope knows the person, so the page is drawn for a visitor who may
not view the workspace, and Plone's viewlets, which ask to view it, left the page without a
title and with the desktop's width on a telephone."""

from pathlib import Path
from plone.app.layout.viewlets.common import ViewletBase
from Products.CMFPlone.browser.exceptions import ExceptionView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.publisher.interfaces.browser import IBrowserView
import plone.app.layout.viewlets
import Products.CMFPlone.browser


class PlatformExceptionView(ExceptionView):
    """Plone's error page, on the item the failing page was called on."""

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
        self.__parent__ = place
        return super().__call__()


class ViewportViewlet(ViewletBase):
    """Plone's viewport meta tag (``plone.htmlhead.viewport``), for an error page."""

    index = ViewPageTemplateFile(
        "viewport.pt", _prefix=str(Path(plone.app.layout.viewlets.__file__).parent)
    )
