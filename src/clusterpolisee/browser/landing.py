"""The platform's public landing page."""

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

    def login_url(self):
        return f"{api.portal.get().absolute_url()}/login"

    def is_anonymous(self):
        return api.user.is_anonymous()

    def format_date(self, value):
        return api.portal.get_localized_time(value, long_format=False)
