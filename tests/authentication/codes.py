"""Codes of the demo members' authenticator apps (demo/data.py DEMO_TOTP_SECRETS), for the tests
that sign in as them.

The platform accepts each time step's code once per member (a replay is refused): a sign-in
takes the first step not used yet in this process, and when it is ahead of the steps the
platform accepts (now and the next), waits for it. Tests' writes are rolled back after each
test, the steps the platform remembers with them: ``forget_codes()`` (called for each test)
lets the next test start from the current step again.
"""

from clusterpolisee.authentication import twofactor
from clusterpolisee.authentication.twofactor import INTERVAL
from clusterpolisee.authentication.twofactor import VALID_WINDOW
from clusterpolisee.demo.data import DEMO_TOTP_SECRETS
from plone import api
from plone.app.testing import PLONE_SITE_ID
from urllib.parse import urlsplit
import pyotp
import re
import requests
import time


# The last step whose code a test of this process used, by login.
_LAST_STEPS = {}


def code_for(secret, login):
    """A code of ``secret`` that the platform accepts for ``login`` now and has not seen."""
    now = int(time.time() // INTERVAL)
    last = _LAST_STEPS.get(login)
    if last is not None and last > now + VALID_WINDOW + 1:
        last = None  # the process's clock went back (the tests' fixed moments): a new start
    step = now if last is None else max(now, last + 1)
    if step > now + VALID_WINDOW:
        # Every step the platform accepts now is used: wait until this one is the next step.
        time.sleep(max(0.0, (step - VALID_WINDOW) * INTERVAL - time.time()) + 0.05)
    _LAST_STEPS[login] = step
    return pyotp.TOTP(secret, interval=INTERVAL).generate_otp(step)


def demo_code(login):
    """A code from the demo member's authenticator app that the platform accepts now."""
    return code_for(DEMO_TOTP_SECRETS[login], login)


def forget_codes():
    """Forget the steps used: the platform forgot them too (a test's writes rolled back)."""
    _LAST_STEPS.clear()
    _TOKENS.clear()


def login_body(login, password):
    """The body of POST @login for ``login``: with a code when they are a demo member who signs
    in with a second factor."""
    body = {"login": login, "password": password}
    if login in DEMO_TOTP_SECRETS:
        body["otp"] = demo_code(login)
    return body


def form_sign_in(session, site_url, login, password):
    """Sign ``session`` in through the login form as a browser does, the code step included for a
    demo member who uses a second factor; returns the last response."""
    response = session.post(
        f"{site_url}/login",
        data={"__ac_name": login, "__ac_password": password, "buttons.login": "Log in"},
        allow_redirects=False,
    )
    if login in DEMO_TOTP_SECRETS:
        token = re.search(r'name="__ac_pending" value="([^"]+)"', response.text).group(1)
        response = session.post(
            f"{site_url}/@@login-code",
            data={"__ac_pending": token, "__ac_otp": demo_code(login)},
            allow_redirects=False,
        )
    return response


# Tokens of POST @login by (server, login), for the test that asked for them (the key that signs
# them may be made in the test, and rolled back with it): a demo member signs in once per test,
# not once per client.
_TOKENS = {}


class DemoAuth(requests.auth.AuthBase):
    """A test client's authentication as ``login``: HTTP basic authentication, or for a demo
    member who signs in with a second factor (which basic authentication cannot carry) the token
    of POST @login with a code."""

    def __init__(self, login, password):
        self.login, self.password = login, password

    def __call__(self, request):
        if self.login not in DEMO_TOTP_SECRETS:
            return requests.auth.HTTPBasicAuth(self.login, self.password)(request)
        parts = urlsplit(request.url)
        key = (parts.netloc, self.login)
        if key not in _TOKENS:
            answer = requests.post(
                f"{parts.scheme}://{parts.netloc}/{PLONE_SITE_ID}/@login",
                json=login_body(self.login, self.password),
                headers={"Accept": "application/json"},
            )
            _TOKENS[key] = answer.json()["token"]
        request.headers["Authorization"] = f"Bearer {_TOKENS[key]}"
        return request


def password_only():
    """For tests of what each person may do, not of how they sign in: no group must use a
    second factor, so the coordinators and STC members a test makes sign in with their password
    alone (basic authentication included). The caller commits. tests/authentication covers the
    second factor, and the demo's coordinator and STC member still use theirs."""
    api.portal.set_registry_record(twofactor.GROUPS_RECORD, [])
