"""Fuzzing the platform over HTTP, on the demo content: whatever a client sends, the answer is
never a server error and never shows a traceback, and a refused write leaves nothing behind.

Create (POST) and update (PATCH) of every type the profile adds get malformed and non-object
JSON, a value of every JSON kind in every field of the type's schema (``@types``: most of them
the wrong type), unknown vocabulary values, huge strings and odd Unicode. An approved member who
leads a working group and the coordinator send them, each signed in once: the one who made the
item all of them, the other the malformed bodies (validation is the same for everyone the server
lets write). What a write left is read from the database in this process: a refused create adds
nothing to the folder, a refused update leaves the object's record as it was. What was accepted
shows: its page, then every page and service of the platform.

Every page and service the platform registers (its ZCML) then gets odd values for every
parameter the platform's code reads.

Deterministic: the same requests every run, no randomness.
"""

from clusterpolisee.demo.data import DEMO_PASSWORD
from pathlib import Path
from tests.authentication.codes import login_body
from urllib.parse import quote
from xml.etree import ElementTree
import clusterpolisee
import json
import re
import requests
import transaction


PACKAGE = Path(clusterpolisee.__file__).parent
TYPES = sorted(path.stem for path in (PACKAGE / "profiles/default/types").glob("*.xml"))
MEMBER = "nikos.papadopoulos"  # approved, leads the innovation working group
COORDINATOR = "platform.coordinator"
USERS = (MEMBER, COORDINATOR)
WORKSPACE = "working-groups/innovation-rd"
PRACTICE = "cluster-innovation-vouchers-in-the-north-east-region"
# Where each type is created, and who creates the item that the updates then change.
PLACES = {
    "BestPractice": ("repository", COORDINATOR),
    "CooperationNetwork": ("repository", COORDINATOR),
    "CooperationRequest": ("partner-search", MEMBER),
    "Decision": (f"{WORKSPACE}/decisions", MEMBER),
    "Decisions": (WORKSPACE, COORDINATOR),
    "EasyForm": ("en/consultations", COORDINATOR),
    "Event": ("events", COORDINATOR),
    "File": (f"{WORKSPACE}/documents", MEMBER),
    "Forum": (WORKSPACE, COORDINATOR),
    "ForumTopic": (f"{WORKSPACE}/forum", MEMBER),
    "Institution": ("institutions", COORDINATOR),
    "Mailbox": ("", COORDINATOR),
    "Meeting": (f"{WORKSPACE}/planning", MEMBER),
    "Message": ("messages", MEMBER),
    "Milestone": (f"{WORKSPACE}/planning", MEMBER),
    "PilotAction": ("repository", COORDINATOR),
    "Planning": (WORKSPACE, COORDINATOR),
    "PolicyAssessment": ("repository", COORDINATOR),
    "Publication": ("repository", COORDINATOR),
    "RegionProfile": ("regions", COORDINATOR),
    "Task": (f"{WORKSPACE}/planning", MEMBER),
    "Transfer": (f"repository/{PRACTICE}", COORDINATOR),
    "Wiki": (WORKSPACE, COORDINATOR),
    "WikiPage": (f"{WORKSPACE}/wiki", MEMBER),
    "Workspace": ("working-groups", COORDINATOR),
}
# Types only the site's setup adds (nobody may over the API), and what the updates change.
SETUP_ONLY = {
    "EasyForm": "en/consultations/innovation-rd",
    "Mailbox": "messages",
    "RegionProfile": "regions/hr03",
}

MALFORMED = (
    b"[]",
    b'"x"',
    b"1",
    b"null",
    b"{",
    b'{"title": NaN}',
    b"\xff\xfe{}",
    b"[" * 3000 + b"]" * 3000,
)
# A value of each JSON kind: every field gets each in turn, most of them of the wrong type.
KINDS = (
    12345,
    -1.5,
    10**30,
    True,
    "not a date or number",
    "",
    {"data": 1, "content-type": 2, "encoding": "no-such-codec", "token": {}},
    [1, None, {"x": 1}],
    [[["deep"]]],
)
HUGE = "A" * (1 << 20)
ODD = (
    "nul\x00 escape \x1b[31m bell \x07 del \x7f",
    "lone surrogates \ud800 \udfff \udbff",
    "rtl \u202eevil\u202c \u200f\u200b\u2060\ufeff emoji 😀🏳️‍🌈 combining e\u0301\u0301\u0301"
    " \u2028 \uffff \U0010ffff 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
)
UNKNOWN = "no-such-value"
TEXT_KINDS = ("string", "textarea", "richtext")


