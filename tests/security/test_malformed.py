"""Requests that made the server fail (HTTP 500) where the client was wrong or nothing was wrong
at all: each now has its answer, and a REST error tells its type and message, never the server's
traceback. On the demo content, over HTTP."""

from clusterpolisee.demo.data import DEMO_PASSWORD
from clusterpolisee.messaging.mailbox import send
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.security.test_fuzz import COORDINATOR
from tests.security.test_fuzz import MEMBER
from tests.security.test_fuzz import PLACES
from tests.security.test_fuzz import signed_in
from tests.security.test_fuzz import WORKSPACE
import requests
import transaction


FORUM_TOPIC = f"{WORKSPACE}/forum/should-vouchers-cover-digital-services"
CONSULTATION = "en/consultations/innovation-rd"
NOT_OBJECTS = (b"[]", b'"x"', b"1", b"{", b"null")


def site(functional):
    return functional["portal"].absolute_url()


def manager(base):
    client = requests.Session()
    client.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    client.headers["Accept"] = "application/json"
    return client


def answers(responses):
    """``{label: status}`` of the responses, for one readable comparison."""
    return {label: response.status_code for label, response in responses.items()}


def test_a_body_that_is_not_a_json_object_is_a_bad_request(functional, demo_functional):
    """Creating any type with malformed or non-object JSON, in every folder that takes a type:
    400 with a message saying what is wrong (it was 500)."""
    base = site(functional)
    coordinator = signed_in(base, COORDINATOR)
    # Every folder the types are created in, but the site itself and the regions' folder (only
    # the site's setup adds there: nobody may post to them, 401).
    folders = sorted(
        {path for name, (path, _owner) in PLACES.items() if path and name != "RegionProfile"}
    )
    responses = {
        f"{body!r} to /{folder}": coordinator.post(
            f"{base}/{folder}", data=body, headers={"Content-Type": "application/json"}
        )
        for folder in folders
        for body in NOT_OBJECTS
    }
    assert answers(responses) == dict.fromkeys(responses, 400)
    messages = {response.json()["message"] for response in responses.values()}
    assert messages == {
        "The request body is not valid JSON.",
        "The request body must be a JSON object.",
    }


def test_values_of_the_wrong_kind_are_bad_requests(functional, demo_functional):
    """A number for a rich text (it was 500), for a date, a file or a vocabulary's term, an
    object naming no related item, a list as the type to create, a recurrence rule nobody can
    read, a body nested too deep or with half a surrogate pair: 400, the field named where there
    is one."""
    base = site(functional)
    member = signed_in(base, MEMBER)
    coordinator = signed_in(base, COORDINATOR)
    wiki_page = {"@type": "WikiPage", "title": "Numbers"}
    responses = {
        "rich text": member.post(f"{base}/{WORKSPACE}/wiki", json={**wiki_page, "text": 5}),
        "rich text as an object": member.post(
            f"{base}/{WORKSPACE}/wiki", json={**wiki_page, "text": {"data": 5}}
        ),
        "date": member.post(f"{base}/{WORKSPACE}/wiki", json={**wiki_page, "effective": 5}),
        "term": coordinator.post(
            f"{base}/institutions",
            json={"@type": "Institution", "title": "T", "kind": ["university"], "topics": []},
        ),
        "related item": member.post(
            f"{base}/{WORKSPACE}/wiki", json={**wiki_page, "relatedItems": [{"x": 1}]}
        ),
        "file": member.post(
            f"{base}/{WORKSPACE}/documents", json={"@type": "File", "file": 5, "title": "F"}
        ),
        "type": member.post(f"{base}/{WORKSPACE}/wiki", json={**wiki_page, "@type": ["Wiki"]}),
        "recurrence": coordinator.patch(
            f"{base}/events/european-cluster-conference", json={"recurrence": "every day"}
        ),
        "deep nesting": member.post(
            f"{base}/{WORKSPACE}/wiki",
            data=b"[" * 5000 + b"]" * 5000,
            headers={"Content-Type": "application/json"},
        ),
        "half a surrogate pair": member.post(
            f"{base}/{WORKSPACE}/wiki", json={**wiki_page, "title": "half \ud800"}
        ),
        "control characters in rich text": member.post(
            f"{base}/{WORKSPACE}/wiki", json={**wiki_page, "text": "bell \x07"}
        ),
    }
    assert answers(responses) == dict.fromkeys(responses, 400)
    assert "'field': 'text'" in responses["rich text"].json()["message"]
    assert "'field': 'recurrence'" in responses["recurrence"].json()["message"]


