"""Review of issue 21: expressing interest and the partner search, over HTTP as an attacker
would: who hears of an interest, where the button sends one back to, what odd input gets, and
whether members-only or expired requests reach visitors through any route."""

from clusterpolisee.cooperation.requests import follow_deadline
from clusterpolisee.core.fields import linked_text
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.authentication.codes import password_only
from tests.cooperation.conftest import create_people
from tests.cooperation.conftest import in_days
from tests.cooperation.conftest import partner_search
from tests.cooperation.conftest import PASSWORD
from tests.cooperation.conftest import post_request
import gzip
import pytest
import re
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
PUBLIC = "Public request Zeta"
MEMBERS_ONLY = "Members request Zeta"
EXPIRED = "Expired request Zeta"


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        create_people()
        folder = partner_search(portal)
    password_only()
    public = post_request(folder, "author", title=PUBLIC, public=True)
    members = post_request(folder, "colleague", title=MEMBERS_ONLY)
    expired = post_request(folder, "author", title=EXPIRED, public=True)
    expired.deadline = in_days(-2)  # time passed: the form would not take it, time does
    follow_deadline(expired)
    transaction.commit()
    return portal, public, members, expired


def client(login=None):
    session = requests.Session()
    if login:
        session.auth = (login, PASSWORD)
    return session


def token(session, url):
    return re.search(r'name="_authenticator" value="([^"]+)"', session.get(url).text).group(1)


def messages_to(user_id):
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(portal_type="Message", message_recipients=user_id)


class TestRecipients:
    def test_a_request_named_contact_does_not_break_or_redirect_interest(self, site):
        """A request has no contact field: its author hears of an interest. Another member's
        request whose short name is "contact" (a title "Contact") must not be acquired as one
        (a 500 for every interest in the partner search, or messages to someone else)."""
        _portal, public, _members, _expired = site
        folder_url = public.aq_parent.absolute_url()
        made = client("colleague").post(
            folder_url,
            headers=JSON,
            json={
                "@type": "CooperationRequest",
                "title": "Contact",
                "description": "Anything.",
                "topics": ["skills-jobs"],
                "region": "RO21",
                "deadline": in_days(14).isoformat(),
                "public": True,
            },
        )
        assert made.status_code == 201, made.text
        assert made.json()["@id"].endswith("/contact")
        sent = client("wanderer").post(
            f"{public.absolute_url()}/@interest", headers=JSON, json={"region": "HR05"}
        )
        assert sent.status_code == 201, sent.text
        assert len(messages_to("author")) == 1
        assert len(messages_to("colleague")) == 0

    def test_an_item_named_contact_at_the_site_root_does_not_break_interest(self, site):
        """The same through the site: a page "contact" at the root is common."""
        portal, public, _members, _expired = site
        with api.env.adopt_roles(["Manager"]):
            api.content.create(container=portal, type="Document", id="contact", title="Contact")
        transaction.commit()
        sent = client("wanderer").post(
            f"{public.absolute_url()}/@interest", headers=JSON, json={"region": "HR05"}
        )
        assert sent.status_code == 201, sent.text
        assert len(messages_to("author")) == 1

    def test_partner_members_and_registrants_cannot_message_through_interest(self, site):
        _portal, public, _members, _expired = site
        for login in ("partner", "registrant"):
            refused = client(login).post(
                f"{public.absolute_url()}/@interest", headers=JSON, json={"region": "BG41"}
            )
            assert refused.status_code in (401, 403)
        assert len(messages_to("author")) == 0

    def test_a_members_only_request_takes_no_interest_from_those_who_cannot_see_it(self, site):
        _portal, _public, members, _expired = site
        refused = client("partner").post(
            f"{members.absolute_url()}/@interest", headers=JSON, json={"region": "BG41"}
        )
        assert refused.status_code in (401, 403)
        assert len(messages_to("colleague")) == 0


class TestForm:
    @pytest.mark.parametrize(
        "came_from",
        [
            "//evil.example.org/",
            "/\\evil.example.org",
            "https:evil.example.org",
            "javascript:alert(1)",
            "https://evil.example.org\\@localhost/",
            " https://evil.example.org/",
            "\thttps://evil.example.org",
            "/\t/evil.example.org",
            "http:/\\evil.example.org",
            "HOST@evil.example.org/",
            "http://localhost.evil.example.org/",
        ],
    )
    def test_came_from_never_leaves_the_site(self, site, came_from):
        portal, public, _members, _expired = site
        came_from = came_from.replace("HOST", portal.absolute_url())
        member = client("wanderer")
        response = member.post(
            f"{public.absolute_url()}/@@express-interest",
            data={
                "region": "HR05",
                "came_from": came_from,
                "_authenticator": token(member, public.absolute_url()),
            },
            allow_redirects=False,
        )
        assert response.status_code == 302
        assert response.headers["Location"] == public.absolute_url()

    @pytest.mark.parametrize(
        "data",
        [
            {"region:list": ["HR03", "RO21"]},
            {"region": "RO21", "note:list": ["a", "b"]},
            {"region": "RO21", "note": "y" * 100_000},
            {"region": "XX99"},
            {"region": "hr03" * 1000},
            {"region": "RO21", "came_from:list": ["a", "b"], "note:list": ["a", "b"]},
        ],
    )
    def test_odd_input_gets_a_400_and_sends_nothing(self, site, data):
        _portal, public, _members, _expired = site
        member = client("colleague")
        response = member.post(
            f"{public.absolute_url()}/@@express-interest",
            data={**data, "_authenticator": token(member, public.absolute_url())},
            allow_redirects=False,
        )
        assert response.status_code == 400
        assert len(messages_to("author")) == 0

    def test_no_authenticator_no_interest(self, site):
        _portal, public, _members, _expired = site
        forged = client("colleague").post(
            f"{public.absolute_url()}/@@express-interest", data={"region": "RO21"}
        )
        assert forged.status_code == 403
        assert len(messages_to("author")) == 0


