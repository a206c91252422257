"""Practices loaded in bulk (repository/bulk.py): published, indexed once, alike to added ones
for every reader, and refused with a message when they cannot be loaded."""

from Acquisition import aq_base
from clusterpolisee.demo.loader import _generated_practices
from playwright.sync_api import expect
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import TEST_USER_ID
from Products.CMFCore.indexing import processQueue
from Products.CMFPlone.CatalogTool import CatalogTool
from tests.conftest import SCREENSHOTS
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified
import base64
import Missing
import pytest
import transaction


def rows(count, title="Regional voucher scheme"):
    return [
        {
            "title": f"{title} {number}",
            "description": "Loaded in bulk for the test.",
            "topics": ["innovation-rd"],
            "country": "RO",
            "region": "RO21",
        }
        for number in range(count)
    ]


@pytest.fixture
def repository(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal["repository"]


def loaded(repository, count, **options):
    from clusterpolisee.repository.bulk import add_published

    return add_published(repository, "BestPractice", rows(count), **options)


class TestAddPublished:
    def test_items_are_published_english_and_found_by_visitors(self, repository):
        assert loaded(repository, 3) == 3
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(portal_type="BestPractice", Title="Regional voucher scheme")
        assert len(brains) == 3
        for brain in brains:
            obj = brain.getObject()
            assert brain.review_state == "published"
            assert brain.Language == "en"
            assert brain.effective.year() >= 2026
            assert obj.UID() == brain.UID
            assert getUtility(IIntIds).queryId(obj) is not None
            (entry,) = obj.workflow_history["clusterpolisee_public_workflow"]
            assert entry["comments"] == "Loaded in bulk"
        with api.env.adopt_roles(["Anonymous"]):
            visible = catalog(portal_type="BestPractice", Title="Regional voucher scheme")
            assert len(visible) == 3
            assert api.user.has_permission("View", obj=brains[0].getObject())
        # A visitor in any language finds each (none has a translation).
        for brain in brains:
            assert catalog.getIndexDataForRID(brain.getRID())["shown_in_language"] == ["*"]

    def test_each_item_is_catalogued_once_across_batches(self, functional, monkeypatch):
        repository = functional["portal"]["repository"]
        catalogued = []
        original = CatalogTool.catalog_object

        def counting(self, obj, uid=None, *args, **kwargs):
            catalogued.append(uid or "/".join(obj.getPhysicalPath()))
            return original(self, obj, uid, *args, **kwargs)

        monkeypatch.setattr(CatalogTool, "catalog_object", counting)
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            loaded(repository, 5, batch=2)
            transaction.commit()  # the last, partial batch
        paths = [path for path in catalogued if "/repository/regional-voucher-scheme" in path]
        assert len(paths) == 5
        assert len(set(paths)) == 5

    def test_ids_follow_titles_past_those_taken(self, repository):
        loaded(repository, 1)
        loaded(repository, 1)
        assert "regional-voucher-scheme-0" in repository
        assert "regional-voucher-scheme-0-2" in repository

    def test_the_first_edit_makes_the_first_version(self, repository):
        loaded(repository, 1)
        obj = repository["regional-voucher-scheme-0"]
        versions = api.portal.get_tool("portal_repository")
        assert versions.getHistoryMetadata(obj) in (None, [])
        obj.title = "Regional voucher scheme, revised"
        modified(obj)
        assert versions.getHistoryMetadata(obj).getLength(countPurged=False) == 1

    def test_a_row_without_title_is_refused_with_its_number(self, repository):
        from clusterpolisee.repository.bulk import add_published
        from clusterpolisee.repository.bulk import BulkLoadError

        with pytest.raises(BulkLoadError, match="row 2 has no title"):
            add_published(repository, "BestPractice", [rows(1)[0], {"topics": ["skills-jobs"]}])

    def test_a_type_without_a_published_state_is_refused(self, repository):
        from clusterpolisee.repository.bulk import add_published
        from clusterpolisee.repository.bulk import BulkLoadError

        with pytest.raises(BulkLoadError, match="no single workflow with a published state"):
            add_published(repository, "Transfer", [{"title": "Somewhere, 2026"}])

    def test_a_batch_of_zero_is_refused(self, repository):
        from clusterpolisee.repository.bulk import BulkLoadError

        with pytest.raises(BulkLoadError, match="batch must be 1 or more"):
            loaded(repository, 1, batch=0)


@pytest.mark.browser
class TestLoadedPracticesInTheBrowser:
    def test_a_visitor_finds_a_generated_practice_and_reads_it(
        self, functional, demo_functional, page, site_url, wcag_violations
    ):
        from clusterpolisee.repository.bulk import add_published

        portal = functional["portal"]
        generated = list(_generated_practices(2))
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            add_published(portal["repository"], "BestPractice", generated)
        transaction.commit()
        title = generated[1]["title"]

        page.goto(site_url)
        page.locator("#searchGadget").fill(title)
        page.locator("#searchGadget").press("Enter")
        result = page.locator(".faceted-result-list").get_by_role("link", name=title)
        expect(result).to_be_visible()
        result.click()
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.locator("body")).to_contain_text(generated[1]["description"])
        # English, as every practice added in the repository: no "in English" marker.
        expect(page.locator(".content-language")).to_have_count(0)
        assert wcag_violations(page) == []
        page.screenshot(path=str(SCREENSHOTS / "bulk-loaded-practice.png"), full_page=True)


