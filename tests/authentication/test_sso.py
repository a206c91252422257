"""Single sign-on through OpenID Connect (issue 22, item 2), piece by piece: the plugin as the
platform sets it up, the login page's button, who the provider may sign in (a first-comer waits
for approval; no account is taken over by its id or its e-mail address; the provider gives no
group of the platform) and the messages instead of error pages. The round trip with a real
provider is tests/browser/test_sso_journey.py."""

from clusterpolisee.authentication import signin
from clusterpolisee.authentication import sso
from clusterpolisee.authentication import twofactor
from clusterpolisee.interfaces import IClusterpoliseeLayer
from clusterpolisee.members import registration
from clusterpolisee.members.tiers import TIER_GROUP_IDS
from clusterpolisee.members.views.approvals import MemberApprovalsView
from plone import api
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from Products.PluggableAuthService.interfaces.plugins import IChallengePlugin
from Products.statusmessages.interfaces import IStatusMessage
from tests.conftest import free_port
from zope.interface import alsoProvides
import base64
import json
import pytest
import requests
import transaction


ISSUER = "https://login.university.example"


def installed_plugin(portal):
    """The site's plugin, as the profile installs it."""
    return sso.get_plugin()


@pytest.fixture
def plugin(portal, request_):
    """The site's OpenID Connect plugin, as the profile leaves it."""
    alsoProvides(request_, IClusterpoliseeLayer)
    plugin = installed_plugin(portal)
    assert plugin is not None, "profile-pas.plugins.oidc:default is a dependency of the profile"
    return plugin


@pytest.fixture
def configured(plugin):
    plugin.issuer = ISSUER
    plugin.client_id = "clusterpolisee"
    plugin.client_secret = "a-secret-the-provider-gave"
    return plugin


def claims(**extra):
    return {
        "sub": "u-4711",
        "email": "jana.horvat@university.example",
        "email_verified": True,
        "name": "Jana Horvat",
        **extra,
    }


def groups_of(user_id):
    return {group.getId() for group in api.group.get_groups(username=user_id)}


def messages(request):
    return [message.message for message in IStatusMessage(request).show()]


class TestSetup:
    def test_the_password_form_stays_the_challenge_and_the_settings_are_the_platforms(self, plugin):
        # pas.plugins.oidc's profile makes the plugin the first challenger: every visitor of a
        # closed page would be sent to the provider (or, unconfigured, to an error).
        challengers = api.portal.get_tool("acl_users").plugins.listPluginIds(IChallengePlugin)
        assert sso.PLUGIN_ID not in challengers
        assert list(plugin.getProperty("scope")) == ["openid", "email", "profile"]
        assert plugin.getProperty("use_session_data_manager") is False
        assert plugin.getProperty("create_user") is True
        assert plugin.getProperty("create_groups") is False
        assert plugin.getProperty("use_pkce") is True
        assert not sso.is_configured(plugin)
        assert sso.redirect_uri(plugin) == f"{plugin.absolute_url()}/callback"

    def test_setting_up_again_keeps_the_coordinators_provider(self, configured):
        configured.scope = ("openid", "email")
        sso.setup_plugin()
        assert configured.issuer == ISSUER
        assert list(configured.scope) == ["openid", "email"]

    def test_the_control_panel_is_the_coordinators_and_listed_in_site_setup(
        self, portal, request_, plugin
    ):
        configlet = {action.getId(): action for action in portal.portal_controlpanel.listActions()}[
            "oidc_admin"
        ]
        assert configlet.title == "Single sign-on (OpenID Connect)"
        assert configlet.permissions == ("clusterpolisee: Manage platform settings",)
        api.user.create(username="wp3", email="wp3@example.org", password="secret-pass-1")
        api.group.add_user(groupname="coordinators", username="wp3")
        with api.env.adopt_user(username="wp3"):
            assert api.user.has_permission("clusterpolisee: Manage platform settings", obj=portal)
            panel = portal.restrictedTraverse("@@oidc-controlpanel")
            html = panel()
        assert "Single sign-on (OpenID Connect)" in html
        assert f"{plugin.absolute_url()}/callback" in html  # what to register at the provider


