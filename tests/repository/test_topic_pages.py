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

    def test_overview_lists_six_topics_with_counts(self, demo):
        view = api.content.get_view("topic", demo, demo.REQUEST)
        overview = view.overview()
        assert len(overview) == 6
        assert sum(topic["count"] for topic in overview) >= 8
        assert "Central topics" in view()
