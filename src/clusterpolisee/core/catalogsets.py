"""ZCatalog's set operations, sized to the sets they are given.

BTrees' ``intersection`` and ``difference`` merge both sets, element by element. Once a query
has narrowed the catalog to a few records (a workspace's path, a wiki), ZCatalog meets each
further index (the security index's principals, a review state, a yes/no index) with sets that
hold most of the catalog: at 200,000 items each merge costs about 2 ms, and a member's dashboard
makes a dozen of them. Looking each of the few records up in the large set gives the same set in
a hundredth of the time. (ZCatalog's ``or`` queries on fewer than 200 records intersect each
value's set with those records first, but the intersection walks the large set all the same.)

Plone's navigation portlet asks the path index, on every page, for the items of every folder
along the page's path ("navtree"): in the repository, the 200,000 practices of its folder, a
union of 4 ms, narrowed by the displayed types to nothing (practices are not shown in the
navigation). The path index is handed the records the query's other indexes left, and ignores
them there; ``navtree_search`` looks those few up in each folder's set instead.

``apply()`` puts the sized functions where ZCatalog's catalog and its field, keyword, boolean
and path indexes look them up. The results are the same sets (the path index's, once ZCatalog
has intersected it with the records it handed over); ``tests/repository/test_catalogsets.py``
compares them with BTrees' own for every kind of argument, and with the path index's own.
"""

from BTrees.IIBTree import difference as merged_difference
from BTrees.IIBTree import IIBTree
from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection as merged_intersection
from BTrees.IIBTree import multiunion
from Products.ExtendedPathIndex.ExtendedPathIndex import ExtendedPathIndex


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


_path_search = ExtendedPathIndex.search


def _navtree_looked_up(index, path, level, depth, navtree):
    # The navigation tree by absolute path that ``navtree_search`` answers by look-ups.
    return (
        bool(navtree)
        and isinstance(path, str)
        and level == 0
        and depth in (-1, 1)
        and not index.multi_valued
    )


def looks_up_navtree(index, criterion):
    """Whether a query's path ``criterion`` is a navigation tree that ``navtree_search``
    narrows to the records it is handed (ZCatalog's plan then asks it after the others)."""
    if not isinstance(criterion, dict):
        return False
    paths = criterion.get("query")
    paths = [paths] if isinstance(paths, str) else paths
    return bool(paths) and all(
        _navtree_looked_up(
            index,
            path,
            criterion.get("level", 0),
            criterion.get("depth", -1),
            criterion.get("navtree", 0),
        )
        for path in paths
    )


def navtree_search(
    self, path, default_level=0, depth=-1, navtree=0, navtree_start=0, resultset=None
):
    """The path index's ``search``; for a navigation tree by absolute path (the navigation
    portlet's question) within ``resultset``, those of its records in the folders along the
    path, looked up in each folder's set rather than merged with all of them."""
    if resultset is None or not _navtree_looked_up(self, path, default_level, depth, navtree):
        return _path_search(self, path, default_level, depth, navtree, navtree_start, resultset)
    comps = [part for part in path.split("/") if part]
    if navtree_start > min(len(comps), self._depth):
        return IISet()  # as the index's own: the start excludes every level
    folders = (
        self._index_parents.get("/" + "/".join(comps[:length]))
        for length in range(len(comps), navtree_start - 1, -1)
    )
    return multiunion([intersection(resultset, found) for found in folders if found is not None])


def apply():
    """Let ZCatalog's catalog and its field, keyword, boolean and path indexes use the sized
    sets."""
    from Products.PluginIndexes import unindex
    from Products.PluginIndexes.BooleanIndex import BooleanIndex
    from Products.ZCatalog import Catalog

    Catalog.intersection = intersection
    unindex.intersection = intersection
    BooleanIndex.intersection = intersection
    BooleanIndex.difference = difference
    ExtendedPathIndex.search = navtree_search
