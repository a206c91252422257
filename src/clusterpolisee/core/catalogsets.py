"""ZCatalog's set operations, sized to the sets they are given.

BTrees' ``intersection`` and ``difference`` merge both sets, element by element. Once a query
has narrowed the catalog to a few records (a workspace's path, a wiki), ZCatalog meets each
further index (the security index's principals, a review state, a yes/no index) with sets that
hold most of the catalog: at 200,000 items each merge costs about 2 ms, and a member's dashboard
makes a dozen of them. Looking each of the few records up in the large set gives the same set in
a hundredth of the time. (ZCatalog's ``or`` queries on fewer than 200 records intersect each
value's set with those records first, but the intersection walks the large set all the same.)

``apply()`` puts the sized functions where ZCatalog's catalog and its field, keyword and boolean
indexes look them up. The results are the same sets; ``tests/repository/test_catalogsets.py``
compares them with BTrees' own for every kind of argument.
"""

from BTrees.IIBTree import difference as merged_difference
from BTrees.IIBTree import IIBTree
from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection as merged_intersection


SETS = (IISet, IITreeSet)
# The collections a record id can be looked up in (a mapping by its keys).
LOOKUP_TYPES = (IISet, IITreeSet, IIBTree)
# So few records are looked up whatever the other side holds: without counting it, which would
# read every bucket of a large set, where the look-ups read only those they fall in.
FEW = 200
# Beyond that, below this ratio of sizes a merge costs no more than the look-ups.
RATIO = 32


def _lookup_pair(first, second):
    """(small, large) when the records of a set are better looked up in the other argument (a
    set, or a mapping by its keys) than merged with it; None to merge."""
    pairs = []
    if type(first) in SETS and type(second) in LOOKUP_TYPES:
        pairs.append((first, second))
    if type(second) in SETS and type(first) in LOOKUP_TYPES:
        pairs.append((second, first))
    sizes = {}

    def size(collection):
        if id(collection) not in sizes:
            sizes[id(collection)] = len(collection)
        return sizes[id(collection)]

    for small, large in pairs:
        if size(small) <= FEW:
            return small, large
    for small, large in pairs:
        if size(small) * RATIO < size(large):
            return small, large
    return None


def intersection(first, second):
    """BTrees' ``intersection`` of two sets (or a set and a mapping's keys), by look-ups when one
    holds few records or far fewer than the other."""
    if first is None or second is None:
        return merged_intersection(first, second)
    pair = _lookup_pair(first, second)
    if pair is None:
        return merged_intersection(first, second)
    small, large = pair
    return IISet([record for record in small if record in large])


def difference(first, second):
    """BTrees' ``difference`` of two sets, by look-ups when the first holds few records or far
    fewer than the second."""
    if type(first) not in SETS or type(second) not in SETS:
        return merged_difference(first, second)
    size = len(first)
    if size <= FEW or size * RATIO < len(second):
        return IISet([record for record in first if record not in second])
    return merged_difference(first, second)


def apply():
    """Let ZCatalog's catalog and its field, keyword and boolean indexes use the sized sets."""
    from Products.PluginIndexes import unindex
    from Products.PluginIndexes.BooleanIndex import BooleanIndex
    from Products.ZCatalog import Catalog

    Catalog.intersection = intersection
    unindex.intersection = intersection
    BooleanIndex.intersection = intersection
    BooleanIndex.difference = difference
