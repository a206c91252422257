"""The faceted search: full text with attachments, facet counts, filters, sorting, errors."""

from AccessControl.SpecialUsers import nobody
from BTrees.IIBTree import IISet
from clusterpolisee.core.sections import publish
from clusterpolisee.interfaces import IClusterpoliseeLayer
from DateTime import DateTime
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.indexing import processQueue
from tests.workspaces.documents import docx
from tests.workspaces.documents import pdf
from zope.interface import alsoProvides
import pytest
import transaction


# (id, type, title, topics, country, region, stage, level, language, publish?)
ITEMS = (
    (
        "vouchers-ro",
        "BestPractice",
        "Innovation vouchers",
        ["innovation-rd"],
        "RO",
        "RO21",
        "implementation",
        "regional",
        "en",
        True,
    ),
    (
        "vouchers-bg",
        "BestPractice",
        "Voucher scheme Plovdiv",
        ["innovation-rd", "financial-framework"],
        "BG",
        "BG42",
        "monitoring-evaluation",
        "regional",
        "bg",
        True,
    ),
    (
        "fund-gr",
        "PolicyAssessment",
        "Cluster fund review",
        ["financial-framework"],
        "GR",
        None,
        "monitoring-evaluation",
        "national",
        "en",
        True,
    ),
    (
        "pilot-ro",
        "PilotAction",
        "Cluster manager academy",
        ["skills-jobs"],
        "RO",
        "RO11",
        "implementation",
        "local",
        "ro",
        True,
    ),
    (
        "draft-ro",
        "BestPractice",
        "Secret voucher draft",
        ["innovation-rd"],
        "RO",
        "RO21",
        "preparation",
        "regional",
        "en",
        False,
    ),
)


def make(
    portal, item_id, portal_type, title, topics, country, region, stage, level, language, published
):
    fields = {
        "topics": topics,
        "country": country,
        "region": region,
        "governance_level": level,
    }
    if portal_type in ("BestPractice", "PolicyAssessment"):
        fields["policy_cycle_stage"] = stage
    item = api.content.create(
        container=portal["repository"], type=portal_type, id=item_id, title=title, **fields
    )
    # plone.app.multilingual gives new content its folder's language: set it afterwards.
    item.setLanguage(language)
    item.reindexObject()
    if published:
        publish(item)
    return item


