"""Forum replies and members' names, attacked over HTTP as people and programs reach them, on the
demo site that ``make start`` builds (issue 17, items 4 and 5, and the invalid UTF-8 of item 12).

- A reply (a plone.app.discussion comment) follows the security of the item it answers: a reply
  in a working group's forum is found, counted and listed only by those who may read the topic,
  and stops being found when they leave the group.
- Members' names are for approved members only: not for visitors, registrants waiting for
  approval or partner members, whatever the route (Plone's Users and Principals vocabularies, the
  message recipients, the querystring options, the author page). A hidden profile stays hidden:
  only the coordinator, and the member's own correspondents, still find it.
- A search address with bytes that are not UTF-8 is a 400 with a message, never a 500.
"""

from clusterpolisee.demo.data import DEMO_PASSWORD
from clusterpolisee.messaging.mailbox import send
from clusterpolisee.workspaces.groups import set_roster_role
from playwright.sync_api import expect
from plone import api
from tests.authentication.codes import DemoAuth
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory
import pytest
import re
import requests
import transaction


TOPIC = "working-groups/innovation-rd/forum/should-vouchers-cover-digital-services"
REPLIER = "petra.novak"  # on the innovation-rd roster
ROSTER = "elena.popescu"  # on the innovation-rd roster too
OUTSIDER = "maria.hofer"  # a full member, not in the group
PARTNER = "georgi.ivanov"
APPROVED = "luca.bianchi"
COORDINATOR = "platform.coordinator"
HIDDEN = "ioana.marin"  # hides her profile in these tests
REGISTRANT = "rita.registrant"  # registered, waiting for approval
SECRET = "Quetzalcoatlreply"
NIKOS = "nikos.papadopoulos"  # an approved member with a visible profile
NAME = "Nikos Papadopoulos"
HIDDEN_NAME = "Ioana Marin"
PAPER = "working-groups/innovation-rd/documents/luca-paper"


def client(login=None, json=False):
    session = requests.Session()
    if login:
        session.auth = DemoAuth(login, DEMO_PASSWORD)
    if json:
        session.headers["Accept"] = "application/json"
    return session


@pytest.fixture
def reply(demo_functional, functional):
    """A roster member's reply in the demo group's forum topic, posted through @comments."""
    base = functional["portal"].absolute_url()
    posted = client(REPLIER, json=True).post(
        f"{base}/{TOPIC}/@comments", json={"text": f"{SECRET}: only for the group."}
    )
    assert posted.status_code == 204, posted.text
    return base


def replies(session, base, **params):
    """The replies @search lists, with whole objects (what a program asks for)."""
    response = session.get(f"{base}/@search", params={"fullobjects": 1, **params})
    assert response.status_code == 200, f"@search {params}: {response.status_code}"
    return [item["@id"] for item in response.json()["items"] if item["@type"] == "Discussion Item"]


def test_a_private_reply_follows_its_topic_everywhere(reply, functional):
    base = reply
    topic_title = "Should vouchers cover digital services?"
    # Someone of the group finds it: the reply is there to be found.
    (found,) = replies(client(ROSTER, json=True), base, SearchableText=SECRET)
    assert found.startswith(f"{base}/{TOPIC}/")
    # ... and reads it under the topic, where the group replies (plone.app.discussion's form).
    page = client(ROSTER).get(f"{base}/{TOPIC}")
    assert SECRET in page.text
    assert 'id="commenting"' in page.text or "form.widgets.comment.text" in page.text
    wrong = []
    for login in (None, OUTSIDER, PARTNER):
        who = login or "anonymous"
        rest, browser = client(login, json=True), client(login)
        for text in (SECRET, "Petra Novak", topic_title):
            # @search with whole objects answered 401 to everybody once a reply existed.
            if replies(rest, base, SearchableText=text):
                wrong.append(f"{who} finds the reply by {text!r} in @search")
            page = browser.get(f"{base}/@@platform-search", params={"SearchableText": text})
            if page.status_code != 200 or "++conversation++" in page.text:
                wrong.append(f"{who} finds the reply by {text!r} on the search page")
        if SECRET in browser.get(f"{base}/{TOPIC}").text:
            wrong.append(f"{who} reads the reply under the topic")
        if replies(rest, base, portal_type="Discussion Item"):
            wrong.append(f"{who} lists replies in @search")
        facets = rest.get(f"{base}/@facets").json()["facets"]
        types = next(facet["values"] for facet in facets if facet["name"] == "portal_type")
        if "Discussion Item" in {value["value"] for value in types}:
            wrong.append(f"{who} counts replies in @facets")
        if rest.get(f"{base}/@facets", params={"SearchableText": SECRET}).json()["items_total"]:
            wrong.append(f"{who} counts the reply in @facets")
    assert wrong == [], "\n".join(wrong)

    # Leaving the group takes the replies along with the topic.
    transaction.begin()  # what the server committed
    with api.env.adopt_roles(["Manager"]):
        set_roster_role(functional["portal"]["working-groups"]["innovation-rd"], ROSTER, None)
    transaction.commit()
    assert replies(client(ROSTER, json=True), base, SearchableText=SECRET) == []


