"""The platform's public landing page."""

from clusterpolisee import _
from clusterpolisee.interfaces import IPlatformSettings
from clusterpolisee.topics import TOPICS
from DateTime import DateTime
from plone import api
from plone.memoize.view import memoize
from plone.registry.interfaces import IRegistry
from Products.Five.browser import BrowserView
from zope.component import getUtility


class LandingView(BrowserView):
    """What the platform is, its six topics, what is new and coming, and how to join."""

    latest_limit = 5

    @property
    @memoize
    def settings(self):
        registry = getUtility(IRegistry)
        return registry.forInterface(IPlatformSettings, prefix="clusterpolisee")

    def topics(self):
        base = f"{self.context.absolute_url()}/@@topic"
        return [
            {"id": key, "title": title, "description": help, "url": f"{base}/{key}"}
            for key, title, help in TOPICS
        ]

    def _search(self, **query):
        # Catalog queries only: the catalog filters what the visitor may not view.
        catalog = api.portal.get_tool("portal_catalog")
        query.setdefault("path", "/".join(self.context.getPhysicalPath()))
        return catalog.searchResults(sort_limit=self.latest_limit, **query)[: self.latest_limit]

    @memoize
    def upcoming_events(self):
        return self._search(
            portal_type="Event",
            review_state="published",
            end={"query": DateTime(), "range": "min"},
            sort_on="start",
        )

    @memoize
    def latest_items(self):
        return self._search(
            portal_type=[
                "BestPractice",
                "PolicyAssessment",
                "PilotAction",
                "Publication",
                "CooperationNetwork",
                "Document",
                "News Item",
            ],
            review_state="published",
            sort_on="effective",
            sort_order="descending",
        )

    # The headline figures: published items of each type, counted by the catalog.
    HEADLINE_TYPES = (
        "BestPractice",
        "PolicyAssessment",
        "PilotAction",
        "Publication",
        "Institution",
        "CooperationNetwork",
    )

    @memoize
    def headline_figures(self):
        catalog = api.portal.get_tool("portal_catalog")
        types = api.portal.get_tool("portal_types")
        path = "/".join(self.context.getPhysicalPath())
        base = f"{self.context.absolute_url()}/@@platform-search"
        return [
            {
                "count": len(catalog(portal_type=name, review_state="published", path=path)),
                "title": types[name].Title(),
                "url": f"{base}?portal_type={name}",
            }
            for name in self.HEADLINE_TYPES
            if name in types
        ]

    def explore_links(self):
        """The public section's doors: search, publications, institutions, events, open data."""
        root = self.context.absolute_url()
        portal_url = api.portal.get().absolute_url()
        return [
            {"title": _("Search the platform"), "url": f"{root}/@@platform-search"},
            {"title": _("Publications"), "url": f"{root}/@@publications"},
            {"title": _("Institutions"), "url": f"{root}/@@institutions-database"},
            {"title": _("Events calendar"), "url": f"{root}/@@events-calendar"},
            {"title": _("Open data"), "url": f"{portal_url}/@@open-data"},
        ]

    def login_url(self):
        return f"{api.portal.get().absolute_url()}/login"

    def registration_url(self):
        """The registration form, when visitors may register themselves."""
        if not api.portal.get_registry_record("plone.enable_self_reg", default=False):
            return None
        return f"{api.portal.get().absolute_url()}/@@register"

    def is_anonymous(self):
        return api.user.is_anonymous()

    def format_date(self, value):
        return api.portal.get_localized_time(value, long_format=False)
