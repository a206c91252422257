"""A small repository: an institution, practices on two topics, an assessment and the rest."""

from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.textfield.value import RichTextValue
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import pytest


def rich(text):
    return RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe")


def relation_to(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


@pytest.fixture
def repository(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return api.content.create(container=portal, type="Folder", id="practices", title="Practices")


@pytest.fixture
def institution(repository):
    return api.content.create(
        container=repository,
        type="Institution",
        id="adr-nord-est",
        title="North-East Regional Development Agency",
        kind="regional-authority",
        topics=["specialisation"],
        country="RO",
        region="RO21",
        website="https://www.adrnordest.ro",
        email="office@adrnordest.ro",
    )


@pytest.fixture
def practice(repository, institution):
    return api.content.create(
        container=repository,
        type="BestPractice",
        id="vouchers",
        title="Cluster innovation vouchers",
        description="Small vouchers for cluster SMEs.",
        topics=["financial-framework", "innovation-rd"],
        country="RO",
        region="RO21",
        governance_level="regional",
        working_group="financial-framework",
        practice_description=rich("Vouchers of up to EUR 10,000."),
        results=rich("184 vouchers in three years."),
        policy_type="cluster-development",
        policy_cycle_stage="implementation",
        implementing_institution=relation_to(institution),
        period_start=date(2021, 1, 1),
        period_end=date(2023, 12, 31),
        budget=1_840_000,
        sectors=["C", "J"],
        specialisation_domains=["digital"],
        preconditions_score=4,
        costs_score=3,
        risks_score=4,
        adaptation_score=5,
    )
