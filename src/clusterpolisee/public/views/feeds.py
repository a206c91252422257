"""Public feeds: RSS of the repository (all of it or one topic) and iCal of the events (all or
one topic). Both list only published items, through permission-checked catalog queries, of the
whole platform in the feed's language: ``/it/@@repository-feed`` is the Italian feed, each item in
Italian when it is translated, else in its original."""

from clusterpolisee import _
from clusterpolisee.core.calendars import define_timezones
from clusterpolisee.core.topics import TOPICS
from clusterpolisee.core.vocabularies import type_title
from clusterpolisee.languages.platform import in_visitor_language
from clusterpolisee.languages.platform import visitor_language
from feedgen.feed import FeedGenerator
from plone import api
from plone.app.event.ical.exporter import construct_icalendar
from plone.app.event.ical.exporter import EventsICal
from plone.event.interfaces import IICalendar
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse
import re


FEED_TYPES = (
    "BestPractice",
    "PolicyAssessment",
    "PilotAction",
    "Publication",
    "CooperationNetwork",
)
TOPIC_TITLES = {key: title for key, title, _help in TOPICS}
FEED_SIZE = 30
# Characters XML 1.0 cannot carry, which a title may still hold (a pasted control character).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text):
    return NOT_XML.sub("", text or "")


@implementer(IPublishTraverse)
class TopicFilteredView(BrowserView):
    """A view that takes an optional topic id as the next path segment."""

    topic_id = None

    def publishTraverse(self, request, name):
        if self.topic_id is not None or name not in TOPIC_TITLES:
            raise NotFound(self, name, request)
        self.topic_id = name
        return self

    def _query(self, **query):
        # The whole platform, each item in the feed's language when translated into it.
        query.update(review_state="published", **in_visitor_language(self.request))
        if self.topic_id:
            query["topics"] = self.topic_id
        return query

    def feed_title(self, what):
        site = api.portal.get().Title()
        if self.topic_id:
            topic = api.portal.translate(TOPIC_TITLES[self.topic_id])
            return f"{site}: {api.portal.translate(what)}, {topic}"
        return f"{site}: {api.portal.translate(what)}"


class RepositoryFeedView(TopicFilteredView):
    """``@@repository-feed`` and ``@@repository-feed/<topic id>``: RSS 2.0 of the latest
    published repository items (written by feedgen)."""

    def __call__(self):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            **self._query(
                portal_type=list(FEED_TYPES),
                sort_on="effective",
                sort_order="descending",
                sort_limit=FEED_SIZE,
            )
        )[:FEED_SIZE]
        link = self.context.absolute_url()
        if self.topic_id:
            link = f"{link}/@@topic/{self.topic_id}"
        feed = FeedGenerator()
        feed.title(self.feed_title(_("Repository")))
        feed.link(href=link)
        feed.description(
            api.portal.translate(_("The latest published items of the policy-learning repository."))
        )
        feed.language(visitor_language(self.request))
        # feedgen puts the entry added last first: add the oldest first.
        for brain in reversed(brains):
            entry = feed.add_entry()
            entry.title(xml_text(brain.Title))
            entry.link(href=brain.getURL())
            entry.guid(brain.UID, permalink=False)
            entry.description(xml_text(brain.Description))
            entry.pubDate((brain.effective or brain.created).asdatetime())
            entry.category(term=api.portal.translate(type_title(brain.portal_type)))
            for topic in brain.topics or ():
                if topic in TOPIC_TITLES:
                    entry.category(term=api.portal.translate(TOPIC_TITLES[topic]))
        self.request.response.setHeader("Content-Type", "application/rss+xml; charset=utf-8")
        return feed.rss_str(pretty=False)


class EventsCalendarView(TopicFilteredView):
    """``@@events.ics`` and ``@@events.ics/<topic id>``: published events, from a month ago on,
    as iCalendar for calendar applications."""

    def __call__(self):
        from DateTime import DateTime

        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            **self._query(
                portal_type="Event",
                end={"query": DateTime() - 31, "range": "min"},
                sort_on="start",
            )
        )
        calendar = construct_icalendar(self.context, [brain.getObject() for brain in brains])
        calendar["x-wr-calname"] = self.feed_title(_("Events"))
        define_timezones(calendar)
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader("Content-Disposition", 'inline; filename="clusterpolisee-events.ics"')
        return calendar.to_ical()


class EventsICalView(EventsICal):
    """plone.app.event's ``ics_view`` (of an event, a meeting, a folder's or the site's events),
    with every time zone it names defined in full (core/calendars.py)."""

    def get_ical_string(self):
        return define_timezones(IICalendar(self.context)).to_ical()
