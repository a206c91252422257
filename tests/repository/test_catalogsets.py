"""ZCatalog's set operations sized to their sets (core/catalogsets.py): the same sets as BTrees'
own merges, for every kind of argument, and the same catalog answers for a reader."""

from BTrees.IIBTree import difference as merged_difference
from BTrees.IIBTree import IIBTree
from BTrees.IIBTree import IIBucket
from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection as merged_intersection
from clusterpolisee.core import catalogsets
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from Products.ExtendedPathIndex.ExtendedPathIndex import ExtendedPathIndex
from Products.PluginIndexes import unindex
from Products.PluginIndexes.BooleanIndex import BooleanIndex
from Products.ZCatalog import Catalog
from ZODB.MappingStorage import MappingStorage
import pytest
import random
import transaction
import ZODB


def collections(records):
    """The record ids as each kind of collection ZCatalog hands to a set operation."""
    return [
        IISet(records),
        IITreeSet(records),
        IIBTree(dict.fromkeys(records, 1)),
        IIBucket(dict.fromkeys(records, 2)),
    ]


def as_data(result):
    if result is None:
        return None
    if hasattr(result, "items"):
        return type(result).__name__, list(result.items())
    return type(result).__name__, list(result)


SIZES = [0, 1, 3, 40, 500, 5000]


@pytest.mark.parametrize("seed", range(6))
def test_the_same_sets_as_btrees_merges(seed):
    generator = random.Random(seed)
    for first_size in SIZES:
        for second_size in SIZES:
            first_records = generator.sample(range(20000), first_size)
            second_records = generator.sample(range(20000), second_size) + first_records[::2]
            for first in [*collections(first_records), None]:
                for second in [*collections(second_records), None]:
                    assert as_data(catalogsets.intersection(first, second)) == as_data(
                        merged_intersection(first, second)
                    ), (type(first), type(second), first_size, second_size)
                    if type(first) is IIBTree or type(second) is IIBTree:
                        continue  # BTrees' difference refuses to mix a set and a tree
                    assert as_data(catalogsets.difference(first, second)) == as_data(
                        merged_difference(first, second)
                    ), (type(first), type(second), first_size, second_size)


def test_a_small_set_is_looked_up_in_a_large_one():
    small = IISet([5, 77, 123456])
    large = IITreeSet(range(0, 200000, 7))
    assert list(catalogsets.intersection(small, large)) == [77]
    assert list(catalogsets.intersection(large, small)) == [77]
    assert list(catalogsets.difference(small, large)) == [5, 123456]


def test_a_few_look_ups_read_only_the_buckets_they_fall_in():
    """Counting a large persistent set would read every bucket of it, as a merge does."""
    database = ZODB.DB(MappingStorage())
    connection = database.open()
    connection.root()["large"] = IITreeSet(range(0, 400000, 2))
    transaction.commit()
    connection.close()

    def buckets_read(operation):
        database.cacheMinimize()
        connection = database.open()
        large = connection.root()["large"]
        before = connection._cache.cache_non_ghost_count
        result = list(operation(IISet([10, 11, 399998]), large))
        read = connection._cache.cache_non_ghost_count - before
        connection.close()
        return result, read

    looked_up, read = buckets_read(catalogsets.intersection)
    merged, read_by_merge = buckets_read(merged_intersection)
    assert looked_up == merged == [10, 399998]
    assert read <= 6
    assert read_by_merge > 1000
    assert list(catalogsets.difference(IISet([10, 11]), IITreeSet(range(0, 400000, 2)))) == [11]
    database.close()


def test_zcatalog_uses_the_sized_operations():
    assert Catalog.intersection is catalogsets.intersection
    assert unindex.intersection is catalogsets.intersection
    assert BooleanIndex.intersection is catalogsets.intersection
    assert BooleanIndex.difference is catalogsets.difference
    assert ExtendedPathIndex.search is catalogsets.navtree_search


@pytest.fixture
def published_and_private(portal):
    """A folder of 4 private pages, one shared with a member, beside 20 published ones."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.user.create(email="reader@example.org", username="catalogsets.reader")
    private = api.content.create(container=portal, type="Folder", id="sized-private", title="P")
    for number in range(4):
        api.content.create(container=private, type="Document", id=f"page-{number}", title="Page")
    api.user.grant_roles(username="catalogsets.reader", obj=private["page-1"], roles=["Reader"])
    public = api.content.create(container=portal, type="Folder", id="sized-public", title="Pub")
    for number in range(20):
        page = api.content.create(container=public, type="Document", id=f"p{number}", title="P")
        api.content.transition(page, "publish")
    api.content.transition(public, "publish")
    return private


def answers(portal, private):
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(private.getPhysicalPath())
    queries = [
        {"path": path},
        {"path": path, "portal_type": "Document"},
        {"path": path, "review_state": ["private", "published"]},
        {"path": path, "is_folderish": False},
        {"path": path, "is_folderish": True},
        {"path": path, "exclude_from_nav": False},
        {"portal_type": "Document", "review_state": "published"},
    ]
    with api.env.adopt_user(username="catalogsets.reader"):
        return [sorted(brain.getPath() for brain in catalog(**query)) for query in queries]


def test_a_reader_gets_the_same_answers_as_with_merges(portal, published_and_private, monkeypatch):
    looked_up = []
    pick = catalogsets._lookup_pair

    def counted(first, second):
        pair = pick(first, second)
        looked_up.append(pair is not None)
        return pair

    monkeypatch.setattr(catalogsets, "_lookup_pair", counted)
    sized = answers(portal, published_and_private)
    assert any(looked_up)  # the queries took the look-ups
    assert sized[0] == ["/plone/sized-private/page-1"]
    assert sized[3] == ["/plone/sized-private/page-1"]
    assert sized[4] == []
    assert len(sized[6]) == 20
    for module in (Catalog, unindex, BooleanIndex):
        monkeypatch.setattr(module, "intersection", merged_intersection)
    monkeypatch.setattr(BooleanIndex, "difference", merged_difference)
    assert answers(portal, published_and_private) == sized


def test_a_navigation_tree_finds_what_the_path_index_finds_of_the_records_handed(
    portal, published_and_private
):
    """The navigation portlet's question to the path index, within the records the query's
    other indexes left: what the index's own search finds, of those records."""
    index = api.portal.get_tool("portal_catalog")._catalog.getIndex("path")
    records = list(index._unindex.keys())
    handed_sets = [None, IISet(), IISet(random.Random(3).sample(records, len(records) // 3))]
    handed_sets.append(IITreeSet(records))
    paths = [
        "/plone/sized-private/page-1",
        "/plone/sized-public/p3",
        "/plone/sized-public",
        "/plone",
        "/",
        "/plone/nowhere/deeper",
        ("/plone/sized-public", 0),  # a (path, level) pair: the index's own search
    ]
    for path in paths:
        for start in range(5):
            for depth in (-1, 0, 1, 2):
                own = catalogsets._path_search(index, path, 0, depth, 1, start)
                for handed in handed_sets:
                    found = catalogsets.navtree_search(index, path, 0, depth, 1, start, handed)
                    if handed is None:
                        assert list(found) == list(own), (path, start, depth)
                    else:  # as ZCatalog takes it: intersected with what it handed over
                        assert list(merged_intersection(found, handed)) == list(
                            merged_intersection(own, handed)
                        ), (path, start, depth)
        # Not a navigation tree: the index's own search, whatever it is handed.
        for handed in handed_sets:
            assert list(catalogsets.navtree_search(index, path, 0, -1, 0, 0, handed)) == list(
                catalogsets._path_search(index, path, 0, -1, 0, 0)
            )
