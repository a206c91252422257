"""Workspaces over HTTP: plone.restapi for every kind of item, notifications through a real SMTP
server, and private messages nobody else can reach by any URL."""

from base64 import b64encode
from clusterpolisee.messaging.mailbox import send
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.authentication.codes import password_only
from tests.workspaces import documents
from tests.workspaces.conftest import create_people
from tests.workspaces.conftest import fill_roster
from tests.workspaces.conftest import PASSWORD
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


@pytest.fixture
def site(functional, smtp_inbox):
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        create_people(portal)
        fill_roster(portal["working-groups"]["innovation-rd"])
        api.user.get(username="full-two").setMemberProperties({"notification_frequency": "daily"})
        api.user.get(username="coordinator").setMemberProperties({"notification_frequency": "off"})
    password_only()  # what people may do, not how they sign in (tests/authentication)
    transaction.commit()
    clients = {}
    for login in ("leader", "full", "full-two", "associated", "outsider", "coordinator", "partner"):
        client = requests.Session()
        response = client.post(
            f"{portal.absolute_url()}/@login",
            json={"login": login, "password": PASSWORD},
            headers=JSON,
        )
        client.headers.update(JSON)
        client.headers["Authorization"] = f"Bearer {response.json()['token']}"
        clients[login] = client
    clients["anonymous"] = requests.Session()
    clients["anonymous"].headers.update(JSON)
    group = f"{portal.absolute_url()}/working-groups/innovation-rd"
    return portal.absolute_url(), group, clients, smtp_inbox


def create(client, container, **data):
    response = client.post(container, json=data)
    assert response.status_code == 201, response.text
    return response.json()["@id"]


def subjects(inbox, login):
    return [inbox.subject(message) for message in inbox.to(f"{login}@example.org")]


def kick_off(client, group, participants):
    """The leader schedules the group's kick-off meeting; returns its URL."""
    return create(
        client,
        f"{group}/planning",
        **{
            "@type": "Meeting",
            "title": "Kick-off",
            "start": "2030-03-04T10:00:00+01:00",
            "end": "2030-03-04T12:00:00+01:00",
            "agenda": "Plan",
            "participants": participants,
        },
    )


