"""Equal answers for known and unknown accounts, and logins and addresses unique in any case
(issue 22, item 3), over real HTTP on the demo site:

- a password reset (Plone's "Lost Password" form, the login help form and plone.restapi's
  ``POST @users/<login>/reset-password``) answers the same for a login or an address no account
  has; mail goes only to the real account;
- registering with an address an account has (in other letters' case) answers as a
  registration does (the form and ``POST @users``), makes no account and tells the address's
  owner, in their language, with a link to set a new password;
- logins are matched in any case ("Luca.Bianchi" signs in as luca.bianchi), a login or an
  address that differs from another account's only by case is taken, on every route that sets
  one;
- the login form and ``POST @login`` say the same for an unknown account and a wrong password.
"""

from clusterpolisee.authentication import accounts
from clusterpolisee.demo.data import DEMO_PASSWORD
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
import json
import pytest
import re
import requests
import transaction


PASSWORD = "a-Password-of-2024"
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
REGISTRANT = {
    "fullname": "Mallory Registrant",
    "organisation": "Nowhere Agency",
    "country": "RO",
    "requested_tier": "associated-members",
    "privacy_consent": True,
}


@pytest.fixture
def site(demo_functional, functional, smtp_inbox):
    """The demo site with its mail going to ``smtp_inbox``; the portal and the inbox."""
    return functional["portal"], smtp_inbox


def form_token(session, url):
    page = session.get(url)
    return re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)


def messages(html):
    """The status messages and the form errors a page shows, as text."""
    found = re.findall(
        r'<div class="(?:portalMessage|alert)[^"]*"[^>]*>(.*?)</div>|'
        r'<div class="invalid-feedback">(.*?)</div>',
        html,
        re.S,
    )
    texts = [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", "".join(parts))).strip() for parts in found
    ]
    return [text for text in texts if text]


def heading(html):
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else None


def page_answer(response):
    """What a person reads after sending a form: where they are, its heading and messages."""
    return (
        response.status_code,
        response.url.split("?")[0],
        heading(response.text),
        messages(response.text),
    )


def mails_to(inbox, address):
    return [mail for mail in inbox.messages if address in " ".join(mail.envelope_recipients)]


def body(mail):
    return b"".join(
        part.get_payload(decode=True) or b"" for part in mail.walk() if not part.is_multipart()
    ).decode()


def settle(inbox):
    """Every mail the last requests sent has arrived (they are sent before the answer)."""
    inbox.wait(len(inbox.messages), seconds=1)


