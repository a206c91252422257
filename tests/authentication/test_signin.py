"""Signing in with a password over real HTTP (authentication/signin.py): the lock after five wrong
passwords, the same answers for unknown logins, and the code of a second factor after the
password, through the login form, HTTP basic authentication and POST @login."""

from clusterpolisee.authentication import signin
from clusterpolisee.authentication import twofactor
from clusterpolisee.demo.data import DEMO_PASSWORD
from plone import api
import html
import pyotp
import pytest
import re
import requests
import time
import time_machine
import transaction


pytestmark = pytest.mark.usefixtures("demo_functional")

JSON = {"Accept": "application/json", "Content-Type": "application/json"}
WRONG = "Login failed: the login name or the password is not right."
PAUSED = "signing in waits"


def form_login(site_url, login, password, session=None, data=None):
    session = session or requests.Session()
    response = session.post(
        f"{site_url}/login",
        data={
            "__ac_name": login,
            "__ac_password": password,
            "buttons.login": "Log in",
            **(data or {}),
        },
        allow_redirects=False,
    )
    return session, response


def messages(response):
    """The status messages and field errors a page shows, as text."""
    found = re.findall(
        r'<div class="(?:portalMessage|invalid-feedback)[^"]*"[^>]*>(.*?)</div>',
        response.text,
        re.S,
    )
    return " ".join(html.unescape(re.sub(r"<[^>]+>|\s+", " ", text)).strip() for text in found)


def rest_login(site_url, login, password, **extra):
    return requests.post(
        f"{site_url}/@login", json={"login": login, "password": password, **extra}, headers=JSON
    )


def signed_in(session):
    return "__ac" in session.cookies


def test_five_wrong_passwords_pause_the_account_and_its_owner_is_told(site_url, smtp_inbox):
    for attempt in range(4):
        session, response = form_login(site_url, "luca.bianchi", f"guess-{attempt}")
        assert WRONG in messages(response)
        assert not signed_in(session)
    session, response = form_login(site_url, "luca.bianchi", "guess-5")
    assert f"{PAUSED} 15 more minutes" in messages(response)

    # The right password waits too, by every route.
    session, response = form_login(site_url, "luca.bianchi", DEMO_PASSWORD)
    assert PAUSED in messages(response)
    assert not signed_in(session)
    answer = rest_login(site_url, "luca.bianchi", DEMO_PASSWORD)
    assert answer.status_code == 429, answer.text
    assert answer.json()["error"]["type"] == "Sign-in paused"
    assert 840 <= int(answer.headers["Retry-After"]) <= 900
    assert requests.get(
        f"{site_url}/@users/luca.bianchi", auth=("luca.bianchi", DEMO_PASSWORD), headers=JSON
    ).status_code in (401, 403)

    (mail,) = smtp_inbox.to("luca.bianchi@example.org")
    assert "paused" in smtp_inbox.subject(mail)
    assert "5 times" in mail.get_payload(decode=True).decode()

    with time_machine.travel(time.time() + 15 * 60 + 5, tick=True):
        session, response = form_login(site_url, "luca.bianchi", DEMO_PASSWORD)
        assert signed_in(session), messages(response)
        # Signing in cleared the count: one wrong password later is one, not six.
        session, response = form_login(site_url, "luca.bianchi", "guess-6")
        assert WRONG in messages(response)
    assert len(smtp_inbox.to("luca.bianchi@example.org")) == 1


def test_unknown_logins_get_the_same_answers_as_accounts(site_url, smtp_inbox):
    for attempt in range(6):
        answers = []
        for login in ("petra.novak", "nobody.at.all"):
            _session, response = form_login(site_url, login, f"guess-{attempt}")
            rest = rest_login(site_url, login, f"guess-{attempt}")
            answers.append(
                (response.status_code, messages(response), rest.status_code, rest.json()["error"])
            )
        assert answers[0] == answers[1], answers
    assert answers[0][2] == 429  # both wait now
    assert smtp_inbox.to("petra.novak@example.org")  # the real account's owner is told
    assert not [mail for mail in smtp_inbox.messages if "nobody" in mail["To"]]


