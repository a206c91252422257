"""The platform's public landing page."""

from clusterpolisee import _
from clusterpolisee.core import dates
from clusterpolisee.core.pagecache import brains_of
from clusterpolisee.core.pagecache import kept_records
from clusterpolisee.core.pagecache import shared_key
from clusterpolisee.core.topics import TOPICS
from clusterpolisee.core.vocabularies import type_title
from clusterpolisee.core.vocabularies import vocabulary_title
from clusterpolisee.indicators.report import IndicatorReport
from clusterpolisee.indicators.report import INDICATORS
from clusterpolisee.interfaces import DEFAULT_INTRODUCTION
from clusterpolisee.interfaces import DEFAULT_TAGLINE
from clusterpolisee.interfaces import IPlatformSettings
from clusterpolisee.languages.homes import DEFAULT_LANGUAGE
from clusterpolisee.languages.platform import in_language
from clusterpolisee.languages.platform import in_visitor_language
from clusterpolisee.languages.platform import visitor_language
from clusterpolisee.public.opendata import REPOSITORY_TYPES
from clusterpolisee.public.search import newest_first
from clusterpolisee.public.search import record_ids
from clusterpolisee.public.search import value_counts
from clusterpolisee.public.views.map import MapView
from DateTime import DateTime
from plone import api
from plone.memoize import ram
from plone.memoize.view import memoize
from plone.registry.interfaces import IRegistry
from Products.Five.browser import BrowserView
from zope.component import getUtility


def _first(value):
    """A catalog column's first value (a list, a text, or Missing.Value), or None."""
    if isinstance(value, (list, tuple)):
        return value[0] if value else None
    return value or None


def _shipped_or_own(text, shipped):
    """The shipped text, in the visitor's language, while the coordinator has not changed it."""
    return api.portal.translate(shipped) if text == shipped.default else text


def _block_key(method, self):
    # The home's figures, topics and map: the same for a person in a language home until the
    # catalog changes (core/pagecache.py).
    return shared_key("landing", method.__name__, self.context.getPhysicalPath())


