"""Comments on the public section's published results, over plone.restapi on the demo: approved
members comment, anonymous visitors and registrants not yet approved do not, and ``@comments``
tells each what the comment form does."""

from clusterpolisee.demo import data
from plone import api
from tests.authentication.codes import login_body
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
PRACTICE = "/repository/cluster-innovation-vouchers-in-the-north-east-region"
NEWCOMER = "newcomer"  # registered, waiting for approval: in no tier group


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
        institution = api.content.find(portal_type="Institution", review_state="published")[0]
    transaction.commit()
    return portal.absolute_url(), institution.getURL()


class TestCommentsOnPublishedResults:
    def test_approved_members_comment_and_nobody_else(self, site):
        base, _institution = site
        comments = f"{base}{PRACTICE}/@comments"
        luca = session(base, "luca.bianchi")  # an associated member
        assert luca.get(comments).json()["permissions"]["can_reply"] is True
        posted = luca.post(comments, json={"text": "Padua ran a similar scheme."})
        assert posted.status_code == 204, posted.text
        anonymous = session(base)
        listed = anonymous.get(comments).json()
        assert [item["text"]["data"] for item in listed["items"]] == ["Padua ran a similar scheme."]
        for client in (anonymous, session(base, NEWCOMER)):
            assert client.get(comments).json()["permissions"]["can_reply"] is False
            assert client.post(comments, json={"text": "Spam"}).status_code == 401
        assert len(anonymous.get(comments).json()["items"]) == 1

    def test_where_discussion_is_off_nobody_is_told_they_may_reply(self, site):
        """A published institution: its type takes no comments, whatever the workflow allows."""
        base, institution = site
        luca = session(base, "luca.bianchi")
        assert luca.get(f"{institution}/@comments").json()["permissions"]["can_reply"] is False
        assert luca.post(f"{institution}/@comments", json={"text": "Hi"}).status_code == 401

    def test_pages_show_the_comments_where_there_are_comments_or_may_be(self, site, functional):
        """The comments below an item are worked out only where they show (core/discussion.py):
        where replies are taken, where some were taken before, and nowhere else."""
        base, institution = site
        practice_page = f"{base}{PRACTICE}"
        page = requests.get(practice_page).text
        assert "pat-discussion" in page
        assert "Log in to add comments" in page
        assert "pat-discussion" not in requests.get(institution).text
        luca = session(base, "luca.bianchi")
        posted = luca.post(f"{practice_page}/@comments", json={"text": "Padua ran it too."})
        assert posted.status_code == 204, posted.text
        assert "Padua ran it too." in requests.get(practice_page).text
        luca.headers["Accept"] = "text/html"
        assert "form.widgets.text" in luca.get(practice_page).text  # the comment form
        # The item takes no more replies: the ones it took still show, with no form.
        transaction.begin()  # what the server committed since
        practice = functional["portal"].unrestrictedTraverse(PRACTICE.strip("/"))
        practice.allow_discussion = False
        practice.notifyModified()  # as its edit form does: pages are kept until it changes
        practice.reindexObject()
        transaction.commit()
        assert "Padua ran it too." in requests.get(practice_page).text
        page = luca.get(practice_page).text
        assert "Padua ran it too." in page
        assert "form.widgets.text" not in page
