"""Matchmaking on the demo site: the practices suggested for a region's needs and why, over
the page and ``@matchmaking``; expressing interest in a practice sends one private message to
its contact, recorded once."""

from clusterpolisee.core.sections import publish
from clusterpolisee.matchmaking.interests import express_interest
from clusterpolisee.matchmaking.interests import interest_count
from clusterpolisee.matchmaking.interests import InterestError
from clusterpolisee.matchmaking.interests import interests_by_region
from clusterpolisee.matchmaking.interests import InterestStore
from clusterpolisee.matchmaking.interests import member_by_contact
from clusterpolisee.matchmaking.suggestions import suggest
from plone import api
import pytest
import re
import requests
import transaction


PASSWORD = "clusterpolisee-demo"
LABS = "Open laboratories for agri-food clusters in Central Macedonia"
ADRIATIC = "Joint internationalisation missions of Adriatic marine clusters"


@pytest.fixture
def site(demo_functional, functional):
    return functional["portal"]


def practice(site, title):
    [brain] = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="BestPractice", Title=title, Language="en"
    )
    return brain._unrestrictedGetObject()


def messages_to(user_id):
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Message", message_recipients=user_id
        )
    ]


class TestSuggestions:
    def test_practices_of_other_regions_ranked_with_reasons(self, site):
        found = suggest("HR03", site.REQUEST, limit=10)
        titles = [item["title"] for item in found]
        assert titles[0] == LABS
        assert ADRIATIC not in titles  # the region's own practice
        assert all(item["region"] != "HR03" for item in found)
        reasons = found[0]["reasons"]
        assert any("Agri-food and bioeconomy" in reason for reason in reasons)
        assert any(reason.startswith("Transferability") for reason in reasons)
        # Best first: overlap and transferability never grow down the list.
        worth = [
            item["overlap"] + (item["transferability"] or 0) + item["evidence"] for item in found
        ]
        assert worth == sorted(worth, reverse=True)

    def test_drafts_are_never_suggested_and_evidence_counts(self, site):
        with api.env.adopt_roles(["Manager"]):
            draft = api.content.create(
                container=site["repository"],
                type="BestPractice",
                title="Blue growth draft",
                topics=["innovation-rd"],
                country="GR",
                region="EL52",
                specialisation_domains=["blue-growth", "agri-food", "energy", "tourism-creative"],
            )
        transaction.commit()
        assert draft.Title() not in [item["title"] for item in suggest("HR03", site.REQUEST)]
        with api.env.adopt_roles(["Manager"]):
            draft.evidence_links = ["https://example.org/evaluation"]
            publish(draft)
            draft.reindexObject()
        found = suggest("HR03", site.REQUEST)
        assert found[0]["title"] == "Blue growth draft"
        assert found[0]["evidence"] is True
        assert "Evidence of its results is linked" in found[0]["reasons"]

    def test_suggestions_are_kept_and_given_out_as_copies(self, site):
        first = suggest("HR03", site.REQUEST, limit=3)
        first[0]["reasons"].append("changed by a view")
        again = suggest("HR03", site.REQUEST, limit=3)
        assert again[0]["title"] == first[0]["title"]
        assert "changed by a view" not in again[0]["reasons"]

    def test_a_region_without_needs_gets_nothing(self, site):
        assert suggest("AT11", site.REQUEST) == []


