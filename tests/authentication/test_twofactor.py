"""The second factor: enrolment, codes accepted once, recovery codes, who must enrol, and the
redirect of such a member to the set-up page."""

from clusterpolisee.authentication import twofactor
from clusterpolisee.demo.data import DEMO_PASSWORD
from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.protect.authenticator import createToken
from plone.rest.interfaces import IAPIRequest
from tests.authentication.codes import demo_code
from tests.authentication.codes import forget_codes
from zExceptions import BadRequest
from zExceptions import Forbidden
from zExceptions import Redirect
from zope.interface import alsoProvides
from ZPublisher.pubevents import PubAfterTraversal
import http.client
import pyotp
import pytest
import re
import requests
import time
import transaction


SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = DEMO_PASSWORD


def code_at(step, secret=SECRET):
    return pyotp.TOTP(secret).generate_otp(step)


def now_step():
    return int(time.time() // 30)


@pytest.fixture
def members(portal, request_):
    """A coordinator, an STC member through a group inside "stc", and a full member."""
    alsoProvides(request_, IClusterpoliseeLayer)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for name, group in (("coord", "coordinators"), ("expert", None), ("member", "full-members")):
        api.user.create(username=name, email=f"{name}@example.org", password="secret-pass-1")
        if group:
            api.group.add_user(groupname=group, username=name)
    api.group.create(groupname="stc-reviewers", title="STC reviewers")
    api.portal.get_tool("portal_groups").addPrincipalToGroup("stc-reviewers", "stc")
    api.group.add_user(groupname="stc-reviewers", username="expert")
    setRoles(portal, TEST_USER_ID, ["Member"])
    return portal


def test_a_current_code_is_accepted_once(members):
    codes = twofactor.enrol("member", SECRET)
    assert len(codes) == 10
    assert len(set(codes)) == 10
    assert twofactor.is_enrolled("member")
    step = now_step()
    assert twofactor.verify_code("member", code_at(step)) is True
    # The same code again (a replay), or the step before, is refused; the next one works.
    assert twofactor.verify_code("member", code_at(step)) is False
    assert twofactor.verify_code("member", code_at(step - 1)) is False
    assert twofactor.verify_code("member", code_at(step + 1)) is True
    # Outside the window of one step either side: refused.
    assert twofactor.verify_code("member", code_at(step + 3)) is False
    valid = {code_at(step + offset) for offset in (-1, 0, 1)}
    wrong = next(code for code in ("000000", "111111", "222222") if code not in valid)
    assert twofactor.verify_code("member", wrong) is False


def test_spaces_and_dashes_are_ignored(members):
    twofactor.enrol("member", SECRET)
    code = code_at(now_step())
    assert twofactor.verify_code("member", f" {code[:3]} {code[3:]}\n") is True


def test_junk_is_refused_without_an_error(members):
    twofactor.enrol("member", SECRET)
    junk = [None, "", "   ", "abc", "12345", "1234567", "١٢٣٤٥٦", 12.5, True, -1, 10**7]
    junk += [[], {}, b"123456", object(), "9" * 100_000, "\x00" * 6, "a-" * 40]
    for value in junk:
        assert twofactor.verify_code("member", value) is False, value
    for userid in (None, "", "nobody", 42, ["member"]):
        assert twofactor.verify_code(userid, code_at(now_step())) is False
    assert twofactor.is_enrolled(None) is False
    assert twofactor.must_enrol(None) is False


def test_a_recovery_code_works_once(members):
    codes = twofactor.enrol("member", SECRET)
    assert all(re.fullmatch(r"[a-z2-9]{5}-[a-z2-9]{5}", code) for code in codes)
    # As a person may type it: upper case, without the dash, with spaces.
    typed = codes[3].upper().replace("-", " ")
    assert twofactor.verify_code("member", typed) is True
    assert twofactor.verify_code("member", codes[3]) is False
    assert twofactor.recovery_codes_left("member") == 9
    # New codes: the old ones stop working.
    new = twofactor.new_recovery_codes("member")
    assert twofactor.verify_code("member", codes[4]) is False
    assert twofactor.verify_code("member", new[0]) is True
    # Kept only as hashes: no code and no part of one in the stored record.
    record = twofactor._storage()["member"]
    assert not any(code.replace("-", "") in repr(dict(record)) for code in new)


def test_enrolment_needs_a_right_first_code(members):
    assert twofactor.confirm_enrolment("member", SECRET, "000000x") is None
    wrong = "111111" if code_at(now_step()) != "111111" else "222222"
    assert twofactor.confirm_enrolment("member", SECRET, wrong) is None
    assert twofactor.confirm_enrolment("member", "not a secret!", "123456") is None
    assert not twofactor.is_enrolled("member")
    step = now_step()
    codes = twofactor.confirm_enrolment("member", SECRET, code_at(step))
    assert len(codes) == 10
    assert twofactor.is_enrolled("member")
    # The code that confirmed the set-up cannot sign in afterwards.
    assert twofactor.verify_code("member", code_at(step)) is False


def test_who_must_enrol(members):
    assert twofactor.must_enrol("coord") is True
    assert twofactor.must_enrol(api.user.get(userid="coord")) is True
    assert twofactor.must_enrol("expert") is True  # through a group inside "stc"
    assert twofactor.required_groups("expert") == ["stc"]
    assert twofactor.must_enrol("member") is False
    twofactor.enrol("coord", SECRET)
    assert twofactor.must_enrol("coord") is False
    # The coordinator decides which groups: without "stc", its members need not.
    api.portal.set_registry_record(twofactor.GROUPS_RECORD, ["coordinators"])
    assert twofactor.must_enrol("expert") is False
    api.portal.set_registry_record(twofactor.GROUPS_RECORD, ["full-members"])
    assert twofactor.must_enrol("member") is True


def test_disable_and_a_deleted_member(members):
    twofactor.enrol("member", SECRET)
    twofactor.disable("member")
    assert not twofactor.is_enrolled("member")
    assert twofactor.verify_code("member", code_at(now_step())) is False
    twofactor.disable("member")  # again: nothing happens
    # A deleted member's second factor goes: a new account with that id does not inherit it.
    twofactor.enrol("member", SECRET)
    setRoles(members, TEST_USER_ID, ["Manager"])
    api.user.delete(username="member")
    assert not twofactor.is_enrolled("member")


def test_the_pending_secret_is_signed_for_one_member(members):
    token = twofactor.pending_token("coord", SECRET)
    assert twofactor.pending_secret("coord", token) == SECRET
    assert twofactor.pending_secret("member", token) is None
    other = token.replace(SECRET, "KRSXG5DTKRSXG5DTKRSXG5DTKRSXG5DT")
    assert twofactor.pending_secret("coord", other) is None
    for junk in (None, "", "a.b.c", "a.b", ["x"], "x" * 1000, f"{SECRET}.-5.{token[-64:]}"):
        assert twofactor.pending_secret("coord", junk) is None
    old = int(time.time()) - twofactor.PENDING_SECONDS - 10
    stale = f"{SECRET}.{old}.{twofactor._signature(twofactor._keys()[0], 'coord', SECRET, old)}"
    assert twofactor.pending_secret("coord", stale) is None


def _page(portal, request, **form):
    request.form.clear()
    request.form.update(form)
    request.method = request["REQUEST_METHOD"] = "POST" if form else "GET"
    view = portal.restrictedTraverse("@@two-factor")
    return view, view()


def test_the_page_enrols_the_signed_in_member_only(members, request_):
    login(members, "coord")
    view, html = _page(members, request_)
    assert "<svg" in html
    assert "QR code to scan with your authenticator app" in html
    assert twofactor.grouped(view.secret) in html
    assert "no-store" in request_.response.getHeader("Cache-Control")
    token, secret = view.token, view.secret
    # Without plone.protect's token: refused.
    with pytest.raises(Forbidden):
        _page(members, request_, action="enrol", token=token, code="123456")
    authenticator = createToken()
    # A hand-made form: no action is a bad request; a code that is not text, a wrong code.
    with pytest.raises(BadRequest):
        _page(members, request_, _authenticator=authenticator, token=token, code="123456")
    view, _html = _page(
        members, request_, _authenticator=authenticator, action="enrol", token=token, code=["1"]
    )
    assert view.error("enrol")
    # A wrong code: a form error, nothing stored, the same secret shown again.
    wrong = "111111" if code_at(now_step(), secret) != "111111" else "222222"
    view, html = _page(
        members, request_, _authenticator=authenticator, action="enrol", token=token, code=wrong
    )
    assert view.error("enrol")
    assert "is-invalid" in html
    assert view.secret == secret
    assert not twofactor.is_enrolled("coord")
    # Another member's set-up (a token signed for them) does not enrol this one.
    foreign = twofactor.pending_token("member", SECRET)
    view, _html = _page(
        members,
        request_,
        _authenticator=authenticator,
        action="enrol",
        token=foreign,
        code=code_at(now_step()),
    )
    assert view.error("enrol")
    assert not twofactor.is_enrolled("coord")
    # The right code: enrolled (the member from the session, whatever the form says).
    view, html = _page(
        members,
        request_,
        _authenticator=authenticator,
        action="enrol",
        token=token,
        code=code_at(now_step(), secret),
        userid="member",
    )
    assert view.state == "codes"
    assert len(view.codes) == 10
    assert all(code in html for code in view.codes)
    assert twofactor.is_enrolled("coord")
    assert not twofactor.is_enrolled("member")
    # A member of a required group cannot turn it off, even by a hand-made request.
    view, html = _page(members, request_)
    assert view.state == "enrolled"
    assert 'value="disable"' not in html
    with pytest.raises(BadRequest):
        _page(members, request_, _authenticator=authenticator, action="disable", code="1")
    assert twofactor.is_enrolled("coord")


def test_wrong_codes_on_the_page_wait(members, request_):
    twofactor.enrol("member", SECRET)
    login(members, "member")
    authenticator = createToken()
    for _attempt in range(5):
        view, _html = _page(
            members, request_, _authenticator=authenticator, action="disable", code="x"
        )
        assert view.error("disable")
    # Now even the right code waits.
    view, _html = _page(
        members,
        request_,
        _authenticator=authenticator,
        action="disable",
        code=code_at(now_step()),
    )
    assert "Try again in" in view.error("disable")
    assert twofactor.is_enrolled("member")


def _after_traversal(request, published, accept="text/html,application/xhtml+xml", method="GET"):
    request.other["PUBLISHED"] = published
    request.other.pop("clusterpolisee.twofactor.must_enrol", None)  # cached per request
    request.environ["HTTP_ACCEPT"] = accept
    request.method = request.environ["REQUEST_METHOD"] = method
    twofactor.force_enrolment(PubAfterTraversal(request))


def test_a_member_who_must_enrol_is_sent_to_the_set_up(members, request_):
    portal_url = members.absolute_url()
    login(members, "coord")
    page = members.restrictedTraverse("@@personal-information")
    with pytest.raises(Redirect) as redirect:
        _after_traversal(request_, page)
    assert twofactor.IEnrolmentRequired.providedBy(redirect.value)
    assert redirect.value.args[0].startswith(f"{portal_url}/@@two-factor")
    # Anything else than a page a browser asks for: refused, with where to enrol.
    for accept, method in (("*/*", "GET"), ("application/json", "GET"), ("text/html", "POST")):
        with pytest.raises(Forbidden) as refused:
            _after_traversal(request_, page, accept=accept, method=method)
        assert twofactor.IEnrolmentRequired.providedBy(refused.value)
        assert f"enrol at {portal_url}/@@two-factor first" in str(refused.value)
    alsoProvides(request_, IAPIRequest)
    with pytest.raises(Forbidden):
        _after_traversal(request_, members, accept="application/json")
    # The set-up page itself, signing in and out, and files (by what is published) are left alone.
    for published in (
        members.restrictedTraverse("@@two-factor"),
        members.restrictedTraverse("@@logout"),
        members.restrictedTraverse("@@login"),
        members.restrictedTraverse("++plone++static/plone-toolbarlogo.png"),
        members.restrictedTraverse("++resource++plone-logo.svg"),
        members.restrictedTraverse("@@site-logo"),
    ):
        _after_traversal(request_, published, accept="*/*")


def test_others_are_not_sent_to_the_set_up(members, request_):
    page = members.restrictedTraverse("@@personal-information")
    login(members, "member")
    _after_traversal(request_, page, accept="*/*")
    twofactor.enrol("coord", SECRET)
    login(members, "coord")
    _after_traversal(request_, page, accept="*/*")
    logout()
    _after_traversal(request_, members, accept="*/*")


def test_odd_forms_get_400_or_a_form_error(members, request_):
    login(members, "coord")
    authenticator = createToken()
    for action in (["enrol", "disable"], ["enrol"]):
        with pytest.raises(BadRequest):
            _page(members, request_, _authenticator=authenticator, action=action, code="1")
    view, _html = _page(members, request_)
    for token in (f"{SECRET}.²³.x", f"{SECRET}.١٢.x", f"{SECRET}.{'9' * 40}.x"):
        view, _html = _page(
            members, request_, _authenticator=authenticator, action="enrol", token=token, code="1"
        )
        assert view.error("enrol")
    assert twofactor.pending_secret("coord", f"{SECRET}.²³.x") is None
    assert not twofactor.is_enrolled("coord")


def test_the_old_app_works_until_the_new_one_is_confirmed(members, request_):
    old_codes = twofactor.enrol("coord", SECRET)
    login(members, "coord")
    authenticator = createToken()
    step = now_step()
    view, html = _page(
        members, request_, _authenticator=authenticator, action="replace", code=code_at(step)
    )
    assert view.state == "enrol"
    new_secret, token = view.secret, view.token
    # Not confirmed yet: the old app and the old recovery codes still sign in.
    assert twofactor.is_enrolled("coord")
    assert twofactor.verify_code("coord", code_at(step + 1)) is True
    assert twofactor.verify_code("coord", old_codes[0]) is True
    assert "Use the new app from now on" in html
    # A token for a first enrolment does not replace the app of an enrolled member.
    first = twofactor.pending_token("coord", new_secret)
    view, _html = _page(
        members,
        request_,
        _authenticator=authenticator,
        action="enrol",
        token=first,
        code=code_at(now_step(), new_secret),
    )
    assert view.state == "enrolled"
    assert view.error("replace")
    assert twofactor.verify_code("coord", old_codes[1]) is True
    # Confirmed: the new app and new recovery codes, the old ones no longer work.
    view, _html = _page(
        members,
        request_,
        _authenticator=authenticator,
        action="enrol",
        token=token,
        code=code_at(now_step(), new_secret),
    )
    assert view.state == "codes"
    assert len(view.codes) == 10
    assert twofactor._storage()["coord"]["secret"] == new_secret
    assert twofactor.verify_code("coord", old_codes[2]) is False
    assert twofactor.verify_code("coord", code_at(now_step() + 1)) is False
    assert twofactor.verify_code("coord", code_at(now_step() + 1, new_secret)) is True
    assert twofactor.verify_code("coord", view.codes[0]) is True
    # The same set-up again: done already, nothing changes.
    codes = view.codes
    view, _html = _page(
        members, request_, _authenticator=authenticator, action="enrol", token=token, code="1"
    )
    assert view.state == "enrolled"
    assert twofactor.verify_code("coord", codes[1]) is True


def test_an_unenrolled_coordinator_reaches_nothing_but_the_set_up(functional):
    """Over HTTP, signed in by the session cookie after the login form: any other answer than a
    page a browser asks for is refused, nothing is written; files a page needs still load."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="new.coord", email="new.coord@example.org", password=PASSWORD)
        api.group.add_user(groupname="coordinators", username="new.coord")
    transaction.commit()
    site_url = f"http://{functional['host']}:{functional['port']}/plone"
    session = requests.Session()
    answer = session.post(
        f"{site_url}/login",
        data={"__ac_name": "new.coord", "__ac_password": PASSWORD, "buttons.login": "Log in"},
        allow_redirects=False,
    )
    assert "__ac" in session.cookies, answer.status_code
    anything = {"Accept": "*/*"}
    for path in ("@@member-approvals", "@@authentication-controlpanel", "@@personal-information"):
        answer = session.get(f"{site_url}/{path}", headers=anything, allow_redirects=False)
        assert answer.status_code == 403, path
        assert f"enrol at {site_url}/@@two-factor first" in answer.text
    answer = session.get(f"{site_url}/@users/new.coord", headers={"Accept": "application/json"})
    assert answer.status_code == 403
    assert answer.json()["error"]["type"] == "Enrolment required"
    # The requirement cannot be switched off on the way.
    answer = session.post(
        f"{site_url}/@@authentication-controlpanel",
        data={"form.widgets.two_factor_groups": "", "form.buttons.save": "Save"},
        headers=anything,
        allow_redirects=False,
    )
    assert answer.status_code == 403
    transaction.begin()
    assert "coordinators" in api.portal.get_registry_record(twofactor.GROUPS_RECORD)
    # A page by a path that names a file first: sent to the set-up all the same.
    connection = http.client.HTTPConnection(functional["host"], functional["port"])
    connection.request(
        "GET",
        "/plone/++resource++x/../@@personal-information",
        headers={"Accept": "text/html", "Cookie": f"__ac={session.cookies['__ac']}"},
    )
    answer = connection.getresponse()
    assert answer.status == 302
    assert "/@@two-factor" in answer.getheader("Location")
    connection.close()
    # The set-up page and the files it needs load.
    answer = session.get(f"{site_url}/@@two-factor", allow_redirects=False)
    assert answer.status_code == 200
    assert "Set up your authenticator app" in answer.text
    for path in ("++resource++plone-logo.svg", "++plone++static/plone-toolbarlogo.png"):
        assert session.get(f"{site_url}/{path}", headers=anything).status_code == 200, path


def test_the_demo_members_who_must_use_it_have_their_app_set_up(demo_integration, portal):
    """The README's demo secrets: the coordinator and the STC member sign in with their codes
    (tests/authentication/codes.py gives each sign-in a code not used before)."""
    forget_codes()
    for login_name in ("platform.coordinator", "sofia.dimitriou"):
        assert twofactor.is_enrolled(login_name)
        assert not twofactor.must_enrol(login_name)
        assert twofactor.verify_code(login_name, demo_code(login_name)) is True
        assert twofactor.verify_code(login_name, demo_code(login_name)) is True
    assert twofactor.must_enrol("nikos.papadopoulos") is False
    assert not twofactor.is_enrolled("nikos.papadopoulos")
