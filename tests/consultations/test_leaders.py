"""Working-group leaders read the consultations' results through a group kept in step with the
rosters; ordinary members of a group do not."""

from clusterpolisee.workspaces.groups import LEADER
from clusterpolisee.workspaces.groups import MEMBER
from clusterpolisee.workspaces.groups import set_roster_role
from plone import api
from plone.app.testing import SITE_OWNER_NAME
import requests
import transaction


PASSWORD = "secret-pass-1"
LEADERS = "working-group-leaders"


def leaders():
    return {user.getId() for user in api.user.get_users(groupname=LEADERS)}


class TestLeadersGroup:
    def test_follows_the_rosters(self, portal):
        with api.env.adopt_roles(["Manager"]):
            api.user.create(username="lead", email="lead@example.org", password=PASSWORD)
            workspaces = portal["working-groups"]
            set_roster_role(workspaces["sustainability"], "lead", LEADER)
            assert "lead" in leaders()
            set_roster_role(workspaces["innovation-rd"], "lead", LEADER)
            set_roster_role(workspaces["sustainability"], "lead", MEMBER)
            assert "lead" in leaders()  # still leads innovation-rd
            set_roster_role(workspaces["innovation-rd"], "lead", None)
            assert "lead" not in leaders()


class TestResultsForLeaders:
    def test_a_leader_downloads_the_results_and_a_member_cannot(self, functional):
        portal = functional["portal"]
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            for login in ("lead", "member"):
                api.user.create(username=login, email=f"{login}@example.org", password=PASSWORD)
                api.group.add_user(groupname="full-members", username=login)
            set_roster_role(portal["working-groups"]["sustainability"], "lead", LEADER)
            set_roster_role(portal["working-groups"]["sustainability"], "member", MEMBER)
        transaction.commit()
        url = f"{portal.absolute_url()}/de/consultations/sustainability/@@results.json"
        assert requests.get(url, auth=("lead", PASSWORD)).json() == []
        refused = requests.get(url, auth=("member", PASSWORD), allow_redirects=False)
        assert refused.status_code in (302, 401, 403)
