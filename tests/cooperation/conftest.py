"""The partner search as the profile makes it, and members of every kind to use it."""

from clusterpolisee.cooperation.setup import ensure_partner_search
from clusterpolisee.cooperation.setup import SECTION_ID
from clusterpolisee.core import dates
from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
import pytest


PASSWORD = "secret-pass-1"
# login -> (tier group or None for a registrant waiting for approval, profile region)
PEOPLE = {
    "author": ("full-members", "HR03"),
    "colleague": ("associated-members", "RO21"),
    "wanderer": ("full-members", None),
    "partner": ("partner-members", "BG41"),
    "registrant": (None, "SI04"),
    "coordinator": ("coordinators", "HR05"),
}


def create_people():
    for login, (group, region) in PEOPLE.items():
        properties = {"fullname": login.title(), "profile_visible": True}
        if region:
            properties["region"] = region
        api.user.create(
            username=login, email=f"{login}@example.org", password=PASSWORD, properties=properties
        )
        if group:
            api.group.add_user(groupname=group, username=login)


def as_user(login):
    return api.env.adopt_user(username=login)


def partner_search(portal):
    """The section; made here only where the profile has not made it."""
    return portal.get(SECTION_ID) or ensure_partner_search(portal)


def post_request(folder, login, title="Partner region for a cluster manager exchange", **fields):
    """A request posted by ``login``, as the add form makes it (fields and events)."""
    values = {
        "description": "We look for a region to exchange cluster managers with.",
        "topics": ["international-cooperation"],
        "region": PEOPLE[login][1] or "HR03",
        "deadline": in_days(30),
        "public": False,
    }
    values.update(fields)
    with as_user(login):
        return api.content.create(
            container=folder, type="CooperationRequest", title=title, **values
        )


def in_days(days):
    """A day counted from today in the platform's zone."""
    return dates.today() + timedelta(days=days)


@pytest.fixture
def people(portal):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        create_people()
    return PEOPLE


@pytest.fixture
def folder(portal, people):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        return partner_search(portal)