class TestLoginButton:
    def test_the_button_shows_only_once_a_provider_is_set(self, portal, request_, plugin):
        logout()
        html = portal.restrictedTraverse("@@login")()
        assert "Sign in with your institution" not in html
        assert 'name="__ac_password"' in html

        plugin.issuer, plugin.client_id = ISSUER, "clusterpolisee"
        html = portal.restrictedTraverse("@@login")()
        assert "Sign in with your institution&#x27;s account" in html or (
            "Sign in with your institution's account" in html
        )
        assert f'href="{plugin.absolute_url()}/login"' in html
        assert 'name="__ac_password"' in html  # the password form stays


class TestWhoSignsIn:
    def test_a_first_comer_is_a_registrant_waiting_for_approval(self, portal, request_, configured):
        logout()
        assert sso.sign_in(configured, request_, claims()) == sso.SignIn(new=True)
        user = api.user.get(userid="u-4711")
        assert user.getProperty("fullname") == "Jana Horvat"
        assert user.getProperty("email") == "jana.horvat@university.example"
        assert not groups_of("u-4711") & set(TIER_GROUP_IDS)
        assert sso.sso_issuer("u-4711") == ISSUER
        # Signed in: Plone's session cookie is on the answer.
        assert "__ac" in request_.response.cookies
        # The coordinators are told as for any registrant, when the transaction commits.
        hooks = [(hook, args) for hook, args, _kw in transaction.get().getBeforeCommitHooks()]
        assert (registration.tell_coordinators, ("u-4711",)) in hooks
        # ... and the membership requests list the person.
        setRoles(portal, TEST_USER_ID, ["Manager"])
        pending = MemberApprovalsView(portal, request_).pending()
        assert {"id": "u-4711", "fullname": "Jana Horvat"}.items() <= next(
            row for row in pending if row["id"] == "u-4711"
        ).items()

    def test_a_returning_member_keeps_the_tier(self, request_, configured):
        sso.sign_in(configured, request_, claims())
        api.group.add_user(groupname="associated-members", username="u-4711")
        result = sso.sign_in(
            configured,
            request_,
            claims(name="Jana Horvat-Novak", given_name="Jana", family_name="Horvat"),
        )
        assert result == sso.SignIn(new=False)
        assert "associated-members" in groups_of("u-4711")
        assert api.user.get(userid="u-4711").getProperty("fullname") == "Jana Horvat-Novak"
        hooks = [args for _hook, args, _kw in transaction.get().getBeforeCommitHooks()]
        assert hooks.count(("u-4711",)) == 1  # told once, at the first sign-in

    def test_an_account_with_the_same_email_is_not_taken_over(self, request_, configured):
        api.user.create(
            username="jana", email="Jana.Horvat@university.example", password="secret-pass-1"
        )
        problem = sso.sign_in(configured, request_, claims()).problem
        assert "Another account here has the e-mail address" in api.portal.translate(problem)
        assert api.user.get(userid="u-4711") is None
        assert "__ac" not in request_.response.cookies
        # Nor when the provider's user id is the e-mail address (user_property_as_userid).
        configured.user_property_as_userid = "email"
        assert sso.sign_in(configured, request_, claims()).problem is not None
        assert "__ac" not in request_.response.cookies

    def test_an_account_with_the_same_user_id_is_not_taken_over(self, request_, configured):
        api.user.create(username="jhorvat", email="jh@example.org", password="secret-pass-1")
        for user_id in ("jhorvat", "JHorvat"):
            problem = sso.sign_in(
                configured, request_, claims(sub=user_id, email="jana@elsewhere.example")
            ).problem
            assert "Single sign-on cannot open it" in api.portal.translate(problem)
        assert api.user.get(userid="JHorvat") is None
        assert api.user.get(userid="jhorvat").getProperty("email") == "jh@example.org"
        assert "__ac" not in request_.response.cookies

    def test_another_provider_does_not_open_the_account_single_sign_on_made(
        self, request_, configured
    ):
        sso.sign_in(configured, request_, claims())
        request_.response.cookies.clear()
        configured.issuer = "https://idp.other.example"
        assert sso.sign_in(configured, request_, claims()).problem is not None
        assert "__ac" not in request_.response.cookies

    def test_a_removed_account_is_forgotten(self, portal, request_, configured):
        sso.sign_in(configured, request_, claims())
        setRoles(portal, TEST_USER_ID, ["Manager"])
        api.user.delete(username="u-4711")
        assert sso.sso_issuer("u-4711") is None
        # A local account made with that id later is not the provider's to open.
        api.user.create(username="u-4711", email="other@example.org", password="secret-pass-1")
        assert sso.sign_in(configured, request_, claims()).problem is not None

    def test_an_address_the_provider_has_not_verified_is_not_taken(self, request_, configured):
        api.user.create(
            username="jana", email="jana.horvat@university.example", password="pass-1-2-3"
        )
        assert sso.sign_in(configured, request_, claims(email_verified=False)).problem is None
        assert api.user.get(userid="u-4711").getProperty("email") == ""
        assert api.user.get(userid="jana").getProperty("email") == "jana.horvat@university.example"

    def test_a_member_enrolled_in_two_factor_sign_in_is_asked_for_the_code(
        self, request_, configured
    ):
        sso.sign_in(configured, request_, claims())
        twofactor.enrol("u-4711", twofactor.new_secret())
        request_.response.cookies.clear()
        result = sso.sign_in(configured, request_, claims())
        assert result.problem is None
        assert result.code_token
        assert signin.read_pending_token(result.code_token) == ("u-4711", "u-4711")
        assert "__ac" not in request_.response.cookies  # not signed in before the code

    def test_a_group_role_or_special_principal_is_never_the_account(
        self, portal, request_, configured
    ):
        # PAS gives a principal the roles granted to its id: an account "coordinators" would
        # have the coordinators' roles.
        acl_users = api.portal.get_tool("acl_users")
        for sub in (
            "coordinators",
            "STC",
            "full-members",
            "Administrators",
            "Manager",
            "AuthenticatedUsers",
        ):
            problem = sso.sign_in(configured, request_, claims(sub=sub)).problem
            assert "keeps for itself" in api.portal.translate(problem), sub
            assert acl_users.getUserById(sub) is None
            assert acl_users.getUserById(sub.lower()) is None
            assert sso.sso_issuer(sub.lower()) is None
        assert "__ac" not in request_.response.cookies
        hooks = [args for _hook, args, _kw in transaction.get().getBeforeCommitHooks()]
        assert hooks == []  # nobody told of a registrant

    def test_an_identifier_with_capitals_signs_in_again_and_again(self, request_, configured):
        subject = "Mixed.CaseSub"
        assert sso.sign_in(configured, request_, claims(sub=subject)) == sso.SignIn(new=True)
        assert "__ac" in request_.response.cookies
        user = api.user.get(userid="mixed.casesub")
        assert user.getUserName() == "mixed.casesub"
        assert not groups_of("mixed.casesub") & set(TIER_GROUP_IDS)  # a registrant
        request_.response.cookies.clear()
        assert sso.sign_in(configured, request_, claims(sub=subject)) == sso.SignIn(new=False)
        assert "__ac" in request_.response.cookies
        # Another identifier that differs only in case is another person.
        request_.response.cookies.clear()
        problem = sso.sign_in(configured, request_, claims(sub="MIXED.CASESUB")).problem
        assert "Single sign-on cannot open it" in api.portal.translate(problem)
        assert "__ac" not in request_.response.cookies

    def test_an_account_that_cannot_be_made_leaves_nothing_behind(
        self, monkeypatch, request_, configured
    ):
        make = sso.OIDCPlugin._create_user

        def made_but_not_found(plugin, user_id):
            make(plugin, user_id)
            return None

        monkeypatch.setattr(sso.OIDCPlugin, "_create_user", made_but_not_found)
        problem = sso.sign_in(configured, request_, claims()).problem
        assert "did not work" in api.portal.translate(problem)
        assert api.user.get(userid="u-4711") is None
        assert "__ac" not in request_.response.cookies
        monkeypatch.undo()
        # ... and the next attempt is not locked out.
        assert sso.sign_in(configured, request_, claims()) == sso.SignIn(new=True)

    def test_the_providers_groups_give_no_group_of_the_platform(self, request_, configured):
        configured.create_groups = True
        sso.sign_in(
            configured,
            request_,
            claims(groups=["coordinators", "Site Administrators", "uni-research-office"]),
        )
        groups = groups_of("u-4711")
        assert "uni-research-office" in groups
        assert not groups & {"coordinators", "Site Administrators", *TIER_GROUP_IDS}