class TestMatchmakingPage:
    def test_a_visitor_reads_suggestions(self, site):
        response = requests.get(f"{site.absolute_url()}/@@matchmaking?region=HR03", timeout=60)
        assert response.status_code == 200
        assert LABS in response.text
        assert "Why it is suggested" in response.text
        assert "Express interest" not in response.text

    def test_a_member_gets_their_own_region(self, site):
        response = requests.get(
            f"{site.absolute_url()}/@@matchmaking", auth=("ivana.horvat", PASSWORD), timeout=60
        )
        assert response.status_code == 200
        assert LABS in response.text
        assert re.search(r'<option value="HR03"\s+selected', response.text)
        assert "Express interest" in response.text

    @pytest.mark.parametrize("region", ["ZZ99", "<script>", "HR03' or 1=1"])
    def test_a_bad_region_is_refused_with_a_message(self, site, region):
        response = requests.get(
            f"{site.absolute_url()}/@@matchmaking", params={"region": region}, timeout=60
        )
        assert response.status_code == 400
        assert "Choose a region from the list." in response.text
        assert "<script>" not in response.text.split("</head>")[1].split("footer")[0]

    def test_rest(self, site):
        response = requests.get(
            f"{site.absolute_url()}/@matchmaking",
            params={"region": "HR03", "limit": 3},
            headers={"Accept": "application/json"},
            timeout=60,
        )
        assert response.status_code == 200
        data = response.json()
        assert data["region"] == "HR03"
        assert len(data["items"]) == 3
        assert data["items"][0]["title"] == LABS
        assert data["items"][0]["reasons"]
        for params in (
            {"region": "ZZ99"},
            {},
            {"region": "HR03", "limit": "many"},
            {"region": "HR03", "limit": 500},
        ):
            response = requests.get(
                f"{site.absolute_url()}/@matchmaking",
                params=params,
                headers={"Accept": "application/json"},
                timeout=60,
            )
            assert response.status_code == 400, params
            assert response.json()["error"]["message"]


class TestExpressInterest:
    def test_the_contact_gets_one_message(self, site):
        labs = practice(site, LABS)
        with api.env.adopt_user(username="ivana.horvat"):
            record, created = express_interest(labs, "HR03", "We would like to visit the labs.")
        transaction.commit()
        assert created
        assert record["user"] == "ivana.horvat"
        assert record["region"] == "HR03"
        [message] = messages_to("nikos.papadopoulos")
        assert LABS in message.Title()
        assert labs.absolute_url() in message.body
        assert "/@@region/HR03" in message.body
        assert "/@@region/EL52" in message.body
        assert "We would like to visit the labs." in message.body
        assert list(message.listCreators()) == ["ivana.horvat"]
        assert interest_count() == 1
        assert interests_by_region("HR03") == 1
        with api.env.adopt_user(username="ivana.horvat"):
            again, created = express_interest(labs, "HR03")
        assert not created
        assert again == record
        assert len(messages_to("nikos.papadopoulos")) == 1
        assert interest_count() == 1

    def test_without_a_member_as_contact_the_author_hears(self, site):
        adriatic = practice(site, ADRIATIC)
        assert member_by_contact(adriatic.contact) is None
        with api.env.adopt_user(username="ivana.horvat"):
            express_interest(adriatic, "HR03")
        [creator] = adriatic.listCreators()[:1]
        assert len(messages_to(creator)) == 1

    @pytest.mark.parametrize(
        ("region", "note", "message"),
        [
            ("ZZ99", "", "Choose one of the platform's regions."),
            (None, "", "Choose one of the platform's regions."),
            ("HR03", "x" * 2001, "Your note may be at most 2,000 characters long."),
        ],
    )
    def test_bad_input_sends_nothing(self, site, region, note, message):
        labs = practice(site, LABS)
        with api.env.adopt_user(username="ivana.horvat"), pytest.raises(InterestError) as raised:
            express_interest(labs, region, note)
        assert api.portal.translate(raised.value.message) == message
        assert messages_to("nikos.papadopoulos") == []
        assert len(InterestStore()) == 0

    def test_the_button_over_http(self, site):
        labs = practice(site, LABS)
        session = requests.Session()
        session.auth = ("ivana.horvat", PASSWORD)
        page = session.get(f"{site.absolute_url()}/@@region/HR03", timeout=60).text
        token = re.search(r'name="_authenticator"\s+value="([0-9a-f]+)"', page).group(1)
        response = session.post(
            f"{labs.absolute_url()}/@@express-interest",
            data={
                "region": "HR03",
                "note": "",
                "came_from": f"{site.absolute_url()}/@@region/HR03",
                "_authenticator": token,
            },
            timeout=60,
        )
        assert response.status_code == 200
        assert response.url.endswith("/@@region/HR03")
        assert "Your interest is sent to Nikos Papadopoulos as a private message." in response.text
        # No token, no write; a visitor may not.
        response = session.post(
            f"{labs.absolute_url()}/@@express-interest", data={"region": "HR03"}, timeout=60
        )
        assert response.status_code == 403
        response = requests.post(
            f"{labs.absolute_url()}/@@express-interest",
            data={"region": "HR03"},
            timeout=60,
            allow_redirects=False,
        )
        assert response.status_code in (302, 401)
        transaction.begin()
        assert len(messages_to("nikos.papadopoulos")) == 1

    def test_a_foreign_came_from_is_not_followed(self, site):
        labs = practice(site, LABS)
        session = requests.Session()
        session.auth = ("ivana.horvat", PASSWORD)
        page = session.get(f"{site.absolute_url()}/@@matchmaking?region=HR03", timeout=60).text
        token = re.search(r'name="_authenticator"\s+value="([0-9a-f]+)"', page).group(1)
        response = session.post(
            f"{labs.absolute_url()}/@@express-interest",
            data={
                "region": "HR03",
                "came_from": "https://evil.example.org/",
                "_authenticator": token,
            },
            timeout=60,
            allow_redirects=False,
        )
        assert response.status_code == 302
        assert response.headers["Location"] == labs.absolute_url()


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (
            "See https://example.org/a?b=1&c=2.",
            'See <a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>.',
        ),
        ("javascript:alert(1) and ftp://x", "javascript:alert(1) and ftp://x"),
        (
            'http://x"onmouseover="alert(1)',
            '<a href="http://x">http://x</a>&quot;onmouseover=&quot;alert(1)',
        ),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        (
            "(http://example.org/region)",
            '(<a href="http://example.org/region">http://example.org/region</a>)',
        ),
        (None, ""),
    ],
)
def test_a_message_links_only_web_addresses(text, html):
    from clusterpolisee.core.fields import linked_text

    assert linked_text(text) == html


