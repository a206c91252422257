"""Topic pages: what the repository holds on one of the six central topics."""

from clusterpolisee import _
from clusterpolisee.core import dates
from clusterpolisee.core.numbers import page_start
from clusterpolisee.core.topics import TOPICS
from clusterpolisee.core.vocabularies import vocabulary_title
from clusterpolisee.languages.platform import in_visitor_language
from plone import api
from plone.batching import Batch
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


# The types a topic page counts, in the order it shows them.
TOPIC_TYPES = (
    "BestPractice",
    "PolicyAssessment",
    "PilotAction",
    "Publication",
    "CooperationNetwork",
    "Institution",
    "Event",
)
TOPIC_HELP = {key: help_text for key, _title, help_text in TOPICS}


@implementer(IPublishTraverse)
class TopicView(BrowserView):
    """``@@topic/<topic id>``: counts by type and the latest items; ``@@topic``: all six topics."""

    page_size = 20
    topic_id = None
    overview_template = ViewPageTemplateFile("../templates/topics_overview.pt")

    def publishTraverse(self, request, name):
        if self.topic_id is not None or name not in TOPIC_HELP:
            raise NotFound(self, name, request)
        self.topic_id = name
        return self

    def __call__(self):
        if self.topic_id is None:
            return self.overview_template()
        return self.index()

    @property
    def base_url(self):
        return f"{self.context.absolute_url()}/@@topic"

    def _query(self, **extra):
        # The whole platform, in the visitor's language (languages/platform.py).
        query = {"portal_type": list(TOPIC_TYPES), **in_visitor_language(self.request)}
        query.update(extra)
        return query

    def title(self):
        return vocabulary_title("collective.taxonomy.topics", self.topic_id, self.context)

    def help_text(self):
        return TOPIC_HELP[self.topic_id]

    @memoize
    def type_titles(self):
        types = api.portal.get_tool("portal_types")
        return {name: types[name].Title() for name in TOPIC_TYPES if name in types}

    @memoize
    def counts(self):
        """How many items of each type the visitor may see on this topic (catalog counts only)."""
        catalog = api.portal.get_tool("portal_catalog")
        rows = []
        for portal_type, title in self.type_titles().items():
            count = len(catalog(**self._query(topics=self.topic_id, portal_type=portal_type)))
            rows.append(
                {
                    "type": portal_type,
                    "title": title,
                    "count": count,
                    "url": f"{self.base_url}/{self.topic_id}?"
                    + urlencode({"portal_type": portal_type}),
                }
            )
        return rows

    def total(self):
        return sum(row["count"] for row in self.counts())

    def selected_type(self):
        portal_type = self.request.form.get("portal_type")
        return portal_type if portal_type in TOPIC_TYPES else None

    @memoize
    def items(self):
        catalog = api.portal.get_tool("portal_catalog")
        start = page_start(self.request)
        query = self._query(topics=self.topic_id, sort_on="effective", sort_order="descending")
        if self.selected_type():
            query["portal_type"] = self.selected_type()
        # Cut to the page by the catalog, as Batch expects of a result whose count is larger.
        results = catalog(b_start=start, b_size=self.page_size, **query)
        return Batch(results, self.page_size, start)

    def item_type(self, brain):
        return self.type_titles().get(brain.portal_type, brain.portal_type)

    def format_date(self, brain):
        value = brain.effective if brain.effective and brain.effective.year() > 1900 else None
        value = value or brain.created
        # Localising a date costs a language negotiation; a page shows few distinct days.
        cache = self.__dict__.setdefault("_formatted_days", {})
        day = dates.day_of(value)
        if day not in cache:
            cache[day] = dates.format_time(value, context=self.context)
        return cache[day]

    def other_topics(self):
        return [
            {"id": key, "title": title, "url": f"{self.base_url}/{key}"}
            for key, title, _help in TOPICS
            if key != self.topic_id
        ]

    @memoize
    def overview(self):
        """Every topic with the number of items on it, for ``@@topic`` without a topic."""
        catalog = api.portal.get_tool("portal_catalog")
        return [
            {
                "id": key,
                "title": title,
                "description": help_text,
                "url": f"{self.base_url}/{key}",
                "count": len(catalog(**self._query(topics=key))),
            }
            for key, title, help_text in TOPICS
        ]

    def page_title(self):
        if self.topic_id is None:
            return _("heading_topics", default="Central topics")
        return self.title()
