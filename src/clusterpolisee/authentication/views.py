"""The login form's answers (signin.py): the same message for a wrong password and an unknown
login, the wait after too many, and the step that asks for the code of a second factor."""

from clusterpolisee import _
from clusterpolisee.authentication import signin
from plone.base import PloneMessageFactory as PMF
from plone.protect.interfaces import IDisableCSRFProtection
from Products.CMFPlone.browser.login.login import LoginForm
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from z3c.form import button
from zope.component import getMultiAdapter
from zope.interface import alsoProvides


class SignInForm(LoginForm):
    """Plone's login form; after a right password of a member enrolled in two-factor sign-in it
    shows the code step instead (``code_token`` set)."""

    index = ViewPageTemplateFile("templates/signin_login.pt")
    code_token = None
    code_error = None

    @button.buttonAndHandler(PMF("Log in"), name="login")
    def handleLogin(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        if not self._anonymous():
            came_from = data.get("came_from")
            return self._signed_in({"came_from": came_from if self.in_site(came_from) else None})
        self.request.response.expireCookie("__ac", path="/")
        self.answer_failure()

    def _signed_in(self, data):
        """Plone's work after a sign-in, then on to where the person came from (a page of this
        site only)."""
        is_initial_login = self._post_login()
        IStatusMessage(self.request).addStatusMessage(
            PMF("you_are_now_logged_in", default="Welcome! You are now logged in."), "info"
        )
        self.redirect_after_login(data.get("came_from"), is_initial_login)

    def _anonymous(self):
        return self.context.portal_membership.isAnonymousUser()

    def answer_failure(self):
        """Say why nobody signed in: the code step, the wait, or a wrong password."""
        what, detail = signin.outcome(self.request) or (signin.WRONG, {})
        messages = IStatusMessage(self.request)
        if what == signin.CODE_NEEDED:
            self.code_token = detail["token"]
            if detail.get("wrong"):
                self.code_error = _(
                    "error_code_wrong", default="The code is not right. Enter a current code."
                )
        elif what == signin.LOCKED:
            messages.addStatusMessage(signin.lock_message(detail["until"]), "error")
        elif detail.get("expired"):
            messages.addStatusMessage(
                _(
                    "error_code_step_expired",
                    default="Signing in took too long. Enter your login name and password again.",
                ),
                "error",
            )
        else:
            messages.addStatusMessage(signin.WRONG_PASSWORD, "error")

    def came_from(self):
        """Where to go after signing in: a page of this site, else nowhere in particular."""
        came_from = self.request.form.get("came_from")
        if not self.in_site(came_from):
            came_from = self.get_came_from()
        return came_from or ""

    def in_site(self, url):
        # Plone's own check of where to go after signing in drops the host: ask the URL tool,
        # which reads it.
        return isinstance(url, str) and bool(url) and self.context.portal_url.isURLInPortal(url)


class SignInCode(BrowserView):
    """``@@login-code``: the code step's form posts here. The sign-in plugin has checked the token
    and the code while the request was authenticated; this finishes the sign-in as the login
    form would, or shows the code step again with what went wrong."""

    def __call__(self):
        # The token is the proof that the password was right: unguessable, short-lived, bound
        # to the account; it protects this form as plone.protect's token protects others (a
        # token made for the anonymous visitor cannot be checked once they are signed in).
        alsoProvides(self.request, IDisableCSRFProtection)
        form = getMultiAdapter((self.context, self.request), name="login")
        if self.request.method != "POST" or signin.PENDING_FIELD not in self.request.form:
            self.request.response.redirect(f"{self.context.absolute_url()}/login")
            return ""
        if not form._anonymous():
            came_from = self.request.form.get("came_from")
            form._signed_in({"came_from": came_from if form.in_site(came_from) else None})
            return ""
        form.update()
        form.answer_failure()
        return form.render()