class TestRestForEachKind:
    def test_documents_pages_topics_meetings_tasks(self, site):
        _base, group, clients, _inbox = site
        member = clients["associated"]
        file_url = create(
            member,
            f"{group}/documents",
            **{
                "@type": "File",
                "title": "Brief",
                "file": {
                    "data": b64encode(documents.pdf("Helix brief")).decode(),
                    "encoding": "base64",
                    "filename": "brief.pdf",
                    "content-type": "application/pdf",
                },
            },
        )
        page_url = create(member, f"{group}/wiki", **{"@type": "WikiPage", "title": "Home"})
        topic_url = create(
            member,
            f"{group}/forum",
            **{"@type": "ForumTopic", "title": "Vouchers?", "text": "Digital services too?"},
        )
        meeting_url = kick_off(clients["leader"], group, ["associated"])
        task_url = create(
            clients["leader"],
            f"{group}/planning",
            **{
                "@type": "Task",
                "title": "Collect",
                "due_date": "2030-03-01",
                "assignee": "associated",
            },
        )
        for url, kind in (
            (file_url, "File"),
            (page_url, "WikiPage"),
            (topic_url, "ForumTopic"),
            (meeting_url, "Meeting"),
            (task_url, "Task"),
        ):
            assert member.get(url).json()["@type"] == kind
            assert clients["outsider"].get(url).status_code in (401, 403, 404)
        found = member.get(f"{group}/@search", params={"SearchableText": "helix"}).json()
        assert [item["title"] for item in found["items"]] == ["Brief"]
        rsvp = member.post(f"{meeting_url}/@rsvp", json={"answer": "yes"})
        assert rsvp.status_code == 200, rsvp.text
        assert rsvp.json()["participants"] == [{"id": "associated", "answer": "yes"}]
        assert rsvp.json()["room_url"].startswith("https://meet.jit.si/ClusterPoliSEE-")
        assert member.post(f"{meeting_url}/@rsvp", json={"answer": "perhaps"}).status_code == 400

    def test_bad_input_is_a_400_not_a_500(self, site):
        _base, group, clients, _inbox = site
        bad = clients["leader"].post(
            f"{group}/planning",
            json={"@type": "Task", "title": "T", "due_date": "2030-03-01", "status": "finished"},
        )
        assert bad.status_code == 400, bad.text
        bad = clients["leader"].post(
            f"{group}/planning", json={"@type": "Task", "title": "T", "due_date": "yesterday"}
        )
        assert bad.status_code == 400, bad.text

    def test_votes(self, site):
        _base, group, clients, _inbox = site
        decision = create(
            clients["leader"],
            f"{group}/decisions",
            **{
                "@type": "Decision",
                "title": "Adopt",
                "proposal": "We adopt.",
                "deadline": "2099-01-01T12:00:00",
                "quorum": 2,
            },
        )
        assert clients["leader"].post(f"{decision}/@workflow/open_voting").status_code == 200
        assert clients["full"].post(f"{decision}/@vote", json={"vote": "yes"}).status_code == 200
        refused = clients["associated"].post(f"{decision}/@vote", json={"vote": "yes"})
        assert refused.status_code in (401, 403)
        bad = clients["full-two"].post(f"{decision}/@vote", json={"vote": "maybe"})
        assert bad.status_code == 400
        assert "yes, no or abstain" in bad.text
        summary = clients["full"].get(f"{decision}/@vote").json()
        assert summary["votes_cast"] == 1
        assert summary["my_vote"] == "yes"
        assert summary["tally"] is None  # hidden until the vote closes
        assert clients["outsider"].get(f"{decision}/@vote").status_code in (401, 403, 404)


class TestNotifications:
    def test_review_and_approval(self, site):
        _base, group, clients, inbox = site
        paper = create(
            clients["associated"],
            f"{group}/documents",
            **{"@type": "Document", "title": "Draft paper"},
        )
        assert clients["associated"].post(f"{paper}/@workflow/submit").status_code == 200
        inbox.wait(2)
        assert subjects(inbox, "full") == ["Waiting for your review: Draft paper"]
        assert subjects(inbox, "leader") == ["Waiting for your review: Draft paper"]
        assert subjects(inbox, "full-two") == []  # daily digest
        assert subjects(inbox, "associated") == []  # the author, and not a decider
        assert clients["full"].post(f"{paper}/@workflow/approve").status_code == 200
        inbox.wait(3)
        assert subjects(inbox, "associated") == ["Approved: Draft paper"]

    def test_forum_reply_reaches_followers(self, site):
        _base, group, clients, inbox = site
        topic = create(
            clients["full"],
            f"{group}/forum",
            **{"@type": "ForumTopic", "title": "Vouchers", "text": "?"},
        )
        reply = clients["associated"].post(f"{topic}/@comments", json={"text": "Yes."})
        assert reply.status_code == 204, reply.text
        (mail,) = inbox.wait(1)
        assert inbox.subject(mail) == "New reply in Vouchers"
        assert "full@example.org" in mail["To"]

    def test_meeting_invitation_carries_the_room(self, site):
        _base, group, clients, inbox = site
        kick_off(clients["leader"], group, ["associated", "full"])
        inbox.wait(2)
        (mail,) = inbox.to("associated@example.org")
        assert inbox.subject(mail).startswith("Invitation: Kick-off")
        assert (
            "https://meet.jit.si/ClusterPoliSEE-innovation-rd-"
            in mail.get_payload(decode=True).decode()
        )

    def test_daily_digest_and_off(self, site, functional):
        _base, group, clients, inbox = site
        for title in ("One", "Two"):
            paper = create(
                clients["associated"], f"{group}/documents", **{"@type": "Document", "title": title}
            )
            clients["associated"].post(f"{paper}/@workflow/submit")
        inbox.wait(4)
        assert subjects(inbox, "full-two") == []
        from clusterpolisee.messaging.notifications import send_digests

        with api.env.adopt_user(username=SITE_OWNER_NAME):
            transaction.begin()
            assert send_digests() == 1
            transaction.commit()
        inbox.wait(5)
        (digest,) = inbox.to("full-two@example.org")
        assert inbox.subject(digest) == "Your daily digest: 2 notifications"
        body = digest.get_payload(decode=True).decode()
        assert "Waiting for your review: One" in body
        assert "Waiting for your review: Two" in body


