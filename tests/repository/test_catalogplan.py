"""ZCatalog's query plan runs date ranges after the other indexes (core/catalogplan.py): a
member's search never starts with the union of every published item, and finds the same."""

from clusterpolisee.core import catalogplan
from DateTime import DateTime
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from Products.CMFCore.indexing import processQueue
from Products.ZCatalog.plan import Benchmark
from Products.ZCatalog.plan import CatalogPlan
from Products.ZCatalog.plan import PriorityMap
import pytest


@pytest.fixture
def pages(portal):
    """A folder of published pages, one of them effective only tomorrow."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    folder = api.content.create(container=portal, type="Folder", id="plan-pages", title="Pages")
    for number in range(6):
        page = api.content.create(container=folder, type="Document", id=f"p{number}", title="P")
        api.content.transition(page, "publish")
    folder["p5"].setEffectiveDate(DateTime() + 1)
    folder["p5"].reindexObject()
    processQueue()  # the searches below ask ZCatalog itself, which does not
    return folder


def test_zcatalog_plans_with_the_date_ranges_last():
    assert CatalogPlan.plan is catalogplan.plan


def test_a_date_range_measured_cheapest_still_comes_last(portal, pages):
    catalog = api.portal.get_tool("portal_catalog")._catalog
    query = {
        "path": "/".join(pages.getPhysicalPath()),
        "portal_type": "Document",
        "effectiveRange": DateTime(),
    }
    found = [brain.getId for brain in catalog.searchResults(query)]
    plan = catalog.getCatalogPlan(catalog.make_query(query))
    # What a request's cache does to its mean: the date range measured the cheapest.
    measured = dict(PriorityMap.get_entry(plan.cid, plan.key))
    for name, (_duration, hits, limit) in measured.items():
        measured[name] = Benchmark(0.0 if name == "effectiveRange" else 0.01, hits, limit)
    PriorityMap.set_entry(plan.cid, plan.key, measured)
    assert catalogplan._ranked(plan)[0] == "effectiveRange"  # ZCatalog's own order
    order = plan.plan()
    assert order[-1] == "effectiveRange"
    assert sorted(order) == ["effectiveRange", "path", "portal_type"]
    # Run in that order, the search finds the same: the page effective tomorrow not yet.
    assert [brain.getId for brain in catalog.searchResults(query)] == found
    assert sorted(found) == ["p0", "p1", "p2", "p3", "p4"]


def test_a_date_range_alone_is_planned_as_it_is(portal, pages):
    catalog = api.portal.get_tool("portal_catalog")._catalog
    query = {"effectiveRange": DateTime()}
    catalog.searchResults(query)
    plan = catalog.getCatalogPlan(catalog.make_query(query))
    assert plan.plan() == ["effectiveRange"]
