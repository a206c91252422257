"""Single sign-on through OpenID Connect, with pas.plugins.oidc.

The plugin (``acl_users/oidc``, made by ``profile-pas.plugins.oidc:default``) talks to the
identity provider of a partner institution; the coordinator enters the provider in Site Setup,
"Single sign-on (OpenID Connect)". The platform adds what it needs around it:

- the password form stays the way to sign in: the plugin's profile puts it first among the
  challengers, which would send every visitor of a closed page to the institution
  (``setup_plugin`` takes that back);
- the login page offers "Sign in with your institution's account" once the provider is set
  (``SSOLoginViewlet``);
- a person who arrives for the first time becomes a registrant waiting for the coordinator's
  approval, in no tier group, and the coordinators are told as for any registrant (the plugin
  fires ``PrincipalCreated``, ``members.registration.registrant_created`` hears it);
- nobody takes over an account through the provider: an account that single sign-on did not make,
  with the same user id or the same e-mail address, is never signed in to from the provider's
  word (``identity_problem``), and the provider's groups never put anyone into a group of the
  platform (``trusted_claims``);
- a member enrolled in two-factor sign-in is asked for the code after the provider, as after a
  password (``sign_in``);
- the plugin's callback ignores a wrong ``state`` and answers an unreachable provider with an
  error page: ``SSOCallbackView`` refuses the first and tells both in a message on the login page;
- the plugin's REST sign-in (``@login-oidc``, for Volto) would go around all of this: it is not
  offered (``RESTSignInNotOffered``), nor its REST sign-out (``@logout-oidc``) and back-channel
  logout (``BackChannelLogoutNotOffered``), which the platform does not use;
- the user id is the provider's identifier in lower case, never a group's, a role's or a special
  principal's (``reserved_id``): PAS gives a principal the roles granted to its id.
"""

from BTrees.OOBTree import OOBTree
from clusterpolisee import _
from clusterpolisee.authentication import signin
from clusterpolisee.authentication import twofactor
from clusterpolisee.members.registration import email_taken
from clusterpolisee.members.registration import login_taken
from pas.plugins.oidc import PLUGIN_ID
from pas.plugins.oidc import utils
from pas.plugins.oidc.controlpanel.classic import OIDCSettingsControlPanel
from pas.plugins.oidc.controlpanel.classic import OIDCSettingsForm
from pas.plugins.oidc.plugins import OAuth2ConnectionException
from pas.plugins.oidc.plugins import OIDCPlugin
from pas.plugins.oidc.plugins import safe_write
from pas.plugins.oidc.session import Session
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.restapi.services import Service
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.PluggableAuthService.interfaces.plugins import IChallengePlugin
from typing import NamedTuple
from urllib.parse import urlencode
from urllib.parse import urlparse
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse
import base64
import json
import logging
import transaction


logger = logging.getLogger(__name__)

# The plugin's settings on a new site (or one whose provider is not set yet): the claims the
# platform reads (name and e-mail address), the code flow with PKCE, a user made at the first
# sign-in, no groups from the provider, Plone's own session cookie and no REST token.
DEFAULT_SETTINGS = {
    "scope": ("openid", "email", "profile"),
    "use_session_data_manager": False,
    "create_user": True,
    "create_groups": False,
    "create_ticket": True,
    "create_restapi_ticket": False,
    "use_pkce": True,
    "user_property_as_userid": "sub",
}

# On the site: {user id: issuer} of the accounts single sign-on made.
ACCOUNTS_KEY = "clusterpolisee.authentication.sso.accounts"
SUBJECTS_KEY = "clusterpolisee.authentication.sso.subjects"

# Names no account single sign-on makes may have: Zope's and Plone's special principals (the
# roles and groups of the site are refused as well, see ``reserved_id``).
RESERVED_IDS = frozenset(
    ("admin", "anonymous", "anonymous user", "authenticated", "authenticatedusers", "system")
)


def get_plugin():
    """The site's OpenID Connect plugin, or None where pas.plugins.oidc is not installed."""
    plugin = api.portal.get_tool("acl_users").get(PLUGIN_ID)
    return plugin if isinstance(plugin, OIDCPlugin) else None


def is_configured(plugin=None):
    """Whether single sign-on is ready: a provider (issuer) and this platform's client id."""
    plugin = plugin if plugin is not None else get_plugin()
    if plugin is None:
        return False
    issuer = (plugin.getProperty("issuer") or "").strip()
    client_id = (plugin.getProperty("client_id") or "").strip()
    return bool(issuer and client_id)