def signed_in(base, user=None):
    client = requests.Session()
    client.headers["Accept"] = "application/json"
    if user:
        response = client.post(f"{base}/@login", json=login_body(user, DEMO_PASSWORD))
        assert response.status_code == 200, response.text
        client.headers["Authorization"] = f"Bearer {response.json()['token']}"
    return client


def broken(response):
    """What is wrong with an answer whatever the request was; None if nothing."""
    if response.status_code >= 500:
        return f"{response.status_code} {response.text[:200]!r}"
    if "Traceback" in response.text or '"traceback"' in response.text:
        return f"{response.status_code} with a traceback"
    return None


def kind(spec):
    """What a field of a type's JSON schema (``@types``) takes."""
    if spec.get("type") == "array":
        item = spec.get("items", {})
        return "choices" if item.get("vocabulary") or item.get("enum") else "list"
    if spec.get("vocabulary") or spec.get("enum"):
        return "choice"
    return spec.get("widget") or spec.get("type")


def send(client, method, url, body):
    if isinstance(body, bytes):
        return client.request(method, url, data=body, headers={"Content-Type": "application/json"})
    return client.request(method, url, json=body)


def refused(response):
    return response.status_code in (401, 403)


class Fuzz:
    """The running site: its address, the users' clients, the types' schemas, the database as
    the last request left it, and the failures found."""

    def __init__(self, functional):
        self.portal = functional["portal"]
        self.base = self.portal.absolute_url()
        self.clients = {user: signed_in(self.base, user) for user in USERS}
        self.anonymous = signed_in(self.base)
        self.schemas = {}
        self.tokens = {}
        self.failures = []

    def url(self, path):
        return f"{self.base}/{path}" if path else self.base

    def schema(self, name):
        """The type's JSON schema, as plone.restapi's ``@types`` gives it."""
        if name not in self.schemas:
            url = f"{self.base}/@types/{name}"
            self.schemas[name] = self.clients[COORDINATOR].get(url).json()
        return self.schemas[name]

    def fresh(self, path):
        """The object at ``path`` as the last request committed it."""
        transaction.begin()
        return self.portal.unrestrictedTraverse(path) if path else self.portal

    def state(self, obj):
        """The object's record as the last request committed it."""
        transaction.begin()
        obj._p_activate()
        return obj._p_serial, obj.modified()

    def check(self, label, response):
        problem = broken(response)
        if problem:
            self.failures.append(f"{label}: {problem}")

    def first_token(self, spec, client):
        item = spec.get("items", spec)
        if "vocabulary" not in item:
            return item["enum"][0]
        url = item["vocabulary"]["@id"]
        if url not in self.tokens:
            terms = client.get(url, params={"b_size": 5}).json().get("items", [])
            self.tokens[url] = next(term["token"] for term in terms if term["token"] != MEMBER)
        return self.tokens[url]

    def valid(self, name, client):
        """A body that creates a ``name``: every required field with a valid value."""
        schema = self.schema(name)["properties"]
        body = {"@type": name, "title": f"Fuzz {name}"}
        for field in self.schema(name).get("required", ()):
            spec, what = schema[field], kind(schema[field])
            if field in body:
                continue
            if what in ("choice", "choices"):
                token = self.first_token(spec, client)
                body[field] = [token] if what == "choices" else token
            elif what == "richtext":
                body[field] = {"data": "<p>Fuzz</p>", "content-type": "text/html"}
            elif what == "datetime":
                body[field] = "2031-05-06T10:00:00+00:00"
            elif what == "date":
                body[field] = "2031-05-06"
            elif what == "integer":
                # A year (a transfer's) is checked against the years a transfer can have.
                body[field] = 2025 if field == "year" else max(spec.get("minimum", 3), 3)
            elif what == "object":
                body[field] = {"data": "fuzz", "filename": "fuzz.txt", "content-type": "text/plain"}
            else:
                body[field] = "Fuzz"
        return body

    def bad_bodies(self, name, valid, creating):
        """(label, body) of the bad requests for a type beyond malformed JSON. Odd text, huge
        text and unknown values go in a body otherwise valid, to reach as far as they can."""
        schema = self.schema(name)["properties"]
        texts = [field for field, spec in schema.items() if kind(spec) in TEXT_KINDS]
        lists = [field for field, spec in schema.items() if kind(spec) == "list"]
        unlimited = [field for field in texts if "maxLength" not in schema[field]]
        choices = {
            field: [UNKNOWN] if kind(spec) == "choices" else UNKNOWN
            for field, spec in schema.items()
            if kind(spec) in ("choice", "choices")
        }
        yield "unknown vocabulary values", {**valid, **choices}
        yield "a huge title", {**valid, "title": HUGE}
        for odd in ODD:
            odd_texts = {**dict.fromkeys(texts, odd), **{field: [odd] for field in lists}}
            yield f"odd text {odd[:14]!r}", {**valid, **odd_texts}
        yield "id as a list", {**valid, "id": ["x"]}
        yield "id with a path", {**valid, "id": "../../x\x00"}
        if creating:
            yield "type as a list", {**valid, "@type": [name]}
            yield "type as an object", {**valid, "@type": {"name": name}}
            yield "unknown type", {**valid, "@type": "NoSuchType"}
            yield "title as an object", {**valid, "title": {"x": 1}}
        elif unlimited:
            # Last: accepted, the huge text goes into every later version of the item.
            yield f"a huge {unlimited[0]}", {**valid, unlimited[0]: HUGE}

    def bodies(self, name, valid, user, creating):
        """For the user who made the item (validation is the same for everyone the server lets
        write; malformed JSON is refused before anyone is known): malformed JSON, then bad
        values. The other user sends one malformed body (their session reaches the check)."""
        if user != PLACES[name][1]:
            yield f"malformed {MALFORMED[0][:16]!r}", MALFORMED[0]
            return
        for raw in MALFORMED:
            yield f"malformed {raw[:16]!r}", raw
        schema = self.schema(name)["properties"]
        for value in KINDS:
            every = dict.fromkeys(schema, value)
            yield f"every field {json.dumps(value)[:30]}", {"@type": name, **every}
        yield from self.bad_bodies(name, valid, creating)

    def show(self, label, url, client):
        """What was created shows as a page (the API answered the create with it already)."""
        self.check(f"{label}, its page", client.get(url, headers={"Accept": "text/html"}))

    def sweep(self, queries, readers):
        """GET every page and service of the platform with each query, as each reader."""
        catalog = self.fresh("").portal_catalog
        for name, interface in endpoints():
            who = readers
            if interface in TRANSIENT:
                continue
            if interface in SITE_ROOTS:
                url = self.base
            elif interface in IN_THE_USER_FOLDER:
                url = f"{self.base}/{IN_THE_USER_FOLDER[interface]}"
            elif interface == "OFS.interfaces.IApplication":
                url = self.base.rsplit("/", 1)[0]
                # Zope's root: no site, no site's token (plone.restapi's JWT plugin at the root
                # cannot read one); anonymous only.
                who = {"anonymous": self.anonymous}
            else:
                found = catalog.unrestrictedSearchResults(object_provides=interface)
                assert found, f"nothing in the demo content provides {interface} ({name})"
                url = found[0].getURL()
            accept = "application/json" if name.startswith("@") else "text/html"
            for label, query in queries:
                for reader, client in who.items():
                    response = client.get(
                        f"{url}/{name}?{query}", headers={"Accept": accept}, allow_redirects=False
                    )
                    where = url[len(self.base) :] or "/"
                    self.check(f"GET {name} on {where} as {reader}, {label}", response)

    def create(self, name, user, valid):
        """POST bad bodies to the type's folder: no server error, nothing left by a refusal."""
        path = PLACES[name][0]
        client = self.clients[user]
        before = set(self.fresh(path).objectIds())
        for case, body in self.bodies(name, valid, user, creating=True):
            label = f"POST {name} as {user}, {case}"
            response = send(client, "POST", self.url(path), body)
            self.check(label, response)
            now = set(self.fresh(path).objectIds())
            if response.status_code == 201:
                self.show(label, response.json()["@id"], client)
            elif now != before:
                self.failures.append(
                    f"{label}: refused ({response.status_code}), left {now - before}"
                )
            before = now

    def update(self, name, user, obj, valid):
        """PATCH bad bodies to an item: no server error, the item unchanged by a refusal."""
        client = self.clients[user]
        before = self.state(obj)
        for case, body in self.bodies(name, valid, user, creating=False):
            label = f"PATCH {name} as {user}, {case}"
            # A rename is an update too: the item's address as it is now.
            response = send(client, "PATCH", obj.absolute_url(), body)
            self.check(label, response)
            now = self.state(obj)
            if response.status_code >= 400 and now != before:
                self.failures.append(f"{label}: refused ({response.status_code}) but changed it")
            before = now