def test_a_visitor_searching_a_private_reply_finds_nothing(reply, page):
    page.goto(f"{reply}/@@platform-search")
    page.get_by_label("Words to look for").fill(SECRET)
    page.locator(".faceted-form").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(f"SearchableText={SECRET}"))
    expect(page.get_by_text("Nothing matches")).to_be_visible()
    expect(page.locator(".faceted-result")).to_have_count(0)


@pytest.fixture
def members(demo_functional, functional):
    """Ioana hides her profile (Petra and she have written to each other); Rita registered; Luca
    writes a paper in his group and invites Georgi, a partner member, to edit it."""
    portal = functional["portal"]
    with api.env.adopt_user(username=APPROVED):
        paper = api.content.create(
            container=portal["working-groups"]["innovation-rd"]["documents"],
            type="Document",
            id="luca-paper",
            title="Luca's paper",
        )
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username=PARTNER, obj=paper, roles=["Editor"])
    api.user.get(username=HIDDEN).setMemberProperties({"profile_visible": False})
    api.user.create(
        username=REGISTRANT,
        email=f"{REGISTRANT}@example.org",
        password=DEMO_PASSWORD,
        properties={"fullname": "Rita Registrant"},
    )
    with api.env.adopt_user(username=HIDDEN):
        send(HIDDEN, [REPLIER], "Vouchers", "Shall we compare notes?")
    transaction.commit()
    return portal.absolute_url()


OTHERS = {NAME: NIKOS, HIDDEN_NAME: HIDDEN, "Rita Registrant": REGISTRANT}


def names_in(response, login):
    """The names of others a page shows (a page names the signed-in person themselves)."""
    return {name for name, owner in OTHERS.items() if owner != login and name in response.text}


def fetch(session, base, path):
    """A route as a program or a page's script reaches it; the member search as a person does,
    with the form's token."""
    if path == "member search":
        form = session.get(f"{base}/@@member-search", allow_redirects=False)
        token = re.search(r'name="_authenticator" value="([^"]+)"', form.text)
        if form.status_code != 200:
            return form
        # Every page of results (stock Plone shows twelve a page).
        pages = [
            session.post(
                f"{base}/@@member-search",
                data={
                    "form.buttons.search": "Search",
                    "_authenticator": token[1] if token else "",
                    "b_start": start,
                },
                allow_redirects=False,
            )
            for start in (0, 12, 24, 36)
        ]
        for page in pages[1:]:
            pages[0]._content += page.content
        return pages[0]
    rest = path.startswith("/@") and not path.startswith("/@@")
    return session.get(
        f"{base}{path}",
        headers={"Accept": "application/json" if rest else "text/html"},
        allow_redirects=False,
    )


ROUTES = {
    "Users": "/@vocabularies/plone.app.vocabularies.Users?b_size=500",
    "Principals": "/@vocabularies/plone.app.vocabularies.Principals?b_size=500",
    "Users (widget)": "/@@getVocabulary?name=plone.app.vocabularies.Users",
    "Users (search)": "/@@getVocabulary?name=plone.app.vocabularies.Users&query=a",
    "Principals (widget)": "/@@getVocabulary?name=plone.app.vocabularies.Principals",
    # The edit form's "creators" widget asks on the item, for its field.
    "creators (edit form)": (
        f"/{PAPER}/@@getVocabulary?name=plone.app.vocabularies.Users&field=creators"
    ),
    "query options": "/@@qsOptions",
    "REST query options": "/@querystring",
    "member search": "member search",
    "recipients": "/@vocabularies/clusterpolisee.vocabularies.MessageRecipients?b_size=500",
    "recipients (widget)": "/@@getVocabulary?name=clusterpolisee.vocabularies.MessageRecipients",
    "author page": f"/author/{NIKOS}",
    "hidden author page": f"/author/{HIDDEN}",
    "registrant's author page": f"/author/{REGISTRANT}",
}
EVERYONE = {NAME}  # the approved members with a visible profile
NONE = {route: set() for route in ROUTES}
# Which names of others each person finds on each route checked for them.
NAMES = {
    "anonymous": NONE,
    REGISTRANT: NONE,
    # A partner member writes messages, but only to the members of their working groups and to
    # their correspondents (none here); no name elsewhere, not even on the item they were invited
    # to edit.
    PARTNER: NONE,
    # An approved member: the recipients and the author pages of visible profiles; not Plone's
    # lists of every account (the member directory is theirs).
    APPROVED: {
        **NONE,
        "recipients": EVERYONE,
        "recipients (widget)": EVERYONE,
        "author page": EVERYONE,
    },
    # Ioana wrote to Petra: Petra can answer her, and finds her nowhere else.
    REPLIER: {
        "recipients": {NAME, HIDDEN_NAME},
        "recipients (widget)": {NAME, HIDDEN_NAME},
        "hidden author page": set(),
        "Users (search)": set(),
    },
    # The coordinator approves members: every account, hidden or not, registrants too.
    COORDINATOR: {
        **{
            route: {NAME, HIDDEN_NAME, "Rita Registrant"}
            for route in (
                "Users",
                "Principals",
                "Users (widget)",
                "query options",
                "member search",
                "creators (edit form)",
            )
        },
        "recipients": {NAME, HIDDEN_NAME},
        "author page": EVERYONE,
        "hidden author page": {HIDDEN_NAME},
        "registrant's author page": {"Rita Registrant"},
    },
}


