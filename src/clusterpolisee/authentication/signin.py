"""Signing in with a password: the lock after repeated wrong passwords, and the code of a second
factor after the password.

One PAS authentication plugin, ``clusterpolisee_signin``, stands in front of the site's user
folder (``source_users``, whose own password check is deactivated): every route that checks a
password passes through it, the login form, HTTP basic authentication, ``POST @login`` and the
current-password check of the password form.

- **No guessing.** After ``lockout_attempts`` wrong passwords (or codes) for one login within
  ``lockout_minutes``, that login's sign-in waits ``lockout_minutes``, whatever the password. The
  count is kept for unknown logins too, so the answers are the same for accounts that exist and
  accounts that do not; the owner of a real account is told by mail. A failure is written in a
  transaction of its own, so a sign-in that ends in an error page (which aborts the request's
  transaction) is counted too.
- **Second factor.** A member enrolled in two-factor sign-in (``twofactor.py``) who signs in with
  a password is asked for a code next: the password alone signs nobody in. The login form then
  shows a second step (``@@login-code``) that carries a signed, short-lived token instead of the
  password; ``POST @login`` takes the code in ``otp``. HTTP basic authentication has no place for
  a code, so it cannot sign such a member in.

What the plugin found out is left on the request (``outcome``) for the login form and
``@login`` to say.
"""

from AccessControl import ClassSecurityInfo
from AccessControl.AuthEncoding import pw_encrypt
from AccessControl.AuthEncoding import pw_validate
from AccessControl.class_init import InitializeClass
from BTrees.OOBTree import OOBTree
from clusterpolisee import _
from clusterpolisee.authentication import twofactor
from clusterpolisee.messaging import notifications
from plone import api
from plone.keyring.interfaces import IKeyManager
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.interfaces.plugins import IExtractionPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from zExceptions import BadRequest
from ZODB.POSException import ConflictError
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.interface import implementer
import base64
import hashlib
import hmac
import json
import logging
import math
import time
import transaction


logger = logging.getLogger(__name__)

PLUGIN_ID = "clusterpolisee_signin"
PASSWORDS_PLUGIN_ID = "source_users"
SETTINGS_PREFIX = "clusterpolisee.authentication"

# The second step of the login form: the token that stands for a checked password, the code.
PENDING_FIELD = "__ac_pending"
CODE_FIELD = "__ac_otp"
PENDING_SECONDS = 5 * 60
# The login form's credentials (the cookie helper): the one password route that leads a member
# who must still enrol a second factor to the enrolment page.
COOKIE_AUTH = "credentials_cookie_auth"
# Set by POST @login: a password checked there asks for the code too.
SIGN_IN_MARK = "clusterpolisee.signin.asks_code"
# What the plugin found out about this request's sign-in (for the form and @login).
OUTCOME_KEY = "clusterpolisee.signin.outcome"
WRONG = "wrong"
LOCKED = "locked"
CODE_NEEDED = "code-needed"
ENROL_FIRST = "enrol-first"

# The same answer for a wrong password and an unknown login.
WRONG_PASSWORD = _(
    "error_sign_in_failed",
    default="Login failed: the login name or the password is not right. Passwords are case "
    "sensitive: check that caps lock is not enabled.",
)

# Checked against the password of a login that has no account, so that an unknown login costs
# the same time as a known one.
_UNKNOWN_ACCOUNT_HASH = pw_encrypt(b"no account has this password")


def settings():
    """(attempts, window in seconds) of the lock after wrong passwords."""
    attempts = api.portal.get_registry_record(f"{SETTINGS_PREFIX}.lockout_attempts", default=5)
    minutes = api.portal.get_registry_record(f"{SETTINGS_PREFIX}.lockout_minutes", default=15)
    return attempts or 5, (minutes or 15) * 60


def login_key(login):
    """The key of a login's failures: the same for every spelling of its case."""
    return (login or "").strip().lower()


def outcome(request):
    """``(what, detail)`` of this request's last password sign-in, or None."""
    return request.other.get(OUTCOME_KEY) if request is not None else None


def _tell(request, what, **detail):
    if request is not None:
        request.other[OUTCOME_KEY] = (what, detail)