class LandingView(BrowserView):
    """What the platform is, its six topics, what is new and coming, and how to join."""

    latest_limit = 5
    featured_limit = 3

    @property
    @memoize
    def settings(self):
        registry = getUtility(IRegistry)
        return registry.forInterface(IPlatformSettings, prefix="clusterpolisee")

    def tagline(self):
        return _shipped_or_own(self.settings.tagline, DEFAULT_TAGLINE)

    def introduction(self):
        return _shipped_or_own(self.settings.introduction, DEFAULT_INTRODUCTION)

    @memoize
    @ram.cache(_block_key)
    def topics(self):
        """The six topics, each with how many published repository items it holds (as the
        visitor may see them, one per translation group; record ids only)."""
        base = f"{self.context.absolute_url()}/@@topic"
        catalog = api.portal.get_tool("portal_catalog")
        query = {"portal_type": list(REPOSITORY_TYPES), "review_state": "published"}
        query.update(in_language(DEFAULT_LANGUAGE))
        counts = value_counts(
            catalog._catalog.indexes["topics"],
            record_ids(catalog.searchResults(**query)),
            len(catalog._catalog),
        )
        return [
            {
                "id": key,
                "title": title,
                "description": help,
                "url": f"{base}/{key}",
                "count": counts.get(key, 0),
            }
            for key, title, help in TOPICS
        ]

    def search_url(self):
        return f"{self.context.absolute_url()}/@@platform-search"

    @memoize
    def featured_practices(self):
        """The published best practices that transfer best (their overall transferability
        score), newest first among equals: the home's featured cards."""
        return brains_of(self._featured_records())

    @ram.cache(_block_key)
    def _featured_records(self):
        # Record ids, which may be kept between requests (brains may not).
        # One score at a time, best first, each sorted by date alone: sorting every practice
        # on two keys cost 180 ms at 20,000 practices and grew with them.
        catalog = api.portal.get_tool("portal_catalog")
        scores = catalog._catalog.indexes["transferability_score"].uniqueValues()
        found = []
        for score in sorted((score for score in scores if score >= 1), reverse=True):
            found.extend(
                self._newest(
                    portal_type="BestPractice",
                    review_state="published",
                    transferability_score=score,
                    limit=self.featured_limit - len(found),
                )
            )
            if len(found) >= self.featured_limit:
                break
        return kept_records(found)

    def card(self, brain):
        """What a card shows of an item: its type, country, date of publication and, for a
        best practice, its transferability."""
        country = _first(brain.country)
        score = brain.transferability_score
        return {
            "type": type_title(brain.portal_type),
            "country": vocabulary_title("clusterpolisee.vocabularies.Countries", country)
            if country
            else None,
            "date": dates.format_time(brain.effective, context=self.context)
            if brain.effective and brain.effective.year() > 1970
            else None,
            "score": f"{score:g}" if isinstance(score, (int, float)) else None,
        }

    @ram.cache(_block_key)
    def map_svg(self):
        return MapView(self.context, self.request).small_svg()

    def map_url(self):
        return f"{self.context.absolute_url()}/@@map"

    def _search(self, limit=None, **query):
        # Catalog queries only: the catalog filters what the visitor may not view.
        catalog = api.portal.get_tool("portal_catalog")
        # The whole platform, in the visitor's language (languages/platform.py).
        query.update(in_visitor_language(self.request))
        limit = limit or self.latest_limit
        return catalog.searchResults(sort_limit=limit, **query)[:limit]

    def _records(self, **query):
        return kept_records(self._newest(**query))

    def _newest(self, limit=None, **query):
        """The newest ``limit`` items of the query (public/search.py), in the visitor's
        language."""
        query.update(in_visitor_language(self.request))
        return newest_first(limit or self.latest_limit, **query)

    @memoize
    def upcoming_events(self):
        return brains_of(self._upcoming_records())

    @ram.cache(_block_key)
    def _upcoming_records(self):
        # Kept with the minute in the key, as the events portlet: an event that ends leaves the
        # list within a minute.
        return kept_records(
            self._search(
                portal_type="Event",
                review_state="published",
                end={"query": DateTime(), "range": "min"},
                sort_on="start",
            )
        )

    @memoize
    def latest_items(self):
        return brains_of(self._latest_records())

    @ram.cache(_block_key)
    def _latest_records(self):
        return self._records(
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
        )

    # The headline indicators (indicators.py), counting published items and approved members.
    HEADLINE_INDICATORS = (
        "best-practices",
        "assessments-qualitative",
        "assessments-quantitative",
        "pilot-actions",
        "guidance",
        "policy-makers",
    )

    @memoize
    @ram.cache(_block_key)
    def headline_figures(self):
        report = IndicatorReport(self.context, published_only=True)
        base = f"{self.context.absolute_url()}/@@indicators"
        by_id = {indicator.id: indicator for indicator in INDICATORS}
        return [
            {
                "count": report.value(by_id[indicator_id]),
                "title": by_id[indicator_id].title,
                "url": f"{base}#indicator-{indicator_id}",
            }
            for indicator_id in self.HEADLINE_INDICATORS
        ]

    def explore_links(self):
        """The public section's doors: search, publications, institutions, events, indicators,
        the map, open data."""
        root = self.context.absolute_url()
        portal_url = api.portal.get().absolute_url()
        return [
            {"title": _("Search the platform"), "url": f"{root}/@@platform-search"},
            {"title": _("Publications"), "url": f"{root}/@@publications"},
            {"title": _("Institutions"), "url": f"{root}/@@institutions-database"},
            {"title": _("Events calendar"), "url": f"{root}/@@events-calendar"},
            {"title": _("Performance indicators"), "url": f"{root}/@@indicators"},
            {
                "title": _("heading_map", default="Map of the repository"),
                "url": f"{root}/@@map",
            },
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

    def other_language(self, brain):
        """The item's language where it is not the page's (an original shown untranslated), for
        its ``lang`` attribute; else None (no attribute)."""
        language = brain.Language
        return language if language and language != visitor_language(self.request) else None

    def event_time(self, brain):
        """When an event starts, on its own clock, its zone named; a whole day, its day."""
        if dates.whole_days(brain.start, brain.end):
            return dates.format_time(brain.start, context=self.context, keep_own_zone=True)
        return dates.format_event_time(brain.start, context=self.context)