def test_create_and_update_refuse_bad_bodies(functional, demo_functional):
    assert sorted(PLACES) == TYPES, "a type was added or removed: say where it is made (PLACES)"
    fuzz = Fuzz(functional)
    items = {}
    for name in TYPES:
        path, owner = PLACES[name]
        valid = fuzz.valid(name, fuzz.clients[owner])
        response = send(fuzz.clients[owner], "POST", fuzz.url(path), valid)
        if name in SETUP_ONLY:
            if not refused(response):
                fuzz.failures.append(f"POST {name} as {owner}: {response.status_code}")
            items[name] = (fuzz.fresh(SETUP_ONLY[name]), valid)
        elif response.status_code == 201:
            items[name] = (fuzz.fresh(response.json()["@id"][len(fuzz.base) + 1 :]), valid)
        else:
            fuzz.failures.append(f"POST {name} as {owner}: {response.status_code} {response.text}")
            continue
        for user in USERS:
            fuzz.create(name, user, valid)
    for name, (obj, valid) in sorted(items.items()):
        for user in USERS:
            fuzz.update(name, user, obj, valid)
    assert fuzz.failures == [], "\n".join(fuzz.failures)


ZCML = {
    "{http://namespaces.zope.org/browser}page": "@@",
    "{http://namespaces.plone.org/plone}service": "",
}
# Made on traversal, never stored: the occurrences of a recurring event (the same view as for
# the event itself, which the sweep reaches).
TRANSIENT = {
    "plone.app.event.recurrence.Occurrence",
    "plone.event.interfaces.IOccurrence",
    # The view of an exception (the redirect to enrol a second factor), not of an address.
    ".twofactor.IEnrolmentRequired",
}
# Pages of plugins of the site's user folder, which the catalog does not hold.
IN_THE_USER_FOLDER = {"pas.plugins.oidc.plugins.OIDCPlugin": "acl_users/oidc"}
SITE_ROOTS = {
    "*",
    "plone.base.interfaces.IPloneSiteRoot",
    "plone.base.interfaces.INavigationRoot",
}