def test_each_catalogued_value_is_worked_out_once(repository, portal):
    """The repository's indexable wrapper works a value out once per cataloguing, though the
    catalog asks it for the index and again for the column; a name the item lacks stays
    missing every time it is asked."""
    from clusterpolisee.core.indexing import RememberingIndexableObjectWrapper
    from plone.indexer.interfaces import IIndexableObject
    from zope.component import getMultiAdapter

    practice = api.content.create(
        container=repository, type="BestPractice", id="vouchers", title="Vouchers"
    )
    catalog = api.portal.get_tool("portal_catalog")
    wrapper = getMultiAdapter((practice, catalog), IIndexableObject)
    assert isinstance(wrapper, RememberingIndexableObjectWrapper)
    first = wrapper.SearchableText
    practice.title = "Renamed since"
    # The same cataloguing: the value worked out first.
    assert wrapper.SearchableText == first
    for _ in range(2):
        with pytest.raises(AttributeError):
            wrapper.no_such_column  # noqa: B018
    # The next cataloguing works it out again.
    catalog.reindexObject(practice)
    assert len(catalog(SearchableText="renamed", UID=practice.UID())) == 1


# A one-pixel PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
REPOSITORY_TYPES = (
    "BestPractice",
    "PolicyAssessment",
    "PilotAction",
    "Publication",
    "Institution",
    "CooperationNetwork",
)


def _answer(wrapper, name):
    try:
        value = getattr(wrapper, name)
    except AttributeError:
        return AttributeError
    # A Python script is itself the answer: compared as the one object.
    return aq_base(value) if getattr(value, "meta_type", None) == "Script (Python)" else value