def redirect_uri(plugin=None):
    """The address the institution's provider sends people back to (to register there)."""
    plugin = plugin if plugin is not None else get_plugin()
    return plugin.get_redirect_uris()[0] if plugin is not None else ""


def setup_plugin(portal=None):
    """After ``profile-pas.plugins.oidc:default``: the password form stays the challenge, and an
    unconfigured plugin gets the platform's settings. Returns the plugin (None: not installed)."""
    plugin = get_plugin()
    if plugin is None:
        return None
    plugins = api.portal.get_tool("acl_users").plugins
    if PLUGIN_ID in plugins.listPluginIds(IChallengePlugin):
        plugins.deactivatePlugin(IChallengePlugin, PLUGIN_ID)
    if not is_configured(plugin):
        for name, value in DEFAULT_SETTINGS.items():
            setattr(plugin, name, value)
    return plugin


# The accounts single sign-on made


def _accounts(create=False):
    annotations = IAnnotations(api.portal.get())
    accounts = annotations.get(ACCOUNTS_KEY)
    if accounts is None and create:
        accounts = annotations[ACCOUNTS_KEY] = OOBTree()
    return accounts


def sso_issuer(user_id):
    """The provider whose single sign-on made the account ``user_id``, or None."""
    accounts = _accounts()
    return accounts.get(user_id) if accounts is not None else None


def record_account(user_id, issuer, subject=None):
    _accounts(create=True)[user_id] = issuer
    if subject is not None:
        _subjects(create=True)[user_id] = subject


def _subjects(create=False):
    """{user id: the provider's identifier, in its own case} of the accounts single sign-on made:
    the user id is that identifier in lower case, and two identifiers that differ only in case
    are two people, not one account."""
    annotations = IAnnotations(api.portal.get())
    subjects = annotations.get(SUBJECTS_KEY)
    if subjects is None and create:
        subjects = annotations[SUBJECTS_KEY] = OOBTree()
    return subjects


def forget_account(event):
    """An account was removed (rejected by the coordinator, deleted by its owner): a new account
    with its id later is not one single sign-on made."""
    try:
        accounts = _accounts()
    except api.exc.CannotGetPortalError:
        return  # a user folder outside any site
    user_id = getattr(event, "principal", None)
    if accounts is not None and isinstance(user_id, str) and user_id in accounts:
        del accounts[user_id]
    subjects = _subjects()
    if subjects is not None and isinstance(user_id, str) and user_id in subjects:
        del subjects[user_id]


# Who may sign in


def claimed_subject(plugin, userinfo):
    """The provider's identifier for the person, as it gave it."""
    return str(userinfo.get(plugin.getProperty("user_property_as_userid") or "sub") or "").strip()


def claimed_user_id(plugin, userinfo):
    """The platform's user id for the person: the provider's identifier in lower case, as the
    site's user folder writes every login (``login_transform`` "lower") and looks it up."""
    return claimed_subject(plugin, userinfo).lower()


def reserved_id(user_id):
    """Whether ``user_id`` (in lower case) is, in any case, the id of a group of the site, a role
    or a special principal: PAS gives a principal the roles granted to its id, so an account
    with a group's id would have that group's roles."""
    if user_id in RESERVED_IDS:
        return True
    if api.group.get(groupname=user_id) is not None:
        return True
    acl_users = api.portal.get_tool("acl_users")
    group_ids = {info.get("id") or "" for info in acl_users.searchGroups()}
    role_ids = set(api.portal.get().validRoles())
    return user_id in {name.lower() for name in group_ids | role_ids}


def claimed_fullname(userinfo):
    name = (userinfo.get("name") or "").strip()
    if name:
        return name
    parts = (userinfo.get("given_name") or "", userinfo.get("family_name") or "")
    return " ".join(part.strip() for part in parts if part.strip())


