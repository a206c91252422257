"""The platform's faceted search: a catalog query from request parameters, counts per facet.

The parameters are the catalog's own index names (``SearchableText``, ``portal_type``,
``topics``, ``country``...), so a search page's address, once its text is munged the way Plone's
search page does it, is the same query that ``@search`` answers in the REST API.

Counts never wake an object: the visitor's query runs once through ``portal_catalog``, which
adds Plone's security filter, and each facet intersects that result's record ids with the
facet index's own sets of record ids. A facet with a selection is counted against the query
without its own selection, so every value shows how many results picking it would give.
"""

from BTrees.IIBTree import difference
from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection
from clusterpolisee import _
from clusterpolisee.core.numbers import whole_number
from clusterpolisee.core.vocabularies import type_title
from clusterpolisee.languages.platform import in_language
from operator import itemgetter
from plone import api
from plone.base.utils import munge_search_term
from Products.CMFCore.indexing import processQueue
from ZTUtils.Lazy import LazyCat
from ZTUtils.Lazy import LazyMap
import weakref


MAX_TEXT_LENGTH = 200
# Facet counts look up the values of results fewer than one in FEW_RESULTS of the catalog's
# records, and intersect more with the flat copies of each value's records (value_sets). The
# eleven facets of random results at 200,000 practices, two runs of
# scripts/benchmark-facet-counts.py (ms, looked up against intersected): 1 in 256, 6 and 8
# against 11 and 9; 1 in 128, 8 and 13 against 10 and 10; 1 in 64, 19 and 27 against 13 and
# 14. Look-ups also wake the index's record-to-value buckets the results fall in, which then
# stay in the object cache.
FEW_RESULTS = 128
SORTS = ("relevance", "date", "title")


class Facet:
    """One facet: its catalog index, its label, and how its values read."""

    def __init__(self, index, title, vocabulary=None, numeric=False):
        self.index = index
        self.title = title
        self.vocabulary = vocabulary
        self.numeric = numeric

    def value_title(self, value, titles):
        """The title of one of the facet's values; ``titles`` is a VocabularyTitles."""
        if value == "" and self.index == "Language":
            return _("Any language")
        if self.index == "portal_type":
            return type_title(value)
        if self.vocabulary:
            return titles(self.vocabulary, value) or value
        return str(value)


TYPE = Facet("portal_type", _("Type"))
TOPIC = Facet("topics", _("Topic"), "collective.taxonomy.topics")
COUNTRY = Facet("country", _("Country"), "clusterpolisee.vocabularies.Countries")
REGION = Facet("region", _("Region"), "clusterpolisee.vocabularies.Regions")
STAGE = Facet(
    "policy_cycle_stage", _("Policy-cycle stage"), "clusterpolisee.vocabularies.PolicyCycleStages"
)
LEVEL = Facet(
    "governance_level", _("Governance level"), "clusterpolisee.vocabularies.GovernanceLevels"
)
# The site's languages (13 terms): every language Plone knows (412 terms) took 1.7 ms to make,
# on every faceted page.
LANGUAGE = Facet("Language", _("Language"), "plone.app.vocabularies.SupportedContentLanguages")
YEAR = Facet("year", _("Year"), numeric=True)
PUBLICATION_KIND = Facet(
    "publication_kind", _("Kind of publication"), "clusterpolisee.vocabularies.PublicationKinds"
)
INSTITUTION_KIND = Facet(
    "institution_kind", _("Kind of institution"), "clusterpolisee.vocabularies.InstitutionKinds"
)
EU_INITIATIVE = Facet(
    "eu_initiative", _("EU initiative"), "clusterpolisee.vocabularies.EUInitiatives"
)

# The coded fields of the repository (sectors and domains of practices and assessments, the policy
# type of practices), titled as the fields are.
SECTOR = Facet("sectors", _("Sectors (NACE Rev. 2)"), "clusterpolisee.vocabularies.NaceSections")
SPECIALISATION_DOMAIN = Facet(
    "specialisation_domains",
    _("Smart-specialisation domains"),
    "clusterpolisee.vocabularies.SpecialisationDomains",
)
POLICY_TYPE = Facet("policy_type", _("Policy type"), "clusterpolisee.vocabularies.PolicyTypes")