def test_the_wrapper_answers_every_name_as_plone_indexers_own(repository, portal):
    """The repository's wrapper finds each name's indexer with what the item and the catalog
    provide asked once (core/indexing.py): every index and column of every repository type, a
    workflow variable, an acquired Python script, an acquired attribute and a missing name get
    what plone.indexer's own wrapper gives."""
    from clusterpolisee.core.indexing import RememberingIndexableObjectWrapper
    from plone.indexer.wrapper import IndexableObjectWrapper

    portal.manage_addProduct["PythonScripts"].manage_addPythonScript("acquired_column")
    catalog = api.portal.get_tool("portal_catalog")
    names = [
        *catalog.indexes(),
        *catalog.schema(),
        "review_state",
        "acquired_column",
        "portal_catalog",
        "no_such_column",
    ]
    practice_fields = next(iter(_generated_practices(1)))
    for portal_type in REPOSITORY_TYPES:
        fields = {
            **(practice_fields if portal_type == "BestPractice" else {}),
            "title": f"A {portal_type} to index",
            "description": "Its summary.",
        }
        item = api.content.create(container=repository, type=portal_type, **fields)
        platforms = RememberingIndexableObjectWrapper(item, catalog)
        plones = IndexableObjectWrapper(item, catalog)
        answers = {name: _answer(platforms, name) for name in names}
        assert answers == {name: _answer(plones, name) for name in names}, portal_type
        assert answers["review_state"] == api.content.get_state(item)
        assert answers["acquired_column"] is aq_base(portal["acquired_column"])
        assert answers["portal_catalog"] is AttributeError
        assert answers["no_such_column"] is AttributeError
        assert "Its summary." in answers["SearchableText"]


def test_image_scales_are_plones(repository, portal):
    """A repository item's image scales (repository/images.py) are those Plone's own adapter
    works out: none without an image, each image field's scales with one."""
    from clusterpolisee.repository.images import RepositoryImageScales
    from plone.base.interfaces import IImageScalesAdapter
    from plone.namedfile.file import NamedBlobImage
    from Products.CMFPlone.image_scales.adapters import ImageScales
    from zope.component import getMultiAdapter

    request = portal.REQUEST
    fti = portal.portal_types["BestPractice"]
    fti.manage_changeProperties(behaviors=(*fti.behaviors, "plone.leadimage"))
    without = api.content.create(container=repository, type="BestPractice", title="No image")
    pictured = api.content.create(
        container=repository,
        type="BestPractice",
        title="Pictured",
        image=NamedBlobImage(data=PNG, filename="dot.png", contentType="image/png"),
    )
    adapter = getMultiAdapter((without, request), IImageScalesAdapter)
    assert isinstance(adapter, RepositoryImageScales)
    assert adapter() == ImageScales(without, request)() == {}
    scales = getMultiAdapter((pictured, request), IImageScalesAdapter)()
    assert scales == ImageScales(pictured, request)()
    assert scales["image"][0]["filename"] == "dot.png"
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog(UID=pictured.UID())
    assert brain.image_scales["image"][0]["content-type"] == "image/png"


def test_the_full_text_holds_each_kind_of_prose_field(repository, portal):
    """The full text (repository/fulltext.py) reads each schema's prose fields, worked out once
    per set of schemata: rich text, text, lines and a behaviour's fields, for each type with
    its own fields; a type given a behaviour later is read with its new fields."""
    from plone.app.textfield.value import RichTextValue

    catalog = api.portal.get_tool("portal_catalog")

    def found(word, item):
        return len(catalog(SearchableText=word, UID=item.UID())) == 1

    practice = api.content.create(
        container=repository,
        type="BestPractice",
        title="Prose",
        problem=RichTextValue("<p>Richtextword in the problem</p>", "text/html", "text/html"),
        funding_source="Fundingword",
        costs="Costsword and more",
        subject=("Keywordline",),
        evidence_links=["https://example.org/linkword"],
    )
    assessment = api.content.create(
        container=repository, type="PolicyAssessment", title="Assessed", description="Summary"
    )
    for word in ("richtextword", "fundingword", "costsword", "keywordline", "prose"):
        assert found(word, practice), word
        assert not found(word, assessment), word
    # Links are not prose.
    assert not found("linkword", practice)
    fti = portal.portal_types["PolicyAssessment"]
    fti.manage_changeProperties(behaviors=(*fti.behaviors, "plone.leadimage"))
    assessment.image_caption = "Captionword"
    assessment.reindexObject()
    assert found("captionword", assessment)


