"""What every page shows alike, kept between pages (core/pagecache.py): never another person's,
never what a person may no longer see, and new content at once."""

from clusterpolisee.core.pagecache import brains_of
from clusterpolisee.core.pagecache import kept_records
from clusterpolisee.core.pagecache import KeptPages
from clusterpolisee.core.pagecache import shared_key
from clusterpolisee.languages.navigation import PlatformNavigationTabs
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from Products.CMFCore.indexing import processQueue
import pytest
import transaction


@pytest.fixture
def board_room(portal):
    """A private section at the site root: in the main navigation of those who may see it."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    # Someone else's: the test user sees it by their role only, not as its owner.
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        folder = api.content.create(container=portal, type="Folder", id="board-room", title="Board")
    processQueue()
    return folder


def tab_ids(portal, request):
    return [tab["id"] for tab in PlatformNavigationTabs(portal, request).topLevelTabs()]


def test_a_withdrawn_role_counts_at_once(portal, request_, board_room):
    assert "board-room" in tab_ids(portal, request_)
    setRoles(portal, TEST_USER_ID, ["Member"])
    assert "board-room" not in tab_ids(portal, request_)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    assert "board-room" in tab_ids(portal, request_)


def test_a_visitor_never_gets_a_members_tabs(portal, request_, board_room):
    member = shared_key("tabs")
    assert "board-room" in tab_ids(portal, request_)
    logout()
    try:
        assert "board-room" not in tab_ids(portal, request_)
        assert shared_key("tabs") != member
    finally:
        login(portal, TEST_USER_NAME)


def test_new_content_changes_the_key_at_once(portal, request_, board_room):
    before = shared_key("tabs")
    api.content.create(container=portal, type="Folder", id="archive", title="Archive")
    processQueue()
    assert shared_key("tabs") != before
    assert "archive" in tab_ids(portal, request_)


def test_what_waits_to_be_indexed_counts(portal, request_, board_room):
    before = shared_key("tabs")
    api.content.create(container=portal, type="Folder", id="archive", title="Archive")
    # Not indexed yet: the key indexes it first, as the catalog's searches do.
    assert shared_key("tabs") != before


def test_an_uncommitted_change_is_its_transactions_alone(portal, request_):
    """Another transaction may reach the same count with other changes (and an aborted one
    leaves the count where it found it): what a transaction changed is kept for it alone."""

    def add_folder(folder_id):
        with api.env.adopt_roles(["Manager"]):
            api.content.create(container=portal, type="Folder", id=folder_id, title=folder_id)

    transaction.abort()  # from what is committed
    committed = shared_key("tabs")
    assert committed[1] is not None  # the transaction that last moved the count
    assert shared_key("tabs") == committed
    add_folder("archive")
    first = shared_key("tabs")
    assert shared_key("tabs") == first  # the same within the transaction
    transaction.abort()
    assert shared_key("tabs") == committed
    add_folder("minutes")
    # A savepoint (CMFEditions makes them when it saves a version) clears the counter's flags
    # and keeps its committed serial: the transaction is still told apart.
    processQueue()
    transaction.savepoint()
    assert not portal.portal_catalog._counter._p_changed
    second = shared_key("tabs")
    assert second[0] == first[0]  # the same count...
    assert second[1] == first[1] == committed[1]
    assert second != first  # ...in another transaction
    transaction.abort()


def test_a_record_no_longer_catalogued_is_left_out(portal, request_, board_room):
    """ZCatalog's "Clear catalog" does not move Plone's count: what a page kept may name
    records the catalog no longer holds."""
    catalog = api.portal.get_tool("portal_catalog")
    kept = kept_records(catalog(id="board-room"))
    assert [brain.getId for brain in brains_of(kept)] == ["board-room"]
    catalog.manage_catalogClear()
    assert brains_of(kept) == []


def test_the_entries_given_out_are_copies(portal, request_, board_room):
    first = PlatformNavigationTabs(portal, request_).topLevelTabs()
    first[0]["name"] = "changed by a viewlet"
    second = PlatformNavigationTabs(portal, request_).topLevelTabs()
    assert second[0]["name"] != "changed by a viewlet"


def events_renderer(portal, request):
    from plone.app.event.portlets.portlet_events import Assignment
    from plone.portlets.interfaces import IPortletManager
    from plone.portlets.interfaces import IPortletRenderer
    from zope.component import getMultiAdapter
    from zope.component import getUtility

    manager = getUtility(IPortletManager, name="plone.rightcolumn", context=portal)
    view = portal.restrictedTraverse("@@view")
    assignment = Assignment(count=5, state=("published",))
    assignment.__name__ = "events"
    return getMultiAdapter((portal, request, view, manager, assignment), IPortletRenderer)


def test_events_are_found_in_each_request_the_page_is_kept(portal, request_, clock):
    from clusterpolisee.core.portlets import PlatformEventsRenderer

    with api.env.adopt_user(username=SITE_OWNER_NAME):
        event = api.content.create(
            container=portal["events"],
            type="Event",
            id="summit",
            title="Cluster summit",
            start=clock.at(days=3, hour=10),
            end=clock.at(days=3, hour=12),
        )
        api.content.transition(event, to_state="published")
    processQueue()
    first, second = events_renderer(portal, request_), events_renderer(portal, request_)
    assert isinstance(first, PlatformEventsRenderer)
    assert [item.title for item in first.events] == ["Cluster summit"]
    # Not the objects another request found (plone.app.event kept those between requests).
    assert first.events is not second.events
    first.update()
    second.update()
    assert "Cluster summit" in first.render()
    assert second.render() == first.render()


def test_indicators_kept_follow_content_targets_and_interests_at_once(portal, request_):
    from clusterpolisee.core.sections import publish
    from clusterpolisee.indicators.report import indicator_data
    from clusterpolisee.indicators.report import TARGETS_RECORD

    def rows():
        return {row["id"]: row for row in indicator_data(portal, request_, detail=False)}

    setRoles(portal, TEST_USER_ID, ["Manager"])
    assert rows()["best-practices"]["value"] == 0
    # What a caller changes in its copy stays out of what is kept.
    rows()["best-practices"]["figures"].append("changed by a view")
    publish(
        api.content.create(
            container=portal["repository"], type="BestPractice", id="vouchers", title="Vouchers"
        )
    )
    processQueue()
    assert rows()["best-practices"]["value"] == 1
    assert rows()["best-practices"]["figures"] == []
    # The catalog did not change: a new target shows all the same.
    api.portal.set_registry_record(TARGETS_RECORD, {"best-practices": 4})
    assert rows()["best-practices"]["target"] == 4
    assert rows()["best-practices"]["progress"] == 25


def test_the_menus_follow_roles_and_content_and_come_as_copies(portal, request_, board_room):
    from clusterpolisee.languages.navigation import PlatformSectionsViewlet

    def menus():
        viewlet = PlatformSectionsViewlet(portal, request_, None)
        viewlet.update()
        return viewlet

    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.content.create(container=board_room, type="Document", id="minutes", title="Minutes")
    processQueue()
    board = "/".join(board_room.getPhysicalPath())
    assert [entry["id"] for entry in menus().navtree[board]] == ["minutes"]
    # What drawing the menus adds to an entry stays on that page.
    viewlet = menus()
    viewlet.navtree[board][0]["title"] = "changed by the drawing"
    assert menus().navtree[board][0]["title"] == "Minutes"
    setRoles(portal, TEST_USER_ID, ["Member"])
    assert board not in menus().navtree
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.content.create(container=board_room, type="Document", id="agenda", title="Agenda")
    processQueue()
    assert sorted(entry["id"] for entry in menus().navtree[board]) == ["agenda", "minutes"]


def test_the_site_map_is_each_persons_own_and_follows_content(portal, request_, board_room):
    def site_map():
        # The page's tree (the page around it is the same request's, with its memos).
        assert "navTreeItem" in portal.restrictedTraverse("@@sitemap")()
        return portal.restrictedTraverse("@@sitemap").createSiteMap()

    assert "board-room" in site_map()
    logout()
    try:
        assert "board-room" not in site_map()
    finally:
        login(portal, TEST_USER_NAME)
    api.content.create(container=portal, type="Folder", id="archive", title="Archive")
    processQueue()
    assert "/archive" in site_map()


def test_an_item_hidden_from_the_menus_shows_to_the_pages_inside_it(portal, request_, board_room):
    from clusterpolisee.languages.navigation import PlatformSectionsViewlet

    with api.env.adopt_user(username=SITE_OWNER_NAME):
        hidden = api.content.create(
            container=board_room, type="Folder", id="drafts", title="Drafts", exclude_from_nav=True
        )
        page = api.content.create(container=hidden, type="Document", id="memo", title="Memo")
        api.content.create(container=board_room, type="Document", id="minutes", title="Minutes")
    processQueue()
    board = "/".join(board_room.getPhysicalPath())

    def menu_ids(context):
        viewlet = PlatformSectionsViewlet(context, request_, None)
        viewlet.update()
        return sorted(entry["id"] for entry in viewlet.navtree.get(board, []))

    # Plone's default: hidden from every page.
    assert menu_ids(portal) == menu_ids(page) == ["minutes"]
    # Shown to the pages inside it, where the site says so; the same for every other page.
    api.portal.set_registry_record("plone.show_excluded_items", True)
    assert menu_ids(portal) == ["minutes"]
    assert menu_ids(page) == ["drafts", "minutes"]
    assert menu_ids(board_room["minutes"]) == ["minutes"]
    assert menu_ids(hidden) == ["drafts", "minutes"]


def test_kept_pages_hold_the_most_recently_read():
    kept = KeptPages(3)
    for key in "abcd":
        kept[key] = key.upper()
    assert len(kept) == 3
    assert kept.get("a") is None  # the oldest went first
    assert kept.get("b") == "B"  # read: now the most recent
    kept["e"] = "E"
    assert kept.get("c") is None
    assert [kept.get(key) for key in "bde"] == ["B", "D", "E"]
