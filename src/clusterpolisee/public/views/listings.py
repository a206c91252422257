"""The platform's search page and the public listings built on the same facets (search.py)."""

from clusterpolisee import _
from clusterpolisee.core import dates
from clusterpolisee.core.calendars import MONTH_GRID
from clusterpolisee.core.calendars import MonthGrid
from clusterpolisee.core.calendars import spread
from clusterpolisee.core.numbers import page_start
from clusterpolisee.core.sections import shipped_text
from clusterpolisee.core.vocabularies import type_title
from clusterpolisee.core.vocabularies import VocabularyTitles
from clusterpolisee.languages.platform import platform_path
from clusterpolisee.languages.platform import visitor_language
from clusterpolisee.public import search
from clusterpolisee.public.opendata import REPOSITORY_TYPES
from DateTime import DateTime
from datetime import timedelta
from plone import api
from plone.batching import Batch
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.ZCTextIndex.ParseTree import ParseError
from urllib.parse import urlencode
from zope.i18n import translate


# What an institution's row counts: items of these types that point to the institution.
INSTITUTION_LINKS = (
    ("BestPractice", _("Best practices")),
    ("PolicyAssessment", _("Policy assessments")),
    ("CooperationNetwork", _("Cooperation networks")),
    ("PilotAction", _("Pilot actions")),
)


