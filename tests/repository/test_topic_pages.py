"""The topic pages: the six topics with counts, and each topic's items, on the demo content."""

from clusterpolisee.languages.platform import in_language
from plone import api
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
import pytest


class TestTopicPages:
    @pytest.fixture
    def demo(self, demo_integration, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        return portal

    def test_topic_page_counts_by_type_and_lists_items(self, demo):
        view = api.content.get_view("topic", demo, demo.REQUEST).publishTraverse(
            demo.REQUEST, "financial-framework"
        )
        catalog = api.portal.get_tool("portal_catalog")
        counts = {row["type"]: row["count"] for row in view.counts()}
        for portal_type, count in counts.items():
            # One item per translation group, in the page's language (English here).
            found = catalog(
                topics="financial-framework", portal_type=portal_type, **in_language("en")
            )
            assert count == len(found)
        assert counts["BestPractice"] == 2
        assert counts["PolicyAssessment"] == 1
        assert counts["Publication"] == 1
        html = view()
        assert "Financial framework improvement" in html
        assert "Cluster innovation vouchers in the North-East region" in html
        assert "Performance-based funding of cluster organisations in Serbia" in html
        assert "Open laboratories for agri-food clusters" not in html

    def test_topic_page_filters_by_type(self, demo):
        demo.REQUEST.form["portal_type"] = "PolicyAssessment"
        view = api.content.get_view("topic", demo, demo.REQUEST).publishTraverse(
            demo.REQUEST, "financial-framework"
        )
        assert [brain.portal_type for brain in view.items()] == ["PolicyAssessment"]

    def test_anonymous_counts_only_what_they_may_see(self, demo):
        practice = demo.repository["cluster-innovation-vouchers-in-the-north-east-region"]
        api.content.transition(practice, transition="unpublish")
        logout()
        view = api.content.get_view("topic", demo, demo.REQUEST).publishTraverse(
            demo.REQUEST, "financial-framework"
        )
        counts = {row["type"]: row["count"] for row in view.counts()}
        # The English original is no longer published; its published Italian translation (the
        # first published language) stands in for it (languages/platform.py).
        assert counts["BestPractice"] == 2
        html = view()
        assert "Cluster innovation vouchers in the North-East region" not in html
        assert "Voucher per l&#x27;innovazione dei cluster nella regione Nord-Est" in html or (
            "Voucher per l'innovazione dei cluster nella regione Nord-Est" in html
        )

    def test_the_second_page_lists_the_next_items(self, demo):
        """plone.batching takes a result whose count exceeds its length for a page the catalog
        already cut: the page is cut by the catalog, and page 2 is not page 1 again."""
        from clusterpolisee.core.sections import publish
        from DateTime import DateTime
        from zope.annotation.interfaces import IAnnotations

        for number in range(45):
            practice = api.content.create(
                container=demo.repository,
                type="BestPractice",
                id=f"paged-{number}",
                title=f"Paged study {number}",
                topics=["skills-jobs"],
            )
            practice.setEffectiveDate(DateTime("2026/02/01 10:00:00 UTC") - number)
            publish(practice)
        pages = []
        for start in ("0", 20):  # Plone's page links send b_start:int
            demo.REQUEST.form["b_start"] = start
            IAnnotations(demo.REQUEST).pop("plone.memoize", None)  # a new request's view
            view = api.content.get_view("topic", demo, demo.REQUEST).publishTraverse(
                demo.REQUEST, "skills-jobs"
            )
            pages.append([brain.getPath() for brain in view.items()])
        del demo.REQUEST.form["b_start"]
        catalog = api.portal.get_tool("portal_catalog")
        query = view._query(topics="skills-jobs", sort_on="effective", sort_order="descending")
        expected = [brain.getPath() for brain in catalog(**query)]
        assert len(expected) > 40
        assert pages == [expected[:20], expected[20:40]]

    def test_overview_lists_six_topics_with_counts(self, demo):
        view = api.content.get_view("topic", demo, demo.REQUEST)
        overview = view.overview()
        assert len(overview) == 6
        assert sum(topic["count"] for topic in overview) >= 8
        assert "Central topics" in view()
