"""Old versions, uploaded files and private messages, attacked over HTTP as people and programs
reach them, on the demo site that ``make start`` builds (issue 17, items 1, 2, 3 and 6).

- Every route to an old version asks what viewing the item asks; a confidential item's versions
  are for its author and the people invited to it only.
- An uploaded file a browser would run (HTML, SVG) is always an attachment, on every route;
  every response says nosniff, every file carries a policy that runs nothing.
- Nobody but the sender and the recipients reads a message: not the Zope admin who made the
  mailbox. The server names the sender; a sent message never changes; a reply joins only a
  conversation its writer may read.
"""

from clusterpolisee.demo.data import DEMO_PASSWORD
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from tests.authentication.codes import DemoAuth
import base64
import pytest
import re
import requests
import transaction


AUTHOR = "nikos.papadopoulos"  # leads innovation-rd
ROSTER = ("luca.bianchi", "ana.kovac")  # members of innovation-rd
STC = "sofia.dimitriou"
COORDINATOR = "platform.coordinator"
INVITED = "georgi.ivanov"  # a partner member, invited to the confidential item
SCRIPT = b"<html><body><script>document.title='pwned'</script>Uploaded page</body></html>"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>document.title="pwned"</script>'
    b'<rect width="1" height="1"/></svg>'
)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def client(login=None):
    session = requests.Session()
    if login == "admin":
        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    elif login:
        session.auth = DemoAuth(login, DEMO_PASSWORD)
    return session


def rest(login=None):
    session = client(login)
    session.headers.update({"Accept": "application/json", "Content-Type": "application/json"})
    return session


def revise(item, text):
    """A new version of ``item`` with ``text``, as saving the edit form makes one."""
    item.text = RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe")
    api.portal.get_tool("portal_repository").save(item, comment="revised")


@pytest.fixture
def documents(demo_functional, functional):
    """In the demo group's library: a confidential paper with two versions, and uploads."""
    portal = functional["portal"]
    library = portal["working-groups"]["innovation-rd"]["documents"]
    with api.env.adopt_user(username=AUTHOR):
        paper = api.content.create(
            container=library,
            type="Document",
            id="confidential-paper",
            title="Confidential paper",
            text=RichTextValue("<p>FirstSecretDraft</p>", "text/html", "text/x-html-safe"),
        )
        revise(paper, "SecondSecretDraft")
        api.content.transition(paper, transition="make_confidential")
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.grant_roles(username=INVITED, obj=paper, roles=["Reader"])
    uploads = {}
    with api.env.adopt_user(username=ROSTER[0]):
        for name, content_type, data in (
            ("page.html", "text/html", SCRIPT),
            ("drawing.svg", "image/svg+xml", SVG),
        ):
            uploads[name] = api.content.create(
                container=library,
                type="File",
                id=name,
                title=name,
                file=NamedBlobFile(data=data, filename=name, contentType=content_type),
            ).absolute_url()
        uploads["dot.png"] = api.content.create(
            container=library,
            type="File",
            id="dot.png",
            title="dot.png",
            file=NamedBlobFile(data=PNG, filename="dot.png", contentType="image/png"),
        ).absolute_url()
        uploads["picture"] = api.content.create(
            container=library,
            type="Image",
            id="picture.png",
            title="picture.png",
            image=NamedBlobImage(data=PNG, filename="picture.png", contentType="image/png"),
        ).absolute_url()
    transaction.commit()
    return paper.absolute_url(), uploads


def version_routes(url):
    return {
        "diff": f"{url}/@@history?one=0&two=1",
        "diff with the current": f"{url}/@@history?one=0&two=current",
        "history form": f"{url}/versions_history_form",
        "history viewlet": f"{url}/@@historyview",
        "content history": f"{url}/@@contenthistory",
        "REST history": f"{url}/@history",
        "REST version": f"{url}/@history/0",
    }