class FacetedListingView(BrowserView):
    """A search box, facets with counts, sorting and a batched list of results.

    Subclasses fix what is listed (``fixed``), which facets are offered and how it is titled.
    """

    facets = search.SEARCH_FACETS
    page_size = 20
    # Results as cards (a repository to browse) or as a list; a facet's values shown before
    # "Show more".
    cards = False
    facet_values_shown = 8
    show_text_box = True
    heading = _("Search the platform")
    description = _(
        "The repository of best practices, policy assessments, pilot actions, publications, "
        "institutions and events, and for members everything else they may see."
    )
    css_class = "platform-search"

    @property
    def page_title(self):
        return self.heading

    macros = ViewPageTemplateFile("../templates/faceted_macros.pt")

    def fixed(self):
        return {}

    def default_types(self):
        return search.searchable_types()

    def path(self):
        # The whole platform, from whichever language home (languages/platform.py).
        return platform_path()

    def __call__(self):
        self.error = None
        try:
            self.query = search.FacetedQuery(
                self.request.form,
                self.facets,
                self.path(),
                fixed=self.fixed(),
                default_types=self.default_types(),
                language=visitor_language(self.request),
            )
            self.run()
        except (search.SearchError, ParseError) as error:
            self.error = (
                error.args[0]
                if isinstance(error, search.SearchError)
                else _("The search text could not be understood. Try plain words.")
            )
            self.request.response.setStatus(400)
            search.drop_non_text(self.request.form)
            self.query = search.FacetedQuery(
                {},
                self.facets,
                self.path(),
                fixed=self.fixed(),
                default_types=self.default_types(),
                language=visitor_language(self.request),
            )
            self.run()
        return self.index()

    def run(self):
        self.search = search.FacetedSearch(self.query)
        self.total = len(self.search)
        start = page_start(self.request)
        ordered = self.sorted_results(limit=start + self.page_size)
        self.batch = Batch(
            search.batch_page(ordered, start, self.page_size, self.total), self.page_size, start
        )
        self.facet_rows = self._facet_rows()

    @property
    def url(self):
        return f"{self.context.absolute_url()}/@@{self.__name__}"

    def link(self, **changes):
        params = self.query.params(**changes)
        return f"{self.url}?{urlencode(params)}" if params else self.url

    def _facet_rows(self):
        rows = []
        for facet, counts in self.search.facet_counts():
            selected = self.query.selections.get(facet.index, [])
            values = dict(counts)
            for value in selected:
                values.setdefault(value, 0)  # a chosen value stays on screen, even at 0
            ordered = [(value, values[value]) for value, _count in counts] + [
                (value, 0) for value in selected if value not in dict(counts)
            ]
            if not ordered:
                continue
            rows.append(
                {
                    "index": facet.index,
                    "title": facet.title,
                    "options": [
                        {
                            "value": str(value),
                            "title": facet.value_title(value, self.titles),
                            "count": count,
                            "selected": value in selected,
                            "id": f"facet-{facet.index}-{number}",
                        }
                        for number, (value, count) in enumerate(ordered)
                    ],
                }
            )
        return rows

    def active_filters(self):
        """Each chosen value with a link that removes it."""
        filters = []
        for facet in self.facets:
            selected = self.query.selections.get(facet.index, [])
            for value in selected:
                rest = [other for other in selected if other != value]
                filters.append(
                    {
                        "facet": facet.title,
                        "title": facet.value_title(value, self.titles),
                        "url": self.link(**{facet.index: rest or None}),
                    }
                )
        return filters

    def sort_options(self):
        return [
            {
                "value": "relevance",
                "title": _("Relevance"),
                "selected": self.query.sort == "relevance",
            },
            {"value": "date", "title": _("Newest first"), "selected": self.query.sort == "date"},
            {
                "value": "title",
                "title": _("Title (A to Z)"),
                "selected": self.query.sort == "title",
            },
        ]

    def sorted_results(self, limit):
        return self.search.sorted_results(limit=limit)

    # One result row.

    def type_title(self, brain):
        # Worked out for the few types a page shows, once each (for every type the site has,
        # they were 2% of a search's page at 200,000 practices).
        titles = self.__dict__.setdefault("_type_titles", {})
        if brain.portal_type not in titles:
            titles[brain.portal_type] = type_title(brain.portal_type)
        return titles[brain.portal_type]

    @memoize
    def _language_names(self):
        languages = api.portal.get_tool("portal_languages").getAvailableLanguages()
        return {code: info.get("native") or code for code, info in languages.items()}

    def item_language(self, brain):
        """The result's language, named in it, when it is not the page's (an original not
        translated into the visitor's language yet); else None."""
        language = brain.Language
        if not language or language == visitor_language(self.request):
            return None
        return {"code": language, "name": self._language_names().get(language, language)}

    def _shipped(self, brain, field, stored):
        # A section of the site root keeps its shipped name and description in every language.
        if brain.getPath().rpartition("/")[0] != self.path():
            return stored
        shipped = shipped_text(brain.getId, field, stored)
        return translate(shipped, context=self.request) if shipped is not None else stored

    def item_title(self, brain):
        return self._shipped(brain, "title", brain.Title)

    def item_description(self, brain):
        return self._shipped(brain, "description", brain.Description)

    def item_date(self, brain):
        """When an event starts (on its own clock), else when the item was published (or
        created), in the platform's zone."""
        if brain.portal_type == "Event" and brain.start:
            value = dates.own(brain.start)
        elif brain.effective and brain.effective.year() > 1900:
            value = dates.aware(brain.effective)
        else:
            value = dates.aware(brain.created)
        # Localising a date costs a language negotiation; a page shows few distinct days.
        cache = self.__dict__.setdefault("_formatted_days", {})
        day = value.date()
        if day not in cache:
            cache[day] = dates.format_time(value, context=self.context, keep_own_zone=True)
        return {"iso": value.isoformat(), "text": cache[day]}

    @property
    def titles(self):
        if "_titles" not in self.__dict__:
            self._titles = VocabularyTitles(self.context)
        return self._titles

    def _value_titles(self, vocabulary, values):
        if not values:
            return []
        if isinstance(values, str):
            values = [values]
        return [self.titles(vocabulary, value) for value in values]

    def item_facts(self, brain):
        """Topics and countries of a result, from catalog metadata."""
        return self._value_titles("collective.taxonomy.topics", getattr(brain, "topics", None)) + (
            self._value_titles(
                "clusterpolisee.vocabularies.Countries", getattr(brain, "country", None)
            )
        )

    def item_extra(self, brain):
        return []

    def item_card(self, brain):
        """What a result's card shows beside its title: its topics, its regions and countries,
        and a best practice's overall transferability (catalog metadata only)."""
        regions = self._value_titles(
            "clusterpolisee.vocabularies.Regions", getattr(brain, "region", None) or None
        )
        countries = self._value_titles(
            "clusterpolisee.vocabularies.Countries", getattr(brain, "country", None)
        )
        score = getattr(brain, "transferability_score", None)
        return {
            "topics": self._value_titles(
                "collective.taxonomy.topics", getattr(brain, "topics", None)
            ),
            "places": ", ".join(regions + countries),
            "score": f"{score:g}" if isinstance(score, (int, float)) else None,
        }

    def portal_url(self):
        return api.portal.get().absolute_url()