def test_wrong_passwords_count_when_the_request_fails(site_url):
    """Basic authentication on a page for members ends in 401, an aborted transaction: the
    failures are counted all the same."""
    for attempt in range(5):
        response = requests.get(
            f"{site_url}/@@personal-information", auth=("ana.kovac", f"guess-{attempt}")
        )
        assert response.status_code in (401, 200)
    assert rest_login(site_url, "ana.kovac", DEMO_PASSWORD).status_code == 429


@pytest.fixture
def enrolled(functional):
    """elena.popescu, enrolled in two-factor sign-in; her app's secret."""
    secret = pyotp.random_base32()
    with api.env.adopt_roles(["Manager"]):
        twofactor.enrol("elena.popescu", secret)
    transaction.commit()
    return pyotp.TOTP(secret)


def test_a_password_alone_does_not_sign_in_an_enrolled_member(site_url, enrolled):
    answer = rest_login(site_url, "elena.popescu", DEMO_PASSWORD)
    assert answer.status_code == 401
    assert answer.json()["error"]["type"] == "Code required"
    assert "otp" in answer.json()["error"]["message"]
    assert rest_login(site_url, "elena.popescu", DEMO_PASSWORD, otp="000000").status_code == 401
    assert rest_login(site_url, "elena.popescu", DEMO_PASSWORD, otp=12).status_code == 400
    answer = rest_login(site_url, "elena.popescu", DEMO_PASSWORD, otp=enrolled.now())
    assert answer.status_code == 200, answer.text
    assert answer.json()["token"]
    # The same code twice is refused (a replay).
    assert (
        rest_login(site_url, "elena.popescu", DEMO_PASSWORD, otp=enrolled.now()).status_code == 401
    )
    # Basic authentication has no place for a code.
    response = requests.get(
        f"{site_url}/@users/elena.popescu", auth=("elena.popescu", DEMO_PASSWORD), headers=JSON
    )
    assert response.status_code == 401


def test_the_login_form_asks_for_the_code_after_the_password(site_url, enrolled):
    session, response = form_login(site_url, "elena.popescu", DEMO_PASSWORD)
    assert not signed_in(session)
    assert "Code from your authenticator app" in response.text
    assert DEMO_PASSWORD not in response.text  # the step carries a token, not the password
    token = re.search(r'name="__ac_pending" value="([^"]+)"', response.text).group(1)

    step = session.post(
        f"{site_url}/@@login-code",
        data={"__ac_pending": token, "__ac_otp": "123456"},
        allow_redirects=False,
    )
    assert "The code is not right" in messages(step)
    assert not signed_in(session)
    tampered = session.post(
        f"{site_url}/@@login-code",
        data={"__ac_pending": token[:-2] + "00", "__ac_otp": enrolled.now()},
        allow_redirects=False,
    )
    assert "Signing in took too long" in messages(tampered)
    assert not signed_in(session)
    with time_machine.travel(time.time() + signin.PENDING_SECONDS + 5, tick=True):
        late = session.post(
            f"{site_url}/@@login-code",
            data={"__ac_pending": token, "__ac_otp": enrolled.now()},
            allow_redirects=False,
        )
        assert "Signing in took too long" in messages(late)
        assert not signed_in(session)

    done = session.post(
        f"{site_url}/@@login-code",
        data={"__ac_pending": token, "__ac_otp": enrolled.now()},
        allow_redirects=False,
    )
    assert done.status_code == 302
    assert signed_in(session)
    assert session.get(f"{site_url}/@@personal-information").status_code == 200
    # A GET of the code step leads to the login form.
    assert (
        requests.get(f"{site_url}/@@login-code", allow_redirects=False)
        .headers["Location"]
        .endswith("/login")
    )


def test_wrong_codes_count_towards_the_lock(site_url, enrolled):
    for _attempt in range(5):
        answer = rest_login(site_url, "elena.popescu", DEMO_PASSWORD, otp="000000")
    assert answer.status_code == 429
    assert (
        rest_login(site_url, "elena.popescu", DEMO_PASSWORD, otp=enrolled.now()).status_code == 429
    )


