"""The classic views of the repository types and the event details."""

from datetime import datetime
from plone import api
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.namedfile.file import NamedBlobFile
import pytz


def render(context, name="view"):
    request = context.REQUEST
    view = api.content.get_view(name=name, context=context, request=request)
    return view()


class TestRepositoryViews:
    def test_best_practice_page(self, portal, practice):
        api.content.create(
            container=practice,
            type="File",
            id="evaluation.pdf",
            title="Evaluation report",
            file=NamedBlobFile(b"%PDF-1.4 " + b"x" * 2048, "application/pdf", "evaluation.pdf"),
        )
        html = render(practice)
        assert "Key facts" in html
        assert "Romania" in html
        assert "Nord-Est (RO21)" in html
        assert "Cluster development" in html
        assert "Implementation" in html
        assert "EUR 1\u202f840\u202f000" in html
        # Topics link to their topic pages.
        assert f'href="{portal.absolute_url()}/@@topic/financial-framework"' in html
        assert f'href="{portal.absolute_url()}/@@topic/innovation-rd"' in html
        # The related institution, the attachment with its type and size, the chart.
        assert "North-East Regional Development Agency" in html
        assert "Evaluation report" in html
        assert "PDF" in html
        assert "2.0 KB" in html
        assert 'class="transferability-chart"' in html
        assert 'width="160"' in html  # a 4/5 score on a 200-pixel track
        assert "Overall transferability score" in html
        assert "4/5" in html
        assert "184 vouchers in three years." in html

    def test_assessment_pilot_publication_network_and_institution_pages(
        self, portal, repository, practice, institution
    ):
        from tests.repository.conftest import relation_to
        from tests.repository.conftest import rich

        assessment = api.content.create(
            container=repository,
            type="PolicyAssessment",
            id="assessment",
            title="Assessment of the voucher scheme",
            assessed_measure="Innovation voucher scheme",
            approach="quantitative",
            criteria=["Relevance | 4 | fits the strategy"],
            funding_scheme="ERDF regional programme",
            agency_capacity="Twelve staff",
            implementing_agency=relation_to(institution),
            findings=rich("Vouchers reached first-time innovators."),
        )
        html = render(assessment)
        for text in (
            "Innovation voucher scheme",
            "Quantitative",
            "The programme",
            "ERDF regional programme",
            "The implementing agency",
            "Twelve staff",
            "Criteria and scores",
            "fits the strategy",
            "Vouchers reached first-time innovators.",
        ):
            assert text in html
        publication = api.content.create(
            container=repository,
            type="Publication",
            id="guide",
            title="Voucher design guide",
            kind="guideline",
            authors=["Elena Popescu"],
            file=NamedBlobFile(b"%PDF-1.4 guide", "application/pdf", "guide.pdf"),
        )
        html = render(publication)
        assert "Guideline" in html
        assert "Elena Popescu" in html
        assert "@@download/file/guide.pdf" in html
        pilot = api.content.create(
            container=repository,
            type="PilotAction",
            id="pilot",
            title="Voucher pilot",
            status="running",
            objective=rich("Try vouchers in two regions."),
            regions=["RO21"],
            indicators=["Companies supported | 40 | 52"],
            milestones=["2027-01-15 | Launch"],
            builds_on=[relation_to(practice), relation_to(assessment)],
            produced_guideline=relation_to(publication),
        )
        html = render(pilot)
        for text in ("Running", "Companies supported", "130 %", "Launch", "Builds on"):
            assert text in html
        assert "Cluster innovation vouchers" in html
        assert "Voucher design guide" in html
        network = api.content.create(
            container=repository,
            type="CooperationNetwork",
            id="network",
            title="Danube network",
            members=[relation_to(institution)],
            countries=["RO", "RS"],
            website="https://danube.example.org",
        )
        html = render(network)
        assert "Serbia" in html
        assert "https://danube.example.org" in html
        # The institution page lists what points to it.
        html = render(institution)
        assert "Regional public authority" in html
        assert "mailto:office@adrnordest.ro" in html
        for title in ("Cluster innovation vouchers", "Assessment of the voucher scheme"):
            assert title in html

    def test_relations_to_private_items_are_hidden_from_anonymous(self, portal, practice):
        api.content.transition(practice.aq_parent, transition="publish")
        api.content.transition(practice, transition="publish")
        logout()
        html = render(practice)
        # The institution is private: its title must not leak through the relation.
        assert "North-East Regional Development Agency" not in html


class TestEventDetails:
    def test_event_shows_topics_initiative_and_join_button(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        zone = pytz.timezone("Europe/Bucharest")
        event = api.content.create(
            container=portal,
            type="Event",
            id="conference",
            title="European Cluster Conference",
            start=zone.localize(datetime(2027, 5, 3, 9)),
            end=zone.localize(datetime(2027, 5, 3, 17)),
            topics=["international-cooperation"],
            organiser="European Commission",
            eu_initiative="eccp",
            audience=["policy-makers", "cluster-managers"],
            online_meeting_url="https://meet.example.org/ecc",
        )
        html = render(event)
        assert "European Cluster Collaboration Platform" in html
        assert "Policy makers, Cluster managers" in html
        assert 'href="https://meet.example.org/ecc"' in html
        assert f"{portal.absolute_url()}/@@topic/international-cooperation" in html
        brain = api.portal.get_tool("portal_catalog")(UID=event.UID())[0]
        assert brain.topics == ["international-cooperation"]
        assert brain.eu_initiative == "eccp"