class PlatformSearchView(FacetedListingView):
    """``@@platform-search``: the dedicated search engine."""


class RepositoryListingView(FacetedListingView):
    """``@@repository-listing``, the repository section's view: its published practices,
    assessments, pilot actions, publications and networks, newest first, each in the visitor's
    language when translated (the translations live in the language homes: the whole platform
    is listed, not the folder)."""

    facets = (
        search.TYPE,
        search.TOPIC,
        search.COUNTRY,
        search.REGION,
        search.SECTOR,
        search.SPECIALISATION_DOMAIN,
        search.POLICY_TYPE,
        search.STAGE,
        search.LEVEL,
        search.LANGUAGE,
        search.YEAR,
    )
    css_class = "platform-repository"
    cards = True

    @property
    def heading(self):
        return shipped_text(self.context, "title") or self.context.Title()

    @property
    def description(self):
        return shipped_text(self.context, "description") or self.context.Description()

    def fixed(self):
        return {"review_state": "published"}

    def default_types(self):
        return list(REPOSITORY_TYPES)


class PublicationsView(FacetedListingView):
    """``@@publications``: finalised deliverables, outcomes and papers by kind, topic and year."""

    facets = (search.PUBLICATION_KIND, search.TOPIC, search.YEAR, search.LANGUAGE)
    heading = _("Publications")
    description = _(
        "The platform's finalised deliverables, outcomes, interest-group papers, guidelines, "
        "reports and recommendations."
    )
    css_class = "platform-publications"

    def fixed(self):
        return {"portal_type": "Publication", "review_state": "published"}

    def default_types(self):
        return None


class InstitutionsDatabaseView(FacetedListingView):
    """``@@institutions-database``: the institutions, by country, kind and topic."""

    facets = (search.COUNTRY, search.INSTITUTION_KIND, search.TOPIC, search.REGION)
    heading = _("Institutions")
    description = _(
        "Public authorities, agencies, universities, cluster associations and other institutions "
        "that make or carry out cluster policy in South East Europe."
    )
    css_class = "platform-institutions"

    def fixed(self):
        return {"portal_type": "Institution"}

    def default_types(self):
        return None

    def item_extra(self, brain):
        """How many visible practices, assessments, networks and pilots point to the institution."""
        sources = [
            relation.from_object
            for relation in api.relation.get(target=brain.getObject(), unrestricted=True)
            if relation.from_attribute != "relatedItems"
        ]
        uids = [obj.UID() for obj in sources if obj is not None]
        if not uids:
            return []
        catalog = api.portal.get_tool("portal_catalog")
        counts = {}
        for found in catalog(UID=uids):
            counts[found.portal_type] = counts.get(found.portal_type, 0) + 1
        return [
            {"title": title, "count": counts[portal_type]}
            for portal_type, title in INSTITUTION_LINKS
            if counts.get(portal_type)
        ]


