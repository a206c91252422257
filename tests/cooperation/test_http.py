"""The partner search over HTTP: its page for visitors and members, filters, a request's page,
and plone.restapi (posting a request, POST @interest)."""

from clusterpolisee.cooperation.requests import follow_deadline
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.authentication.codes import password_only
from tests.cooperation.conftest import create_people
from tests.cooperation.conftest import in_days
from tests.cooperation.conftest import partner_search
from tests.cooperation.conftest import PASSWORD
from tests.cooperation.conftest import post_request
import pytest
import re
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
PUBLIC = "Partners for a cluster manager exchange"
MEMBERS_ONLY = "Co-funding model for green cluster projects"
EXPIRED = "Benchmarking partners wanted"


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        create_people()
        folder = partner_search(portal)
    password_only()
    post_request(folder, "author", title=PUBLIC, public=True)
    post_request(folder, "colleague", title=MEMBERS_ONLY, topics=["sustainability"])
    expired = post_request(folder, "author", title=EXPIRED, public=True)
    expired.deadline = in_days(-2)  # time passed: the form would not take it, time does
    follow_deadline(expired)
    transaction.commit()
    return folder.absolute_url(), folder[_id(folder, PUBLIC)].absolute_url(), expired


def _id(folder, title):
    return next(obj.getId() for obj in folder.objectValues() if obj.Title() == title)


def client(login=None):
    session = requests.Session()
    if login:
        session.auth = (login, PASSWORD)
    return session


class TestPages:
    def test_anonymous_sees_public_open_requests_and_the_login_hint(self, site):
        url, _request_url, _expired = site
        page = client().get(url)
        assert page.status_code == 200
        assert PUBLIC in page.text
        assert MEMBERS_ONLY not in page.text
        assert EXPIRED not in page.text
        assert "Log in to express interest" in page.text
        assert "Post a cooperation request" not in page.text
        assert "Express interest</button>" not in page.text

    def test_member_sees_all_open_requests_the_button_and_badges(self, site):
        url, _request_url, _expired = site
        page = client("wanderer").get(url)
        assert page.status_code == 200
        assert PUBLIC in page.text
        assert MEMBERS_ONLY in page.text
        assert EXPIRED not in page.text
        assert "Post a cooperation request" in page.text
        assert "++add++CooperationRequest" in page.text
        assert "Members only" in page.text
        assert ">Public<" in page.text
        assert "@@region/HR03" in page.text
        # Its author is not offered the button on their own request.
        own = client("colleague").get(url).text
        assert own.count("@@express-interest") == 1

    def test_filters(self, site):
        url, _request_url, _expired = site
        member = client("wanderer")
        page = member.get(url, params={"topic": "sustainability"})
        assert MEMBERS_ONLY in page.text
        assert PUBLIC not in page.text
        page = member.get(url, params={"region": "HR03"})
        assert PUBLIC in page.text
        assert MEMBERS_ONLY not in page.text
        for bad in ({"topic": "nope"}, {"region": "XX99"}, {"region": "<script>"}):
            refused = member.get(url, params=bad)
            assert refused.status_code == 400
            assert "could not be filtered" in refused.text

    def test_request_page_and_expired_request(self, site):
        _url, request_url, expired = site
        page = client().get(request_url)
        assert page.status_code == 200
        assert PUBLIC in page.text
        assert "Log in to express interest" in page.text
        page = client("colleague").get(request_url)
        assert 'name="_authenticator"' in page.text
        assert "A note for the author (optional)" in page.text
        gone = client("colleague").get(expired.absolute_url())
        assert "This request has expired." in gone.text
        assert "@@express-interest" not in gone.text

    def test_express_interest_needs_a_post_with_authenticator(self, site):
        _url, request_url, _expired = site
        member = client("colleague")
        assert member.get(f"{request_url}/@@express-interest").status_code in (403, 405)
        forged = member.post(f"{request_url}/@@express-interest", data={"note": "hi"})
        assert forged.status_code == 403

    def test_express_interest_form_bad_region_then_sent(self, site):
        url, request_url, _expired = site
        member = client("wanderer")  # no region on their profile: the form asks for it
        page = member.get(request_url).text
        assert 'id="interest-region"' in page
        token = re.search(r'name="_authenticator" value="([^"]+)"', page).group(1)
        action = f"{request_url}/@@express-interest"
        refused = member.post(action, data={"_authenticator": token, "region": "XX99"})
        assert refused.status_code == 400
        assert "Choose one of the platform" in refused.text
        sent = member.post(
            action,
            data={"_authenticator": token, "region": "SK04", "came_from": url},
            allow_redirects=False,
        )
        assert sent.status_code == 302
        assert sent.headers["Location"] == url
        elsewhere = member.post(
            action,
            data={"_authenticator": token, "region": "SK04", "came_from": "https://example.org/"},
            allow_redirects=False,
        )
        assert elsewhere.headers["Location"] == request_url
        listing = member.get(url).text
        assert "You expressed interest on" in listing