@pytest.fixture
def seeded(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    items = {row[0]: make(portal, *row) for row in ITEMS}
    # A stage is recorded on practices and assessments only (the pilot's field is its own).
    api.content.create(
        container=items["vouchers-ro"],
        type="File",
        id="report.pdf",
        title="Evaluation report",
        file=NamedBlobFile(
            pdf("Quadruple helix evaluation"), filename="report.pdf", contentType="application/pdf"
        ),
    )
    portal.REQUEST.form.clear()
    alsoProvides(portal.REQUEST, IClusterpoliseeLayer)
    return items


def run(portal, **form):
    """The search page as anonymous visitors see it: (view, html)."""
    request = portal.REQUEST
    request.form.clear()
    request.form.update(form)
    request.response.setStatus(200)
    view = api.content.get_view("platform-search", portal, request)
    with api.env.adopt_user(user=nobody):
        html = view()
    return view, html


def counts(view, index):
    for row in view.facet_rows:
        if row["index"] == index:
            return {value["value"]: value["count"] for value in row["options"]}
    return {}


def titles(view):
    return sorted(brain.Title for brain in view.batch)


class TestFacetCounts:
    @pytest.mark.dates
    def test_every_facet_counts_what_anonymous_visitors_may_see(self, portal, seeded, clock):
        view, _html = run(portal, portal_type=["BestPractice", "PolicyAssessment", "PilotAction"])
        assert view.total == 4  # the draft is not counted
        # Its own selection aside, the type facet also counts the published section folders
        # (and the regions' and partner search's), the consultations folder and the six
        # questionnaires: once each, in the visitor's
        # language (one item per translation group, not one per language).
        assert counts(view, "portal_type") == {
            "BestPractice": 2,
            "PolicyAssessment": 1,
            "PilotAction": 1,
            "Folder": 3 + 2 + 1,
            "EasyForm": 6,
        }
        assert counts(view, "topics") == {
            "innovation-rd": 2,
            "financial-framework": 2,
            "skills-jobs": 1,
        }
        assert counts(view, "country") == {"RO": 2, "BG": 1, "GR": 1}
        assert counts(view, "region") == {"RO21": 1, "BG42": 1, "RO11": 1}
        assert counts(view, "policy_cycle_stage") == {
            "implementation": 1,
            "monitoring-evaluation": 2,
        }
        assert counts(view, "governance_level") == {"regional": 2, "national": 1, "local": 1}
        assert counts(view, "Language") == {"en": 2, "bg": 1, "ro": 1}
        # Published now: this year in the platform's zone, whatever the server's.
        assert counts(view, "year") == {str(clock.today().year): 4}

    def test_a_selection_narrows_the_others_but_not_its_own_facet(self, portal, seeded):
        view, _html = run(portal, topics="innovation-rd", country="RO")
        assert titles(view) == ["Innovation vouchers"]
        # Picking another country would give the Bulgarian voucher scheme.
        assert counts(view, "country") == {"RO": 1, "BG": 1}
        # Picking another topic, within Romania, would give the pilot.
        assert counts(view, "topics") == {"innovation-rd": 1, "skills-jobs": 1}
        assert counts(view, "portal_type") == {"BestPractice": 1}

    def test_values_of_one_facet_add_up(self, portal, seeded):
        view, _html = run(portal, country=["RO", "GR"])
        assert titles(view) == [
            "Cluster fund review",
            "Cluster manager academy",
            "Innovation vouchers",
        ]

    def test_facet_values_read_as_titles(self, portal, seeded):
        view, html = run(portal, country="BG")
        country = next(row for row in view.facet_rows if row["index"] == "country")
        titles_by_value = {value["value"]: value["title"] for value in country["options"]}
        assert titles_by_value["BG"] == "Bulgaria"
        assert "Voucher scheme Plovdiv" in html
        assert "Secret voucher draft" not in html

    def test_a_manager_counts_the_draft_too(self, portal, seeded):
        portal.REQUEST.form.clear()
        portal.REQUEST.form.update({"topics": "innovation-rd"})
        view = api.content.get_view("platform-search", portal, portal.REQUEST)
        view()
        assert view.total == 3
        assert counts(view, "policy_cycle_stage") == {
            "implementation": 1,
            "monitoring-evaluation": 1,
            "preparation": 1,
        }


class TestFullText:
    def test_finds_a_practice_by_the_text_of_its_attached_pdf(self, portal, seeded):
        view, _html = run(portal, SearchableText="quadruple", portal_type="BestPractice")
        assert titles(view) == ["Innovation vouchers"]

    def test_words_are_prefixes_as_in_plone_search(self, portal, seeded):
        view, _html = run(portal, SearchableText="vouch", portal_type="BestPractice")
        assert titles(view) == ["Innovation vouchers", "Voucher scheme Plovdiv"]

    def test_a_new_or_removed_attachment_changes_what_finds_the_item(self, portal, seeded):
        api.content.create(
            container=seeded["fund-gr"],
            type="File",
            id="annex.docx",
            file=NamedBlobFile(
                docx("Mezzanine finance annex"),
                filename="annex.docx",
                contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
        )
        view, _html = run(portal, SearchableText="mezzanine", portal_type="PolicyAssessment")
        assert titles(view) == ["Cluster fund review"]
        api.content.delete(seeded["fund-gr"]["annex.docx"])
        view, _html = run(portal, SearchableText="mezzanine", portal_type="PolicyAssessment")
        assert titles(view) == []

    def test_finds_text_of_the_items_own_fields(self, portal, seeded):
        from plone.app.textfield.value import RichTextValue

        seeded["pilot-ro"].objective = RichTextValue(
            "<p>Train forty <em>cluster managers</em></p>", "text/html", "text/x-html-safe"
        )
        seeded["pilot-ro"].reindexObject()
        view, _html = run(portal, SearchableText="forty")
        assert titles(view) == ["Cluster manager academy"]

    @pytest.mark.parametrize(
        ("language", "first"), [("en", "Innovation vouchers"), ("bg", "Voucher scheme Plovdiv")]
    )
    def test_results_in_the_visitors_language_come_first(self, portal, seeded, language, first):
        portal.REQUEST.set("LANGUAGE", language)
        try:
            view, _html = run(portal, SearchableText="vouch", portal_type="BestPractice")
        finally:
            portal.REQUEST.set("LANGUAGE", "en")
        assert next(brain.Title for brain in view.batch) == first
        assert len(view.batch) == view.total == 2


class TestSortingAndPaging:
    def test_sort_by_title_and_by_date(self, portal, seeded):
        for item_id, item in seeded.items():
            item.setEffectiveDate(DateTime() - (0 if item_id == "fund-gr" else 10))
            item.reindexObject()
        view, _html = run(portal, sort_on="title", portal_type=["BestPractice", "PolicyAssessment"])
        assert [brain.Title for brain in view.batch] == [
            "Cluster fund review",
            "Innovation vouchers",
            "Voucher scheme Plovdiv",
        ]
        view, _html = run(portal, sort_on="date", portal_type=["BestPractice", "PolicyAssessment"])
        assert next(brain.Title for brain in view.batch) == "Cluster fund review"

    def test_links_keep_the_search_and_remove_one_value(self, portal, seeded):
        view, html = run(portal, SearchableText="vouchers", country=["RO", "BG"], sort_on="date")
        removal = {item["title"]: item["url"] for item in view.active_filters()}
        assert removal["Romania"].endswith(
            "@@platform-search?SearchableText=vouchers&country=BG&sort_on=date"
        )
        assert 'value="vouchers"' in html


class TestBadInput:
    @pytest.mark.parametrize(
        ("form", "message"),
        [
            ({"year": "last"}, "Year must be a whole number."),
            # A digit to Python's isdigit, no number to int.
            ({"year": "202²"}, "Year must be a whole number."),
            ({"sort_on": "popularity"}, "Results can be sorted by relevance, date or title only."),
            ({"SearchableText": "x" * 201}, "The search text is too long: at most 200 characters."),
            ({"SearchableText": ["a", "b"]}, "The search text must be a single line of text."),
        ],
    )
    def test_answers_400_with_the_reason(self, portal, seeded, form, message):
        view, html = run(portal, **form)
        assert portal.REQUEST.response.getStatus() == 400
        assert view.error
        assert message in html
        # The page still lists everything beneath the message.
        assert view.total == run(portal)[0].total

    def test_a_type_the_search_does_not_list_matches_nothing(self, portal, seeded):
        view, _html = run(portal, portal_type="Plone Site")
        assert view.total == 0

    def test_a_query_of_operators_only_is_not_an_error(self, portal, seeded):
        view, _html = run(portal, SearchableText="AND OR NOT")
        assert portal.REQUEST.response.getStatus() == 200
        assert view.total == 0


class TestListings:
    def test_publications_by_kind_topic_and_year(self, portal, seeded):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        for number, (kind, topic) in enumerate(
            [
                ("deliverable", "skills-jobs"),
                ("deliverable", "innovation-rd"),
                ("interest-group-paper", "skills-jobs"),
            ]
        ):
            publish(
                api.content.create(
                    container=portal["repository"],
                    type="Publication",
                    id=f"publication-{number}",
                    title=f"Publication {number}",
                    kind=kind,
                    topics=[topic],
                )
            )
        api.content.create(
            container=portal["repository"],
            type="Publication",
            id="unfinished",
            title="Unfinished",
            kind="deliverable",
        )
        portal.REQUEST.form.clear()
        portal.REQUEST.form.update({"publication_kind": "deliverable"})
        view = api.content.get_view("publications", portal, portal.REQUEST)
        view()
        assert titles(view) == ["Publication 0", "Publication 1"]
        assert counts(view, "publication_kind") == {"deliverable": 2, "interest-group-paper": 1}
        assert counts(view, "topics") == {"skills-jobs": 1, "innovation-rd": 1}

    def test_institutions_with_what_points_to_them(self, portal, seeded):
        from z3c.relationfield import RelationValue
        from zope.component import getUtility
        from zope.intid.interfaces import IIntIds
        from zope.lifecycleevent import modified

        setRoles(portal, TEST_USER_ID, ["Manager"])
        agency = api.content.create(
            container=portal["institutions"],
            type="Institution",
            id="adr",
            title="ADR Nord-Est",
            kind="regional-authority",
            country="RO",
            topics=["innovation-rd"],
        )
        publish(agency)
        ministry = api.content.create(
            container=portal["institutions"],
            type="Institution",
            id="ministry",
            title="Ministry",
            kind="national-authority",
            country="BG",
        )
        publish(ministry)
        intids = getUtility(IIntIds)
        for practice in (seeded["vouchers-ro"], seeded["draft-ro"]):
            practice.implementing_institution = RelationValue(intids.getId(agency))
            modified(practice)
        portal.REQUEST.form.clear()
        portal.REQUEST.form.update({"country": "RO"})
        view = api.content.get_view("institutions-database", portal["institutions"], portal.REQUEST)
        with api.env.adopt_user(user=nobody):
            html = view()
            assert titles(view) == ["ADR Nord-Est"]
            assert counts(view, "country") == {"RO": 1, "BG": 1}
            (brain,) = list(view.batch)
            # The draft practice points to the agency too, but visitors may not see it.
            assert view.item_extra(brain) == [{"title": "Best practices", "count": 1}]
        assert "Best practices" in html


def minute(brain):
    return brain.effective.strftime("%Y-%m-%d %H:%M")


class TestNewestFirst:
    def test_agrees_with_the_catalogs_own_sort_and_its_security(self, portal, seeded):
        """``newest_first`` walks the date index for a result holding much of the catalog
        (everything a visitor may see, here), and lets the catalog sort a smaller one; both
        give what the catalog's own sort gives, drafts never to visitors."""
        from clusterpolisee.public.search import newest_first

        for days, item in enumerate(seeded.values()):
            # Fixed dates: the comparison never depends on the day it runs.
            item.setEffectiveDate(DateTime("2026/03/31 10:00:00 UTC") - days)
            item.reindexObject()
        catalog = api.portal.get_tool("portal_catalog")
        with api.env.adopt_user(user=nobody):
            for query in ({}, {"portal_type": "BestPractice"}, {"SearchableText": "cluster"}):
                expected = catalog.searchResults(
                    sort_on="effective", sort_order="descending", sort_limit=4, **query
                )[:4]
                found = newest_first(4, **query)
                # The date index counts minutes: items of one minute come in either order.
                assert [minute(brain) for brain in found] == [
                    minute(brain) for brain in expected
                ], query
                assert all(brain.review_state == "published" for brain in found)
            # Everything a visitor may see is most of this catalog: the walk answered.
            assert 4 * len(catalog.searchResults()) >= len(catalog)


class TestValueCounts:
    """Facet counts come from look-ups for results few against the catalog and from
    intersections for more: both give the same counts."""

    @pytest.mark.parametrize("results", [0, 3, 60, 900, 3000])
    @pytest.mark.parametrize("kind", ["FieldIndex", "KeywordIndex"])
    @pytest.mark.parametrize("values", [2, 40])
    def test_lookups_and_intersections_agree(self, results, kind, values):
        from BTrees.IIBTree import IISet
        from clusterpolisee.public import search
        from Products.PluginIndexes.FieldIndex.FieldIndex import FieldIndex
        from Products.PluginIndexes.KeywordIndex.KeywordIndex import KeywordIndex
        import random

        class Record:
            def __init__(self, value):
                self.facet = value

        generator = random.Random(results * values)
        index = FieldIndex("facet") if kind == "FieldIndex" else KeywordIndex("facet")
        for rid in range(3000):
            value = f"v{generator.randrange(values)}"
            index.index_object(rid, Record(value if kind == "FieldIndex" else [value, "all"]))
        rids = IISet(generator.sample(range(3000), results))
        expected = {}
        for rid in rids:
            recorded = index._unindex[rid]
            for value in recorded if isinstance(recorded, list) else [recorded]:
                expected[value] = expected.get(value, 0) + 1
        # Catalogs so small and so large that each way is taken.
        assert search.value_counts(index, rids, catalogued=0) == expected
        assert search.value_counts(index, rids, catalogued=10**9) == expected


class TestOwnLanguageFirst:
    """A full-text result in the visitor's language first, each part in score order, read only
    as far as a page of it is shown."""

    def test_in_order_keeps_the_order_and_reads_only_what_is_asked(self):
        from BTrees.IIBTree import IITreeSet
        from clusterpolisee.public.search import InOrder
        import random

        generator = random.Random(7)
        for scored in (True, False):
            rids = generator.sample(range(10**6), 2000)
            entries = [(generator.random(), rid) for rid in rids] if scored else rids
            records = IITreeSet(generator.sample(rids, 300))
            kept = [e for e in entries if (e[1] if scored else e) in records]
            left = [e for e in entries if (e[1] if scored else e) not in records]
            own = InOrder(entries, records, True, len(kept))
            others = InOrder(entries, records, False, len(left))
            assert others[0] == left[0]
            assert others._read < 10  # the first of 1,700 needed a few entries, not all
            assert len(own) == 300
            assert own[-1] == kept[-1]
            assert [own[i] for i in range(len(own))] == kept
            assert [others[i] for i in range(len(others))] == left
            with pytest.raises(IndexError):
                own[len(kept)]
            with pytest.raises(IndexError):
                own[-len(kept) - 1]

    @pytest.mark.parametrize("language", ["en", "bg", "ro", "de"])
    def test_every_page_agrees_with_splitting_the_whole_result(self, portal, seeded, language):
        from clusterpolisee.public import search

        for number in range(25):
            make(portal, f"cluster-{number}", "BestPractice", f"Cluster study {number}",
                 ["innovation-rd"], "RO", None, "implementation", "regional",
                 ("en", "bg", "ro")[number % 3], True)  # fmt: skip
        portal.REQUEST.set("LANGUAGE", language)
        try:
            query = search.FacetedQuery(
                {"SearchableText": "cluster"},
                search.SEARCH_FACETS,
                "/".join(portal.getPhysicalPath()),
                language=language,
            )
            with api.env.adopt_user(user=nobody):
                found = search.FacetedSearch(query)
                languages = found.catalog._catalog.indexes["Language"]._unindex
                entries = list(found.results._seq)
                expected = [e[1] for e in entries if languages.get(e[1]) == language] + [
                    e[1] for e in entries if languages.get(e[1]) != language
                ]
                shown = found.sorted_results(limit=20)
                assert len(shown) == len(expected) == len(found) >= 25
                # Pages as the view takes them: from the first record of each page on.
                for start in range(0, len(expected), 7):
                    page = [brain.getRID() for brain in shown[start : start + 7]]
                    assert page == expected[start : start + 7], start
        finally:
            portal.REQUEST.set("LANGUAGE", "en")


def test_the_whole_site_is_searched_without_a_path_criterion(portal, seeded):
    """Under the site's own path lies every catalogued item: asking the path index for it would
    only cost a union of every record."""
    from clusterpolisee.public import search

    site = "/".join(portal.getPhysicalPath())
    assert search.within(site) == {}
    assert search.within(f"{site}/repository") == {"path": f"{site}/repository"}
    query = search.FacetedQuery({}, search.SEARCH_FACETS, site, language="en")
    assert "path" not in query.catalog_query()
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_user(user=nobody):
        everything = {b.getRID() for b in catalog.searchResults(**query.catalog_query())}
        under_site = {b.getRID() for b in catalog.searchResults(path=site, **query.catalog_query())}
    assert everything == under_site
    assert len(everything) > 4


def test_the_listed_types_are_asked_as_the_few_left_out(portal, seeded):
    """Every type the search lists would be a union of nearly every record: the catalog is asked
    to leave out the few others instead, and finds the same."""
    from clusterpolisee.public import search

    catalog = api.portal.get_tool("portal_catalog")
    listed = search.searchable_types()
    criterion = search.types_criterion(listed)["portal_type"]
    assert "LRF" in criterion["not"]
    assert not set(criterion["not"]) & set(listed)
    # A listing of few types still names them.
    assert search.types_criterion(["BestPractice", "PilotAction"]) == {
        "portal_type": ["BestPractice", "PilotAction"]
    }
    with api.env.adopt_user(user=nobody):
        for text in ({}, {"SearchableText": "cluster*"}):
            named = {b.getRID() for b in catalog.searchResults(portal_type=listed, **text)}
            left_out = {b.getRID() for b in catalog.searchResults(portal_type=criterion, **text)}
            assert named == left_out
            assert named


def published_practices(portal, prefix, title, count, topic, country, newest):
    """``count`` published practices, in English and Bulgarian in turn, one day apart from
    ``newest`` back, their titles in another order than their dates."""
    for number in range(count):
        item = make(portal, f"{prefix}-{number}", "BestPractice",
                    f"{title} {(number * 7) % count:02d}", [topic], country, None,
                    "implementation", "regional", ("en", "bg")[number % 2], True)  # fmt: skip
        item.setEffectiveDate(DateTime(f"{newest} 10:00:00 UTC") - number)
        item.reindexObject()


@pytest.mark.parametrize("sort", ["relevance", "date", "title"])
@pytest.mark.parametrize("language", ["en", "bg"])
def test_sorted_from_the_records_found_as_the_catalog_sorts_them(portal, seeded, sort, language):
    """Sorted from the record ids the search found, not searched again: the order the catalog's
    own sort gives, the visitor's language first when sorted by relevance without words."""
    from clusterpolisee.public import search

    published_practices(portal, "sorted", "Study", 12, "innovation-rd", "RO", "2026/03/01")
    catalog = api.portal.get_tool("portal_catalog")
    query = search.FacetedQuery(
        {"sort_on": sort, "portal_type": "BestPractice"},
        search.SEARCH_FACETS,
        "/".join(portal.getPhysicalPath()),
        default_types=search.searchable_types(),
        language=language,
    )
    with api.env.adopt_user(user=nobody):
        found = search.FacetedSearch(query)
        shown = [brain.getPath() for brain in found.sorted_results(limit=30)]
        order = (
            {"sort_on": "sortable_title"}
            if sort == "title"
            else {"sort_on": "effective", "sort_order": "descending"}
        )
        parts = (
            [{"Language": language}, {"Language": {"not": language}}]
            if sort == "relevance"
            else [{}]
        )
        expected = [
            brain.getPath()
            for part in parts
            for brain in catalog.searchResults(**order, **part, **query.catalog_query())
        ]
    assert shown == expected
    assert len(shown) == len(found) >= 14


@pytest.mark.parametrize("sort", ["relevance", "date", "title"])
def test_each_page_shows_the_next_results(portal, seeded, sort):
    """Page 2 and 3 show the 21st to 60th results, not the first page again (plone.batching takes
    a sequence whose count exceeds its length for a page the catalog already cut)."""
    published_practices(portal, "paged", "Paged study", 45, "skills-jobs", "BG", "2026/02/01")
    shown = []
    for start in (0, 20, 40):
        # The page links send b_start:int, a number; an address typed by hand, text.
        view, _html = run(portal, sort_on=sort, topics="skills-jobs", b_start=start or "0")
        shown.append([brain.getPath() for brain in view.batch])
    with api.env.adopt_user(user=nobody):
        expected = [brain.getPath() for brain in view.search.sorted_results(limit=100)]
    assert view.total == len(expected) == 46  # the 45 and the seeded pilot
    assert shown == [expected[0:20], expected[20:40], expected[40:46]]


class TestFlatValueSets:
    """Facets count with flat copies of an index's sets, kept per database while the index is
    unchanged: a commit that changes the index makes a new copy; a change not committed (this
    transaction's, or one it gave up) is counted from the index itself and never kept."""

    def topics(self, portal):
        return api.portal.get_tool("portal_catalog")._catalog.indexes["topics"]

    def counted(self, portal):
        from clusterpolisee.public import search

        processQueue()  # what this transaction queued is indexed first, as a search does
        catalog = api.portal.get_tool("portal_catalog")
        rids = IISet(catalog._catalog.paths.keys())
        # A catalog "of none": counted by intersecting with the value sets, as large results are.
        return search.value_counts(self.topics(portal), rids, catalogued=0)

    def practice(self, portal, item_id, topic):
        return api.content.create(
            container=portal["repository"],
            type="BestPractice",
            id=item_id,
            title=item_id,
            topics=[topic],
        )

    def test_counts_follow_every_commit_and_keep_nothing_uncommitted(self, functional):
        from clusterpolisee.public import search

        portal = functional["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        self.practice(portal, "first", "innovation-rd")
        transaction.commit()
        before = self.counted(portal)
        kept = search.value_sets(self.topics(portal))
        assert kept is not self.topics(portal)._index
        assert search.value_sets(self.topics(portal)) is kept, "made again while unchanged"

        # Not committed: counted from the index itself, and not kept past a savepoint either.
        self.practice(portal, "second", "skills-jobs")
        assert self.counted(portal)["skills-jobs"] == before.get("skills-jobs", 0) + 1
        assert search.value_sets(self.topics(portal)) is self.topics(portal)._index
        transaction.savepoint()
        assert search.value_sets(self.topics(portal)) is self.topics(portal)._index
        transaction.abort()
        assert self.counted(portal) == before
        assert search.value_sets(self.topics(portal)) is kept

        # Committed: a new copy counts it.
        self.practice(portal, "third", "skills-jobs")
        transaction.commit()
        after = self.counted(portal)
        assert after["skills-jobs"] == before.get("skills-jobs", 0) + 1
        assert search.value_sets(self.topics(portal)) is not kept

    def test_a_record_alone_in_its_value_is_counted(self, functional):
        from clusterpolisee.public import search

        portal = functional["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        self.practice(portal, "lonely", "financial-framework")
        transaction.commit()
        index = self.topics(portal)
        # The index keeps a value of one record as the bare record id, not a set.
        records = index._index["financial-framework"]
        flat = search.value_sets(index)["financial-framework"]
        assert list(flat) == ([records] if isinstance(records, int) else list(records))
        assert self.counted(portal)["financial-framework"] == len(flat)


@pytest.mark.parametrize("kind", ["set", "tree set", "list out of order", "scored pairs", "empty"])
def test_record_ids_are_the_results_records_in_order(kind):
    from BTrees.IIBTree import IITreeSet
    from clusterpolisee.public import search
    from ZTUtils.Lazy import LazyMap

    records = [] if kind == "empty" else [42, -7, 3000, 5, -2000000000, 17]
    sequence = {
        "set": IISet(records),
        "tree set": IITreeSet(records),
        "list out of order": records,
        "scored pairs": [(len(records) - rank, rid) for rank, rid in enumerate(records)],
        "empty": [],
    }[kind]
    found = search.record_ids(LazyMap(lambda rid: rid, sequence, len(sequence)))
    assert isinstance(found, IISet)
    assert list(found) == sorted(records)