class TestOldVersions:
    def test_only_the_author_and_the_invited_read_a_confidential_items_versions(self, documents):
        paper, _uploads = documents
        leaks = []
        for login in (*ROSTER, STC, COORDINATOR, "admin", None):
            session = client(login)
            for route, url in version_routes(paper).items():
                headers = {"Accept": "application/json"} if "REST" in route else {}
                response = session.get(url, headers=headers, allow_redirects=False)
                if "FirstSecretDraft" in response.text:
                    leaks.append(f"{login or 'anonymous'} read {route} ({response.status_code})")
        assert leaks == []

    def test_the_author_and_the_invited_still_read_them(self, documents):
        paper, _uploads = documents
        for login in (AUTHOR, INVITED):
            response = client(login).get(f"{paper}/@@history?one=0&two=1")
            assert response.status_code == 200, login
            assert "FirstSecretDraft" in response.text, login
            assert "SecondSecretDraft" in response.text, login
            response = rest(login).get(f"{paper}/@history/0")
            assert response.status_code == 200, login
            assert "FirstSecretDraft" in response.text, login

    def test_the_stc_reads_no_version_of_a_private_repository_item(
        self, demo_functional, functional
    ):
        portal = functional["portal"]
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            practice = api.content.create(
                container=portal["repository"],
                type="Document",
                id="private-note",
                title="Private note",
                text=RichTextValue("<p>PrivateFirstDraft</p>", "text/html", "text/x-html-safe"),
            )
            revise(practice, "PrivateSecondDraft")
        assert api.content.get_state(practice) == "private"
        transaction.commit()
        url = practice.absolute_url()
        for route, address in version_routes(url).items():
            headers = {"Accept": "application/json"} if "REST" in route else {}
            response = client(STC).get(address, headers=headers, allow_redirects=False)
            assert "PrivateFirstDraft" not in response.text, route
        response = client(COORDINATOR).get(f"{url}/@@history?one=0&two=1")
        assert "PrivateFirstDraft" in response.text
        assert "PrivateSecondDraft" in response.text

    def test_a_copy_of_a_confidential_item_inherits_again(self, documents):
        paper_url, _uploads = documents
        portal = api.portal.get()
        paper = portal.unrestrictedTraverse(paper_url[len(portal.absolute_url()) + 1 :])
        assert paper.__ac_local_roles_block__ is True
        with api.env.adopt_user(username=AUTHOR):
            copy = api.content.copy(source=paper, target=paper.aq_parent, id="paper-copy")
        assert api.content.get_state(copy) == "draft"
        assert not getattr(copy, "__ac_local_roles_block__", None)
        with api.env.adopt_user(username=ROSTER[0]):
            assert api.user.has_permission("View", obj=copy)