def test_a_rename_that_is_not_allowed_is_a_bad_request(functional, demo_functional):
    """A group leader may edit the group's wiki but not add one: renaming it (its short name
    through the API) is refused with a 400, not a server error, and leaves it as it was."""
    base = site(functional)
    member = signed_in(base, MEMBER)
    response = member.patch(f"{base}/{WORKSPACE}/wiki", json={"id": "renamed-wiki"})
    assert response.status_code == 400, response.text
    assert "'field': 'id'" in response.json()["message"]
    transaction.begin()
    assert "wiki" in functional["portal"].unrestrictedTraverse(WORKSPACE).objectIds()


def test_a_consultation_reads_for_everyone_who_may_view_it(functional, demo_functional):
    """REST GET of a public consultation for a visitor, a member and the coordinator: 200, and
    the stored answers only for who may download them (it was 500 for all of them)."""
    base = site(functional)
    readers = {
        "anonymous": signed_in(base),
        MEMBER: signed_in(base, MEMBER),
        COORDINATOR: signed_in(base, COORDINATOR),
        "manager": manager(base),
    }
    responses = {who: client.get(f"{base}/{CONSULTATION}") for who, client in readers.items()}
    assert answers(responses) == dict.fromkeys(responses, 200)
    assert [who for who, r in responses.items() if "savedDataStorage" in r.json()] == ["manager"]


def test_my_data_lists_files_sent_in_messages(functional, demo_functional):
    """``@@my-data`` of a member who sent a file with a message (the file has no workflow, so
    the catalog has no state for it): 200 with the file among the contributions (it was 500)."""
    base = site(functional)
    with api.env.adopt_user(username=MEMBER):
        send(MEMBER, ["ana.kovac"], "Figures", "See", [("figures.txt", "text/plain", b"1, 2")])
    transaction.commit()
    response = signed_in(base, MEMBER).get(f"{base}/@@my-data")
    assert response.status_code == 200, response.text
    files = [row for row in response.json()["contributions"] if row["type"] == "File"]
    assert [(row["title"], row["state"]) for row in files] == [("figures.txt", None)]


def test_message_replies_and_forum_replies_live_side_by_side(functional, demo_functional):
    """A reply to a message and a reply in a group's forum, in either order, both succeed
    (each failed once the other existed: one catalog index held a message's text id and a
    comment's number)."""
    base = site(functional)
    member = signed_in(base, MEMBER)
    ana = requests.Session()
    ana.headers["Accept"] = "application/json"
    token = ana.post(f"{base}/@login", json={"login": "ana.kovac", "password": DEMO_PASSWORD})
    ana.headers["Authorization"] = f"Bearer {token.json()['token']}"

    def message_reply(subject):
        first = member.post(
            f"{base}/messages",
            json={"@type": "Message", "title": subject, "recipients": ["ana.kovac"], "body": "?"},
        )
        return ana.post(
            f"{base}/messages",
            json={
                "@type": "Message",
                "title": f"Re: {subject}",
                "recipients": [MEMBER],
                "body": "!",
                "in_reply_to": first.json()["UID"],
            },
        )

    def forum_reply(text):
        return ana.post(f"{base}/{FORUM_TOPIC}/@comments", json={"text": text})

    responses = {
        "message reply first": message_reply("Vouchers"),
        "forum reply after it": forum_reply("Yes, digital services too."),
        "another forum reply": forum_reply("And training."),
        "message reply after them": message_reply("Training"),
    }
    assert answers(responses) == {
        "message reply first": 201,
        "forum reply after it": 204,
        "another forum reply": 204,
        "message reply after them": 201,
    }
    comments = ana.get(f"{base}/{FORUM_TOPIC}/@comments").json()
    assert comments["items_total"] == 2