def closed_issuer():
    return f"http://127.0.0.1:{free_port()}"  # nothing listens there


def session_cookie(**values):
    return base64.b64encode(json.dumps(values).encode()).decode()


class TestMessagesNotErrorPages:
    def test_leaving_for_an_unreachable_provider(self, portal, request_, configured):
        configured.issuer = closed_issuer()
        logout()
        configured.restrictedTraverse("@@login")()
        assert request_.response.getStatus() == 302
        assert request_.response.getHeader("location") == f"{portal.absolute_url()}/login"
        assert "cannot be reached just now" in " ".join(messages(request_))

    def test_leaving_unconfigured(self, portal, request_, plugin):
        logout()
        plugin.restrictedTraverse("@@login")()
        assert request_.response.getHeader("location") == f"{portal.absolute_url()}/login"
        assert "not set up" in " ".join(messages(request_))

    def test_an_answer_this_browser_did_not_ask_for(self, portal, request_, configured):
        logout()
        request_.cookies["__ac_session"] = session_cookie(state="the-browsers-state")
        request_.form.update({"code": "stolen-code", "state": "another-state"})
        request_.environ["QUERY_STRING"] = "code=stolen-code&state=another-state"
        configured.restrictedTraverse("@@callback")()
        assert request_.response.getHeader("location") == f"{portal.absolute_url()}/login"
        assert "not started in this browser" in " ".join(messages(request_))
        assert "__ac" not in request_.response.cookies

    def test_an_answer_without_a_sign_in_started(self, portal, request_, configured):
        logout()
        request_.form.update({"code": "a-code", "state": "a-state"})
        configured.restrictedTraverse("@@callback")()
        assert "not started in this browser" in " ".join(messages(request_))

    def test_the_provider_refused_or_is_gone(self, portal, request_, configured):
        logout()
        request_.cookies["__ac_session"] = session_cookie(state="s1")
        request_.form.update({"error": "access_denied", "state": "s1"})
        configured.restrictedTraverse("@@callback")()
        assert "did not sign you in" in " ".join(messages(request_))

        request_.form.clear()
        request_.form.update({"code": "a-code", "state": "s1"})
        configured.issuer = closed_issuer()
        configured.restrictedTraverse("@@callback")()
        assert "cannot be reached just now" in " ".join(messages(request_))
        assert request_.response.getHeader("location") == f"{portal.absolute_url()}/login"

    def test_a_malformed_session_cookie(self, portal, request_, configured):
        logout()
        cookies = (
            "not base64!",
            base64.b64encode(json.dumps(["state", "s1"]).encode()).decode(),
            base64.b64encode(b"\xff\xfe").decode(),
            base64.b64encode(json.dumps({"state": ["s1"]}).encode()).decode(),
            "\xff",
        )
        for cookie in cookies:
            request_.cookies["__ac_session"] = cookie
            request_.form.update({"code": "x", "state": "s1"})
            configured.restrictedTraverse("@@callback")()
            assert request_.response.getHeader("location") == f"{portal.absolute_url()}/login"
            assert "not started in this browser" in " ".join(messages(request_)), cookie
            # Leaving for the provider starts a new session.
            request_.cookies["__ac_session"] = cookie
            configured.issuer = closed_issuer()
            configured.restrictedTraverse("@@login")()
            assert "cannot be reached just now" in " ".join(messages(request_)), cookie
            configured.issuer = ISSUER
        assert "__ac" not in request_.response.cookies