class EventsCalendarView(FacetedListingView):
    """``@@events-calendar``: EU events, workshops and linked initiatives as a list or a month.

    ``mode=list`` (the default) lists upcoming events, ``when=past`` the past ones;
    ``mode=month&month=YYYY-MM`` shows one month as a grid of weeks.
    """

    facets = (search.TOPIC, search.EU_INITIATIVE, search.COUNTRY)
    heading = _("Events calendar")
    description = _(
        "EU events, workshops and initiatives on cluster policy: what is coming, month by month."
    )
    css_class = "platform-events-calendar"
    show_text_box = False
    month_size = 500  # more events than any month holds

    def __call__(self):
        self.mode = "month" if self.request.form.get("mode") == "month" else "list"
        self.past = self.mode == "list" and self.request.form.get("when") == "past"
        self.month_error = None
        self.month = self._month(self.request.form.get("month"))
        if self.mode == "month":
            self.page_size = self.month_size
        return super().__call__()

    def _month(self, value):
        this_month = dates.month_start(dates.today())
        if not value:
            return this_month
        month = dates.parse_month(value)
        if month is None:
            self.month_error = _("A month is written as year and month, for example 2027-03.")
            return this_month
        return month

    def run(self):
        # Reported by the first run; the run that shows another error does not raise it again.
        if self.month_error and self.error is None:
            error, self.month_error = self.month_error, None  # this month stands in for it
            raise search.SearchError(error)
        super().run()

    def fixed(self):
        criteria = {"portal_type": "Event", "review_state": "published"}
        now = DateTime()
        if self.mode == "month":
            # A day more on each side: an event is placed on the days of its own clock, which
            # may be ahead of or behind the platform's (weeks() keeps the month's days only).
            following = dates.shift_month(self.month, 1)
            criteria["start"] = {
                "query": dates.day_start(following + timedelta(days=1)),
                "range": "max",
            }
            criteria["end"] = {
                "query": dates.day_start(self.month - timedelta(days=1)),
                "range": "min",
            }
        elif self.past:
            criteria["end"] = {"query": now, "range": "max"}
        else:
            criteria["end"] = {"query": now, "range": "min"}
        return criteria

    def default_types(self):
        return None

    def sort_options(self):
        return []

    def sorted_results(self, limit):
        catalog = api.portal.get_tool("portal_catalog")
        return catalog(
            sort_on="start",
            sort_order="descending" if self.past else "ascending",
            sort_limit=limit,
            **self.query.catalog_query(),
        )

    def link(self, **changes):
        mode = changes.pop("mode", self.mode)
        month = changes.pop("month", self.month)
        when = changes.pop("when", "past" if self.past else None)
        params = [pair for pair in self.query.params(**changes) if pair[0] != "sort_on"]
        if mode == "month":
            params = [("mode", "month"), ("month", month.strftime("%Y-%m")), *params]
        elif when:
            params = [("when", when), *params]
        return f"{self.url}?{urlencode(params)}" if params else self.url

    grid_template = MONTH_GRID

    @memoize
    def grid(self):
        """The month with each event on the days of its own clock (catalog metadata only): a
        meeting at 00:30 in Bucharest is on that day, whatever the platform's or server's zone."""
        by_day = spread(
            self.batch,
            lambda brain: dates.own(brain.start).date(),
            lambda brain: dates.own(brain.end).date() if brain.end else None,
            self.month,
        )
        entries = {
            day: [
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    # Its time on the day it starts (an event over several days is on each).
                    "time": self.start_clock(brain)
                    if day == dates.own(brain.start).date()
                    and not dates.whole_days(brain.start, brain.end)
                    else "",
                }
                for brain in brains
            ]
            for day, brains in by_day.items()
        }
        return MonthGrid(self.month, entries, self.request, css_class="events-month")

    def month_title(self):
        return self.grid().title()

    def previous_month_url(self):
        return self.link(mode="month", month=dates.shift_month(self.month, -1))

    def next_month_url(self):
        return self.link(mode="month", month=dates.shift_month(self.month, 1))

    def weeks(self):
        return self.grid().weeks()

    def ical_url(self):
        portal_url = api.portal.get().absolute_url()
        topics = self.query.selections.get("topics", [])
        if len(topics) == 1:
            return f"{portal_url}/@@events.ics/{topics[0]}"
        return f"{portal_url}/@@events.ics"

    def item_date(self, brain):
        """When the event starts, on its own clock, its zone named; a whole day, its day."""
        start = dates.own(brain.start)
        if dates.whole_days(brain.start, brain.end):
            text = dates.format_time(start, context=self.context, keep_own_zone=True)
        else:
            text = dates.format_event_time(start, context=self.context)
        return {"iso": start.isoformat(), "text": text}

    def start_clock(self, brain):
        return dates.format_event_clock(brain.start, context=self.context)
