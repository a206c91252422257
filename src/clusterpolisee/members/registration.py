"""The rules of registration, the same for the registration form (and the administrator's
add-user form) and for plone.restapi's ``POST @users``:

- a registrant agrees to the privacy notice;
- asks only for a tier a registrant may ask for (``RequestedTiers``): never the coordinators' or
  the STC's, which the coordinator alone gives;
- takes no login that differs from another's only by case, and makes no account with an e-mail
  address another account has (in any case): the registrant is answered as any other and the
  address's owner is told (authentication/accounts.py);
- over REST, fills the registration form's fields as the form would, and no others.

``rule_problem`` is the one check of a field's value beyond its type; the form's validator and
``registration_problems`` (REST) both call it.

The coordinators are told of every registrant (``registrant_created``), by e-mail with a link to
the membership requests, whichever way the person registered.
"""

from clusterpolisee import _
from clusterpolisee.core.fields import check_web_address
from clusterpolisee.members.tiers import TIER_GROUP_IDS
from clusterpolisee.members.vocabularies import REQUESTED_TIERS
from clusterpolisee.messaging import notifications
from plone import api
from plone.app.users.browser.register import AddUserForm
from plone.app.users.browser.register import BaseRegistrationForm
from plone.app.users.browser.register import getRegisterSchema
from plone.restapi.interfaces import IFieldDeserializer
from z3c.form import validator
from zope.component import queryMultiAdapter
from zope.globalrequest import getRequest
from zope.interface import Invalid
from zope.schema import getFieldsInOrder
from zope.schema import ValidationError
from zope.schema.interfaces import ConstraintNotSatisfied
from zope.schema.interfaces import RequiredMissing
import logging
import transaction


logger = logging.getLogger(__name__)

CONSENT_FIELD = "privacy_consent"  # from profiles/default/userschema.xml
TIER_FIELD = "requested_tier"
# What plone.restapi's @users takes besides the member's fields (it checks who may send which).
ACCOUNT_KEYS = frozenset(("username", "email", "password", "roles", "sendPasswordReset"))
# The registration form's own fields that are no member data (plone.app.users).
FORM_ONLY_FIELDS = frozenset(("password", "password_ctl", "mail_me"))


def _use_email_as_login():
    return api.portal.get_registry_record("plone.use_email_as_login", default=False)


def email_holders(email):
    """The ids of the accounts whose e-mail address is ``email``, in any case."""
    wanted = email.strip().lower()
    holders = []
    for info in api.portal.get_tool("acl_users").searchUsers(email=wanted):
        user = api.user.get(userid=info["id"])
        if user is not None and (user.getProperty("email", "") or "").strip().lower() == wanted:
            holders.append(info["id"])
    return sorted(set(holders))


def email_taken(email, but=None):
    """Whether an account (other than the one with the id ``but``) has this e-mail address, in
    any case."""
    return any(holder != but for holder in email_holders(email))


def login_taken(login):
    """Whether an account's login name or user id is ``login``, in any case."""
    pas = api.portal.get_tool("acl_users")
    wanted = login.strip().lower()
    found = [*pas.searchUsers(login=wanted), *pas.searchUsers(id=wanted)]
    return any((info.get(key) or "").lower() == wanted for info in found for key in ("login", "id"))


def rule_problem(name, value, registering=False):
    """The platform's rule for the registration field ``name``: a message, or None.

    A person ``registering`` is not told that an account has the address they gave: they are
    answered as any registrant, no account is made and the address's owner is told
    (authentication/accounts.py). Who manages users, and a member changing their address, are
    told."""
    if name == CONSENT_FIELD and value is not True:
        return _("Please agree to the privacy notice: the platform cannot register you without it.")
    if name == TIER_FIELD and value not in dict(REQUESTED_TIERS):
        return _("Ask for one of the memberships offered: the coordinator gives the other tiers.")
    if not isinstance(value, str) or not value.strip():
        return None
    if name == "email" and (
        (not registering and email_taken(value)) or (_use_email_as_login() and login_taken(value))
    ):
        return _(
            "An account with this e-mail address exists already: sign in, or ask for a new "
            "password on the login page."
        )
    if name == "username" and login_taken(value):
        return _("The login name ${name} is taken: choose another.", mapping={"name": value})
    return None


def registration_problems(data):
    """{field: message} for the data of one new account sent to ``POST @users``: the fields the
    registration form shows, each as the form would take it, and no other member data."""
    portal, request = api.portal.get(), getRequest()
    fields = dict(getFieldsInOrder(getRegisterSchema()))
    problems = {
        key: _("This is not a field of the registration form.")
        for key in data
        if key not in fields and key not in ACCOUNT_KEYS
    }
    for name, field in fields.items():
        if name in FORM_ONLY_FIELDS:
            continue
        value = data.get(name)
        if value is None or value == "" or value == []:
            if field.required and not (name == "username" and _use_email_as_login()):
                problems[name] = RequiredMissing(name).doc()
            continue
        deserializer = queryMultiAdapter((field, portal, request), IFieldDeserializer)
        try:
            value = deserializer(value) if deserializer is not None else value
        except ConstraintNotSatisfied:
            problems[name] = rule_problem(name, value, registering=True) or _(
                "'${value}' is not one of the allowed values.", mapping={"value": str(value)}
            )
            continue
        except ValidationError as error:
            problems[name] = rule_problem(name, value, registering=True) or error.doc()
            continue
        except (ValueError, TypeError, AttributeError):
            problems[name] = rule_problem(name, value, registering=True) or _(
                "This value cannot be read."
            )
            continue
        problem = rule_problem(name, value, registering=True)
        if problem is not None:
            problems[name] = problem
    return problems


