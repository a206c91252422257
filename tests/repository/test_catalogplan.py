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


def _measured_cheapest(catalog, query, cheapest):
    """ZCatalog's plan for ``query``, with ``cheapest`` measured the cheapest of its indexes."""
    catalog.searchResults(query)  # measured once
    plan = catalog.getCatalogPlan(catalog.make_query(query))
    measured = dict(PriorityMap.get_entry(plan.cid, plan.key))
    for name, (_duration, hits, limit) in measured.items():
        measured[name] = Benchmark(0.0 if name == cheapest else 0.01, hits, limit)
    PriorityMap.set_entry(plan.cid, plan.key, measured)
    assert catalogplan._ranked(plan)[0] == cheapest  # ZCatalog's own order
    return plan


def test_a_yes_no_index_asked_for_its_common_value_comes_last(portal, pages):
    """Plone's navigation portlet asks every page for the items that are not a default page:
    the value the index does not store, every record but its own."""
    catalog = api.portal.get_tool("portal_catalog")._catalog
    pages.setDefaultPage("p4")
    pages["p4"].reindexObject()
    processQueue()
    # It stores the rarer value, "yes": the default pages alone.
    assert catalog.getIndex("is_default_page")._index_value
    path = "/".join(pages.getPhysicalPath())
    query = {"path": path, "is_default_page": False}
    found = sorted(brain.getId for brain in catalog.searchResults(query))
    plan = _measured_cheapest(catalog, query, "is_default_page")
    assert plan.plan() == ["path", "is_default_page"]
    assert sorted(brain.getId for brain in catalog.searchResults(query)) == found
    assert found == ["p0", "p1", "p2", "p3", "p5", "plan-pages"]
    # Asked in every way ZCatalog reads a value, the same.
    for value in ({"query": False}, [False], 0):
        plan = _measured_cheapest(
            catalog, {"path": path, "is_default_page": value}, "is_default_page"
        )
        assert plan.plan()[-1] == "is_default_page"


def test_a_yes_no_index_asked_for_its_stored_value_keeps_its_place(portal, pages):
    pages.setDefaultPage("p4")
    pages["p4"].reindexObject()
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")._catalog
    query = {"path": "/".join(pages.getPhysicalPath()), "is_default_page": True}
    assert [brain.getId for brain in catalog.searchResults(query)] == ["p4"]
    plan = _measured_cheapest(catalog, query, "is_default_page")
    assert plan.plan() == ["is_default_page", "path"]


def test_the_security_index_measured_cheapest_comes_last(portal, pages):
    """Measured on visitors' searches (one principal, one set), Plone's security index ranked
    first; a member's several principals then joined the sets of every published item."""
    catalog = api.portal.get_tool("portal_catalog")._catalog
    path = "/".join(pages.getPhysicalPath())
    query = {
        "path": path,
        "portal_type": "Document",
        "allowedRolesAndUsers": ["Anonymous", "Member", "Authenticated", f"user:{TEST_USER_ID}"],
    }
    found = sorted(brain.getId for brain in catalog.searchResults(query))
    plan = _measured_cheapest(catalog, query, "allowedRolesAndUsers")
    assert plan.plan()[-1] == "allowedRolesAndUsers"
    assert sorted(plan.plan()) == ["allowedRolesAndUsers", "path", "portal_type"]
    assert sorted(brain.getId for brain in catalog.searchResults(query)) == found
    assert found == ["p0", "p1", "p2", "p3", "p4", "p5"]


def test_a_navigation_tree_comes_after_the_types(portal, pages):
    """Plone's navigation portlet asks for the items of every folder along the path: after the
    displayed types, the path index looks up only the records they left."""
    catalog = api.portal.get_tool("portal_catalog")._catalog
    navtree = {"query": "/".join(pages["p1"].getPhysicalPath()), "navtree": 1, "navtree_start": 1}
    query = {"path": navtree, "portal_type": ["Document", "Link"]}
    found = sorted(brain.getId for brain in catalog.searchResults(query))
    plan = _measured_cheapest(catalog, query, "path")
    assert plan.plan() == ["portal_type", "path"]
    assert sorted(brain.getId for brain in catalog.searchResults(query)) == found
    assert found == ["p0", "p1", "p2", "p3", "p4", "p5"]
    # A plain path question keeps its measured place.
    plan = _measured_cheapest(
        catalog, {"path": navtree["query"], "portal_type": "Document"}, "path"
    )
    assert plan.plan() == ["path", "portal_type"]


def test_a_path_question_the_index_answers_in_full_keeps_its_place(portal, pages):
    """The breadcrumbs' question (depth 0) and deeper trees are answered by the path index
    from every record whatever it is handed: asked after the others, they would gain
    nothing."""
    catalog = api.portal.get_tool("portal_catalog")._catalog
    path = "/".join(pages["p1"].getPhysicalPath())
    for navtree in (
        {"query": path, "navtree": 1, "depth": 0},
        {"query": path, "navtree": 1, "depth": 2},
        {"query": path, "navtree": 1, "level": 1},
    ):
        plan = _measured_cheapest(catalog, {"path": navtree, "portal_type": "Document"}, "path")
        assert plan.plan() == ["path", "portal_type"], navtree