class TestCallbackPage:
    """The callback page around ``sign_in``, with the provider's answer given (the real exchange
    with a provider is the browser journey's)."""

    @pytest.fixture
    def answer(self, monkeypatch, portal, request_, configured):
        def answer(claims, came_from=None):
            monkeypatch.setattr(sso.OIDCPlugin, "get_oauth2_client", lambda plugin: object())
            monkeypatch.setattr(sso.utils, "parse_authorization_response", lambda *args: ({}, "s1"))
            monkeypatch.setattr(sso.utils, "get_user_info", lambda *args: claims)
            session = {"state": "s1"} | ({"came_from": came_from} if came_from else {})
            request_.cookies["__ac_session"] = session_cookie(**session)
            request_.form.update({"code": "a-code", "state": "s1"})
            return configured.restrictedTraverse("@@callback")()

        logout()
        return answer

    def test_a_first_comer_comes_back_signed_in_and_told_to_wait(self, portal, request_, answer):
        came_from = f"{portal.absolute_url()}/repository"
        assert answer(claims(), came_from=came_from) == ""
        assert request_.response.getHeader("location") == came_from
        assert "__ac" in request_.response.cookies
        assert "until it is approved" in " ".join(messages(request_))

    def test_a_refused_identity_goes_back_to_the_login_page(self, portal, request_, answer):
        api.user.create(username="u-4711", email="jh@example.org", password="secret-pass-1")
        answer(claims())
        assert request_.response.getHeader("location") == f"{portal.absolute_url()}/login"
        assert "Single sign-on cannot open it" in " ".join(messages(request_))
        assert "__ac" not in request_.response.cookies

    def test_a_member_enrolled_in_two_factor_sign_in_gets_the_code_step(
        self, request_, configured, answer
    ):
        sso.sign_in(configured, request_, claims())
        twofactor.enrol("u-4711", twofactor.new_secret())
        request_.response.cookies.clear()
        html = answer(claims())
        assert 'name="__ac_pending"' in html
        assert 'name="__ac_otp"' in html
        assert "__ac" not in request_.response.cookies


