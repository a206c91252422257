"""The permission matrix of test_permission_matrix.py, through what a person or a program uses:
Plone's pages, plone.restapi, @search, the sections' RSS feeds and iCal.

One site holds every policy and state twice: as a folder (pages, REST, search, RSS) and as an
event (iCal). Each user signs in once through @login and sends its JWT with every request.
"""

from clusterpolisee.core.security import assign_policy
from plone import api
from plone.app.discussion.interfaces import IDiscussionSettings
from plone.app.testing import SITE_OWNER_NAME
from plone.base.interfaces.syndication import IFeedSettings
from plone.registry.interfaces import IRegistry
from tests.authentication.codes import password_only
from tests.security.test_permission_matrix import EVERYONE
from tests.security.test_permission_matrix import EXPECTED
from tests.security.test_permission_matrix import username
from tests.security.test_permission_matrix import USERS
from zope.component import getUtility
import datetime
import pytest
import pytz
import requests
import transaction


PASSWORD = "secret-pass-1"


def marker(policy, state):
    # A word no page carries by itself, so that finding it in a page or feed means the item.
    return f"Item{policy.split('_')[1].title()}{state.replace('_', '').title()}"


@pytest.fixture
def platform(functional):
    portal = functional["portal"]
    start = pytz.utc.localize(datetime.datetime(2030, 5, 6, 10))
    # The site owner, not adopt_roles: workflow guards check roles, which adopt_roles leaves alone.
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        settings = getUtility(IRegistry).forInterface(IDiscussionSettings)
        settings.globally_enabled = True
        api.portal.get_tool("portal_types")["Folder"].allow_discussion = True
        for login, (groups, _local) in USERS.items():
            api.user.create(
                username=username(login), email=f"{login}@example.org", password=PASSWORD
            )
            for group in groups:
                api.group.add_user(groupname=group, username=username(login))
        sections = {}
        for policy in EXPECTED:
            section = api.content.create(container=portal, type="Folder", id=policy, title=policy)
            assign_policy(section, policy, policy_in="clusterpolisee_members")
            if policy == "clusterpolisee_workspace":
                for login, (_groups, local_roles) in USERS.items():
                    if local_roles:
                        api.user.grant_roles(
                            username=username(login), obj=section, roles=list(local_roles)
                        )
            if policy == "clusterpolisee_public":
                api.user.grant_roles(
                    username=username("author"), obj=section, roles=["Contributor"]
                )
            sections[policy] = section
        for policy, (paths, _states) in EXPECTED.items():
            for state, transitions in paths.items():
                for portal_type, suffix in (("Folder", ""), ("Event", "-event")):
                    with api.env.adopt_user(username=username("author")):
                        item = api.content.create(
                            container=sections[policy],
                            type=portal_type,
                            id=f"{state}{suffix}",
                            title=f"{marker(policy, state)}{suffix}",
                            **({"start": start, "end": start} if portal_type == "Event" else {}),
                        )
                    with api.env.adopt_user(username=SITE_OWNER_NAME):
                        api.user.grant_roles(
                            username=username("invited"), obj=item, roles=["Reader"]
                        )
                        for transition in transitions:
                            api.content.transition(obj=item, transition=transition)
        # One feed over every section: people follow a collection, and it lists what sits in
        # a section they may not open itself (an invited partner).
        feed = api.content.create(
            container=portal,
            type="Collection",
            id="everything",
            title="Everything",
            limit=200,
            item_count=200,
            query=[
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["Folder", "Event"],
                }
            ],
        )
        IFeedSettings(feed).enabled = True
        IFeedSettings(feed).max_items = 200
        api.content.transition(feed, to_state="published")
    password_only()  # what people may do, not how they sign in (tests/authentication)
    transaction.commit()
    base = portal.absolute_url()
    clients = {"anonymous": requests.Session()}
    for login in USERS:
        client = requests.Session()
        response = client.post(
            f"{base}/@login",
            json={"login": username(login), "password": PASSWORD},
            headers={"Accept": "application/json"},
        )
        assert response.status_code == 200, response.text
        client.headers["Authorization"] = f"Bearer {response.json()['token']}"
        clients[login] = client
    return base, clients