class TestPrivateMessages:
    def test_nobody_else_reaches_a_message_by_any_url(self, site):
        base, _group, clients, inbox = site
        message = create(
            clients["full"],
            f"{base}/messages",
            **{
                "@type": "Message",
                "title": "Confidential budget",
                "recipients": ["associated"],
                "body": "The figures.",
            },
        )
        # Files go with a message when it is sent (the compose form); over REST a sent message
        # takes none (tests/security/test_versions_and_messages.py).
        refused = clients["full"].post(
            message,
            json={
                "@type": "File",
                "title": "figures.csv",
                "file": {
                    "data": "YSxiCg==",
                    "encoding": "base64",
                    "filename": "figures.csv",
                    "content-type": "text/csv",
                },
            },
        )
        assert refused.status_code in (401, 403), refused.text
        transaction.begin()  # see what the server committed
        with api.env.adopt_user(username="full"):
            attachment = send(
                "full",
                ["associated"],
                "Confidential figures",
                "See the file.",
                attachments=[("figures.csv", "text/csv", b"a,b\n")],
            )["figures.csv"].absolute_url()
        transaction.commit()
        inbox.wait(2)
        assert sorted(subjects(inbox, "associated")) == [
            "New message from Full: Confidential budget",
            "New message from Full: Confidential figures",
        ]
        assert clients["associated"].get(message).json()["body"] == "The figures."
        html_url = message
        for login in ("outsider", "leader", "coordinator", "partner", "anonymous"):
            client = clients[login]
            for url in (
                message,
                f"{message}/@@view",
                attachment,
                f"{attachment}/@@download/file",
                f"{base}/messages",
                f"{base}/messages/folder_contents",
            ):
                status = client.get(url, allow_redirects=False).status_code
                assert status in (302, 401, 403, 404), (login, url, status)
            search = client.get(f"{base}/@search", params={"SearchableText": "Confidential"})
            assert search.json().get("items_total", 0) == 0, login
            page = client.get(html_url, headers={"Accept": "text/html"}, allow_redirects=True)
            assert "The figures." not in page.text
        rss = clients["outsider"].get(f"{base}/messages/RSS")
        assert "Confidential" not in rss.text

    def test_the_mailbox_address_leads_a_member_to_their_messages(self, site):
        """/messages is the folder of every message: a member who types or follows it gets
        their own messages page, a visitor the sign-in page; the folder's contents stay shut."""
        base, _group, clients, _inbox = site
        html = {"Accept": "text/html"}
        member = clients["associated"].get(f"{base}/messages", headers=html, allow_redirects=False)
        assert member.status_code == 302
        assert member.headers["Location"] == f"{base}/@@messages"
        visitor = clients["anonymous"].get(f"{base}/messages", headers=html, allow_redirects=False)
        assert visitor.status_code == 302
        assert "require_login" in visitor.headers["Location"]
        contents = clients["associated"].get(
            f"{base}/messages/folder_contents", headers=html, allow_redirects=False
        )
        assert contents.status_code in (302, 401, 403), contents.status_code

    def test_recipients_must_be_members(self, site):
        base, _group, clients, _inbox = site
        bad = clients["full"].post(
            f"{base}/messages",
            json={"@type": "Message", "title": "Hi", "recipients": ["not-a-member"], "body": "x"},
        )
        assert bad.status_code == 400, bad.text