def identity_problem(plugin, userinfo):
    """Why the person the provider vouches for (``userinfo``, its claims) may not sign in here,
    or None. The provider signs in to an account only if single sign-on with this provider made
    it; it never takes over an account made otherwise, whether by its user id (in any case) or
    by its e-mail address, and makes no account that would share either."""
    user_id = claimed_user_id(plugin, userinfo)
    if not user_id:
        return _(
            "sso_no_identifier",
            default="Your institution did not tell who you are. Ask its help desk, or sign in "
            "with your password.",
        )
    if reserved_id(user_id):
        return _(
            "sso_reserved_id",
            default="Your institution's identifier for you is a name the platform keeps for "
            "itself. Single sign-on cannot make your account: register with the registration "
            "form, or ask the coordinator.",
        )
    issuer = (plugin.getProperty("issuer") or "").strip()
    exists = api.user.get(userid=user_id) is not None
    subjects = _subjects()
    subject = subjects.get(user_id) if subjects is not None else None
    if (
        (exists and sso_issuer(user_id) != issuer)
        or (exists and subject is not None and subject != claimed_subject(plugin, userinfo))
        or (not exists and login_taken(user_id))
    ):
        return _(
            "sso_account_taken",
            default="An account made here without single sign-on already has your name at "
            "your institution. Single sign-on cannot open it: sign in with your password.",
        )
    if not exists and not plugin.getProperty("create_user"):
        return _(
            "sso_no_new_accounts",
            default="Single sign-on admits only people who already joined the platform "
            "through it. Register with the registration form instead.",
        )
    email = (userinfo.get("email") or "").strip()
    if email and email_taken(email, but=user_id):
        return _(
            "sso_email_taken",
            default="Another account here has the e-mail address your institution gave. "
            "Single sign-on does not join the two: sign in to that account with your password, "
            "or ask the coordinator.",
        )
    return None


def trusted_claims(plugin, userinfo):
    """What the platform takes from the provider's claims.

    - An e-mail address the provider itself says it has not verified (``email_verified`` false)
      is left out: it could be anybody's.
    - The provider's groups, where the plugin makes groups from them: only the groups it made
      itself. A tier, the coordinators, the administrators or any group of the platform is the
      coordinator's to give, never the provider's."""
    userinfo = dict(userinfo)
    if userinfo.get("email_verified") is False:
        userinfo.pop("email", None)
    prop = plugin.getProperty("user_property_as_groupid") or "groups"
    groups = userinfo.get(prop)
    if groups is None or not plugin.getProperty("create_groups"):
        return userinfo
    groups = [groups] if isinstance(groups, str) else list(groups or ())
    kept = []
    for group_id in groups:
        group = api.group.get(groupname=group_id)
        if group is None or group.getProperty("type", "") == plugin.getId().upper():
            kept.append(group_id)
    userinfo[prop] = kept
    return userinfo


class SignIn(NamedTuple):
    """What became of a sign-in through the provider."""

    problem: object = None  # a message: nobody signed in, nothing written
    new: bool = False  # a first-comer: a registrant waiting for approval
    code_token: str = ""  # enrolled in two-factor sign-in: the code step's token, not signed in


def sign_in(plugin, request, userinfo):
    """Sign in the person the provider vouches for (``userinfo``: its claims), as the plugin's
    ``rememberIdentity`` does, with the platform's rules around it: ``identity_problem`` first,
    ``trusted_claims`` only, and the code step for a member enrolled in two-factor sign-in.

    A first-comer's account is made by the plugin, with the name and the (not unverified) e-mail
    address from the provider and in no group: a registrant waiting for approval; the plugin's
    ``PrincipalCreated`` tells the coordinators (``members.registration.registrant_created``).
    The session cookie is set on ``request``'s response."""
    userinfo = trusted_claims(plugin, userinfo)
    problem = identity_problem(plugin, userinfo)
    if problem is not None:
        return SignIn(problem)
    if not plugin.user_can_login(userinfo):  # the plugin's "allowed groups"
        return SignIn(
            _(
                "sso_not_allowed",
                default="Your institution's account is not among those allowed to sign in here.",
            )
        )
    user_id = claimed_user_id(plugin, userinfo)
    user = api.portal.get_tool("acl_users").getUserById(user_id)
    new = user is None
    if new:
        # Nothing is left behind if the account cannot be made (an error goes up to the
        # publisher, which aborts the transaction).
        savepoint = transaction.savepoint(optimistic=True)
        user = plugin._create_user(user_id)
        if user is None:
            try:
                savepoint.rollback()
            except TypeError:  # a data manager without savepoints: write nothing at all
                transaction.doom()
            return SignIn(_failed())
    plugin._update_user(user, userinfo=userinfo, first_login=new)
    with safe_write(request):
        if new:
            issuer = (plugin.getProperty("issuer") or "").strip()
            record_account(user_id, issuer, claimed_subject(plugin, userinfo))
        # The plugin takes a name only from given and family names; "name" is the full one.
        fullname = claimed_fullname(userinfo)
        if fullname and user.getProperty("fullname", "") != fullname:
            user.setProperties(fullname=fullname)
    if plugin.getProperty("create_groups"):
        plugin._create_update_groups(user, user_id, userinfo)
    if twofactor.is_enrolled(user_id):
        # The provider stands for the password: the code is still asked.
        return SignIn(new=new, code_token=signin.pending_token(user_id, user.getUserName()))
    if plugin.getProperty("create_ticket"):
        plugin._setup_ticket(user_id)
    if plugin.getProperty("create_restapi_ticket"):
        plugin._setup_jwt_ticket(user)
    return SignIn(new=new)