def test_names_are_for_approved_members_and_hidden_profiles_stay_hidden(members):
    base = members
    wrong = []
    for login, expected in NAMES.items():
        session = client(None if login == "anonymous" else login)
        for route, want in expected.items():
            response = fetch(session, base, ROUTES[route])
            shown = names_in(response, login)
            if response.status_code >= 500 or shown != want:
                wrong.append(
                    f"{login} {route} ({response.status_code}): sees {sorted(shown)}, "
                    f"should see {sorted(want)}"
                )
    # A hidden member still has her own page.
    assert fetch(client(HIDDEN), base, ROUTES["hidden author page"]).status_code == 200
    assert wrong == [], "\n".join(wrong)


def test_plones_user_vocabularies_name_whom_the_reader_may_see(members, functional):
    """Plone's vocabularies of users themselves, whatever route asks them (the routes above
    keep them to the coordinator): an approved member finds the visible profiles only, and
    a known id names nobody hidden; a partner member finds nobody."""
    portal = functional["portal"]
    for name in ("plone.app.vocabularies.Users", "plone.app.vocabularies.Principals"):
        factory = getUtility(IVocabularyFactory, name=name)
        prefix = "user:" if name.endswith("Principals") else ""
        with api.env.adopt_user(username=APPROVED):
            titles = {term.title for term in factory(portal)}
            assert NAME in titles, name
            assert HIDDEN_NAME not in titles, name
            assert "Rita Registrant" not in titles, name
            with pytest.raises(LookupError):
                factory(portal).getTerm(f"{prefix}{HIDDEN}")
            # Not even whether the account exists.
            assert f"{prefix}{HIDDEN}" not in factory(portal)
            assert factory(portal).getTerm(f"{prefix}{NIKOS}").title == NAME
            assert f"{prefix}{NIKOS}" in factory(portal)
        with api.env.adopt_user(username=PARTNER):
            assert list(factory(portal, "a")) == [], name
            with pytest.raises(LookupError):
                factory(portal).getTerm(f"{prefix}{NIKOS}")
        with api.env.adopt_user(username=COORDINATOR):
            assert HIDDEN_NAME in {term.title for term in factory(portal)}, name


def test_search_text_that_is_not_utf8_is_a_400(demo_functional, functional):
    base = functional["portal"].absolute_url()
    wrong = []
    for path in (
        "/@@platform-search?SearchableText=%ff%fe",
        "/@@platform-search?topics=%ff",
        "/@@platform-search?SearchableText=ok&country=%c3%28",
        "/@@publications?SearchableText=%ff",
        "/@facets?SearchableText=%ff%fe",
        "/@facets?topics=%ff",
    ):
        response = requests.get(f"{base}{path}", headers={"Accept": "application/json"})
        if response.status_code != 400 or "UTF-8" not in response.text:
            wrong.append(f"{path}: {response.status_code} {response.text[:200]}")
    assert wrong == [], "\n".join(wrong)


def test_the_rule_for_one_name_is_the_directorys_rule(members, functional):
    """``may_see_member``, which bylines ask for one account, answers as the whole directory
    (``listed_member_ids``) does, for every reader and every account."""
    from clusterpolisee.members.directory import listed_member_ids
    from clusterpolisee.members.directory import may_see_member
    from plone.app.testing import login
    from plone.app.testing import logout

    portal = functional["portal"]
    accounts = [user.getId() for user in api.user.get_users()] + ["nobody-such"]
    disagree = []
    for reader in (None, APPROVED, PARTNER, REGISTRANT, HIDDEN, COORDINATOR):
        if reader is None:
            logout()
        else:
            login(portal, reader)
        listed = listed_member_ids()
        for account in accounts:
            expected = listed is None or account in listed
            if may_see_member(account) != expected:
                disagree.append(f"{reader} on {account}: directory says {expected}")
    logout()
    assert len(accounts) > 10
    assert disagree == []