def identity_problems(data):
    """{field: message} for an account made by who manages users: an e-mail address and a login
    no other account has, in any case (``rule_problem``)."""
    problems = {}
    for name in ("email", "username"):
        value = data.get(name)
        problem = rule_problem(name, value) if isinstance(value, str) and value else None
        if problem is not None:
            problems[name] = problem
    return problems


def profile_change_problems(user_id, data, manager=False):
    """{field: message} for a change of the account ``user_id``'s data over REST (``PATCH
    @users``): the registration rules still hold after registering. An e-mail address no other
    account has; a home page on the web; and, unless who manages users changes it, only the
    memberships a registrant may ask for and the privacy consent kept (withdrawing it is
    deleting the account, ``@@delete-my-account``)."""
    problems = {}
    email = data.get("email")
    if isinstance(email, str) and email.strip() and email_taken(email, but=user_id):
        problems["email"] = rule_problem("email", email)
    home_page = data.get("home_page")
    if isinstance(home_page, str) and home_page.strip():
        try:
            check_web_address(home_page.strip())
        except ValidationError as error:
            problems["home_page"] = error.doc()
    if not manager:
        for name in (CONSENT_FIELD, TIER_FIELD):
            if name in data:
                problem = rule_problem(name, data[name])
                if problem is not None:
                    problems[name] = problem
    return problems


def registrant_created(event):
    """An account was made: when the person made it themselves (who manages users makes
    accounts without asking anyone), tell the coordinators once the registration is stored.

    The registration form and ``POST @users`` store the registrant's profile after the account
    is made, so the message is written when the transaction commits."""
    try:
        portal = api.portal.get()
    except api.exc.CannotGetPortalError:
        return
    if api.user.has_permission("Manage users", obj=portal):
        return
    transaction.get().addBeforeCommitHook(tell_coordinators, (event.principal.getId(),))


def tell_coordinators(user_id):
    """E-mail the coordinators (as each chose in their notification settings) and the
    platform's coordinator address (Site Setup, "ClusterPoliSEE platform") that ``user_id``
    waits for approval, with a link to ``@@member-approvals``. Returns who was told."""
    user = api.user.get(userid=user_id)
    if user is None:
        return []
    groups = {group.getId() for group in api.group.get_groups(user=user)}
    if groups & set(TIER_GROUP_IDS):
        return []  # approved already: nothing waits
    portal = api.portal.get()
    tier = dict(REQUESTED_TIERS).get(user.getProperty("requested_tier", "") or "")
    mapping = {
        "name": user.getProperty("fullname", "") or user_id,
        "email": user.getProperty("email", "") or "",
        "organisation": user.getProperty("organisation", "") or "",
        "tier": tier or "",  # a message: each coordinator reads it in their own language
        "site": portal.Title(),
    }
    subject = _("New registrant waiting for approval: ${name}", mapping=mapping)
    text = _(
        "${name} (${email}, ${organisation}) registered on ${site} and asks for this "
        "membership: ${tier}. Approve or reject the request on the membership requests page:",
        mapping=mapping,
    )
    url = f"{portal.absolute_url()}/@@member-approvals"
    coordinators = api.user.get_users(groupname="coordinators")
    told = notifications.notify(
        [coordinator.getId() for coordinator in coordinators], subject, text, url
    )
    address = api.portal.get_registry_record("clusterpolisee.coordinator_email", default="") or ""
    known = {
        (coordinator.getProperty("email", "") or "").strip().lower() for coordinator in coordinators
    }
    if address.strip() and address.strip().lower() not in known:
        # An address, not a member: in the site's language.
        language = notifications.site_language()
        try:
            api.portal.send_email(
                recipient=address.strip(),
                subject=notifications.translate_for(subject, language),
                body=f"{notifications.translate_for(text, language)}\n\n{url}\n",
            )
        except ValueError:
            logger.warning(
                "Mail is not configured; %s's registration not sent to %s", user_id, address
            )
        else:
            told.append(address.strip())
    return told


class RegistrationRulesValidator(validator.SimpleFieldValidator):
    """The registration form's fields follow ``rule_problem`` (Plone's Bool field would take an
    unticked consent; its login check is blind to case; it lets e-mail addresses repeat)."""

    def validate(self, value):
        super().validate(value)
        # Registrants are not told an address is in use; who adds a user (@@new-user) is.
        registering = not isinstance(self.view, AddUserForm)
        problem = rule_problem(self.field.__name__, value, registering=registering)
        if problem is not None:
            raise Invalid(problem)


# The member schema is built from userschema.xml at run time: discriminate by form alone.
validator.WidgetValidatorDiscriminators(RegistrationRulesValidator, view=BaseRegistrationForm)
