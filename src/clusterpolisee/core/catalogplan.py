"""ZCatalog's query plan, with the indexes that start from every record after the others.

ZCatalog runs a query's indexes in the order of their mean time in earlier queries of the same
shape (``Products.ZCatalog.plan``), each on what the ones before it left. A date-range index
(``effectiveRange``, which Plone adds to the searches of everyone without "Access inactive
portal content") is cheap after another: it takes out the few items not yet effective or
expired. Asked first, it unions the sets of every item published so far (5 ms at 200,000
items) and keeps that union in the request's cache, where the next searches of the request find
it for nothing: its mean stays the lowest, so it stays first, and every member's page pays the
union once. An index asked only to leave values out (``{"not": [...]}``) likewise starts, when
first, from the set of every record the catalog holds. So does a yes/no index asked for the
value it does not store (it stores the rarer one): Plone's navigation portlet asks every page
for the items that are not a folder's default page, and ZCatalog took every record but those
first (3 ms at 200,000 practices), then narrowed that by path. Two more start from nearly
everything. Plone's security index is asked for everyone's "Anonymous", which every published
item holds, and for a member's roles and groups beside it: measured on visitors' searches (one
set, nothing to join) it ranked first, and a member's page then joined the sets of every
published item before its path narrowed them (2 ms at 200,000 practices, on the working group's
navigation portlet). And the navigation portlet's path question ("navtree") takes every item of
each folder along the path: in the repository, every practice (core/catalogsets.py has it look
up only the records it is handed; it comes after the others where it does). Either order gives
the same results (the date range index holds every item; a leave-out query keeps the records it
does not name either way; the yes/no index keeps from what it is given those it does not store;
the security and path indexes keep those of the records they are given that they would have
found); this one starts from an index that narrows.
"""

from clusterpolisee.core.catalogsets import looks_up_navtree
from Products.ExtendedPathIndex.ExtendedPathIndex import ExtendedPathIndex
from Products.PluginIndexes.BooleanIndex.BooleanIndex import BooleanIndex
from Products.PluginIndexes.interfaces import IDateRangeIndex
from Products.ZCatalog.plan import CatalogPlan
from Products.ZCatalog.query import IndexQuery


_ranked = CatalogPlan.plan
# The index Plone's catalog tool adds to every search but the unrestricted ones.
SECURITY_INDEX = "allowedRolesAndUsers"


def _starts_from_everything(name, index, query):
    if IDateRangeIndex.providedBy(index) or name == SECURITY_INDEX:
        return True
    if not query or name not in query:
        return False
    criterion = query[name]
    if isinstance(index, ExtendedPathIndex):
        return looks_up_navtree(index, criterion)
    if isinstance(index, BooleanIndex):
        return _asks_the_unstored_value(index, IndexQuery(query, name, index.query_options))
    return isinstance(criterion, dict) and "not" in criterion and not criterion.get("query")


def _asks_the_unstored_value(index, record):
    # BooleanIndex answers from its first value: the stored one is its own few records, the
    # other every record of the index but those.
    keys = record.keys or ()
    return bool(keys) and bool(keys[0]) is not bool(index._index_value)


def plan(self):
    """ZCatalog's order, the indexes that would start from every record moved after the
    others."""
    order = _ranked(self)
    if not order:
        return order
    indexes = self.catalog.indexes
    last = [name for name in order if _starts_from_everything(name, indexes.get(name), self.query)]
    if not last or len(last) == len(order):
        return order
    return [name for name in order if name not in last] + last


def apply():
    CatalogPlan.plan = plan