class TestPasswordReset:
    def test_lost_password_form_answers_the_same(self, site):
        portal, inbox = site
        url = portal.absolute_url()
        answers = {}
        for name in ("nobody.here", "nobody@example.org", "luca.bianchi", "Ana.Kovac@Example.org"):
            session = requests.Session()
            session.get(f"{url}/mail_password_form")
            answers[name] = page_answer(session.post(f"{url}/mail_password", data={"userid": name}))
        assert len(set(map(repr, answers.values()))) == 1, answers
        status, _where, title, shown = answers["nobody.here"]
        assert status == 200
        assert title == "Password reset confirmation sent"
        assert not any("could not be found" in text for text in shown)
        # Mail only to the real accounts, found by login or, in any case, by address.
        inbox.wait(2)
        assert sorted(
            address for mail in inbox.messages for address in mail.envelope_recipients
        ) == [
            "ana.kovac@example.org",
            "luca.bianchi@example.org",
        ]
        assert "passwordreset/" in body(mails_to(inbox, "luca.bianchi@example.org")[0])

        # Nothing typed: the form again, with a message that says what is missing.
        session = requests.Session()
        empty = session.post(f"{url}/mail_password", data={"userid": " "})
        assert empty.url.split("?")[0].endswith("/mail_password_form")
        assert any("user name or e-mail address" in text for text in messages(empty.text)), (
            messages(empty.text)
        )

    def test_login_help_form_answers_the_same(self, site):
        portal, inbox = site
        url = f"{portal.absolute_url()}/@@login-help"
        answers = {}
        for name in ("nobody.here", "Luca.Bianchi", "PETRA.NOVAK@example.org"):
            session = requests.Session()
            answers[name] = page_answer(
                session.post(
                    url,
                    data={
                        "form.widgets.reset_password": name,
                        "form.buttons.reset": "Reset your password",
                        "_authenticator": form_token(session, url),
                    },
                )
            )
        assert len(set(map(repr, answers.values()))) == 1, answers
        assert any("An email has been sent" in text for text in answers["nobody.here"][3])
        inbox.wait(2)
        assert sorted(
            address for mail in inbox.messages for address in mail.envelope_recipients
        ) == [
            "luca.bianchi@example.org",
            "petra.novak@example.org",
        ]

    def test_rest_reset_password_answers_the_same(self, site):
        portal, inbox = site
        users = f"{portal.absolute_url()}/++api++/@users"

        def answer(login, data):
            response = requests.post(f"{users}/{login}/reset-password", json=data, headers=JSON)
            return response.status_code, response.text

        # A request for the mail.
        unknown, known = answer("nobody.here", {}), answer("luca.bianchi", {})
        assert unknown == known == answer("Luca.Bianchi", {}) == answer("nobody@example.org", {})
        assert known[0] == 200, known
        inbox.wait(2)
        assert sorted(
            address for mail in inbox.messages for address in mail.envelope_recipients
        ) == [
            "luca.bianchi@example.org",
            "luca.bianchi@example.org",
        ]
        # A token that is no token, a wrong old password, parameters that do not go together.
        for data, status in (
            ({"reset_token": "no-such-token", "new_password": "A-new-one-2024"}, 403),
            ({"old_password": "wrong", "new_password": "A-new-one-2024"}, 403),
            ({"reset_token": "x", "old_password": "y"}, 400),
            ({"old_password": "y"}, 400),
            ({"color": "blue"}, 400),
            ({"reset_token": 5, "new_password": ["A-new-one-2024"]}, 400),
            ([], 400),
        ):
            unknown, known = answer("nobody.here", data), answer("luca.bianchi", data)
            assert unknown == known, (data, unknown, known)
            assert known[0] == status, (data, known)
            assert "message" in known[1]
        # A body that is not JSON at all: 400 with a message, for both.
        bad = [
            requests.post(f"{users}/{login}/reset-password", data="{", headers=JSON)
            for login in ("nobody.here", "luca.bianchi")
        ]
        assert {(r.status_code, r.text) for r in bad} == {(bad[0].status_code, bad[0].text)}
        assert bad[0].status_code == 400
        assert "message" in bad[0].json().get("error", bad[0].json())
        settle(inbox)
        assert len(inbox.messages) == 2


def register_on_form(portal, username, email):
    session = requests.Session()
    url = f"{portal.absolute_url()}/@@register"
    values = {"username": username, "email": email, **REGISTRANT}
    form = {
        f"form.widgets.{name}": value
        for name, value in values.items()
        if name not in ("country", "requested_tier", "privacy_consent")
    }
    form.update(
        {
            "form.widgets.country:list": "RO",
            "form.widgets.requested_tier:list": "associated-members",
            "form.widgets.privacy_consent:list": "selected",
            "form.buttons.register": "Register",
            "_authenticator": form_token(session, url),
        }
    )
    return session.post(url, data=form)


def register_over_rest(portal, username, email):
    return requests.post(
        f"{portal.absolute_url()}/++api++/@users",
        json={"username": username, "email": email, **REGISTRANT},
        headers=JSON,
    )


def rest_shape(response, username, email):
    """A REST answer with the registrant's own words taken out: all else it tells."""

    def mask(text):
        return text.replace(email, "EMAIL").replace(username, "USERNAME")

    return response.status_code, json.loads(mask(response.text)), mask(response.headers["Location"])