class TestRest:
    @pytest.mark.parametrize(
        "raw",
        [
            "null",
            '"x"',
            "[1]",
            "{bad json",
            '{"region": ["HR03"]}',
            '{"region": {"a": 1}}',
            '{"region": "HR03", "note": {"a": 1}}',
            '{"region": "HR03", "note": "' + "x" * 2001 + '"}',
        ],
    )
    def test_odd_bodies_get_a_400(self, site, raw):
        _portal, public, _members, _expired = site
        response = client("colleague").post(
            f"{public.absolute_url()}/@interest", headers=JSON, data=raw
        )
        assert response.status_code == 400
        assert len(messages_to("author")) == 0

    def test_an_expired_request_takes_no_interest(self, site):
        _portal, _public, _members, expired = site
        response = client("colleague").post(
            f"{expired.absolute_url()}/@interest", headers=JSON, json={"region": "RO21"}
        )
        assert response.status_code == 400
        assert len(messages_to("author")) == 0


class TestVisibility:
    @pytest.mark.parametrize(
        "path",
        [
            "@search?SearchableText=Zeta",
            "@search?portal_type=CooperationRequest",
            "@@search?SearchableText=Zeta",
            "@@search?portal_type=CooperationRequest",
            "@@platform-search?SearchableText=Zeta",
            "@@platform-search?portal_type=CooperationRequest",
            "sitemap.xml.gz",
            "RSS",
            "partner-search",
            "partner-search?region=RO21",
            "partner-search/folder_contents",
            "partner-search/@@summary_view",
            "partner-search/@@tabular_view",
            "partner-search/@@folder_listing",
            "@@region/RO21",
            "@regions/RO21",
            "@@open-data",
        ],
    )
    def test_members_only_and_expired_requests_stay_from_visitors(self, site, path):
        portal, _public, members, expired = site
        headers = JSON if path.startswith(("@search", "@regions")) else {}
        response = client().get(f"{portal.absolute_url()}/{path}", headers=headers)
        text = response.text
        if path.endswith(".gz") and response.status_code == 200:
            text = gzip.decompress(response.content).decode()
        for hidden in (members, expired):
            assert hidden.Title() not in text
            assert hidden.absolute_url() not in text

    def test_a_members_only_request_page_is_for_members(self, site):
        _portal, _public, members, _expired = site
        for session in (client(), client("partner"), client("registrant")):
            response = session.get(members.absolute_url(), allow_redirects=False)
            assert response.status_code in (302, 401, 403)
            assert MEMBERS_ONLY not in response.text
            rest = session.get(members.absolute_url(), headers=JSON)
            assert rest.status_code in (401, 403)

    def test_requests_are_posted_in_the_partner_search_only(self, site):
        portal, public, _members, _expired = site
        body = {
            "@type": "CooperationRequest",
            "title": "Outside Zeta",
            "description": "x",
            "topics": ["skills-jobs"],
            "region": "HR03",
            "deadline": in_days(14).isoformat(),
            "public": True,
        }
        member = client("author")
        for container in (portal.absolute_url(), f"{portal.absolute_url()}/regions"):
            assert member.post(container, headers=JSON, json=body).status_code in (
                400,
                401,
                403,
                404,
            )
        # Nothing inside a request, nothing but requests in the partner search.
        assert member.post(public.absolute_url(), headers=JSON, json=body).status_code in (
            400,
            401,
            403,
            404,
        )
        document = member.post(
            public.aq_parent.absolute_url(),
            headers=JSON,
            json={"@type": "Document", "title": "A page"},
        )
        assert document.status_code in (400, 401, 403)
        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        assert not catalog.unrestrictedSearchResults(Title="Outside Zeta")


@pytest.mark.parametrize(
    "text",
    [
        'https://x.example.org/"><script>alert(1)</script>',
        "https://y.example.org/a?b=1&c=2'onmouseover=alert(4)",
        "javascript:alert(2) <img src=x onerror=alert(3)>",
        "https://a.example.org/<svg/onload=alert(5)>",
        "xhttps://evil.example.org/\u2028onload=x",
    ],
)
def test_message_links_are_escaped_and_web_only(text):
    html = linked_text(text)
    assert "<script" not in html
    assert "<img" not in html
    assert "<svg" not in html
    assert "javascript:" not in re.findall(r'href="([^"]*)"', html)
    assert all(
        href.lower().startswith(("http://", "https://"))
        for href in re.findall(r'href="([^"]*)"', html)
    )
    # Every attribute value is closed where it opened: no quote inside an address.
    for href in re.findall(r'href="([^"]*)"', html):
        assert "'" not in href
        assert "<" not in href
        assert ">" not in href
