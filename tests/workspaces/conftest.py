"""A working group as the profile creates it, with a roster of every kind of member."""

from clusterpolisee.workspaces.groups import LEADER
from clusterpolisee.workspaces.groups import MEMBER
from clusterpolisee.workspaces.groups import set_roster_role
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
import pytest


PASSWORD = "secret-pass-1"
# login -> (tier group, roster role or None)
PEOPLE = {
    "leader": ("full-members", LEADER),
    "full": ("full-members", MEMBER),
    "full-two": ("full-members", MEMBER),
    "associated": ("associated-members", MEMBER),
    "outsider": ("full-members", None),
    "partner": ("partner-members", None),
    "coordinator": ("coordinators", None),
}


def create_people(portal):
    for login, (group, _role) in PEOPLE.items():
        api.user.create(
            username=login,
            email=f"{login}@example.org",
            password=PASSWORD,
            # As the registration form makes them: a profile other members see.
            properties={"fullname": login.replace("-", " ").title(), "profile_visible": True},
        )
        api.group.add_user(groupname=group, username=login)


def fill_roster(workspace):
    for login, (_group, role) in PEOPLE.items():
        if role:
            set_roster_role(workspace, login, role)


@pytest.fixture
def group(portal):
    """The innovation working group's workspace, with its roster."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    create_people(portal)
    workspace = portal["working-groups"]["innovation-rd"]
    fill_roster(workspace)
    setRoles(portal, TEST_USER_ID, ["Member"])
    return workspace


def as_user(login):
    return api.env.adopt_user(username=login)
