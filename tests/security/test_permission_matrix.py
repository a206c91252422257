"""Who may do what, in every state of every placeful workflow policy of the platform.

Each row of EXPECTED names, for one state, the users allowed each action; every other user of
USERS must be refused. Checked through permissions, the workflow's offered transitions and the
catalog (search). README, "Who may do what", is this table for people.
"""

from AccessControl.SpecialUsers import nobody
from clusterpolisee.core.security import assign_policy
from clusterpolisee.core.security import MEMBERS_POLICY
from clusterpolisee.core.security import PUBLIC_POLICY
from clusterpolisee.core.security import WORKSPACE_POLICY
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
import pytest


# login -> (tier groups, local roles on the workspace). "author" writes every item; "invited"
# is a partner member named on each item's sharing tab (local role Reader).
USERS = {
    "pending": ((), ()),
    "full": (("full-members",), ()),
    "associated": (("associated-members",), ()),
    "partner": (("partner-members",), ()),
    "stc": (("stc",), ()),
    "coordinator": (("coordinators",), ()),
    "translator": (("translators",), ()),
    "wg-full": (("full-members",), ("WorkingGroupMember",)),
    "wg-associated": (("associated-members",), ("WorkingGroupMember",)),
    "wg-leader": (("full-members",), ("WorkingGroupLeader",)),
    "author": (("associated-members",), ("WorkingGroupMember",)),
    "invited": (("partner-members",), ()),
}
EVERYONE = {"anonymous", *USERS}
APPROVED = {
    "full",
    "associated",
    "stc",
    "coordinator",
    "translator",
    "wg-full",
    "wg-associated",
    "wg-leader",
    "author",
}
ROSTER = {"wg-full", "wg-associated", "wg-leader", "author"}
WS_VIEW = ROSTER | {"coordinator", "stc", "invited"}
WS_ADD = ROSTER | {"coordinator"}
WS_COMMENT = ROSTER | {"coordinator", "stc"}
# Old versions: never wider than viewing, and never the whole public or every member.
REVIEWERS = {"coordinator", "stc", "author", "invited"}
CONFIDENTIAL = {
    "view": {"author", "invited"},
    "versions": {"author", "invited"},
    "edit": {"author"},
    "delete": {"author"},
    "add": {"author"},
    "comment": {"author", "invited"},
    "unconfidential": {"author"},
}

# policy -> (transitions from the initial state to each state, {state: {action: users}}).
EXPECTED = {
    WORKSPACE_POLICY: (
        {
            "draft": [],
            "group_review": ["submit"],
            "approved": ["submit", "approve"],
            "proposed": ["submit", "approve", "propose"],
            "confidential": ["make_confidential"],
        },
        {
            "draft": {
                "view": WS_VIEW,
                "versions": WS_VIEW,
                "edit": {"coordinator", "wg-leader", "author"},
                "delete": {"coordinator", "wg-leader", "author"},
                "add": WS_ADD,
                "comment": WS_COMMENT,
                "submit": {"coordinator", "wg-leader", "author"},
                "make_confidential": {"coordinator", "wg-leader", "author"},
            },
            "group_review": {
                "view": WS_VIEW,
                "versions": WS_VIEW,
                "edit": {"coordinator", "wg-leader"},
                "delete": {"coordinator", "wg-leader"},
                "add": WS_ADD,
                "comment": WS_COMMENT,
                # A full member of the group decides; an associated member may not.
                "approve": {"coordinator", "wg-full", "wg-leader"},
                "reject": {"coordinator", "wg-full", "wg-leader"},
            },
            "approved": {
                "view": WS_VIEW,
                "versions": WS_VIEW,
                "edit": {"coordinator", "wg-leader"},
                "delete": {"coordinator"},
                "add": WS_ADD,
                "comment": WS_COMMENT,
                "propose": {"coordinator", "wg-leader"},
                "reopen": {"coordinator", "wg-leader"},
            },
            "proposed": {
                "view": WS_VIEW,
                "versions": WS_VIEW,
                "edit": {"coordinator"},
                "delete": {"coordinator"},
                "add": {"coordinator"},
                "comment": WS_COMMENT,
                "withdraw": {"coordinator", "wg-leader", "stc"},
            },
            "confidential": CONFIDENTIAL,
        },
    ),
    PUBLIC_POLICY: (
        {
            "private": [],
            "pending": ["submit"],
            "published": ["submit", "publish"],
            "archived": ["submit", "publish", "archive"],
            "confidential": ["make_confidential"],
        },
        {
            "private": {
                "view": {"coordinator", "author", "invited"},
                "versions": {"coordinator", "author", "invited"},
                "edit": {"coordinator", "author"},
                "delete": {"coordinator", "author"},
                "add": {"coordinator", "author"},
                "comment": set(),
                "submit": {"coordinator", "author"},
                "make_confidential": {"coordinator", "author"},
            },
            "pending": {
                "view": {"coordinator", "author", "invited", "stc"},
                "versions": REVIEWERS,
                "edit": {"coordinator"},
                "delete": {"coordinator"},
                "add": {"coordinator"},
                "comment": {"coordinator", "stc"},
                # The STC validates; the coordinator does not (publishing/queue.py).
                "publish": {"stc"},
                "reject": {"stc"},
                "retract": {"coordinator", "author"},
            },
            "published": {
                "view": EVERYONE,
                "versions": REVIEWERS,
                "edit": {"coordinator"},
                "delete": {"coordinator"},
                "add": {"coordinator", "author"},
                "comment": APPROVED,
                "archive": {"coordinator", "stc"},
                "unpublish": {"coordinator", "stc"},
            },
            "archived": {
                "view": APPROVED | {"invited"},
                "versions": REVIEWERS,
                "edit": {"coordinator"},
                "delete": {"coordinator"},
                "add": set(),
                "comment": set(),
                "republish": {"stc"},
            },
            "confidential": CONFIDENTIAL,
        },
    ),
    MEMBERS_POLICY: (
        {"internal": [], "confidential": ["make_confidential"]},
        {
            "internal": {
                "view": APPROVED | {"invited"},
                "versions": REVIEWERS,
                "edit": {"coordinator", "author"},
                "delete": {"coordinator", "author"},
                "add": {
                    "coordinator",
                    "author",
                    "full",
                    "associated",
                    "wg-full",
                    "wg-associated",
                    "wg-leader",
                },
                "comment": APPROVED,
                "make_confidential": {"coordinator", "author"},
            },
            "confidential": CONFIDENTIAL,
        },
    ),
}
# Reverting to an old version is editing: the same people, in every state.
for _paths, _states in EXPECTED.values():
    for _actions in _states.values():
        _actions["revert"] = _actions["edit"]