class TestNoRESTSignIn:
    def test_the_plugins_rest_sign_in_is_not_offered(self, functional):
        """pas.plugins.oidc's ``@login-oidc`` (for Volto) signs in with none of the rules above."""
        portal = functional["portal"]
        plugin = installed_plugin(portal)
        plugin.issuer, plugin.client_id = closed_issuer(), "clusterpolisee"
        api.user.create(username="u-4711", email="jh@example.org", password="secret-pass-1")
        transaction.commit()
        url = portal.absolute_url()
        headers = {"Accept": "application/json"}
        answer = requests.post(
            f"{url}/@login-oidc/oidc", json={"qs": "?code=c&state=s"}, headers=headers
        )
        assert answer.status_code == 404
        assert "goes through the login page" in answer.json()["error"]["message"]
        assert "__ac" not in answer.cookies
        assert requests.get(f"{url}/@login-oidc/oidc", headers=headers).status_code == 404
        options = requests.get(f"{url}/@login", headers=headers).json()["options"]
        assert [option for option in options if option.get("plugin") == "oidc"] == []
        # Nor its REST sign-out, nor back-channel logout (not used by the platform): answers,
        # not error pages.
        answer = requests.get(f"{url}/@logout-oidc/oidc", headers=headers)
        assert answer.status_code == 404
        assert f"{url}/logout" in answer.json()["error"]["message"]
        answer = requests.post(
            f"{url}/acl_users/oidc/backchannel-logout", data={"logout_token": "x.y.z"}
        )
        assert answer.status_code == 404
        assert "does not take sign-outs from identity providers" in answer.text
