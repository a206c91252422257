"""ZCatalog's set operations, sized to the sets they are given.

BTrees' ``intersection`` and ``difference`` merge both sets, element by element. Once a query
has narrowed the catalog to a few records (a workspace's path, a wiki), ZCatalog meets each
further index (the security index's principals, a review state, a yes/no index) with sets that
hold most of the catalog: at 200,000 items each merge costs about 2 ms, and a member's page
makes dozens of them. Looking each of the few records up in the large set gives the same set in
a hundredth of the time; ZCatalog's own code already does this for its ``or`` queries on fewer
than 200 records, but then merges anyway.

``apply()`` puts the sized functions where ZCatalog's catalog and its field, keyword and boolean
indexes look them up. The results are the same sets; ``tests/repository/test_catalogsets.py``
compares them with BTrees' own for every kind of argument.
"""

from BTrees.IIBTree import difference as merged_difference
from BTrees.IIBTree import IIBTree
from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection as merged_intersection


# The collections a record id can be looked up in (a mapping by its keys).
LOOKUP_TYPES = (IISet, IITreeSet, IIBTree)
# Below this ratio of sizes a merge costs no more than the look-ups.
RATIO = 32


def _small_and_large(first, second):
    """(small, large) when ``first`` is a set far smaller than ``second``, else None."""
    if type(first) is not IISet and type(first) is not IITreeSet:
        return None
    if type(second) not in LOOKUP_TYPES:
        return None
    if len(first) * RATIO < len(second):
        return first, second
    return None


def intersection(first, second):
    """BTrees' ``intersection`` of two sets (or a set and a mapping's keys), by look-ups when one
    is far smaller than the other."""
    if first is None or second is None:
        return merged_intersection(first, second)
    sized = _small_and_large(first, second)
    if sized is None and type(second) is not IIBTree:
        sized = _small_and_large(second, first)
    if sized is None:
        return merged_intersection(first, second)
    small, large = sized
    return IISet([record for record in small if record in large])


def difference(first, second):
    """BTrees' ``difference`` of two sets, by look-ups when the first is far smaller."""
    if first is None or second is None:
        return merged_difference(first, second)
    sized = _small_and_large(first, second)
    if sized is None or type(second) is IIBTree:
        return merged_difference(first, second)
    return IISet([record for record in first if record not in second])


def apply():
    """Let ZCatalog's catalog and its field, keyword and boolean indexes use the sized sets."""
    from Products.PluginIndexes import unindex
    from Products.PluginIndexes.BooleanIndex import BooleanIndex
    from Products.ZCatalog import Catalog

    Catalog.intersection = intersection
    unindex.intersection = intersection
    BooleanIndex.intersection = intersection
    BooleanIndex.difference = difference