SEARCH_FACETS = (
    TYPE,
    TOPIC,
    COUNTRY,
    REGION,
    SECTOR,
    SPECIALISATION_DOMAIN,
    POLICY_TYPE,
    STAGE,
    LEVEL,
    LANGUAGE,
    YEAR,
)


class SearchError(ValueError):
    """A parameter the search cannot use; the message says which and why."""


def searchable_types():
    """The types Plone's own search shows: every type but those the site excludes."""
    excluded = set(api.portal.get_registry_record("plone.types_not_searched", default=()) or ())
    return sorted(
        name for name in api.portal.get_tool("portal_types").objectIds() if name not in excluded
    )


def _is_text(value):
    """Whether a request value (a string, or a list of them) is text: bytes of an address that
    are not UTF-8 reach the form as lone surrogates, which no page, link or index can carry."""
    values = value if isinstance(value, (list, tuple)) else [value]
    try:
        for item in values:
            if isinstance(item, str):
                item.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def drop_non_text(form):
    """Take out of ``form`` the parameters that are not text (see ``_is_text``), so that a page
    answering them (its links keep the address's parameters) can still be written."""
    for name in [name for name, value in form.items() if not (_is_text(name) and _is_text(value))]:
        del form[name]


def _strings(value):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    return [item.strip() for item in value if isinstance(item, str) and item.strip()]


class FacetedQuery:
    """A search read from request parameters: the text, the selections, the sort and the page.

    ``fixed`` holds criteria the page always applies (a listing of one type, say); a facet
    whose index is fixed is still counted, within the fixed criteria.
    """

    def __init__(self, form, facets, path, fixed=None, default_types=None, language=None):
        if not all(_is_text(name) and _is_text(value) for name, value in form.items()):
            # Reported before anything else reads them (a page's links, the catalog).
            raise SearchError(
                _(
                    "The search address holds characters that are not UTF-8 text. Type the search again."
                )
            )
        self.facets = facets
        self.path = path
        self.fixed = dict(fixed or {})
        self.default_types = default_types
        # The visitor's language: one result per translation group, in that language when it
        # has one (languages/platform.py), and results in it ranked first.
        self.language = language
        self.text = self._text(form.get("SearchableText"))
        self.selections = {}
        for facet in facets:
            values = _strings(form.get(facet.index))
            if facet.numeric and any(whole_number(value) is None for value in values):
                raise SearchError(
                    _(
                        "error_facet_number",
                        default="${facet} must be a whole number.",
                        mapping={"facet": facet.title},
                    )
                )
            if values:
                self.selections[facet.index] = values
        sort = form.get("sort_on") or "relevance"
        if sort not in SORTS:
            raise SearchError(_("Results can be sorted by relevance, date or title only."))
        self.sort = sort

    def _text(self, value):
        if value is None:
            return ""
        if not isinstance(value, str):
            raise SearchError(_("The search text must be a single line of text."))
        value = " ".join(value.split())
        if len(value) > MAX_TEXT_LENGTH:
            raise SearchError(
                _(
                    "error_text_too_long",
                    default="The search text is too long: at most ${length} characters.",
                    mapping={"length": MAX_TEXT_LENGTH},
                )
            )
        return value

    def catalog_query(self, without=None):
        """The catalog query; ``without`` leaves one facet's selection out (to count it)."""
        query = within(self.path)
        if self.default_types is not None:
            query.update(types_criterion(self.default_types))
        query.update(self.fixed)
        if self.language:
            query.update(in_language(self.language))
        if self.text:
            query["SearchableText"] = munge_search_term(self.text)
        for index, values in self.selections.items():
            if index == without:
                continue
            allowed = self._listed_types() if index == "portal_type" else None
            if allowed is not None:
                # Only types the page lists; none left matches nothing (an empty list would
                # lift the criterion).
                values = [value for value in values if value in allowed] or ["-"]
            query[index] = values  # several values of one facet: any of them
        return query

    def _listed_types(self):
        """The types the page lists, if it names them (None: every type)."""
        if self.default_types is not None:
            return set(self.default_types)
        fixed = self.fixed.get("portal_type")
        if fixed is None:
            return None
        return {fixed} if isinstance(fixed, str) else set(fixed)

    def params(self, **changes):
        """The parameters of this search, as a list of pairs, with ``changes`` applied.

        A change to a facet's index name replaces its selection (a list) or removes it (None).
        """
        selections = {index: list(values) for index, values in self.selections.items()}
        text = self.text
        sort = self.sort
        for name, value in changes.items():
            if name == "SearchableText":
                text = value or ""
            elif name == "sort_on":
                sort = value
            elif value:
                selections[name] = list(value)
            else:
                selections.pop(name, None)
        pairs = []
        if text:
            pairs.append(("SearchableText", text))
        for facet in self.facets:
            for value in selections.get(facet.index, ()):
                pairs.append((facet.index, str(value)))
        if sort != "relevance":
            pairs.append(("sort_on", sort))
        return pairs