def test_no_interest_in_what_one_may_not_see(site):
    from AccessControl import Unauthorized
    from clusterpolisee.matchmaking.interests import express_interest_in

    with api.env.adopt_roles(["Manager"]):
        draft = api.content.create(
            container=site["repository"],
            type="BestPractice",
            title="Unpublished practice",
            contact="nikos.papadopoulos@example.org",
        )
    transaction.commit()
    with api.env.adopt_user(username="ivana.horvat"), pytest.raises(Unauthorized):
        express_interest_in(draft, "HR03")
    session = requests.Session()
    session.auth = ("ivana.horvat", PASSWORD)
    page = session.get(f"{site.absolute_url()}/@@region/HR03", timeout=60).text
    token = re.search(r'name="_authenticator"\s+value="([0-9a-f]+)"', page).group(1)
    response = session.post(
        f"{draft.absolute_url()}/@@express-interest",
        data={"region": "HR03", "_authenticator": token},
        timeout=60,
    )
    assert response.url.endswith("/insufficient-privileges")
    response = session.post(
        f"{draft.absolute_url()}/@interest",
        json={"region": "HR03"},
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code in (401, 403)
    transaction.begin()
    assert messages_to("nikos.papadopoulos") == []


def test_ranking_weighs_only_who_can_rank_and_finds_the_same(portal):
    """``rank`` skips records too far behind on overlap to rank; the best come out as if every
    record were weighed (ties broken the same way)."""
    from BTrees.IIBTree import IIBucket
    from clusterpolisee.matchmaking.suggestions import rank
    import heapq
    import random

    generator = random.Random(23)
    total = IIBucket()
    for rid in generator.sample(range(1, 10**6), 2000):
        total[rid] = generator.choice([0, 2, 3, 5, 7, 8, 10, 12, 15])
    for limit in (1, 10, 50, 3000):
        everyone = heapq.nlargest(limit, total.items(), key=lambda item: (item[1], -item[0]))
        assert rank(total, limit) == everyone, limit