PERMISSIONS = {
    "view": "View",
    "versions": "CMFEditions: Access previous versions",
    "revert": "CMFEditions: Revert to previous versions",
    "edit": "Modify portal content",
    "delete": "Delete objects",
    "add": "Add portal content",
    "comment": "Reply to item",
}
CASES = [(policy, state) for policy, (_paths, states) in EXPECTED.items() for state in states]


def username(login):
    # Plone refuses user ids that name something in the site, such as "author".
    return f"member-{login}"


@pytest.fixture
def platform(portal):
    """The three sections, the users and, per policy and state, one item by "author"."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for login, (groups, _local) in USERS.items():
        api.user.create(
            username=username(login), email=f"{login}@example.org", password="secret-pass-1"
        )
        for group in groups:
            api.group.add_user(groupname=group, username=username(login))
    sections = {}
    for policy in EXPECTED:
        section = api.content.create(container=portal, type="Folder", id=policy, title=policy)
        assign_policy(section, policy)
        if policy == WORKSPACE_POLICY:
            for login, (_groups, local_roles) in USERS.items():
                if local_roles:
                    api.user.grant_roles(
                        username=username(login), obj=section, roles=list(local_roles)
                    )
        if policy == PUBLIC_POLICY:
            # Writers in the public section are named contributors of it.
            api.user.grant_roles(username=username("author"), obj=section, roles=["Contributor"])
        sections[policy] = section
    items = {}
    for policy, (paths, _states) in EXPECTED.items():
        for state, transitions in paths.items():
            with api.env.adopt_user(username=username("author")):
                item = api.content.create(
                    container=sections[policy], type="Document", id=state, title=state
                )
            api.user.grant_roles(username=username("invited"), obj=item, roles=["Reader"])
            for transition in transitions:
                api.content.transition(obj=item, transition=transition)
            assert api.content.get_state(item) == state
            items[policy, state] = item
    return items


def allowed(item, login, action):
    workflow_tool = api.portal.get_tool("portal_workflow")
    catalog = api.portal.get_tool("portal_catalog")

    def check():
        if action in PERMISSIONS:
            permitted = bool(api.user.has_permission(PERMISSIONS[action], obj=item))
            if action == "view":
                # Search must agree with the permission.
                found = len(catalog(UID=item.UID())) == 1
                assert found == permitted, f"catalog disagrees for {login} on view"
            return permitted
        return action in {t["id"] for t in workflow_tool.getTransitionsFor(item)}

    if login == "anonymous":
        with api.env.adopt_user(user=nobody):
            return check()
    with api.env.adopt_user(username=username(login)):
        return check()


class TestPermissionMatrix:
    @pytest.mark.parametrize(("policy", "state"), CASES)
    def test_state(self, platform, policy, state):
        item = platform[policy, state]
        expected = EXPECTED[policy][1][state]
        wrong = [
            f"{login} {'may' if allowed(item, login, action) else 'may not'} {action}"
            for action, allowed_users in expected.items()
            for login in sorted(EVERYONE)
            if allowed(item, login, action) != (login in allowed_users)
        ]
        assert wrong == []

    def test_every_transition_of_every_state_is_in_the_matrix(self, platform):
        workflow_tool = api.portal.get_tool("portal_workflow")
        for (policy, state), item in platform.items():
            (workflow,) = workflow_tool.getWorkflowsFor(item)
            exits = set(workflow.states[state].transitions)
            assert exits <= set(EXPECTED[policy][1][state]), (policy, state)