class TestRest:
    def test_post_a_request_and_refuse_a_past_deadline(self, site):
        url, _request_url, _expired = site
        member = client("colleague")
        member.headers.update(JSON)
        body = {
            "@type": "CooperationRequest",
            "title": "Training partners for cluster managers",
            "description": "We look for a partner for a joint training.",
            "topics": ["skills-jobs"],
            "region": "RO21",
            "deadline": in_days(14).isoformat(),
            "public": True,
        }
        created = member.post(url, json=body)
        assert created.status_code == 201, created.text
        assert created.json()["review_state"] == "public"
        found = member.get(
            f"{url}/@search",
            params={"UID": created.json()["UID"], "metadata_fields": "expires"},
        ).json()["items"]
        assert found[0]["expires"].startswith(in_days(14).isoformat())
        refused = member.post(url, json={**body, "deadline": in_days(-1).isoformat()})
        assert refused.status_code == 400
        assert "cannot be in the past" in refused.text
        outsider = client("registrant")
        outsider.headers.update(JSON)
        assert outsider.post(url, json=body).status_code in (401, 403)

    def test_interest_201_then_200_then_400_and_401(self, site):
        _url, request_url, _expired = site
        member = client("colleague")
        member.headers.update(JSON)
        first = member.post(f"{request_url}/@interest", json={"note": "We host in Iasi."})
        assert first.status_code == 201, first.text
        record = first.json()
        assert record["region"] == "RO21"
        assert record["kind"] == "request"
        assert record["user"] == "colleague"
        again = member.post(f"{request_url}/@interest", json={"region": "RO21"})
        assert again.status_code == 200
        assert again.json()["created"] == record["created"]

        wanderer = client("wanderer")
        wanderer.headers.update(JSON)
        for body in ({}, {"region": "XX99"}, {"region": 12}, {"region": "SK04", "note": ["x"]}):
            bad = wanderer.post(f"{request_url}/@interest", json=body)
            assert bad.status_code == 400, body
            assert bad.json()["message"]
        assert wanderer.post(f"{request_url}/@interest", data="[1]").status_code == 400
        author = client("author")
        author.headers.update(JSON)
        assert author.post(f"{request_url}/@interest", json={}).status_code == 400

        anonymous = client()
        anonymous.headers.update(JSON)
        assert (
            anonymous.post(f"{request_url}/@interest", json={"region": "HR03"}).status_code == 401
        )
        registrant = client("registrant")
        registrant.headers.update(JSON)
        refused = registrant.post(f"{request_url}/@interest", json={"region": "SI04"})
        assert refused.status_code in (401, 403)

    def test_interest_sends_the_author_a_message(self, site):
        _url, request_url, _expired = site
        member = client("colleague")
        member.headers.update(JSON)
        assert member.post(f"{request_url}/@interest", json={}).status_code == 201
        author = client("author")
        author.headers.update(JSON)
        inbox = author.get(
            f"{request_url.rsplit('/', 2)[0]}/@search",
            params={"portal_type": "Message", "fullobjects": "1"},
        ).json()
        [message] = inbox["items"]
        assert PUBLIC in message["title"]
        assert request_url in message["body"]