def cases():
    for policy, (_paths, states) in EXPECTED.items():
        for state, actions in states.items():
            yield policy, state, actions


def mismatches(expected_users, observed):
    """Lines naming each user whose observed access differs from the matrix."""
    return [
        f"{login} {'may' if observed[login] else 'may not'}"
        for login in sorted(EVERYONE)
        if observed[login] != (login in expected_users)
    ]


class TestMatrixOverHttp:
    def test_pages(self, platform):
        """View, edit and add pages of Plone's classic UI answer 200 exactly for the users the
        matrix allows."""
        base, clients = platform
        # The delete page asks "Delete objects" and nothing else: test_permission_matrix.py checks
        # that permission for every user and state.
        pages = {
            "view": "",
            "edit": "/@@edit",
            "add": "/++add++Document",
        }
        wrong = []
        for policy, state, actions in cases():
            for action, page in pages.items():
                url = f"{base}/{policy}/{state}{page}"
                observed = {
                    login: client.get(url, allow_redirects=False).status_code == 200
                    for login, client in clients.items()
                }
                wrong += [
                    f"{policy} {state} {action}: {line}"
                    for line in mismatches(actions[action], observed)
                ]
        assert wrong == [], "\n".join(wrong)

    def test_rest_api(self, platform):
        """plone.restapi: reading the item and its history of versions, the comment permission
        and the offered transitions."""
        base, clients = platform
        wrong = []
        for policy, state, actions in cases():
            url = f"{base}/{policy}/{state}"
            readable, histories, replies, transitions = {}, {}, {}, {}
            for login, client in clients.items():
                response = client.get(url, headers={"Accept": "application/json"})
                readable[login] = response.status_code == 200
                history = client.get(f"{url}/@history", headers={"Accept": "application/json"})
                histories[login] = history.status_code == 200
                comments = client.get(f"{url}/@comments", headers={"Accept": "application/json"})
                replies[login] = (
                    comments.status_code == 200 and comments.json()["permissions"]["can_reply"]
                )
                workflow = client.get(f"{url}/@workflow", headers={"Accept": "application/json"})
                transitions[login] = (
                    {entry["@id"].rsplit("/", 1)[1] for entry in workflow.json()["transitions"]}
                    if workflow.status_code == 200
                    else set()
                )
            wrong += [
                f"{policy} {state} read: {line}" for line in mismatches(actions["view"], readable)
            ]
            wrong += [
                f"{policy} {state} versions: {line}"
                for line in mismatches(actions["versions"], histories)
            ]
            wrong += [
                f"{policy} {state} comment: {line}"
                for line in mismatches(actions["comment"], replies)
            ]
            for transition, allowed in actions.items():
                if transition in ("view", "versions", "edit", "revert", "delete", "add", "comment"):
                    continue
                observed = {login: transition in offered for login, offered in transitions.items()}
                wrong += [
                    f"{policy} {state} {transition}: {line}"
                    for line in mismatches(allowed, observed)
                ]
        assert wrong == [], "\n".join(wrong)

    def test_search_and_feeds(self, platform):
        """@search, an RSS feed and an iCal feed list an item exactly for the users who may
        view it."""
        base, clients = platform
        wrong = []
        for policy, (_paths, states) in EXPECTED.items():
            for login, client in clients.items():
                search = client.get(
                    f"{base}/@search",
                    params={
                        "path.query": f"/plone/{policy}",
                        "portal_type": "Folder",
                        "b_size": 100,
                    },
                    headers={"Accept": "application/json"},
                )
                found = {item["title"] for item in search.json()["items"]}
                rss = client.get(f"{base}/everything/RSS").text
                ical = client.get(f"{base}/everything/ics_view").text
                for state, actions in states.items():
                    title = marker(policy, state)
                    may_view = login in actions["view"]
                    for channel, listed in (
                        ("search", title in found),
                        ("RSS", f"<title>{title}</title>" in rss),
                        ("iCal", f"SUMMARY:{title}-event" in ical),
                    ):
                        if listed != may_view:
                            wrong.append(
                                f"{policy} {state} {channel}: {login} {'sees' if listed else 'misses'} it"
                            )
        assert wrong == [], "\n".join(wrong)