class TestUploadsAreFiles:
    def test_every_route_sends_a_runnable_upload_as_an_attachment(self, documents):
        _paper, uploads = documents
        leader = client(AUTHOR)
        wrong = []
        for name in ("page.html", "drawing.svg"):
            for route in (
                "@@download-version?version_id=0",
                "@@download/file",
                "@@display-file/file",
                "@@download/file/" + name,
            ):
                response = leader.get(f"{uploads[name]}/{route}")
                disposition = response.headers.get("Content-Disposition", "")
                if response.status_code != 200 or not disposition.startswith("attachment"):
                    wrong.append(f"{name} {route}: {response.status_code} {disposition!r}")
                if response.headers.get("X-Content-Type-Options") != "nosniff":
                    wrong.append(f"{name} {route}: no nosniff")
                policy = response.headers.get("Content-Security-Policy", "")
                if "default-src 'none'" not in policy or "sandbox" not in policy:
                    wrong.append(f"{name} {route}: policy {policy!r}")
        assert wrong == []

    def test_every_page_says_nosniff(self, documents):
        _paper, uploads = documents
        for url in (uploads["page.html"], f"{uploads['page.html']}/@@not-a-page"):
            response = client(AUTHOR).get(url)
            assert response.headers.get("X-Content-Type-Options") == "nosniff", url

    def test_comparing_a_version_not_kept_is_a_bad_request_never_an_error(self, documents):
        paper, _uploads = documents
        author = client(AUTHOR)
        html = {"Accept": "text/html"}
        compared = author.get(f"{paper}/@@history?one=0&two=current", headers=html)
        assert compared.status_code == 200
        assert "SecondSecretDraft" in compared.text
        for query in ("one=abc", "one=99", "one=0&one=1", "two=-1"):
            assert author.get(f"{paper}/@@history?{query}", headers=html).status_code == 400
        # A folder keeps no versions: nothing to compare (CMFEditions failed with a 500).
        library = paper.rsplit("/", 1)[0]
        assert client("admin").get(f"{library}/@@history", headers=html).status_code == 404

    def test_an_image_shows_inline_and_a_missing_version_is_not_found(self, documents):
        _paper, uploads = documents
        leader = client(AUTHOR)
        response = leader.get(f"{uploads['dot.png']}/@@download-version?version_id=0")
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "image/png"
        assert response.headers["Content-Disposition"].startswith("inline")
        response = leader.get(
            f"{uploads['page.html']}/@@download-version?version_id=0&filename=%FF"
        )
        assert response.status_code == 200
        assert response.headers["Content-Disposition"].startswith("attachment")
        for url, query in (
            (uploads["page.html"], "version_id=99"),
            (uploads["page.html"], "version_id=abc"),
            (uploads["page.html"], "version_id=%C2%B2"),
            (uploads["page.html"], "version_id="),
            (uploads["page.html"], "field_id=nothing&version_id=0"),
            (uploads["page.html"], "field_id:list=file&version_id=0"),
            # Images keep no versions.
            (uploads["picture"], "version_id=0"),
        ):
            response = leader.get(f"{url}/@@download-version?{query}")
            assert response.status_code == 404, query
            assert "Traceback" not in response.text


@pytest.fixture
def conversation(demo_functional, functional):
    """Luca writes to Nikos with an attachment, over REST as the compose form does not."""
    base = functional["portal"].absolute_url()
    luca = rest("luca.bianchi")
    response = luca.post(
        f"{base}/messages",
        json={
            "@type": "Message",
            "title": "Voucher budget",
            "recipients": ["nikos.papadopoulos"],
            "body": "PrivateBudgetFigures",
            "creators": ["nikos.papadopoulos"],
        },
    )
    assert response.status_code == 201, response.text
    return base, response.json()["@id"]


