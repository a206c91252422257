"""What the demo links together (as ``make start`` builds it): practice, pilot and guideline;
members and the public authorities they work for, counted by the indicators."""

from AccessControl.SpecialUsers import nobody
from clusterpolisee.demo import data
from clusterpolisee.indicators.report import IndicatorReport
from clusterpolisee.indicators.report import INDICATORS
from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone import api
from plone.app.testing import login
from plone.protect.authenticator import createToken
from zope.interface import alsoProvides
import pytest


POLICY_MAKERS = next(indicator for indicator in INDICATORS if indicator.id == "policy-makers")


@pytest.fixture
def demo(demo_integration, portal):
    alsoProvides(portal.REQUEST, IClusterpoliseeLayer)
    return portal


def public_count(portal):
    with api.env.adopt_user(user=nobody):
        return IndicatorReport(portal, published_only=True).value(POLICY_MAKERS)


def find_one(**query):
    brains = api.content.find(**query)
    assert len(brains) == 1, query
    return brains[0].getObject()


class TestDemoPilots:
    def test_every_pilot_names_its_practices_and_its_guideline(self, demo):
        for (_topic, title, *_rest), (practices, _assessments, guideline) in zip(
            data.PILOT_ACTIONS, data.PILOT_LINKS, strict=True
        ):
            pilot = find_one(portal_type="PilotAction", Title=title)
            targets = [relation.to_object.Title() for relation in pilot.builds_on]
            assert set(practices) <= set(targets)
            assert pilot.produced_guideline.to_object.Title() == guideline
            assert pilot.produced_guideline.to_object.kind == "guideline"
            with api.env.adopt_user(user=nobody):
                practice = find_one(portal_type="BestPractice", Title=practices[0])
                view = api.content.get_view("view", practice, demo.REQUEST)
                assert [brain.Title for brain in view.back_references("builds_on")] == [title]


class TestPolicyMakersConnected:
    def test_demo_members_of_public_authorities_count(self, demo):
        # Elena (ADR Nord-Est), Marko (Development Agency of Serbia), Maria (SFG) and Ioana
        # (Centru agency) work for authorities of the institutions database.
        assert public_count(demo) == 4
        with api.env.adopt_user(user=nobody):
            report = IndicatorReport(demo, published_only=True)
            assert report.counts(POLICY_MAKERS, "country") == {"RO": 2, "RS": 1, "AT": 1}

    def test_a_member_who_chooses_an_authority_on_their_profile_counts(self, demo):
        before = public_count(demo)
        agency = find_one(portal_type="Institution", Title="Veneto Innovation Agency")
        request = demo.REQUEST
        login(demo, "luca.bianchi")  # an associated member, of the University of Padua
        request.method = "POST"
        request.form.update(
            {
                "form.widgets.email": "luca.bianchi@example.org",
                "form.widgets.organisation": "Veneto Innovation Agency",
                "form.widgets.institution": [agency.UID()],
                "form.widgets.institution-empty-marker": "1",
                "form.widgets.country": ["IT"],
                "form.widgets.country-empty-marker": "1",
                "form.widgets.notification_frequency": ["immediate"],
                "form.widgets.notification_frequency-empty-marker": "1",
                "form.buttons.save": "Save",
                "_authenticator": createToken(),
            }
        )
        api.content.get_view("personal-information", demo, request)()
        assert api.user.get(username="luca.bianchi").getProperty("institution") == agency.UID()
        assert public_count(demo) == before + 1