def test_only_schemata_defined_in_code_are_worked_out_once(repository, portal):
    """repository/schemata.py keeps what a practice's schemata yield (their fields are code), and
    works out again each time for a type whose fields are edited through the web (Dexterity's
    generated schema, changed in place, could stand for other fields)."""
    from clusterpolisee.repository.schemata import worked_out_once

    practice = api.content.create(container=repository, type="BestPractice", title="Coded")
    page = api.content.create(container=portal, type="Document", title="Edited on the web")
    asked = []

    def count(schemata):
        asked.append(schemata)
        return len(schemata)

    for item, expected in ((practice, 1), (page, 3)):
        asked.clear()
        remembered = {}
        for _ in range(3):
            assert worked_out_once(remembered, item, count) == len(asked[0])
        assert len(asked) == expected, item.portal_type


def test_other_kinds_of_content_leave_a_repository_item_unindexed(repository, portal):
    """Plone's event, link, comment and related-items indexes hold nothing of a repository item
    (repository/indexers.py answers them at once), and its path still finds it."""
    from clusterpolisee.repository.indexers import not_of_this_kind
    from clusterpolisee.repository.indexers import OTHER_KINDS_NAMES
    from plone.indexer.interfaces import IIndexer
    from zope.component import queryMultiAdapter

    catalog = api.portal.get_tool("portal_catalog")
    known = set(catalog.indexes()) | set(catalog.schema())
    # Every name is one of the catalog's: none stands there for nothing.
    assert set(OTHER_KINDS_NAMES) <= known
    loaded(repository, 1)
    processQueue()
    practice = repository["regional-voucher-scheme-0"]
    # Each name is answered by the one indexer (repository/configure.zcml keeps the list too).
    for name in OTHER_KINDS_NAMES:
        answer = queryMultiAdapter((practice, catalog), IIndexer, name=name)
        assert answer is not None, name
        assert answer.callable is not_of_this_kind.callable, name
    rid = catalog.getrid("/".join(practice.getPhysicalPath()))
    indexed = catalog.getIndexDataForRID(rid)
    metadata = catalog.getMetadataForRID(rid)
    for name in OTHER_KINDS_NAMES:
        if name == "path":
            continue
        assert indexed.get(name) in (None, "", (), []), name
        assert metadata.get(name, None) in (None, Missing.Value), name
    path = "/".join(practice.getPhysicalPath())
    assert [brain.getPath() for brain in catalog(path={"query": path, "depth": 0})] == [path]
    parent = "/".join(repository.getPhysicalPath())
    assert path in [brain.getPath() for brain in catalog(path={"query": parent, "depth": 1})]


def test_a_repository_items_size_is_dexteritys_read_from_the_item(repository, portal):
    """repository/sizes.py reads the stored values Dexterity's own count reads through every
    schema: the same bytes, the same ``getObjSize`` in the catalog."""
    from clusterpolisee.repository.sizes import StoredSize
    from plone.app.textfield.value import RichTextValue
    from plone.dexterity.filerepresentation import DAVResourceMixin
    from Products.CMFPlone.utils import human_readable_size
    from zope.size.interfaces import ISized

    fields = next(iter(_generated_practices(1)))
    practice = api.content.create(container=repository, type="BestPractice", **fields)
    for section in ("problem", "measures", "results"):
        paragraph = f"<p>The {section} of the scheme, in some detail.</p>" * 40
        setattr(practice, section, RichTextValue(paragraph, "text/html", "text/x-html-safe"))
    # Not a field: neither count weighs it.
    practice.kept_aside = RichTextValue("<p>aside</p>" * 500, "text/html", "text/x-html-safe")
    counted = DAVResourceMixin.getSize(practice)
    # Texts in four sections: a real sum, not an empty one.
    assert counted > 5000
    assert isinstance(ISized(practice), StoredSize)
    assert practice.get_size() == counted
    practice.reindexObject()
    brain = api.portal.get_tool("portal_catalog")(UID=practice.UID())[0]
    assert brain.getObjSize == human_readable_size(counted)
