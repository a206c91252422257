"""Nothing tells a stranger whether an account exists, and no two accounts differ only by case.

- **Password reset.** Plone's "Lost Password" form (``@@mail_password``), the login help form
  (``@@login-help``, "Reset your password") and plone.restapi's ``POST
  @users/<login>/reset-password`` answer the same whether the login name or e-mail address
  belongs to an account or not (``request_password_reset``); the mail goes only to a real
  account's address. Stock Plone says "The username you entered could not be found." and
  plone.restapi answers 404.
- **Registration.** Registering (the form or ``POST @users``) with an e-mail address an account
  has, in any case, answers as a registration does, makes no account, and tells the address's
  owner, in their language, with a link to set a new password (``tell_address_owner``). User
  names stay public handles (an author's page, ``/author/<id>``): "this login name is taken" is
  said, as it is by every site that shows them.
- **Case.** The site's user folder lowercases logins (PAS ``login_transform``): "Luca.Bianchi"
  signs in as luca.bianchi, and new accounts get lower-case ids and logins (``user_id_for``).
  ``lowercase_logins`` turns it on and converts the logins a site has; setup and the upgrade
  call it. E-mail addresses are compared in any case on every route that sets one
  (members/registration.py, ``email_taken``; the personal information form, ``EmailInUse``).
- **Login.** The login form and ``POST @login`` give one message for an unknown account and a
  wrong password (Plone's, kept by the sign-in plugin, signin.py).
"""

from AccessControl import getSecurityManager
from AccessControl import Unauthorized
from clusterpolisee import _
from clusterpolisee.members import registration as rules
from clusterpolisee.messaging.notifications import recipient_language
from clusterpolisee.messaging.notifications import translate_for
from plone import api
from plone.app.users.browser.register import RegistrationForm
from plone.app.users.browser.userdatapanel import UserDataPanel
from plone.app.users.utils import generate_login_name
from plone.app.users.utils import generate_user_id
from plone.base import PloneMessageFactory as PMF
from plone.restapi import _ as RestMF
from plone.restapi.interfaces import ISerializeToJson
from Products.CMFPlone.browser.login import login_help
from Products.CMFPlone.RegistrationTool import get_member_by_login_name
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from smtplib import SMTPException
from z3c.form import button
from z3c.form import validator
from zope.component import getMultiAdapter
from zope.component import queryMultiAdapter
from zope.interface import Invalid
import logging
import os
import transaction


logger = logging.getLogger(__name__)

LOWER = "lower"
# What plone.restapi's @users takes besides the member's fields.
ACCOUNT_KEYS = rules.ACCOUNT_KEYS


# Finding an account -------------------------------------------------------------------------


def find_account(name):
    """The member whose login name or user id is ``name`` (the user folder matches logins in
    any case), else the one account whose e-mail address is ``name`` in any case; or None."""
    if not isinstance(name, str) or not name.strip():
        return None
    name = name.strip()
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return None  # bytes that are no text (Zope keeps them as surrogates): nobody's login
    portal = api.portal.get()
    member = get_member_by_login_name(portal, name, raise_exceptions=False)
    if member is None and "@" in name:
        holders = rules.email_holders(name)
        if len(holders) == 1:
            member = api.portal.get_tool("portal_membership").getMemberById(holders[0])
    return member


# Password reset -----------------------------------------------------------------------------


def request_password_reset(name, request):
    """Mail a link to set a new password to the account whose login name or address is
    ``name``, if there is one. Returns whether a mail went; the caller answers the same either
    way. Plone's own refusals that depend on the account (no address, an address the mail
    server refuses, an account that may not set its password) are logged, not told."""
    portal = api.portal.get()
    if not getSecurityManager().checkPermission("Mail forgotten password", portal):
        # Switched off for everyone: that may be said, it tells nothing about an account.
        raise Unauthorized(PMF("Mailing forgotten passwords has been disabled."))
    member = find_account(name)
    if member is None:
        logger.info("Password reset asked for %r: no such account, no mail sent", name)
        return False
    try:
        api.portal.get_tool("portal_registration").mailPassword(member.getId(), request)
    except (ValueError, Unauthorized, SMTPException, OSError) as error:
        logger.info("Password reset for %s not sent: %s", member.getId(), error)
        return False
    return True


class MailPasswordView(BrowserView):
    """``@@mail_password``, the "Lost Password" form's action: the confirmation page for any
    name; the form again, with a message, for no name at all."""

    def __call__(self):
        name = self.request.form.get("userid", "")
        if not isinstance(name, str) or not name.strip():
            IStatusMessage(self.request).add(
                _("Enter your user name or e-mail address to reset your password."), "error"
            )
            self.request.response.redirect(f"{self.context.absolute_url()}/mail_password_form")
            return ""
        request_password_reset(name, self.request)
        # Any status message Plone queued on the way is not for this page (Plone's own
        # confirmation page shows none either).
        IStatusMessage(self.request).show()
        return getMultiAdapter((self.context, self.request), name="mail_password_response")()


