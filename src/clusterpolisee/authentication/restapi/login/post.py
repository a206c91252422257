"""POST @login: plone.restapi's sign-in, with the platform's lock and second factor.

Body: ``login``, ``password`` and, for a member enrolled in two-factor sign-in, ``otp`` (the
code from the authenticator app, or a recovery code). Answers:

- 200 with the token;
- 400 when the body lacks a login or a password, or holds something else than text;
- 401 ``Invalid credentials`` for a wrong password or an unknown login (the same answer);
- 401 ``Code required`` when the password was right and the code is missing or wrong;
- 401 ``Enrolment required`` for a member who must use a second factor and has not enrolled
  (enrolling happens on the website, at ``@@two-factor``; signin.py refuses the password);
- 429 ``Sign-in paused`` with ``Retry-After`` while the login waits after too many failures.
"""

from AccessControl.SecurityManagement import newSecurityManager
from clusterpolisee import _
from clusterpolisee.authentication import signin
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services.auth.login import Login as PloneLogin
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import alsoProvides
import math
import time


class Login(PloneLogin):
    def reply(self):
        try:
            data = json_body(self.request)
        except DeserializationError:
            data = None
        if not isinstance(data, dict) or not all(
            isinstance(data.get(key), str) for key in ("login", "password")
        ):
            return self._error(
                400,
                "Missing credentials",
                _("error_login_body", default="Login and password must be provided in body."),
            )
        code = data.get("otp")
        if code is not None and not isinstance(code, str):
            return self._error(
                400, "Bad request", _("error_otp_text", default="otp must be text (the code).")
            )
        self.request.other[signin.SIGN_IN_MARK] = True
        if code:
            self.request.form[signin.CODE_FIELD] = code
        # Disable CSRF protection: a sign-in has no token yet (as plone.restapi's).
        alsoProvides(self.request, IDisableCSRFProtection)
        login = data["login"]
        # As plone.restapi's, the password also in the request, where PlonePAS's post-login
        # work reads it.
        self.request.form["__ac_password"] = data["password"]
        user_folder = self._find_userfolder(login)
        plugin = self._token_plugin(user_folder)
        if plugin is None:
            return self._error(501, "Login failed", "JWT authentication plugin not installed.")
        user = user_folder.authenticate(login, data["password"], self.request)
        if not user:
            return self._failure()
        # This request acts as the member who signed in, whatever the JWT plugin extracted
        # while the request was traversed (nothing, when the body's type is not exactly JSON).
        newSecurityManager(self.request, user)
        login_view = getMultiAdapter((self.context, self.request), name="login")
        login_view._post_login()
        fullname = user.getProperty("fullname")
        return {"token": plugin.create_token(user.getId(), data={"fullname": fullname})}

    def _token_plugin(self, user_folder):
        """The JWT plugin of the user folder that holds the account (as plone.restapi's)."""
        plugins = user_folder._getOb("plugins", None)
        if plugins is None:
            return None
        for _plugin_id, authenticator in plugins.listPlugins(IAuthenticationPlugin):
            if authenticator.meta_type == "JWT Authentication Plugin":
                return authenticator
        return None

    def _find_userfolder(self, userid):
        # An unknown login is checked (and counted) by the site's user folder like a known one:
        # the answers, the lock included, are the same.
        return super()._find_userfolder(userid) or api.portal.get_tool("acl_users")

    def _failure(self):
        found = signin.outcome(self.request) or (signin.WRONG, {})
        what, detail = found
        if what == signin.LOCKED:
            seconds = max(0, math.ceil(detail["until"] - time.time()))
            self.request.response.setHeader("Retry-After", str(seconds))
            return self._error(429, "Sign-in paused", signin.lock_message(detail["until"]))
        if what == signin.ENROL_FIRST:
            return self._error(
                401,
                "Enrolment required",
                _(
                    "error_enrol_first",
                    default="This account must use two-factor sign-in. Sign in on the website "
                    "and enrol an authenticator app first.",
                ),
            )
        if what == signin.CODE_NEEDED:
            message = (
                _("error_code_wrong", default="The code is not right. Enter a current code.")
                if detail.get("wrong")
                else _(
                    "error_code_required",
                    default="Enter the code from your authenticator app in otp.",
                )
            )
            return self._error(401, "Code required", message)
        return self._error(401, "Invalid credentials", signin.WRONG_PASSWORD)

    def _error(self, status, kind, message):
        self.request.response.setStatus(status)
        return {"error": {"type": kind, "message": translate(message, context=self.request)}}