def test_bad_login_bodies_get_400(site_url):
    for body in ('{"login": "x"}', "[1, 2]", "not json", '{"login": 1, "password": "x"}'):
        response = requests.post(f"{site_url}/@login", data=body, headers=JSON)
        assert response.status_code == 400, (body, response.text)
        answer = response.json()
        assert answer.get("error", answer)["message"], response.text


def test_checking_the_current_password_asks_no_code(functional, enrolled):
    """The password form checks a signed-in member's current password through the user folder:
    no sign-in, so no code."""
    portal = functional["portal"]
    request = portal.REQUEST
    user = portal.acl_users.authenticate("elena.popescu", DEMO_PASSWORD, request)
    assert user is not None
    assert user.getId() == "elena.popescu"
    assert portal.acl_users.authenticate("elena.popescu", "wrong", request) is None


def test_the_plugin_checks_every_password_of_the_site(functional):
    plugins = functional["portal"].acl_users.plugins
    from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin

    authenticators = [
        plugin_id for plugin_id, _plugin in plugins.listPlugins(IAuthenticationPlugin)
    ]
    assert authenticators[0] == signin.PLUGIN_ID
    assert signin.PASSWORDS_PLUGIN_ID not in authenticators


def test_a_member_who_must_enrol_cannot_sign_in_around_it(site_url, functional):
    """The coordinators must use a second factor: one who has not enrolled yet enrols on the
    website first (twofactor.py sends her there); basic authentication and @login refuse."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="new.coordinator", email="new.coordinator@example.org", password=DEMO_PASSWORD
        )
        api.group.add_user(groupname="coordinators", username="new.coordinator")
    transaction.commit()
    answer = requests.get(
        f"{site_url}/@users/new.coordinator", auth=("new.coordinator", DEMO_PASSWORD), headers=JSON
    )
    assert answer.status_code == 401
    answer = rest_login(site_url, "new.coordinator", DEMO_PASSWORD)
    assert answer.status_code == 401
    assert answer.json()["error"]["type"] == "Enrolment required"
    assert "__ac" not in answer.cookies

    # Nor a JSON body on any other address (plone.restapi's JWT plugin reads one), such as the
    # token renewal.
    answer = requests.post(
        f"{site_url}/@login-renew",
        json={"login": "new.coordinator", "password": DEMO_PASSWORD},
        headers=JSON,
    )
    assert answer.status_code == 401


def test_after_signing_in_only_pages_of_the_site(site_url, enrolled):
    """Where to go after the code step (and the login form) is a page of this site: another host
    with the same path is not."""
    session, response = form_login(site_url, "elena.popescu", DEMO_PASSWORD)
    token = re.search(r'name="__ac_pending" value="([^"]+)"', response.text).group(1)
    done = session.post(
        f"{site_url}/@@login-code",
        data={
            "__ac_pending": token,
            "__ac_otp": enrolled.now(),
            "came_from": "https://evil.example/plone/repository",
        },
        allow_redirects=False,
    )
    assert done.status_code == 302
    assert done.headers["Location"].startswith(site_url)
    _session, response = form_login(
        site_url,
        "luca.bianchi",
        DEMO_PASSWORD,
        data={"came_from": "http://localhost@evil.example/plone"},
    )
    assert response.headers["Location"].startswith(site_url)


def test_odd_sign_in_input_is_no_error(site_url):
    # Bytes that are no UTF-8 in the code step's fields, on any address.
    for query in ("__ac_pending=%ff.%ff&__ac_otp=1", "__ac_pending=abc.def&__ac_otp=%ff"):
        # The repository answers, or refuses the odd parameters with a 400: never an error.
        assert requests.get(f"{site_url}/repository?{query}").status_code in (200, 400)
    # A JSON body whose type carries a charset: the JWT plugin does not read it, @login does.
    answer = requests.post(
        f"{site_url}/@login",
        data='{"login": "luca.bianchi", "password": "clusterpolisee-demo"}',
        headers={"Accept": "application/json", "Content-Type": "application/json; charset=utf-8"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["token"]