class RequestResetPassword(login_help.RequestResetPassword):
    """The login help form's "Reset your password": by login name or address, the same
    message for any."""

    @button.handler(login_help.RequestResetPassword.buttons["reset"])
    def handleResetPassword(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        request_password_reset(data["reset_password"], self.request)
        IStatusMessage(self.request).addStatusMessage(
            PMF(
                "statusmessage_pwreset_password_mail_sent",
                default="An email has been sent with instructions on how to reset your password.",
            ),
            "info",
        )


class LoginHelpForm(login_help.LoginHelpForm):
    """``@@login-help`` with the reset above (Plone's page otherwise)."""

    index = ViewPageTemplateFile(
        "templates/login_help.pt", _prefix=os.path.dirname(login_help.__file__)
    )

    def update(self):
        # Plone's, with this module's reset form (its own would answer the request too).
        subforms = []
        if self.can_reset_password():
            subforms.append(RequestResetPassword(None, self.request))
        if not self.use_email_as_login() and self.can_retrieve_username():
            subforms.append(login_help.RequestUsername(None, self.request))
        for form in subforms:
            form.update()
        self.subforms = subforms
        super(login_help.LoginHelpForm, self).update()


class NoAccount:
    """Stands for the account a REST password change names when there is none, so that it is
    refused as a real one would be (an unknown token, a wrong old password), never with 404."""

    def __init__(self, login):
        self.login = login

    def getUser(self):
        return self

    def getUserName(self):
        return self.login

    def getId(self):
        return None


class EqualResetAnswers:
    """For plone.restapi's ``UsersPost``: ``POST @users/<login>/reset-password`` answers the
    same for a login or an address no account has as for a real one."""

    def _get_user_by_login_name(self, login):
        return find_account(login) or NoAccount(login)

    def update_password(self, data):
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            return self._error(
                400,
                "Invalid parameters",
                RestMF("See the user endpoint documentation for the valid parameters."),
            )
        if not data:
            # A request for the mail: plone.restapi's answer to a real account (200, null).
            request_password_reset(self.params[0], self.request)
            return None
        return super().update_password(data)


# Registration with an address an account has ------------------------------------------------


def tell_address_owner(member, request=None):
    """Mail ``member``, in their language, that someone tried to register with their address:
    if it was them, they have an account, and the link sets a new password for it."""
    email = (member.getProperty("email", "") or "").strip()
    if not email:
        return False
    portal = api.portal.get()
    resets = api.portal.get_tool("portal_password_reset")
    reset = resets.requestReset(member.getId())
    url = f"{portal.absolute_url()}/passwordreset/{reset['randomstring']}"
    mapping = {
        "site": portal.Title(),
        "email": email,
        "login": member.getUserName(),
        "days": int(resets.getExpirationTimeout() or 0),
    }
    language = recipient_language(member)
    subject = _("Someone tried to register on ${site} with your e-mail address", mapping=mapping)
    parts = (
        _(
            "Someone tried to register a new account on ${site} with your e-mail address "
            "${email}. No account was made: this address belongs to your account, whose login "
            "name is ${login}.",
            mapping=mapping,
        ),
        _(
            "If it was you, you need no new account: set a new password for yours with this "
            "link (valid for ${days} days), then sign in:",
            mapping=mapping,
        ),
        url,
        _(
            "If it was not you, ignore this message: your account and your password have not "
            "changed."
        ),
    )
    body = "\n\n".join(translate_for(part, language) for part in parts)
    try:
        api.portal.send_email(
            recipient=email,
            subject=translate_for(subject, language),
            body=f"{body}\n",
        )
    except (ValueError, SMTPException, OSError) as error:
        logger.warning("Registration with %s's address: owner not told (%s)", member.getId(), error)
        return False
    return True


def address_owner(email):
    """The member whose e-mail address ``email`` is, in any case; or None."""
    if not isinstance(email, str) or not email.strip():
        return None
    holders = rules.email_holders(email)
    return api.portal.get_tool("portal_membership").getMemberById(holders[0]) if holders else None


class AccountsRegistrationForm(RegistrationForm):
    """``@@register``: an address an account has gets the confirmation of any registration;
    no account is made, and the address's owner is told."""

    def handle_join_success(self, data):
        owner = address_owner(data.get("email"))
        if owner is None:
            return super().handle_join_success(data)
        logger.info(
            "Registration as %r with %s's address: no account made",
            data.get("username"),
            owner.getId(),
        )
        tell_address_owner(owner, self.request)
        self._finishedRegister = True
        return None


def registered_answer(service, data, location=True):
    """plone.restapi's answer to ``POST @users`` for a registration with an address an account
    has: what it answers when it makes the account (201, the account as JSON, its address), the
    account made only for the answer and undone, and the address's owner told."""
    portal = api.portal.get()
    request = service.request
    owner = address_owner(data.get("email"))
    data = dict(data)
    username, email = data.pop("username", None), data.pop("email", None)
    roles = data.pop("roles", ["Member"])
    for key in ACCOUNT_KEYS:
        data.pop(key, None)
    names = {"username": username, "email": email, "fullname": data.get("fullname", "")}
    user_id = generate_user_id(portal, names) or username or email
    login_name = generate_login_name(portal, names) or username or email
    properties = {**data, "username": user_id, "email": email}
    registration = api.portal.get_tool("portal_registration")
    savepoint = transaction.savepoint()
    try:
        member = registration.addMember(
            user_id, registration.generatePassword(), roles, properties=properties
        )
        if user_id != login_name:
            api.portal.get_tool("acl_users").updateLoginName(user_id, login_name)
        answer = queryMultiAdapter((member, request), ISerializeToJson)()
    except ValueError as error:
        # What plone.restapi answers when the account cannot be made: nobody is told.
        request.response.setStatus(400)
        return {
            "error": {"type": "MissingParameterError", "message": service.translate(error.args[0])}
        }
    finally:
        savepoint.rollback()
    if owner is not None:
        tell_address_owner(owner, request)
    request.response.setStatus(201)
    if location:
        request.response.setHeader("Location", f"{portal.absolute_url()}/@users/{user_id}")
    return answer


# Case ---------------------------------------------------------------------------------------


def user_id_for(data):
    """plone.app.users' user id generator (IUserIdGenerator): a user name chosen on the
    registration forms or sent to ``POST @users`` becomes the account's id as the user folder
    stores its login (lower case), so that the account it makes is found by its id. Other
    settings (ids from uuids, e-mail addresses as logins) keep Plone's own choice."""
    username = data.get("username") if isinstance(data, dict) else None
    if not isinstance(username, str) or not username.strip():
        return None
    registry = api.portal.get_registry_record
    if registry("plone.use_uuid_as_userid", default=False) or registry(
        "plone.use_email_as_login", default=False
    ):
        return None
    return api.portal.get_tool("acl_users").applyTransform(username)


def _login_managers(pas):
    """The user folder's plugins that store logins (the site's own, ``source_users``)."""
    return [plugin for plugin in pas.objectValues() if hasattr(plugin, "listUserInfo")]


def lowercase_logins(portal):
    """Make the site's user folder match logins in any case (PAS ``login_transform``
    "lower", as Plone's security control panel does for e-mail logins) and convert the logins
    its accounts have. Safe to run again.

    When logins differ only by case, nothing changes: they are reported, for who manages users
    to give one of them another login name, and this runs again. Addresses that several
    accounts share are reported too (they stay; registration refuses new ones). Returns
    ``{"clashes": {login: [user ids]}, "changed": [user ids], "shared_addresses": {address:
    [user ids]}}``.
    """
    pas = portal.acl_users
    logins, clashes = {}, {}
    accounts = [info for plugin in _login_managers(pas) for info in plugin.listUserInfo()]
    for info in accounts:
        logins.setdefault(info["login_name"].strip().lower(), []).append(info["user_id"])
    clashes = {login: sorted(ids) for login, ids in logins.items() if len(ids) > 1}
    shared = {}
    for info in accounts:
        member = api.user.get(userid=info["user_id"])
        address = (member.getProperty("email", "") or "").strip().lower() if member else ""
        if address:
            shared.setdefault(address, []).append(info["user_id"])
    report = {
        "clashes": clashes,
        "changed": [],
        "shared_addresses": {
            address: sorted(ids) for address, ids in shared.items() if len(ids) > 1
        },
    }
    if clashes:
        logger.error(
            "Logins that differ only by case, left as they are (give one of each another login "
            "name and run this again): %s",
            clashes,
        )
        return report
    before = {info["user_id"]: info["login_name"] for info in accounts}
    pas.login_transform = LOWER
    pas.updateAllLoginNames(quit_on_first_error=False)
    after = {
        info["user_id"]: info["login_name"]
        for plugin in _login_managers(pas)
        for info in plugin.listUserInfo()
    }
    report["changed"] = sorted(
        user_id for user_id, login in before.items() if after.get(user_id) != login
    )
    if report["shared_addresses"]:
        logger.warning(
            "E-mail addresses that several accounts share: %s", report["shared_addresses"]
        )
    return report


class EmailInUse(validator.SimpleFieldValidator):
    """The personal information form (and the users control panel's): an e-mail address no
    other account has, in any case."""

    def validate(self, value):
        super().validate(value)
        if self.field.__name__ != "email" or not isinstance(value, str) or not value.strip():
            return
        # The account the form changes: the schema's adapter knows it (plone.app.users).
        member = getattr(self.field.interface(self.view.getContent(), None), "context", None)
        user_id = member.getId() if member is not None else None
        if rules.email_taken(value, but=user_id):
            raise Invalid(_("Another account has this e-mail address: enter your own."))


validator.WidgetValidatorDiscriminators(EmailInUse, view=UserDataPanel)