def types_criterion(types):
    """The catalog criterion for items of ``types``: the types the catalog holds beside them to
    leave out, when those are fewer (none: no criterion). Every type the search lists would be a
    union of nearly every record, some 5 ms at 200,000 practices; the few others (language homes,
    region profiles) are taken out of the results instead. Asked only to leave out, the type
    index runs after those that narrow (core/catalogplan.py)."""
    catalog = api.portal.get_tool("portal_catalog")
    processQueue()  # an item this request made is catalogued first, as a search does
    types = set(types)
    left_out = sorted(set(catalog.uniqueValuesFor("portal_type")) - types)
    if len(left_out) < len(types):
        return {"portal_type": {"not": left_out}} if left_out else {}
    return {"portal_type": sorted(types)}


def within(path):
    """The catalog criterion for the items under ``path``: none for the site's own path, under
    which the catalog holds every item (ExtendedPathIndex would answer it with a union of every
    record, some 7 ms at 200,000 practices)."""
    site_path = "/".join(api.portal.get().getPhysicalPath())
    return {} if path == site_path else {"path": path}


def record_ids(results):
    """The catalog record ids behind a lazy catalog result, without waking a single brain.

    ZCatalog's lazy result keeps what it will look up: plain record ids, or (score, record id)
    pairs after a full-text query.
    """
    if not len(results):
        return IISet()
    sequence = results._seq
    if isinstance(sequence, IISet):
        return sequence
    if isinstance(sequence, IITreeSet):
        return IISet(sequence)  # in order already
    first = next(iter(sequence))
    if isinstance(first, tuple):
        sequence = map(itemgetter(1), sequence)
    # Sorted first: a set built in order appends, where one built out of order inserts (8 ms
    # against 1.6 for the 20,000 results of a search by words at 200,000 practices).
    return IISet(sorted(sequence))


def newest_first(limit, **query):
    """The ``limit`` newest (by publication date) results of a catalog query, newest first, as
    brains.

    For a result holding much of the catalog, the date index is walked from its newest date
    down and each date's records looked up in the result: ZCatalog's own sort with a limit
    reads every result's date (a third of the landing page at 200,000 practices). A smaller
    result is sorted by the catalog as usual.
    """
    catalog = api.portal.get_tool("portal_catalog")
    rids = record_ids(catalog.searchResults(**query))
    if 4 * len(rids) < len(catalog):
        return list(
            catalog.searchResults(
                sort_on="effective", sort_order="descending", sort_limit=limit, **query
            )[:limit]
        )
    dates = catalog._catalog.indexes["effective"]._index
    found = []
    key = dates.maxKey() if len(dates) else None
    while key is not None and len(found) < limit:
        records = dates[key]
        found.extend(
            rid for rid in ((records,) if isinstance(records, int) else records) if rid in rids
        )
        try:
            key = dates.maxKey(key - 1)
        except ValueError:  # no older date
            key = None
    return [catalog._catalog[rid] for rid in found[:limit]]