class TestRegistration:
    def test_a_taken_address_registers_as_any_other(self, site, monkeypatch):
        portal, inbox = site
        with api.env.adopt_roles(["Manager"]):
            api.user.get(username="luca.bianchi").setMemberProperties({"language": "it"})
        transaction.commit()
        languages = []
        translate_for = accounts.translate_for
        monkeypatch.setattr(
            accounts,
            "translate_for",
            lambda message, language: (
                languages.append(language) or translate_for(message, language)
            ),
        )

        # The form: a new address, and Luca's in other letters' case.
        fresh = register_on_form(portal, "mallory.one", "mallory.one@example.org")
        taken = register_on_form(portal, "mallory.two", "LUCA.Bianchi@Example.org")
        assert page_answer(fresh)[0::2] == page_answer(taken)[0::2], (
            page_answer(fresh),
            page_answer(taken),
        )
        assert heading(taken.text) == "Welcome!"
        assert "You have been registered." in taken.text

        # plone.restapi: the same status, the same fields, the same kind of address.
        fresh_rest = register_over_rest(portal, "mallory.three", "mallory.three@example.org")
        taken_rest = register_over_rest(portal, "mallory.four", "Luca.Bianchi@example.ORG")
        assert fresh_rest.status_code == 201, fresh_rest.text
        assert rest_shape(fresh_rest, "mallory.three", "mallory.three@example.org") == rest_shape(
            taken_rest, "mallory.four", "Luca.Bianchi@example.ORG"
        )

        transaction.begin()
        assert api.user.get(username="mallory.one") is not None
        assert api.user.get(username="mallory.three") is not None
        assert api.user.get(username="mallory.two") is None
        assert api.user.get(username="mallory.four") is None
        assert len(api.user.get_users()) == len({user.getId() for user in api.user.get_users()})

        # Luca is told twice, in Italian, with a link to set a new password; nobody is told
        # that a registrant waits for a registration that made no account.
        inbox.wait(2 + 2 + 2)
        told = mails_to(inbox, "luca.bianchi@example.org")
        assert len(told) == 2, [inbox.subject(mail) for mail in inbox.messages]
        text = body(told[0])
        assert "registrare" in text  # in Italian, his language
        assert f"{portal.absolute_url()}/passwordreset/" in text
        assert set(languages) == {"it"}
        notices = {}
        for mail in inbox.messages:
            if inbox.subject(mail).startswith("New registrant"):
                for address in mail.envelope_recipients:
                    notices[address] = notices.get(address, 0) + 1
        assert notices, [inbox.subject(mail) for mail in inbox.messages]
        assert set(notices.values()) == {2}, notices

    def test_user_names_stay_taken_in_any_case(self, site):
        portal, _inbox = site
        # A user name is a public handle (author pages): "taken" may be said, in any case.
        for response in (
            register_on_form(portal, "LUCA.BIANCHI", "someone.new@example.org"),
            register_on_form(portal, "Luca.Bianchi", "someone.new@example.org"),
        ):
            assert any("is taken" in text for text in messages(response.text)), messages(
                response.text
            )
        rest = register_over_rest(portal, "LUCA.Bianchi", "someone.new@example.org")
        assert rest.status_code == 400
        assert "username" in rest.text
        transaction.begin()
        assert api.user.get(username="someone.new") is None

    def test_who_manages_users_is_told_an_address_is_taken(self, site):
        portal, _inbox = site
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            api.user.create(
                username="webmaster", email="webmaster@example.org", password=DEMO_PASSWORD
            )
            api.user.grant_roles(username="webmaster", roles=["Manager"])
        transaction.commit()
        response = requests.post(
            f"{portal.absolute_url()}/++api++/@users",
            json={
                "username": "another",
                "email": "ANA.kovac@example.org",
                "sendPasswordReset": True,
            },
            headers=JSON,
            auth=("webmaster", DEMO_PASSWORD),
        )
        assert response.status_code == 400
        assert "e-mail address" in response.text


