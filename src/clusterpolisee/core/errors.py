"""Plone's error pages (404, 500...) also for an address that fails inside one of the platform's
pages that read the rest of the address (``@@topic/<topic>``, ``@@region/<code>``,
``@@open-data/<file>``): Zope hands the error page that page as the place it happened, and
Plone's layout cannot be drawn on a page, so the visitor got a bare "Error" page without the
site around it."""

from pathlib import Path
from Products.CMFPlone.browser.exceptions import ExceptionView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.publisher.interfaces.browser import IBrowserView
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