# {database: {index oid: ((counter, serial), {value: IISet of record ids})}}: see value_sets.
_FLAT_VALUE_SETS = weakref.WeakKeyDictionary()


def value_sets(index):
    """{value: record ids} of a Field or Keyword index, as flat sets kept while the index is
    unchanged.

    The index keeps each value's records in a tree of buckets, which an intersection walks
    three times slower than one flat array (14 ns a record against 4, measured at 200,000
    practices: the eleven facets of a search by words took 39 ms, and take 13). The flat copy
    is made once per change of the index and kept for every thread of the process, per
    database. The index's counter grows with every change (ZCatalog's own ``getCounter``), and
    its serial names the commit that wrote it: a copy is kept only of a committed state, never
    of what this transaction is changing (its counter changed, or held in a savepoint).
    """
    jar = getattr(index, "_p_jar", None)
    counter = getattr(index, "_counter", None)
    if jar is None or counter is None:
        return index._index
    number = index.getCounter()  # also loads the counter, for its state and serial
    if counter._p_changed or getattr(jar, "_savepoint_storage", None) is not None:
        return index._index
    key = (number, counter._p_serial)
    kept = _FLAT_VALUE_SETS.setdefault(jar.db(), {})
    found = kept.get(index._p_oid)
    if found is not None and found[0] == key:
        return found[1]
    flat = {
        value: IISet((records,)) if isinstance(records, int) else IISet(records)
        for value, records in index._index.items()
    }
    kept[index._p_oid] = (key, flat)
    return flat


def value_counts(index, rids, catalogued):
    """{value: how many of ``rids`` have it} for one Field or Keyword index of a catalog holding
    ``catalogued`` records (``len(catalog._catalog)``: counting the index's own records would
    load every one of them)."""
    counts = {}
    if not rids:
        return counts
    if FEW_RESULTS * len(rids) <= catalogued:
        by_record = index._unindex
        for rid in rids:
            recorded = by_record.get(rid)
            if recorded is None:
                continue
            if not isinstance(recorded, (list, tuple)):
                recorded = (recorded,)
            for value in recorded:
                counts[value] = counts.get(value, 0) + 1
        return counts
    # More results: intersect them with each value's set of records.
    for value, records in value_sets(index).items():
        if isinstance(records, int):
            count = 1 if records in rids else 0
        else:
            count = len(intersection(rids, records))
        if count:
            counts[value] = count
    return counts


def _same(item):
    return item


def batch_page(results, start, size, total):
    """The page of ``results`` (sorted at least as far as it) from ``start``, as plone.batching's
    Batch takes a page the catalog cut (``b_start``, ``b_size``): the page's items only, with the
    number of all results as their ``actual_result_count``. Handed the first ``start + size``
    results and a larger count, Batch takes them for a page already cut, and shows the first
    page again."""
    return LazyMap(_same, list(results[start : start + size]), actual_result_count=total)


class InOrder:
    """The entries of a lazy catalog result (record ids, or (score, record id) pairs) whose
    record is (``wanted`` True) or is not in ``records``, in the result's order; ``length`` of
    them. They are found as far as they are read: a page of results walks the first few entries,
    not every one."""

    def __init__(self, entries, records, wanted, length):
        self._entries = entries
        self._records = records
        self._wanted = wanted
        self._length = length
        self._found = []
        self._read = 0

    def __len__(self):
        return self._length

    def __getitem__(self, index):
        if index < 0:
            index += self._length
            if index < 0:
                raise IndexError(index)
        entries, found, records, wanted = self._entries, self._found, self._records, self._wanted
        while len(found) <= index and self._read < len(entries):
            entry = entries[self._read]
            self._read += 1
            if ((entry[1] if isinstance(entry, tuple) else entry) in records) is wanted:
                found.append(entry)
        return found[index]


