"""ZCatalog's query plan, with the indexes that start from every record after the others.

ZCatalog runs a query's indexes in the order of their mean time in earlier queries of the same
shape (``Products.ZCatalog.plan``), each on what the ones before it left. A date-range index
(``effectiveRange``, which Plone adds to the searches of everyone without "Access inactive
portal content") is cheap after another: it takes out the few items not yet effective or
expired. Asked first, it unions the sets of every item published so far (5 ms at 200,000
items) and keeps that union in the request's cache, where the next searches of the request find
it for nothing: its mean stays the lowest, so it stays first, and every member's page pays the
union once. An index asked only to leave values out (``{"not": [...]}``) likewise starts, when
first, from the set of every record the catalog holds. Either order gives the same results (the
date range index holds every item; a leave-out query keeps the records it does not name either
way); this one starts from an index that narrows.
"""

from Products.PluginIndexes.interfaces import IDateRangeIndex
from Products.ZCatalog.plan import CatalogPlan


_ranked = CatalogPlan.plan


def _starts_from_everything(name, index, query):
    if IDateRangeIndex.providedBy(index):
        return True
    criterion = query.get(name) if query else None
    return isinstance(criterion, dict) and "not" in criterion and not criterion.get("query")


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
