"""Where members talk, over HTTP on the demo: a group's topic takes replies from its roster only;
the members' forum, made by the site profile (and by an upgrade on an older site), is every
approved member's, across the groups, and nobody else's."""

from clusterpolisee.demo import data
from clusterpolisee.members.forum import ensure_members_forum
from clusterpolisee.members.forum import members_forum
from clusterpolisee.setuphandlers import platform_containers
from plone import api
from tests.authentication.codes import login_body
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
GROUP_TOPIC = "/working-groups/innovation-rd/forum/should-vouchers-cover-digital-services"
MEMBERS_FORUM = "/members-area/forum"
NEWCOMER = "newcomer"  # registered, waiting for approval: in no tier group
REFUSED = (401, 403, 404)


def session(site, login=None):
    client = requests.Session()
    client.headers.update(JSON)
    if login:
        response = client.post(f"{site}/@login", json=login_body(login, data.DEMO_PASSWORD))
        client.headers["Authorization"] = f"Bearer {response.json()['token']}"
    return client


@pytest.fixture
def site(demo_functional, functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username=NEWCOMER, email="newcomer@example.org", password=data.DEMO_PASSWORD
        )
    transaction.commit()
    return portal.absolute_url()


class TestGroupTopics:
    def test_only_the_roster_replies(self, site):
        comments = f"{site}{GROUP_TOPIC}/@comments"
        # Maria Hofer: a full member who leads WG3, not on WG4's roster.
        maria = session(site, "maria.hofer")
        assert maria.post(comments, json={"text": "From WG3"}).status_code in REFUSED
        assert maria.get(comments).status_code in REFUSED
        luca = session(site, "luca.bianchi")
        assert luca.post(comments, json={"text": "From WG4"}).status_code == 204
        assert [item["text"]["data"] for item in luca.get(comments).json()["items"]] == ["From WG4"]


class TestMembersForum:
    def test_approved_members_of_every_group_talk_there_and_nobody_else(self, site):
        forum = f"{site}{MEMBERS_FORUM}"
        # Luca Bianchi, an associated member of WG4 and WG6, opens a topic.
        luca = session(site, "luca.bianchi")
        created = luca.post(
            forum,
            json={
                "@type": "ForumTopic",
                "title": "Evaluation criteria",
                "text": {"data": "<p>Which criteria do your regions use?</p>"},
            },
        )
        assert created.status_code == 201, created.text
        topic = created.json()["@id"]
        # Sofia Dimitriou sits on the STC, in no working group; Maria Hofer leads WG3.
        for login, text in (("sofia.dimitriou", "The OECD's."), ("maria.hofer", "Styria's.")):
            client = session(site, login)
            assert client.get(f"{topic}/@comments").json()["permissions"]["can_reply"] is True
            assert client.post(f"{topic}/@comments", json={"text": text}).status_code == 204
        replies = luca.get(f"{topic}/@comments").json()["items"]
        assert [item["text"]["data"] for item in replies] == ["The OECD's.", "Styria's."]
        # A partner member, a registrant not yet approved, an anonymous visitor: nothing.
        for client in (session(site, "georgi.ivanov"), session(site, NEWCOMER), session(site)):
            assert client.get(forum).status_code in REFUSED
            assert client.get(topic).status_code in REFUSED
            assert client.post(f"{topic}/@comments", json={"text": "x"}).status_code in REFUSED
            new = client.post(forum, json={"@type": "ForumTopic", "title": "x", "text": "x"})
            assert new.status_code in REFUSED
        assert len(luca.get(f"{topic}/@comments").json()["items"]) == 2

    def test_an_older_site_gets_the_forum_once(self, site, functional):
        portal = functional["portal"]
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(members_forum(portal))
            assert members_forum(portal) is None
            forum = ensure_members_forum(portal)
            assert ensure_members_forum(portal) == forum
            assert forum.portal_type == "Forum"
            assert api.content.get_state(forum) == "internal"
            # One of the platform's containers: nobody owns it.
            assert forum in list(platform_containers(portal))
            assert not [roles for _user, roles in forum.get_local_roles() if "Owner" in roles]