class FacetedSearch:
    """Runs a FacetedQuery through the catalog: results, their number and the facet counts."""

    def __init__(self, query):
        self.query = query
        self.catalog = api.portal.get_tool("portal_catalog")
        self._results = None
        self._record_ids = None

    @property
    def results(self):
        """The matching brains in the order the query's sort asks, lazily."""
        if self._results is None:
            self._results = self.catalog.searchResults(**self.query.catalog_query())
        return self._results

    def sorted_results(self, limit):
        """The results in the order the query's sort asks, the first ``limit`` of them sorted at
        least: sorted from the record ids the search found, never searched again."""
        own_language_first = (
            self.query.sort == "relevance"
            and self.query.language
            and "Language" not in self.query.selections
        )
        if self.query.sort == "relevance" and self.query.text:
            # A full-text result comes back ordered by score already.
            if own_language_first and isinstance(self.results, LazyMap):
                return self._own_language_first(self.results)
            return self.results
        everything = self.record_ids()
        if own_language_first:
            # The visitor's own language first, then the others (originals not translated yet).
            own = intersection(everything, self._in_language())
            others = difference(everything, own)
            return LazyCat([self._sorted(own, limit), self._sorted(others, limit)])
        return self._sorted(everything, limit)

    def _in_language(self):
        """The records of the visitor's language (the Language index's own set, flat)."""
        languages = value_sets(self.catalog._catalog.indexes["Language"])
        own = languages.get(self.query.language, IISet())
        return IISet((own,)) if isinstance(own, int) else own

    def _own_language_first(self, results):
        """A full-text result (best score first) with the visitor's language first, each part
        in score order: split by the Language index, not searched twice more (each full-text
        search costs as much as the rest of the page at 20,000 items). Each part is read only
        as far as a page of it is shown."""
        own = self._in_language()
        everything = self.record_ids()
        in_own = len(intersection(everything, own))
        entries = results._seq  # (score, record id) pairs, or record ids
        return LazyCat(
            [
                LazyMap(results._func, InOrder(entries, own, True, in_own)),
                LazyMap(results._func, InOrder(entries, own, False, len(everything) - in_own)),
            ]
        )

    def record_ids(self):
        """The record ids of the results, worked out once for the sort and the counts."""
        if self._record_ids is None:
            self._record_ids = record_ids(self.results)
        return self._record_ids

    def _sorted(self, records, limit):
        """Brains of ``records`` (found by this search, so readable by this reader) by title or
        newest first, as the catalog's own sort with ``sort_limit`` gives them."""
        if not records:
            return LazyCat([])
        catalog = self.catalog._catalog
        if self.query.sort == "title":
            index, reverse = catalog.getIndex("sortable_title"), False
        else:
            index, reverse = catalog.getIndex("effective"), True
        return catalog.sortResults(
            records, index, reverse=reverse, limit=limit, actual_result_count=len(records)
        )

    def __len__(self):
        return len(self.results)

    def facet_counts(self):
        """[(facet, [(value, count)])] with values most frequent first (years newest first)."""
        indexes = self.catalog._catalog.indexes
        everything = self.record_ids()
        catalogued = len(self.catalog._catalog)
        counted = []
        for facet in self.query.facets:
            if facet.index in self.query.selections:
                rids = record_ids(
                    self.catalog.searchResults(**self.query.catalog_query(without=facet.index))
                )
            else:
                rids = everything
            index = indexes.get(facet.index)
            counts = value_counts(index, rids, catalogued) if index is not None else {}
            if facet.index == "portal_type" and self.query.default_types is not None:
                counts = {
                    key: value for key, value in counts.items() if key in self.query.default_types
                }
            if facet.numeric:
                ordered = sorted(counts.items(), key=lambda item: -int(item[0]))
            else:
                ordered = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
            counted.append((facet, ordered))
        return counted
