"""The STC's validation queue over HTTP, on the demo site: what waits, oldest first, with its
author, group and age; who may open it; only the STC validates, never an item of their own,
and a forged transition is refused cleanly; the STC is mailed on each submission (as each
member's notification setting says) and the author on the decision, through a real SMTP
server."""

from clusterpolisee.demo.data import DEMO_PASSWORD
from clusterpolisee.messaging.notifications import DIGEST_KEY
from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.authentication.codes import DemoAuth
from tests.authentication.codes import password_only
from zope.annotation.interfaces import IAnnotations
import pytest
import re
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
STC, COORDINATOR, AUTHOR = "sofia.dimitriou", "platform.coordinator", "luca.bianchi"
OLD, NEW, OWN = (
    "Cluster vouchers for digital twins",
    "Shared pilot lines for the food cluster",
    "Coordinator's practice on cluster mapping",
)


def practice(repository, login, title, **fields):
    with api.env.adopt_user(username=login):
        return api.content.create(container=repository, type="BestPractice", title=title, **fields)


@pytest.fixture
def site(demo_functional, functional, smtp_inbox):
    """Luca's practice waiting since three days ago, then the coordinator's own, just now; two
    more STC members, one who wants no mail and one who reads a daily digest."""
    portal = functional["portal"]
    repository = portal["repository"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for login, frequency in (("stc.quiet", "off"), ("stc.digest", "daily")):
            api.user.create(
                username=login,
                email=f"{login}@example.org",
                password=DEMO_PASSWORD,
                properties={"fullname": login, "notification_frequency": frequency},
            )
            api.group.add_user(groupname="stc", username=login)
        # Writers in the public section are named contributors of it (as the matrix has them).
        for login in (AUTHOR, STC):
            api.user.grant_roles(username=login, obj=repository, roles=["Contributor"])
        old = practice(repository, AUTHOR, OLD, working_group="innovation-rd")
        api.content.transition(old, "submit")
        # Submitted three days ago.
        old.workflow_history["clusterpolisee_public_workflow"][-1]["time"] = DateTime() - 3.1
        old.workflow_history._p_changed = True
        old.reindexObject()
    own = practice(repository, COORDINATOR, OWN)
    with api.env.adopt_user(username=COORDINATOR):
        api.content.transition(own, "submit")
    new = practice(repository, AUTHOR, NEW)
    with api.env.adopt_user(username=AUTHOR):
        api.content.transition(new, "submit")
    password_only()  # what people may do, not how they sign in (tests/authentication)
    transaction.commit()
    smtp_inbox.wait(3)
    del smtp_inbox.messages[:]
    return {
        "portal": portal,
        "url": portal.absolute_url(),
        "old": old.absolute_url(),
        "own": own.absolute_url(),
        "new": new.absolute_url(),
        "inbox": smtp_inbox,
    }


def client(login=None, rest=False):
    session = requests.Session()
    if login:
        session.auth = DemoAuth(login, DEMO_PASSWORD)
    if rest:
        session.headers.update(JSON)
    return session


def rows(html):
    """The queue's rows: (title, the row's text) in order."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        title = re.search(r"<a [^>]*>([^<]*)</a>", row).group(1)
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
        found.append((title.replace("&#x27;", "'").replace("&#39;", "'"), text))
    return found


def transitions(login, url):
    response = client(login, rest=True).get(f"{url}/@workflow")
    assert response.status_code == 200, response.text
    return {transition["@id"].rsplit("/", 1)[1] for transition in response.json()["transitions"]}


def state(url):
    transaction.begin()
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        return api.content.get_state(api.content.get(path=url.split("/plone", 1)[1]))


class TestValidationQueue:
    def test_what_waits_oldest_first_with_author_group_and_age(self, site):
        response = client(STC).get(f"{site['url']}/@@validation-queue")
        assert response.status_code == 200
        listed = rows(response.text)
        titles = [title for title, _text in listed]
        assert titles.index(OLD) < titles.index(OWN) < titles.index(NEW)
        old_row = dict(listed)[OLD]
        assert "Luca Bianchi" in old_row
        assert "Best practice" in old_row
        assert "WG4 Innovation and R&amp;D" in old_row or "WG4 Innovation and R&D" in old_row
        assert "3 days" in old_row
        assert "Platform Coordinator" in dict(listed)[OWN]
        assert re.search(r"less than an hour", dict(listed)[NEW])
        # Plone's review list is the queue.
        review = client(STC).get(f"{site['url']}/@@full_review_list")
        assert review.status_code == 200
        assert review.url.endswith("/@@validation-queue")

        # Published, an item leaves the queue; with nothing left the queue says so.
        assert client(STC, rest=True).post(f"{site['old']}/@workflow/publish").ok
        titles = [title for title, _text in rows(client(STC).get(response.url).text)]
        assert OLD not in titles
        assert NEW in titles
        transaction.begin()
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            catalog = api.portal.get_tool("portal_catalog")
            for brain in catalog(review_state="pending"):
                api.content.transition(brain.getObject(), "reject")
        transaction.commit()
        empty = client(COORDINATOR).get(f"{site['url']}/@@validation-queue")
        assert empty.status_code == 200
        assert rows(empty.text) == []
        assert "Nothing is waiting for validation." in empty.text

        # A workspace item left proposed without a public item (proposed before proposals
        # reached the public section): listed too, with its working group.
        transaction.begin()
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            (brain,) = catalog.unrestrictedSearchResults(Title="Draft recommendations vouchers")
            paper = brain._unrestrictedGetObject()
            workflow_tool = api.portal.get_tool("portal_workflow")
            workflow_tool.setStatusOf(
                "clusterpolisee_workspace_workflow",
                paper,
                {
                    "review_state": "proposed",
                    "action": "propose",
                    "actor": "nikos.papadopoulos",
                    "time": DateTime() - 1.2,
                    "comments": "",
                },
            )
            workflow_tool["clusterpolisee_workspace_workflow"].updateRoleMappingsFor(paper)
            paper.reindexObject()
        transaction.commit()
        (row,) = rows(client(STC).get(response.url).text)
        assert row[0] == "Draft recommendations on innovation vouchers"
        for text in ("Proposed in its workspace", "Nikos Papadopoulos", "WG4", "1 day"):
            assert text in row[1]
        # A hidden profile is named as the member directory names it: the STC reads "a member
        # of the platform", the coordinator (who approves members) the name.
        transaction.begin()
        api.user.get(username="nikos.papadopoulos").setMemberProperties({"profile_visible": False})
        transaction.commit()
        (row,) = rows(client(STC).get(response.url).text)
        assert "a member of the platform" in row[1]
        assert "Nikos" not in row[1]
        (row,) = rows(client(COORDINATOR).get(response.url).text)
        assert "Nikos Papadopoulos" in row[1]

    def test_who_may_open_the_queue(self, site):
        queue = f"{site['url']}/@@validation-queue"
        for login in (None, AUTHOR, "georgi.ivanov", "nikos.papadopoulos"):
            response = client(login).get(queue, allow_redirects=False)
            # Plone sends whoever may not see a page to log in (with "Insufficient privileges").
            assert response.status_code == 302, login
            assert "require_login" in response.headers["Location"], login
            assert "Validation queue" not in client(login).get(site["url"]).text
        for login in (STC, COORDINATOR):
            assert client(login).get(queue, allow_redirects=False).status_code == 200
            home = client(login).get(site["url"]).text
            assert re.search(r'href="[^"]*/@@validation-queue"', home), login

    def test_only_the_stc_validates_and_never_their_own(self, site):
        # The coordinator publishes nothing: not his own item, not anyone's. He may still
        # withdraw an item from validation.
        assert transitions(COORDINATOR, site["own"]) == {"retract"}
        assert transitions(COORDINATOR, site["new"]) == {"retract"}
        refused = client(COORDINATOR, rest=True).post(f"{site['own']}/@workflow/publish")
        assert refused.status_code == 400
        assert refused.json()["error"]["type"] == "WorkflowException"
        # The author neither.
        assert "publish" not in transitions(AUTHOR, site["new"])
        assert client(AUTHOR, rest=True).post(f"{site['new']}/@workflow/publish").status_code == 400
        # A forged link of the workflow menu, with a valid token: an error, nothing changed.
        coordinator = client(COORDINATOR)
        token = re.search(r"_authenticator=([0-9a-f]+)", coordinator.get(site["new"]).text).group(1)
        forged = coordinator.get(
            f"{site['new']}/content_status_modify",
            params={"workflow_action": "publish", "_authenticator": token},
        )
        assert forged.status_code == 200
        assert "Nothing changed: you may not do this on this item" in forged.text
        assert "Item state changed." not in forged.text
        assert state(site["new"]) == "pending"

        # An STC member who wrote an item does not validate it; the STC validates the others'.
        with api.env.adopt_user(username=STC):
            repository = site["portal"]["repository"]
            hers = api.content.create(container=repository, type="BestPractice", title="Hers")
            api.content.transition(hers, "submit")
        transaction.commit()
        assert "publish" not in transitions(STC, hers.absolute_url())
        assert "reject" not in transitions(STC, hers.absolute_url())
        assert (
            client(STC, rest=True).post(f"{hers.absolute_url()}/@workflow/publish").status_code
            == 400
        )
        # Nor one she is named a creator of.
        transaction.begin()
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            old = api.content.get(path=site["old"].split("/plone", 1)[1])
            old.setCreators([AUTHOR, STC])
            old.reindexObject()
        transaction.commit()
        assert "publish" not in transitions(STC, site["old"])
        assert {"publish", "reject"} <= transitions(STC, site["new"])
        published = client(STC, rest=True).post(f"{site['new']}/@workflow/publish")
        assert published.status_code == 200, published.text
        assert state(site["new"]) == "published"
        assert state(hers.absolute_url()) == "pending"

    def test_the_stc_is_told_of_each_submission_and_the_author_of_the_decision(self, site):
        inbox = site["inbox"]
        author = client(AUTHOR, rest=True)
        created = author.post(
            f"{site['url']}/repository",
            json={
                "@type": "BestPractice",
                "title": "Regional innovation vouchers",
                "topics": ["innovation-rd"],
                "practice_description": "Vouchers that SMEs spend at a research centre.",
            },
        )
        assert created.status_code == 201, created.text
        url = created.json()["@id"]
        assert author.post(f"{url}/@workflow/submit").status_code == 200
        inbox.wait(1)
        (mail,) = inbox.to("sofia.dimitriou@example.org")
        assert inbox.subject(mail) == "Waiting for validation: Regional innovation vouchers"
        body = mail.get_payload(decode=True).decode()
        assert url in body
        assert "Luca Bianchi" in body
        assert "@@validation-queue" in body
        # Who asked for no mail gets none; the digest reader finds it in tomorrow's digest.
        assert inbox.to("stc.quiet@example.org") == []
        assert inbox.to("stc.digest@example.org") == []
        transaction.begin()
        _when, subject, queued = IAnnotations(site["portal"])[DIGEST_KEY]["stc.digest"][-1]
        assert (subject, queued) == ("Waiting for validation: Regional innovation vouchers", url)
        # The author submitted it: not told of his own submission.
        assert inbox.to("luca.bianchi@example.org") == []

        validator = client(STC, rest=True)
        response = validator.post(
            f"{url}/@workflow/reject", json={"comment": "Please add the budget."}
        )
        assert response.status_code == 200, response.text
        inbox.wait(2)
        (sent_back,) = inbox.to("luca.bianchi@example.org")
        assert inbox.subject(sent_back) == "Sent back: Regional innovation vouchers"
        body = sent_back.get_payload(decode=True).decode()
        assert url in body
        assert "Please add the budget." in body

        assert author.post(f"{url}/@workflow/submit").status_code == 200
        assert validator.post(f"{url}/@workflow/publish").status_code == 200
        inbox.wait(4)
        told = [inbox.subject(message) for message in inbox.to("luca.bianchi@example.org")]
        assert told == [
            "Sent back: Regional innovation vouchers",
            "Published: Regional innovation vouchers",
        ]
        assert url in inbox.to("luca.bianchi@example.org")[-1].get_payload(decode=True).decode()
