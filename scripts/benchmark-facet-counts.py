"""Facet counts by look-ups against intersections, for results of growing size.

    bin/benchmark run scripts/benchmark-facet-counts.py     (the benchmark instance, stopped)

``public/search.py`` counts a facet's values for few results by looking up each result's values,
and for more by intersecting the results with a flat copy of each value's records
(``FEW_RESULTS`` sets the share where it changes). This times both ways, the best of five, over
the search's facets, for random results of the catalog from 1 in 256 of its records to 1 in 8,
and checks that both count the same.
"""

from BTrees.IIBTree import IISet
from clusterpolisee.public import search
from plone import api
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.globalrequest import setRequest
import random
import time


def looked_up(index, rids, catalogued):
    saved, search.FEW_RESULTS = search.FEW_RESULTS, 0  # any number of results is few
    try:
        return search.value_counts(index, rids, catalogued)
    finally:
        search.FEW_RESULTS = saved


def intersected(index, rids, catalogued):
    return search.value_counts(index, rids, catalogued=0)  # never few: intersections


def best_ms(count, indexes, rids, catalogued, rounds=5):
    best = None
    for _ in range(rounds):
        start = time.perf_counter()
        for index in indexes:
            count(index, rids, catalogued)
        took = (time.perf_counter() - start) * 1000
        best = took if best is None else min(best, took)
    return best


def main(app):
    app = makerequest(app)
    setSite(app.Plone)
    setRequest(app.REQUEST)
    catalog = api.portal.get_tool("portal_catalog")._catalog
    catalogued = len(catalog)
    indexes = [catalog.indexes[facet.index] for facet in search.SEARCH_FACETS]
    for index in indexes:
        search.value_sets(index)  # the flat copies, made once per change of the index
    records = list(catalog.paths.keys())
    random.seed(1)
    print(f"{catalogued} records, {len(indexes)} facets; FEW_RESULTS = {search.FEW_RESULTS}")
    for share in (256, 128, 64, 32, 16, 8):
        rids = IISet(sorted(random.sample(records, catalogued // share)))
        for index in indexes:  # the same objects loaded for both
            assert looked_up(index, rids, catalogued) == intersected(index, rids, catalogued)
        lookups = best_ms(looked_up, indexes, rids, catalogued)
        intersections = best_ms(intersected, indexes, rids, catalogued)
        print(
            f"1 in {share:<4} {len(rids):7} results: looked up {lookups:7.1f} ms, "
            f"intersected {intersections:7.1f} ms"
        )


main(globals()["app"])
