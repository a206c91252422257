"""Catalog indexing shared by every capability: an object's own attributes (never acquired),
the year and quarter of an item, and the catch-all that indexes nothing.

Each capability registers, for the index names it adds, its indexers and ``not_indexed`` for
every other object, so that an attachment never acquires its container's values and counts stay
exact.
"""

from Acquisition import aq_base
from clusterpolisee.core import dates
from DateTime import DateTime
from datetime import datetime
from plone.event.interfaces import IEvent
from plone.indexer import indexer
from plone.indexer.interfaces import IIndexer
from plone.indexer.wrapper import IndexableObjectWrapper
from zope.component import getSiteManager
from zope.interface import Interface
from zope.interface import providedBy


def own(obj, name):
    """The object's own attribute, never one acquired from its container."""
    return getattr(aq_base(obj), name, None)


def values(*given):
    """The non-empty values among ``given`` (lists flattened), sorted, once each."""
    result = []
    for value in given:
        if isinstance(value, (list, tuple, set)):
            result.extend(item for item in value if item)
        elif value:
            result.append(value)
    return sorted(set(result))


def _placeholder(value):
    # Plone's "never" dates (effective 1969/12/31, expires 2499) are not dates to count.
    year = value.year() if isinstance(value, DateTime) else getattr(value, "year", None)
    return not (year and 1900 < year < 2500)


def year_of(value):
    """The year of a moment in the platform's zone (an event's start: on its own clock), of a
    date as it is; None for a missing or placeholder date."""
    if value is None or _placeholder(value):
        return None
    return dates.own(value).year if isinstance(value, datetime) else dates.day_of(value).year


def quarter_of(value):
    """ "2026-Q4" for a DateTime or date, in the platform's zone."""
    month = dates.day_of(value).month
    return f"{year_of(value)}-Q{(month - 1) // 3 + 1}"


@indexer(Interface)
def year(obj):
    """The year a search shows an item under: when an event starts, else when it was published
    (or, never published, created)."""
    start = own(obj, "start") if IEvent.providedBy(obj) else None
    effective = own(obj, "effective_date")
    created = obj.created() if hasattr(aq_base(obj), "created") else None
    for value in (start, effective, created):
        found = year_of(value)
        if found:
            # Text, as a query string carries it: @search?year=2026 matches.
            return str(found)
    raise AttributeError


@indexer(Interface)
def quarter(obj):
    """The quarter an indicator counts an item in: when it was published (or, never published,
    created), as "2026-Q4"."""
    effective = own(obj, "effective_date")
    created = obj.created() if hasattr(aq_base(obj), "created") else None
    for value in (effective, created):
        if year_of(value):
            return quarter_of(value)
    raise AttributeError


@indexer(Interface)
def not_indexed(obj):
    """Registered by each capability under the names of its indexes, for every other object."""
    raise AttributeError


_MISSING = object()


class RememberingIndexableObjectWrapper(IndexableObjectWrapper):
    """plone.indexer's wrapper, which the catalog asks for every index and every metadata column:
    each name is worked out once per cataloguing, not once for its index and again for its
    column (an item's full text, size and image scales were computed twice), and a name the item
    lacks is looked up once (Dexterity searches every behaviour for a default each time).

    The indexer of each name is found as plone.indexer finds it, with what the item and the
    catalog provide asked once: Dexterity works an item's interfaces out from its type at every
    ask, and the catalog asks for a hundred names (a tenth of loading a practice).

    One wrapper serves one call of ``catalog_object``: nothing is kept beyond it."""

    def __init__(self, object, catalog):
        super().__init__(object, catalog)
        self.__dict__["_remembered"] = {}
        self.__dict__["_indexer_lookup"] = (
            getSiteManager().adapters.lookup,
            (providedBy(object), providedBy(catalog)),
            (object, catalog),
        )

    def __getattr__(self, name):
        if name.startswith("__") or name in ("_remembered", "_indexer_lookup"):
            return super().__getattr__(name)
        remembered = self.__dict__["_remembered"]
        value = remembered.get(name, _MISSING)
        if value is _MISSING:
            try:
                value = self._work_out(name)
            except AttributeError:
                value = AttributeError
            remembered[name] = value
        if value is AttributeError:
            raise AttributeError(name)
        return value

    def _work_out(self, name):
        lookup, provided, adapted = self.__dict__["_indexer_lookup"]
        factory = lookup(provided, IIndexer, name)
        named_indexer = factory(*adapted) if factory is not None else None
        if named_indexer is not None:
            return named_indexer()
        # No indexer: a workflow variable, else the item's own attribute (acquired, only a
        # Python script), as plone.indexer reads them.
        workflow_variables = self._IndexableObjectWrapper__vars
        if name in workflow_variables:
            return workflow_variables[name]
        value = getattr(adapted[0], name)
        if not hasattr(aq_base(adapted[0]), name) and (
            getattr(value, "meta_type", None) != "Script (Python)"
        ):
            raise AttributeError(name)
        return value