class TestMessages:
    def test_the_site_owner_reads_no_message(self, demo_functional, functional):
        from clusterpolisee.messaging.mailbox import send

        portal = functional["portal"]
        with api.env.adopt_user(username="luca.bianchi"):
            message = send(
                "luca.bianchi",
                ["nikos.papadopoulos"],
                "Voucher budget",
                "PrivateBudgetFigures",
                attachments=[("figures.csv", "text/csv", b"secret,AttachedFigure\n")],
            )
        transaction.commit()
        attachment = message.contentValues()[0]
        admin = client("admin")
        for url in (
            message.absolute_url(),
            f"{attachment.absolute_url()}/@@download/file",
            f"{portal.absolute_url()}/messages/folder_contents",
        ):
            response = admin.get(url)
            assert "PrivateBudgetFigures" not in response.text, url
            assert "AttachedFigure" not in response.text, url
        # The search page repeats the words searched for: the message must not be a result.
        response = admin.get(
            f"{portal.absolute_url()}/@@search?SearchableText=PrivateBudgetFigures"
        )
        assert message.absolute_url() not in response.text
        response = rest("admin").get(
            f"{portal.absolute_url()}/@search?portal_type=Message&fullobjects=1"
        )
        assert "PrivateBudgetFigures" not in response.text
        # The sender and the recipient still read it.
        for login in ("luca.bianchi", "nikos.papadopoulos"):
            assert "PrivateBudgetFigures" in client(login).get(message.absolute_url()).text

    def test_the_server_names_the_sender(self, conversation):
        _base, message = conversation
        data = rest("nikos.papadopoulos").get(message).json()
        assert data["creators"] == ["luca.bianchi"]

    def test_no_type_lets_a_member_name_another_creator(self, demo_functional, functional):
        library = f"{functional['portal'].absolute_url()}/working-groups/innovation-rd/documents"
        luca = rest("luca.bianchi")
        response = luca.post(
            library, json={"@type": "Document", "title": "Mine", "creators": ["nikos.papadopoulos"]}
        )
        assert response.status_code == 201, response.text
        document = response.json()["@id"]
        assert luca.get(document).json()["creators"] == ["luca.bianchi"]
        luca.patch(document, json={"creators": ["nikos.papadopoulos"]})
        assert luca.get(document).json()["creators"] == ["luca.bianchi"]

    def test_a_sent_message_never_changes(self, conversation):
        _base, message = conversation
        luca = rest("luca.bianchi")
        response = luca.post(
            message,
            json={
                "@type": "File",
                "title": "late.html",
                "file": {
                    "data": "PGI+bGF0ZTwvYj4=",
                    "encoding": "base64",
                    "filename": "late.html",
                    "content-type": "text/html",
                },
            },
        )
        assert response.status_code in (401, 403), response.text
        response = luca.patch(message, json={"body": "Changed"})
        assert response.status_code in (401, 403), response.text
        assert rest("nikos.papadopoulos").get(message).json()["items"] == []

    def test_a_reply_joins_only_a_conversation_its_writer_reads(self, conversation):
        base, message = conversation
        thread = rest("nikos.papadopoulos").get(message).json()["UID"]
        # Petra is no party to Luca's conversation with Nikos: she cannot answer in it...
        petra = rest("petra.novak")
        body = {"@type": "Message", "recipients": ["nikos.papadopoulos"], "body": "Intruding"}
        response = petra.post(
            f"{base}/messages", json={**body, "title": "A", "in_reply_to": thread}
        )
        assert response.status_code == 400, response.text
        assert "conversation" in response.json()["message"].lower()
        # ... and naming the conversation starts one of her own.
        response = petra.post(f"{base}/messages", json={**body, "title": "B", "thread": thread})
        assert response.status_code == 201, response.text
        assert rest("nikos.papadopoulos").get(response.json()["@id"]).json()["thread"] != thread
        # Nikos, a party to it, replies into it: the server finds the conversation.
        response = rest("nikos.papadopoulos").post(
            f"{base}/messages",
            json={
                "@type": "Message",
                "title": "Re: Voucher budget",
                "recipients": ["luca.bianchi"],
                "body": "Thanks",
                "in_reply_to": thread,
            },
        )
        assert response.status_code == 201, response.text
        assert rest("luca.bianchi").get(response.json()["@id"]).json()["thread"] == thread


class TestLanguageLinks:
    def test_the_language_bar_carries_no_posted_field(self, demo_functional, functional):
        """A page that received a form keeps the posted fields and
        the form's token out of its language links; the page's own query stays in them."""
        base = functional["portal"].absolute_url()
        session = client("luca.bianchi")
        response = session.post(
            f"{base}/repository?sort_on=relevance",
            data={"SearchableText": "PostedOrganisation", "_authenticator": "PostedToken"},
        )
        assert response.status_code == 200
        bar = response.text[response.text.index('id="portal-languageselector"') :]
        links = re.findall(r'href="([^"]*)"', bar[: bar.index("</ul>")])
        assert len(links) == 13
        for link in links:
            assert "PostedOrganisation" not in link
            assert "PostedToken" not in link
            assert "sort_on=relevance" in link


class TestBylines:
    def test_a_byline_names_a_member_only_to_those_who_may_see_names(
        self, demo_functional, functional
    ):
        catalog = api.portal.get_tool("portal_catalog")
        practice = catalog(portal_type="BestPractice", review_state="published")[0].getObject()
        practice.setCreators(["nikos.papadopoulos"])
        transaction.commit()
        for login, named in (("luca.bianchi", True), (INVITED, False)):
            page = client(login).get(practice.absolute_url()).text
            byline = page[page.index('id="section-byline"') :][:1500]
            assert ("Nikos Papadopoulos" in byline) is named, login
            assert ("/author/nikos.papadopoulos" in byline) is named, login
            if not named:
                assert "a member of the platform" in byline