class TestCase:
    def test_the_site_matches_logins_in_any_case(self, site):
        portal, _inbox = site
        assert portal.acl_users.login_transform == "lower"
        # On the login form and over REST, "Luca.Bianchi" is luca.bianchi.
        session = requests.Session()
        session.post(
            f"{portal.absolute_url()}/login",
            data={
                "__ac_name": " Luca.Bianchi",
                "__ac_password": DEMO_PASSWORD,
                "buttons.login": "Log in",
            },
        )
        assert "__ac" in session.cookies
        me = session.get(f"{portal.absolute_url()}/++api++/@users/luca.bianchi", headers=JSON)
        assert me.status_code == 200
        assert me.json()["id"] == "luca.bianchi"
        # An account made with a user name in capitals gets the lower-case id and login.
        made = requests.post(
            f"{portal.absolute_url()}/++api++/@users",
            json={"username": "Mixed.Case", "email": "mixed@example.org", "password": PASSWORD},
            headers=JSON,
            auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        )
        assert made.status_code == 201, made.text
        assert (made.json()["id"], made.json()["username"]) == ("mixed.case", "mixed.case")
        # POST @login too (PAS hands its authentication plugins the login as typed).
        token = requests.post(
            f"{portal.absolute_url()}/++api++/@login",
            json={"login": "LUCA.BIANCHI", "password": DEMO_PASSWORD},
            headers=JSON,
        )
        assert token.status_code == 200
        assert "token" in token.json()

    def test_an_address_changes_only_to_one_no_one_else_has(self, site, functional):
        portal, _inbox = site
        # Personal information: Luca may not take Ana's address, in any case.
        browser = Browser(functional["app"])
        browser.handleErrors = True
        browser.addHeader("Authorization", f"Basic luca.bianchi:{DEMO_PASSWORD}")
        browser.open(f"{portal.absolute_url()}/@@personal-information")
        browser.getControl(name="form.widgets.email").value = "Ana.Kovac@EXAMPLE.org"
        browser.getControl(name="form.buttons.save").click()
        assert "Another account has this e-mail address" in browser.contents
        transaction.begin()
        luca = api.user.get(username="luca.bianchi")
        assert luca.getProperty("email") == "luca.bianchi@example.org"
        # Over REST (PATCH @users), the same.
        session = requests.Session()
        session.auth = ("luca.bianchi", DEMO_PASSWORD)
        users = f"{portal.absolute_url()}/++api++/@users/luca.bianchi"
        patch = session.patch(users, json={"email": "ANA.KOVAC@example.org"}, headers=JSON)
        assert patch.status_code == 400
        assert "e-mail address" in patch.text
        # His own address in other letters' case is his still.
        own = session.patch(users, json={"email": "Luca.Bianchi@example.org"}, headers=JSON)
        assert own.status_code == 204, own.text
        browser.open(f"{portal.absolute_url()}/@@personal-information")
        browser.getControl(name="form.widgets.email").value = "LUCA.bianchi@example.org"
        browser.getControl(name="form.buttons.save").click()
        assert "Another account has this e-mail address" not in browser.contents
        assert "Changes saved" in browser.contents

    def test_lowercase_logins_converts_and_reports_clashes(self, site):
        portal, _inbox = site
        pas = portal.acl_users
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            pas.login_transform = ""
            api.user.create(username="Zoe.Mixed", email="zoe@example.org", password=PASSWORD)
            report = accounts.lowercase_logins(portal)
            assert report == {"clashes": {}, "changed": ["Zoe.Mixed"], "shared_addresses": {}}
            assert pas.login_transform == "lower"
            assert api.user.get(userid="Zoe.Mixed").getUserName() == "zoe.mixed"
            assert accounts.lowercase_logins(portal)["changed"] == []
            # Two accounts whose logins differ only by case: reported, nothing changed.
            pas.login_transform = ""
            api.user.create(username="Max.Mixed", email="max@example.org", password=PASSWORD)
            api.user.create(username="max.mixed", email="MAX@example.org", password=PASSWORD)
            report = accounts.lowercase_logins(portal)
            assert report["clashes"] == {"max.mixed": ["Max.Mixed", "max.mixed"]}
            assert report["shared_addresses"] == {"max@example.org": ["Max.Mixed", "max.mixed"]}
            assert report["changed"] == []
            assert pas.login_transform == ""
            assert api.user.get(userid="Max.Mixed").getUserName() == "Max.Mixed"


class TestLogin:
    def test_unknown_account_and_wrong_password_read_the_same(self, site):
        portal, _inbox = site
        url = portal.absolute_url()
        pages = {}
        for login in ("nobody.here", "luca.bianchi"):
            session = requests.Session()
            response = session.post(
                f"{url}/login",
                data={
                    "__ac_name": login,
                    "__ac_password": "not-the-password",
                    "buttons.login": "Log in",
                },
            )
            pages[login] = page_answer(response)
            assert "__ac" not in session.cookies
        assert pages["nobody.here"] == pages["luca.bianchi"], pages
        assert pages["luca.bianchi"][3], pages
        rest = {
            login: requests.post(
                f"{url}/++api++/@login",
                json={"login": login, "password": "not-the-password"},
                headers=JSON,
            )
            for login in ("nobody.here", "luca.bianchi")
        }
        assert {(r.status_code, r.text) for r in rest.values()} == {
            (401, rest["luca.bianchi"].text)
        }, {login: (r.status_code, r.text) for login, r in rest.items()}