def lock_message(until):
    """What a person is told while their login waits."""
    minutes = max(1, math.ceil((until - time.time()) / 60))
    return _(
        "error_sign_in_paused",
        default="Too many wrong passwords or codes for this account: signing in waits "
        "${minutes} more minutes, whatever the password.",
        mapping={"minutes": minutes},
    )


def _signing_key():
    return getUtility(IKeyManager).secret().encode()


def pending_token(user_id, login, now=None):
    """A token that stands for "this login's password was right" for a few minutes: what the
    code step carries instead of the password. Useless without a code."""
    payload = json.dumps(
        {"u": user_id, "l": login, "e": int((now or time.time()) + PENDING_SECONDS)}
    )
    body = base64.urlsafe_b64encode(payload.encode()).decode()
    signature = hmac.new(_signing_key(), body.encode(), hashlib.sha256).hexdigest()
    return f"{body}.{signature}"


def read_pending_token(token):
    """``(user id, login)`` of a valid, unexpired token, else None."""
    if not isinstance(token, str) or token.count(".") != 1:
        return None
    body, signature = token.split(".")
    expected = hmac.new(_signing_key(), body.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(body.encode()))
        user_id, login, expires = payload["u"], payload["l"], payload["e"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(user_id, str) or not isinstance(login, str) or expires < time.time():
        return None
    return user_id, login


def _refuse_odd_login_body(request):
    """A JSON body with a login and a password that are not both text is a bad request.

    plone.restapi's JWT plugin hands such a body to PAS as credentials, whose lower-casing of
    logins then fails with a TypeError (a 500): said here first, as a 400 with a message.
    """
    if request.get("REQUEST_METHOD") != "POST" or request.getHeader("Content-Type") != (
        "application/json"
    ):
        return
    try:
        body = json_body(request)
    except DeserializationError:
        return
    # Only what the JWT plugin takes for credentials: a body with both keys.
    if not isinstance(body, dict) or "login" not in body or "password" not in body:
        return
    if not (isinstance(body["login"], str) and isinstance(body["password"], str)):
        raise BadRequest("Login and password must be text.")


def _encodable(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: bytes that were no UTF-8
        return False
    return True


def _known_login(passwords, login):
    try:
        return passwords is not None and passwords.getUserIdForLogin(login) is not None
    except KeyError:
        return False


def _code_from(credentials, request):
    """The code given with the password: in the credentials (plone.restapi's JWT plugin
    extracts the whole body of POST @login, ``otp`` included), else in the request's form."""
    code = credentials.get("otp")
    if not isinstance(code, str) and request is not None:
        code = request.form.get(CODE_FIELD)
    return code if isinstance(code, str) else None


@implementer(IAuthenticationPlugin, IExtractionPlugin)
class SignInPlugin(BasePlugin):
    """Checks passwords for the site's user folder, with a lock and a second factor."""

    meta_type = "ClusterPoliSEE Sign-in"
    security = ClassSecurityInfo()

    def __init__(self, id, title=None):
        self._setId(id)
        self.title = title
        # login key -> (times of recent failures, locked until)
        self._failures = OOBTree()

    # IExtractionPlugin: the login form's code step carries a token and a code, no password.
    @security.private
    def extractCredentials(self, request):
        _refuse_odd_login_body(request)
        token = request.form.get(PENDING_FIELD)
        code = request.form.get(CODE_FIELD)
        if isinstance(token, str) and isinstance(code, str) and token:
            if not (token.isascii() and _encodable(code)):
                return {}  # no token of ours, no code: not credentials (PAS would fail on them)
            return {"clusterpolisee_pending": token, "otp": code}
        return {}

    # IAuthenticationPlugin
    @security.private
    def authenticateCredentials(self, credentials):
        request = getRequest()
        if "clusterpolisee_pending" in credentials:
            return self._second_step(credentials, request)
        login, password = credentials.get("login"), credentials.get("password")
        if not isinstance(login, str) or not isinstance(password, str) or not login:
            return None  # not a password: a session cookie, a token, another plugin's
        # Logins in any case (accounts.py): PAS lower-cases extracted logins, but not those of
        # its authenticate() (plone.restapi's @login, the password form).
        login = self._getPAS().applyTransform(login)
        credentials = {**credentials, "login": login}
        # PAS may ask more than once per request: decide, count and tell once.
        memo = request.other.setdefault("clusterpolisee.signin.memo", {}) if request else {}
        memo_key = (login, hashlib.sha256(password.encode()).hexdigest())
        if memo_key not in memo:
            memo[memo_key] = self._first_step(credentials, login, password, request)
        return memo[memo_key]

    def _first_step(self, credentials, login, password, request):
        key = login_key(login)
        locked_until = self.locked_until(key)
        if locked_until:
            _tell(request, LOCKED, until=locked_until)
            return None
        passwords = self._passwords()
        found = passwords.authenticateCredentials(credentials) if passwords is not None else None
        if not found:
            if not _known_login(passwords, login):
                pw_validate(_UNKNOWN_ACCOUNT_HASH, password)
            self.record_failure(key, request)
            return None
        user_id, user_login = found
        # A password given to sign in (the login form, basic authentication, a JSON body, @login)
        # asks for the code; the password form's check of the current password does not.
        extractor = credentials.get("extractor")
        rest_sign_in = request is not None and bool(request.other.get(SIGN_IN_MARK))
        signing_in = extractor is not None or rest_sign_in
        if (
            (rest_sign_in or extractor not in (None, COOKIE_AUTH))
            and not twofactor.is_enrolled(user_id)
            and twofactor.must_enrol(user_id)
        ):
            # Enrolling happens on the website, before anything else (twofactor.py sends the
            # browser there): no other route signs such a member in with a password alone.
            _tell(request, ENROL_FIRST)
            return None
        if signing_in and twofactor.is_enrolled(user_id):
            code = _code_from(credentials, request)
            if not code:
                _tell(request, CODE_NEEDED, token=pending_token(user_id, user_login))
                return None
            if not twofactor.verify_code(user_id, code):
                if not self.record_failure(key, request):
                    token = pending_token(user_id, user_login)
                    _tell(request, CODE_NEEDED, token=token, wrong=True)
                return None
        self.forget_failures(key)
        return found

    def _second_step(self, credentials, request):
        pending = read_pending_token(credentials["clusterpolisee_pending"])
        if pending is None:
            _tell(request, WRONG, expired=True)
            return None
        user_id, login = pending
        key = login_key(login)
        locked_until = self.locked_until(key)
        if locked_until:
            _tell(request, LOCKED, until=locked_until)
            return None
        if not twofactor.verify_code(user_id, credentials.get("otp") or ""):
            if not self.record_failure(key, request):
                _tell(request, CODE_NEEDED, token=credentials["clusterpolisee_pending"], wrong=True)
            return None
        self.forget_failures(key)
        return user_id, login

    def _passwords(self):
        return getattr(self._getPAS(), PASSWORDS_PLUGIN_ID, None)

    # The lock
    def locked_until(self, key, now=None):
        """The time until which ``key``'s sign-in waits, or None."""
        entry = self._failures.get(key)
        if not entry:
            return None
        until = entry[1]
        return until if until and until > (now or time.time()) else None

    def record_failure(self, key, request=None):
        """Count a wrong password for ``key``, in a transaction of its own; lock the login when
        the count reaches the limit, and tell the account's owner. Returns the time the login
        waits until, or None."""
        attempts, window = settings()
        now = time.time()
        locked = self._change_failures(key, _add_failure(now, attempts, window))
        if locked:
            _tell(request, LOCKED, until=locked)
            if locked == now + window:  # locked by this failure, not waiting already
                self._tell_owner(key)
        else:
            _tell(request, WRONG)
        return locked

    def forget_failures(self, key):
        if key in self._failures:
            self._change_failures(key, lambda entry: None)

    def _change_failures(self, key, change):
        """Apply ``change`` (entry -> new entry or None) to ``key``'s failures, committed at once
        through a connection of its own (retried on a conflict); returns the new lock time."""
        if self._p_jar is None:  # not stored yet (a test's fresh plugin): change in place
            return _store(self._failures, key, change(self._failures.get(key)))
        for attempt in range(3):
            manager = transaction.TransactionManager()
            connection = self._p_jar.db().open(transaction_manager=manager)
            try:
                failures = connection.get(self._p_oid)._failures
                locked = _store(failures, key, change(failures.get(key)))
                manager.commit()
                return locked
            except ConflictError:
                manager.abort()
                if attempt == 2:
                    logger.warning("Could not record a failed sign-in for %r", key)
            finally:
                connection.close()
        return None

    def _tell_owner(self, key):
        """Mail the owner of the account (if any) that its sign-in waits, in their language."""
        user = api.user.get(username=key)
        email = (user.getProperty("email", "") or "").strip() if user is not None else ""
        if not email:
            return
        language = notifications.recipient_language(user)
        attempts, window = settings()
        portal = api.portal.get()
        mapping = {"site": portal.Title(), "attempts": attempts, "minutes": window // 60}
        subject = _("Sign-in to your account on ${site} paused", mapping=mapping)
        text = _(
            "Someone entered a wrong password or code for your account on ${site} ${attempts} "
            "times. Signing in to your account waits ${minutes} minutes, whatever the password. "
            "If it was not you, choose a new password once the wait is over, and enable "
            "two-factor sign-in:",
            mapping=mapping,
        )
        body = (
            f"{notifications.translate_for(text, language)}\n\n"
            f"{portal.absolute_url()}/@@two-factor\n"
        )
        try:
            # At once: the request that locked the account may end in an aborted transaction.
            api.portal.get_tool("MailHost").send(
                body,
                mto=email,
                mfrom=api.portal.get_registry_record("plone.email_from_address", default="")
                or "noreply@localhost",
                subject=notifications.translate_for(subject, language),
                charset="utf-8",
                immediate=True,
            )
        except Exception:
            logger.warning("Could not tell %s that sign-in to the account paused", key)


InitializeClass(SignInPlugin)


def _add_failure(now, attempts, window):
    def change(entry):
        times, until = entry or ((), None)
        if until and until > now:
            return entry  # waiting already: attempts meanwhile don't prolong the wait
        recent = (*tuple(moment for moment in times if moment > now - window), now)
        if len(recent) >= attempts:
            return (), now + window
        return recent, None

    return change


def _store(failures, key, entry):
    if entry is None:
        if key in failures:
            del failures[key]
        return None
    failures[key] = entry
    until = entry[1]
    return until


def install_plugin(portal=None):
    """Add the plugin to the site's user folder, first among the authentication plugins, and
    deactivate the user folder's own password check (the plugin calls it)."""
    pas = (portal or api.portal.get()).acl_users
    if PLUGIN_ID not in pas.objectIds():
        pas._setObject(PLUGIN_ID, SignInPlugin(PLUGIN_ID, title="ClusterPoliSEE sign-in"))
    plugins = pas.plugins
    for interface in (IAuthenticationPlugin, IExtractionPlugin):
        active = [plugin_id for plugin_id, _plugin in plugins.listPlugins(interface)]
        if PLUGIN_ID not in active:
            plugins.activatePlugin(interface, PLUGIN_ID)
            active.append(PLUGIN_ID)
        while active.index(PLUGIN_ID) > 0:
            plugins.movePluginsUp(interface, [PLUGIN_ID])
            active = [plugin_id for plugin_id, _plugin in plugins.listPlugins(interface)]
    if PASSWORDS_PLUGIN_ID in [p for p, _plugin in plugins.listPlugins(IAuthenticationPlugin)]:
        plugins.deactivatePlugin(IAuthenticationPlugin, PASSWORDS_PLUGIN_ID)


def uninstall_plugin(portal=None):
    """Give the user folder its own password check back."""
    pas = (portal or api.portal.get()).acl_users
    plugins = pas.plugins
    if PASSWORDS_PLUGIN_ID in pas.objectIds() and PASSWORDS_PLUGIN_ID not in [
        p for p, _plugin in plugins.listPlugins(IAuthenticationPlugin)
    ]:
        plugins.activatePlugin(IAuthenticationPlugin, PASSWORDS_PLUGIN_ID)
    if PLUGIN_ID in pas.objectIds():
        pas._delObject(PLUGIN_ID)


def plugin(portal=None):
    return getattr((portal or api.portal.get()).acl_users, PLUGIN_ID, None)