# The pages


def _failed():
    return _(
        "sso_failed",
        default="Signing in with your institution's account did not work. Please try again, or "
        "sign in with your password.",
    )


def _go_back_to_login(view, message):
    """The login page again, with ``message``: never an error page."""
    api.portal.show_message(message, request=view.request, type="error")
    portal_url = api.portal.get().absolute_url()
    came_from = view.request.get("came_from") or ""
    query = f"?{urlencode({'came_from': came_from})}" if came_from else ""
    view.request.response.redirect(f"{portal_url}/login{query}")
    return ""


def _forget_malformed_session(request):
    """The plugin's session cookie (``__ac_session``: base64 of a JSON object of strings, set when
    the person left for the provider), when it is not that, is taken as no session at all: the
    plugin would fail on it with an error page."""
    data = request.cookies.get(Session.session_cookie_name)
    if not data:
        return
    try:
        values = json.loads(base64.b64decode(data, validate=True))
        usable = isinstance(values, dict) and all(isinstance(v, str) for v in values.values())
    except (ValueError, TypeError):  # binascii.Error and UnicodeDecodeError are ValueErrors
        usable = False
    if not usable:
        del request.cookies[Session.session_cookie_name]


class SSOLoginView(BrowserView):
    """``acl_users/oidc/login``: off to the institution's provider, or back to the login page
    with a message (not set up, provider unreachable)."""

    def __call__(self):
        if not is_configured(self.context):
            return _go_back_to_login(
                self,
                _(
                    "sso_not_configured",
                    default="Single sign-on is not set up on this platform: sign in with your "
                    "password.",
                ),
            )
        _forget_malformed_session(self.request)
        session = utils.initialize_session(self.context, self.request)
        args = utils.authorization_flow_args(self.context, session)
        try:
            client = self.context.get_oauth2_client()
            authorization = client.construct_AuthorizationRequest(request_args=args)
            url = authorization.request(client.authorization_endpoint)
        except Exception:
            logger.exception("Single sign-on: the provider cannot be reached")
            return _go_back_to_login(self, _unreachable())
        self.request.response.setHeader("Cache-Control", "no-cache, no-store")
        self.request.response.redirect(url)
        return ""


def _unreachable():
    return _(
        "sso_provider_unreachable",
        default="Your institution's sign-in service cannot be reached just now. Please try "
        "again later, or sign in with your password.",
    )


class SSOCallbackView(BrowserView):
    """``acl_users/oidc/callback``: where the provider sends the person back. The answer must
    carry the ``state`` this browser was given when it left (else it may be someone else's
    sign-in, replayed); the code is exchanged for the person's claims; ``sign_in`` decides."""

    def __call__(self):
        plugin, request = self.context, self.request
        _forget_malformed_session(request)
        session = utils.load_existing_session(plugin, request)
        expected = session.get("state")
        # The state is for one answer only.
        # (The plugin's login view set it without a path: it belongs to the plugin's folder.)
        request.response.expireCookie(
            Session.session_cookie_name, path=urlparse(plugin.absolute_url()).path
        )
        if request.form.get("error"):
            logger.info("Single sign-on refused by the provider: %s", request.form.get("error"))
            return _go_back_to_login(
                self,
                _(
                    "sso_refused",
                    default="Your institution did not sign you in. Sign in there again, or sign "
                    "in with your password.",
                ),
            )
        if not expected or request.form.get("state") != expected:
            return _go_back_to_login(
                self,
                _(
                    "sso_state_mismatch",
                    default="This sign-in with your institution's account was not started in "
                    "this browser, or it has expired. Please start again.",
                ),
            )
        try:
            client = plugin.get_oauth2_client()
        except OAuth2ConnectionException:
            return _go_back_to_login(self, _unreachable())
        try:
            args, state = utils.parse_authorization_response(
                plugin, request.environ.get("QUERY_STRING", ""), client, session
            )
            userinfo = utils.get_user_info(client, state, args)
        except Exception:
            logger.exception("Single sign-on: the provider's answer cannot be used")
            userinfo = None
        if not userinfo:
            return _go_back_to_login(self, _failed())
        claims = userinfo.to_dict() if hasattr(userinfo, "to_dict") else dict(userinfo)
        result = sign_in(plugin, request, claims)
        if result.problem is not None:
            return _go_back_to_login(self, result.problem)
        came_from = utils.process_came_from(session, request.get("came_from"))
        if result.code_token:
            # The login form's code step, as after a right password.
            request.form["came_from"] = came_from
            form = getMultiAdapter((api.portal.get(), request), name="login")
            form.update()
            form.code_token = result.code_token
            return form.render()
        if result.new:
            api.portal.show_message(
                _(
                    "sso_registrant_waits",
                    default="Welcome! You are signed in with your institution's account. The "
                    "coordinator has been told of your request to join: until it is approved, "
                    "the members' pages stay closed to you.",
                ),
                request=request,
            )
        request.response.setHeader("Cache-Control", "no-cache, no-store")
        request.response.redirect(came_from)
        return ""