class TestMessagesOutsideThePages:
    def test_no_management_route_reads_a_message(self, conversation):
        """Zope's management screens, export and WebDAV are no way round the workflow, nor is
        the sharing tab (a sent message has nothing to share)."""
        _base, message = conversation
        for login, routes in (
            ("admin", ("manage_main", "manage_access", "manage_exportObject?download:int=1")),
            ("admin", ("manage_FTPget", "@@sharing")),
            # The sender reads his message, but shares it with nobody.
            ("luca.bianchi", ("@@sharing?search_term=Marin",)),
        ):
            for route in routes:
                response = client(login).get(f"{message}/{route}", allow_redirects=False)
                assert "PrivateBudgetFigures" not in response.text, (login, route)
                assert "Ioana Marin" not in response.text, (login, route)
                assert response.status_code != 200, (login, route)

    def test_the_sharing_search_finds_only_whom_the_searcher_may_see(
        self, demo_functional, functional
    ):
        library = functional["portal"]["working-groups"]["innovation-rd"]["documents"]
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            api.user.get(username="ioana.marin").setMemberProperties({"profile_visible": False})
        with api.env.adopt_user(username="luca.bianchi"):
            paper = api.content.create(container=library, type="Document", title="Lucas paper")
        transaction.commit()
        url = paper.absolute_url()
        page = client("luca.bianchi").get(f"{url}/@@sharing?search_term=Marin").text
        assert "Ioana" not in page
        found = rest("luca.bianchi").get(f"{url}/@sharing?search=Marin").json()["entries"]
        assert "ioana.marin" not in {entry["id"] for entry in found}
        found = rest("luca.bianchi").get(f"{url}/@sharing?search=Hofer").json()["entries"]
        assert "maria.hofer" in {entry["id"] for entry in found}


class TestAccountChanges:
    def test_an_account_keeps_the_registration_rules(self, demo_functional, functional):
        """``PATCH @users``: what registering refused stays refused afterwards."""
        account = f"{functional['portal'].absolute_url()}/@users/luca.bianchi"
        luca = rest("luca.bianchi")
        for change in (
            {"email": "NIKOS.Papadopoulos@example.org"},
            {"home_page": "javascript:alert(document.domain)"},
            {"requested_tier": "coordinators"},
            {"privacy_consent": False},
        ):
            response = luca.patch(account, json=change)
            assert response.status_code == 400, (change, response.text)
            (field,) = change
            assert response.json()["error"]["errors"][0]["field"] == field
        data = luca.get(account).json()
        assert data["email"] == "luca.bianchi@example.org"
        assert not (data.get("home_page") or "").startswith("javascript")
        # His own address in other letters, and a web page, are his to set.
        response = luca.patch(
            account, json={"email": "Luca.Bianchi@example.org", "home_page": "https://unipd.it"}
        )
        assert response.status_code == 204, response.text


class TestPartnersWriteToWhomTheyKnow:
    def test_a_partner_member_is_offered_his_correspondents_only(self, demo_functional, functional):
        from clusterpolisee.messaging.mailbox import send

        base = functional["portal"].absolute_url()
        vocabulary = f"{base}/@vocabularies/clusterpolisee.vocabularies.MessageRecipients"

        def offered():
            answer = rest(INVITED).get(vocabulary, params={"b_size": 100})
            assert answer.status_code == 200, answer.text
            return {term["token"] for term in answer.json()["items"]} - {INVITED}

        assert offered() == set()
        with api.env.adopt_user(username="luca.bianchi"):
            send("luca.bianchi", [INVITED], "Hello", "Welcome to the platform.")
        transaction.commit()
        assert offered() == {"luca.bianchi"}
        # An approved member sees every member with a visible profile.
        answer = rest("luca.bianchi").get(vocabulary, params={"b_size": 100}).json()
        assert {"nikos.papadopoulos", INVITED} <= {term["token"] for term in answer["items"]}