def test_rest_errors_carry_no_traceback(functional, demo_functional):
    """Errors answered through the REST API, to the site's manager too: type and message, no
    traceback with the server's file paths. The site's pages keep Plone's error page."""
    base = site(functional)
    client = manager(base)
    responses = {
        "not found": client.get(f"{base}/no-such-item"),
        "bad request": client.post(f"{base}/repository", json={"title": "no type"}),
        "not an object": client.post(
            f"{base}/repository", data=b"[]", headers={"Content-Type": "application/json"}
        ),
    }
    assert answers(responses) == {"not found": 404, "bad request": 400, "not an object": 400}
    for response in responses.values():
        assert set(response.json()) <= {"type", "message", "context"}, response.text
        assert "Traceback" not in response.text
        assert ".py" not in response.text
    page = client.get(f"{base}/no-such-item", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert page.headers["Content-Type"].startswith("text/html")
    assert "template-error_message-pt" in page.text  # Plone's own error page
    assert "is not at this address" in page.text


def test_pages_answer_odd_parameters(functional, demo_functional):
    """The events calendar with a month it cannot read and another bad parameter: 400 (the
    second error made it fail). A group calendar's feed address whose member and token are
    not text (bytes that are not UTF-8): 403, as any wrong address (it was 500)."""
    base = site(functional)
    coordinator = signed_in(base, COORDINATOR)
    html = {"Accept": "text/html"}
    calendar = coordinator.get(
        f"{base}/@@events-calendar?month=someday&sort_on=nothing", headers=html
    )
    feed = requests.get(f"{base}/{WORKSPACE}/planning/@@group-calendar.ics?member=%ff&token=%ff")
    assert (calendar.status_code, feed.status_code) == (400, 403)


def test_typed_fields_zope_cannot_convert_are_bad_requests_with_a_message(
    functional, demo_functional
):
    """A field Zope converts (``b_start:int``, as in Plone's batch links) with a value it cannot
    convert failed with a 500 and a bare page, before any site ran: now a 400 whose message
    names the field, on the platform's error page, in the visitor's language, and as JSON for
    the REST API (core/typedfields.py)."""
    base = site(functional)
    html = {"Accept": "text/html"}
    pages = {
        "listing": f"{base}/@@platform-search?SearchableText=vouchers&b_start:int=abc",
        "encoded colon": f"{base}/en?b_start%3Aint=abc",
        "date": f"{base}/@@events-calendar?start:date=someday",
        "number": f"{base}/en?score:float=high",
        "empty": f"{base}/en?b_start:int=",
        "list": f"{base}/en?page:int:list=1&page:int:list=two",
        "json": f"{base}/en?filters:json=%7B",
    }
    answers_seen = {label: requests.get(url, headers=html) for label, url in pages.items()}
    assert answers(answers_seen) == dict.fromkeys(pages, 400)
    messages = {
        "listing": "The address gives “b_start” a value that is not a whole number.",
        "encoded colon": "The address gives “b_start” a value that is not a whole number.",
        "date": "The address gives “start” a value that is not a date.",
        "number": "The address gives “score” a value that is not a number.",
        "empty": "The address gives “b_start” a value that is not a whole number.",
        "list": "The address gives “page” a value that is not a whole number.",
        "json": "The address gives “filters” a value the platform cannot read.",
    }
    for label, answer in answers_seen.items():
        assert messages[label] in answer.text, label
        assert 'id="portal-logo"' in answer.text, label  # the platform's own error page
    # A member inside their workspace, the REST API, and in Italian.
    member = signed_in(base, MEMBER)
    workspace = member.get(f"{base}/{WORKSPACE}/wiki?b_start:int=x", headers=html)
    assert workspace.status_code == 400
    assert "Nikos Papadopoulos" in workspace.text
    rest = requests.get(f"{base}/@search?b_size:int=ten", headers={"Accept": "application/json"})
    assert rest.status_code == 400
    assert (
        rest.json()["message"] == "The address gives “b_size” a value that is not a whole number."
    )
    italian = requests.get(
        f"{base}/it?b_start:int=x", headers=html, cookies={"I18N_LANGUAGE": "it"}
    )
    assert italian.status_code == 400
    assert "dà a “b_start” un valore che non è un numero intero." in italian.text
    # Values that convert, and an empty one with its default, go on as before.
    assert requests.get(f"{base}/@@platform-search?b_start:int=20", headers=html).status_code == 200
    with_default = requests.get(f"{base}/en?b_start:default:int=0&b_start:int=", headers=html)
    assert with_default.status_code == 200
    # Outside the platform (Zope's root) the field is left out: no server error.
    root = base.rsplit("/", 1)[0]
    assert requests.get(f"{root}/?b_start:int=abc").status_code < 500