@implementer(IPublishTraverse)
class RESTSignInNotOffered(Service):
    """``@login-oidc``: pas.plugins.oidc's sign-in for JavaScript front ends (Volto) would make
    and open accounts with none of the platform's rules (``sign_in``: no check of the ``state``,
    accounts taken over by their user id, no code step). The platform signs in through its login
    page."""

    def publishTraverse(self, request, name):
        return self  # @login-oidc/<plugin id>

    def reply(self):
        self.request.response.setStatus(404)
        portal_url = api.portal.get().absolute_url()
        message = _(
            "sso_rest_not_offered",
            default="Single sign-on goes through the login page: ${url}",
            mapping={"url": f"{portal_url}/login"},
        )
        return {"error": {"type": "NotFound", "message": translate(message, context=self.request)}}


class RESTSignOutNotOffered(RESTSignInNotOffered):
    """``@logout-oidc``: the plugin's sign-out for JavaScript front ends (Volto), which would
    send the person to the provider's sign-out; the platform signs out on its own page."""

    def reply(self):
        self.request.response.setStatus(404)
        portal_url = api.portal.get().absolute_url()
        message = _(
            "sso_rest_logout_not_offered",
            default="Sign out on the platform's page: ${url}",
            mapping={"url": f"{portal_url}/logout"},
        )
        return {"error": {"type": "NotFound", "message": translate(message, context=self.request)}}


class BackChannelLogoutNotOffered(BrowserView):
    """``acl_users/oidc/backchannel-logout``: where a provider would end people's sessions here
    (OpenID Connect back-channel logout). The plugin's view needs a keyring per user that the
    platform does not keep, and fails on a token it cannot read: the platform does not offer it
    (a provider is not to be given this address)."""

    def __call__(self):
        response = self.request.response
        response.setStatus(404)
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        message = _(
            "sso_backchannel_not_offered",
            default="This platform does not take sign-outs from identity providers (back-channel "
            "logout).",
        )
        return translate(message, context=self.request)


class NoRESTLoginProviders:
    """``GET @login`` lists no ``@login-oidc`` (``RESTSignInNotOffered``)."""

    def __init__(self, context):
        self.context = context

    def get_providers(self):
        return []


class SSOLoginViewlet(ViewletBase):
    """On the login page, below the password form: "Sign in with your institution's account",
    only once single sign-on is set up, for whoever is not signed in."""

    index = ViewPageTemplateFile("templates/sso_login.pt")

    def update(self):
        super().update()
        plugin = get_plugin()
        self.available = plugin is not None and is_configured(plugin) and api.user.is_anonymous()
        if self.available:
            came_from = self.request.get("came_from") or ""
            query = f"?{urlencode({'came_from': came_from})}" if came_from else ""
            self.login_url = f"{plugin.absolute_url()}/login{query}"

    def render(self):
        return self.index() if self.available else ""


class SSOSettingsForm(OIDCSettingsForm):
    label = _("label_sso_settings", default="Single sign-on (OpenID Connect)")

    @property
    def description(self):
        return _(
            "help_sso_settings",
            default="Members of a partner institution sign in with their institution's account. "
            "Register the platform with the institution's identity provider, giving it this "
            "redirect address: ${url} ; then enter here the provider's address (issuer), the "
            "client ID and the client secret it gave. Whoever signs in this way for the first "
            "time becomes a registrant waiting for your approval.",
            mapping={"url": redirect_uri()},
        )


class SSOSettingsControlPanel(OIDCSettingsControlPanel):
    form = SSOSettingsForm