def endpoints():
    """(name as in a URL, the interface it is registered for) of every page and GET service the
    platform registers."""
    found = set()
    for path in PACKAGE.rglob("*.zcml"):
        for tag, prefix in ZCML.items():
            for element in ElementTree.parse(path).getroot().iter(tag):
                if element.get("method", "GET") == "GET":
                    found.add((prefix + element.get("name"), element.get("for")))
    return sorted(found)


def parameter_names():
    """Every request parameter the platform's code reads, and the facets of its search."""
    names = set()
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text()
        names.update(re.findall(r'(?:form|request)(?:\.form)?\.get\(\s*"([\w.-]+)"', text))
        names.update(re.findall(r'Facet\(\s*"(\w+)"', text))
    return sorted(names)


def queries(names):
    """(label, query string) of odd parameters, every name at once. Zope converts ``name:type``
    before any site sees it; a value that does not convert (``:int``, ``:date``, ``:required``)
    refuses the whole request before any page runs (test_malformed.py), so none is here."""
    odd = quote("\u202eevil\u202c 😀 e\u0301\u0301 \ufeff")
    structured = (
        "{name}:list=a&{name}:list=%ff&{name}:list=",
        "{name}.x:record=1&{name}.y:record:list=2",
        "{name}:boolean=x",
        "{name}:tokens=a%20b",
    )

    def each(*templates):
        """Every name in the form of one of the templates, in turn."""
        return "&".join(
            templates[number % len(templates)].format(name=quote(name))
            for number, name in enumerate(names)
        )

    # Two requests per page, each name in turn taking another of the odd forms.
    return (
        (
            "empty, repeated, lists, records, booleans, tokens",
            each("{name}=", "{name}=a&{name}=b", *structured),
        ),
        (
            "huge odd Unicode, invalid UTF-8",
            each("{name}=" + "A" * 4000 + odd, "{name}=%ff%fe%00%ed%a0%80"),
        ),
    )


def test_pages_and_services_take_odd_parameters(functional, demo_functional):
    fuzz = Fuzz(functional)
    # A message for the pages of a message (the demo content has none).
    message = fuzz.valid("Message", fuzz.clients[MEMBER])
    assert send(fuzz.clients[MEMBER], "POST", fuzz.url("messages"), message).status_code == 201
    odd = queries(parameter_names())
    # The coordinator reaches every page a visitor does, through the same parameter handling.
    fuzz.sweep(odd, {COORDINATOR: fuzz.clients[COORDINATOR]})
    assert fuzz.failures == [], "\n".join(fuzz.failures)
