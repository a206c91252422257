"""A second factor: a member's authenticator app (TOTP, RFC 6238) and single-use recovery codes.

What the sign-in (signin.py) and the ``@@two-factor`` page share:

- ``is_enrolled(userid)``, ``verify_code(userid, code)``: a current code from the app, accepted
  once (the last accepted time step is kept: a code of that step or an earlier one is refused),
  or an unused recovery code, used up by signing in with it.
- ``must_enrol(user_or_userid)``: a member of a group that the coordinator requires to use a
  second factor (``clusterpolisee.authentication.two_factor_groups``) who has not enrolled yet;
  ``force_enrolment`` sends such a member to ``@@two-factor`` before any other page.
- ``enrol``, ``confirm_enrolment``, ``new_recovery_codes``, ``disable``.

Everything is kept in the site (an annotation holding an OOBTree by user id), so that it is in
the database every Zope process of the site uses. The secret is shown only to the member, while
they set up their app; recovery codes are kept only as salted hashes.
"""

from AccessControl import getSecurityManager
from BTrees.OOBTree import OOBTree
from clusterpolisee import _
from clusterpolisee.authentication.interfaces import DEFAULT_TWO_FACTOR_GROUPS
from clusterpolisee.core.protect import plain_form
from clusterpolisee.interfaces import IClusterpoliseeLayer
from clusterpolisee.members.tiers import TIER_GROUPS
from persistent.mapping import PersistentMapping
from plone import api
from plone.base.interfaces import IPloneSiteRoot
from plone.keyring.interfaces import IKeyManager
from plone.protect import CheckAuthenticator
from plone.protect.utils import safeWrite
from plone.registry.interfaces import IRegistry
from plone.rest.interfaces import IAPIRequest
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zExceptions import BadRequest
from zExceptions import Forbidden
from zExceptions import Redirect
from zope.annotation.interfaces import IAnnotations
from zope.browserresource.interfaces import IResource
from zope.component import queryUtility
from zope.component.hooks import getSite
from zope.globalrequest import getRequest
from zope.interface import alsoProvides
from zope.interface import Interface
from zope.publisher.interfaces.browser import IBrowserView
import datetime
import hashlib
import hmac
import json
import pyotp
import qrcode
import qrcode.image.svg
import re
import secrets
import time


STORAGE_KEY = "clusterpolisee.authentication.twofactor"
GROUPS_RECORD = "clusterpolisee.authentication.two_factor_groups"
ISSUER = "ClusterPoliSEE"
INTERVAL = 30  # seconds a code of the app stands for (RFC 6238's default, every app's)
VALID_WINDOW = 1  # steps before and after the current one still accepted (clocks drift)
RECOVERY_CODES = 10
# Recovery codes: ten letters or digits that cannot be mistaken for one another (no 0/o, 1/l/i),
# about 50 bits each; shown as two groups of five.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_LENGTH = 10
# How long the page that shows a new secret may stay open before the member confirms it.
PENDING_SECONDS = 60 * 60
# Longer input is no code: refused before any work.
MAX_INPUT = 64
IGNORED = re.compile(r"[\s\-\u2010-\u2015]+")


# --- storage ------------------------------------------------------------------------------


def _site():
    site = getSite()
    if site is None or not IPloneSiteRoot.providedBy(site):
        try:
            site = api.portal.get()
        except api.exc.CannotGetPortalError:
            return None
    return site


def _storage(create=False):
    site = _site()
    if site is None:
        if create:
            raise api.exc.CannotGetPortalError("A second factor is kept in a Plone site.")
        return None
    annotations = IAnnotations(site)
    storage = annotations.get(STORAGE_KEY)
    if storage is None and create:
        storage = annotations[STORAGE_KEY] = OOBTree()
    return storage


def _record(userid):
    if not isinstance(userid, str) or not userid:
        return None
    storage = _storage()
    if storage is None:
        return None
    return storage.get(userid)


def _userid(user_or_userid):
    if isinstance(user_or_userid, str):
        return user_or_userid
    return getattr(user_or_userid, "getId", lambda: None)()


def is_enrolled(userid):
    """Whether the member with this user id signs in with a second factor."""
    return _record(userid) is not None


def enrolled_since(userid):
    """When the member set up their authenticator app (an aware datetime), or None."""
    record = _record(userid)
    return record["enrolled"] if record is not None else None


def recovery_codes_left(userid):
    record = _record(userid)
    return len(record["recovery"]) if record is not None else 0


# --- codes --------------------------------------------------------------------------------


def new_secret():
    """A new random secret for an authenticator app (base32, 160 bits)."""
    return pyotp.random_base32()


def _step(moment=None):
    return int((time.time() if moment is None else moment) // INTERVAL)


def _totp(secret):
    return pyotp.TOTP(secret, interval=INTERVAL)


def _normalised(code):
    """The code as the member meant it (without spaces or dashes, lower case), or None."""
    if isinstance(code, bool):
        return None
    if isinstance(code, int):
        return f"{code:06d}" if 0 <= code < 10**6 else None
    if not isinstance(code, str) or len(code) > MAX_INPUT:
        return None
    code = IGNORED.sub("", code).lower()
    return code or None


def _is_totp(code):
    return re.fullmatch(r"[0-9]{6}", code) is not None


def _matching_step(secret, code, after):
    """The time step within the window whose code is ``code`` and later than ``after``."""
    now = _step()
    totp = _totp(secret)
    for step in range(now - VALID_WINDOW, now + VALID_WINDOW + 1):
        if step > after and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _hash(salt, code):
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def _new_recovery_codes(record):
    codes = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
        for _ in range(RECOVERY_CODES)
    ]
    record["salt"] = secrets.token_hex(16)
    record["recovery"] = tuple(_hash(record["salt"], code) for code in codes)
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def _mark_safe(record):
    """Verifying a code writes (the step used, a recovery code used up), on requests that may
    come without plone.protect's token (a sign-in): this one object is meant to change."""
    request = getRequest()
    if request is not None and getattr(record, "_p_oid", None) is not None:
        safeWrite(record, request)


def verify_code(userid, code):
    """Whether ``code`` is a current code of the member's app not used before, or one of their
    unused recovery codes. A code accepted is used up. Never raises on any input."""
    record = _record(userid)
    code = _normalised(code)
    if record is None or code is None:
        return False
    if _is_totp(code):
        step = _matching_step(record["secret"], code, record.get("last_step", -1))
        if step is None:
            return False
        record["last_step"] = step
        _mark_safe(record)
        return True
    if len(code) != RECOVERY_LENGTH:
        return False
    hashed = _hash(record["salt"], code)
    remaining = tuple(
        known for known in record["recovery"] if not hmac.compare_digest(known, hashed)
    )
    if len(remaining) == len(record["recovery"]):
        return False
    record["recovery"] = remaining
    _mark_safe(record)
    return True


def enrol(userid, secret, step=None):
    """Turn on the second factor for ``userid`` with ``secret``; return ten new recovery codes
    (shown to the member once). ``step``: the time step whose code the member already used."""
    _totp(secret).byte_secret()  # a valid secret, or ValueError
    storage = _storage(create=True)
    record = PersistentMapping(
        {
            "secret": secret,
            "enrolled": datetime.datetime.now(datetime.UTC),
            "last_step": -1 if step is None else step,
        }
    )
    codes = _new_recovery_codes(record)
    storage[userid] = record
    return codes


def confirm_enrolment(userid, secret, code):
    """Enrol ``userid`` with ``secret`` if ``code`` is a current code of it (the member's app
    has it right); return the recovery codes, or None (nothing is stored)."""
    code = _normalised(code)
    if code is None or not _is_totp(code):
        return None
    try:
        step = _matching_step(secret, code, -1)
    except (TypeError, ValueError):  # not base32, or too short
        return None
    if step is None:
        return None
    return enrol(userid, secret, step=step)


def new_recovery_codes(userid):
    """Ten new recovery codes for an enrolled member (the old ones stop working)."""
    record = _record(userid)
    if record is None:
        return []
    return _new_recovery_codes(record)


def disable(userid):
    """Turn the second factor off for ``userid`` (nothing happens if it was off)."""
    storage = _storage()
    if storage is not None and isinstance(userid, str) and userid in storage:
        del storage[userid]


def provisioning_uri(secret, login):
    """The ``otpauth://`` address an authenticator app reads from the QR code."""
    return _totp(secret).provisioning_uri(name=login, issuer_name=ISSUER)


def qr_code_svg(uri, label):
    """The QR code of ``uri`` as inline SVG markup, with ``label`` as its text alternative."""
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, border=4)
    markup = image.to_string(encoding="unicode")
    markup = re.sub(r'^<svg width="[^"]*" height="[^"]*"', "<svg", markup)
    label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return markup.replace(
        "<svg ", f'<svg class="two-factor-qr" role="img" aria-label="{label}" ', 1
    )


def grouped(secret):
    """The secret in groups of four characters, easier to read and type."""
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


# --- wrong codes on the page ----------------------------------------------------------------


def _lockout():
    registry = queryUtility(IRegistry)
    attempts = registry.get("clusterpolisee.authentication.lockout_attempts", 5) if registry else 5
    minutes = registry.get("clusterpolisee.authentication.lockout_minutes", 15) if registry else 15
    return attempts or 5, (minutes or 15) * 60


def waiting(userid):
    """Whether the member gave too many wrong codes on the page lately (the settings'
    lock after wrong passwords): changes to their second factor wait."""
    record = _record(userid)
    if record is None:
        return False
    attempts, seconds = _lockout()
    recent = [moment for moment in record.get("failures", ()) if moment > time.time() - seconds]
    return len(recent) >= attempts


def note_wrong_code(userid):
    record = _record(userid)
    if record is None:
        return
    _attempts, seconds = _lockout()
    now = time.time()
    record["failures"] = (
        *(moment for moment in record.get("failures", ()) if moment > now - seconds),
        now,
    )


def clear_wrong_codes(userid):
    record = _record(userid)
    if record is not None and record.get("failures"):
        record["failures"] = ()


# --- the set-up in progress -----------------------------------------------------------------


def _keys():
    manager = queryUtility(IKeyManager)
    if manager is None:
        return []
    return [key for key in manager["_system"] if key]


def _signature(key, userid, secret, issued, purpose="enrol"):
    message = f"clusterpolisee.twofactor.{purpose}|{userid}|{secret}|{issued}"
    return hmac.new(key.encode(), message.encode(), hashlib.sha256).hexdigest()


def _replacing(userid):
    """What a token that moves an enrolled member to another app is signed for: their current
    enrolment (once the new app is confirmed, or the member moved again, it is worth nothing)."""
    enrolled = enrolled_since(userid)
    return f"replace-{enrolled.isoformat()}" if enrolled is not None else None


def pending_token(userid, secret, replace=False):
    """The secret being set up, signed for this member and this hour: the page's form carries
    it, so that nothing is stored before the member confirms a first code. ``replace``: for an
    enrolled member who gave a right code to move to another app (their current one works until
    the new one is confirmed)."""
    issued = int(time.time())
    purpose = _replacing(userid) if replace else "enrol"
    return f"{secret}.{issued}.{_signature(_keys()[0], userid, secret, issued, purpose)}"


def pending_secret(userid, token, replace=False):
    """The secret in ``token`` if the site signed it for this member within the hour (and, with
    ``replace``, to move from their current enrolment), or None. Never raises on any input."""
    if not isinstance(token, str) or len(token) > 256 or token.count(".") != 2:
        return None
    secret, issued, signature = token.split(".")
    if re.fullmatch(r"[0-9]{1,12}", issued) is None:
        return None
    if not 0 <= time.time() - int(issued) <= PENDING_SECONDS:
        return None
    purpose = _replacing(userid) if replace else "enrol"
    if purpose is None:
        return None
    for key in _keys():
        if hmac.compare_digest(_signature(key, userid, secret, issued, purpose), signature):
            return secret
    return None


# --- who must use it ------------------------------------------------------------------------


def _required_groups_setting():
    registry = queryUtility(IRegistry)
    if registry is None:
        return []
    if GROUPS_RECORD not in registry.records:
        # A site whose profile has not been upgraded yet: the settings' default.
        return list(DEFAULT_TWO_FACTOR_GROUPS)
    return list(registry[GROUPS_RECORD] or ())


def required_groups(user_or_userid):
    """The groups (ids) of the member that must use a second factor, directly or through
    other groups."""
    required = _required_groups_setting()
    if not required:
        return []
    user = user_or_userid
    if isinstance(user, str):
        user = api.user.get(userid=user)
    if user is None or not hasattr(user, "getGroups"):
        return []
    groups = set(user.getGroups() or ())
    return [group for group in required if group in groups]


def must_enrol(user_or_userid):
    """Whether the member belongs to a group that must use a second factor and has not
    enrolled an authenticator app yet."""
    userid = _userid(user_or_userid)
    if not userid or not isinstance(userid, str):
        return False
    # Most members are in no such group: their groups first, known since they signed in.
    return bool(required_groups(user_or_userid)) and not is_enrolled(userid)


# --- forced enrolment -----------------------------------------------------------------------


class IEnrolmentRequired(Interface):
    """A ``Redirect`` raised after traversal to send a member who must enrol to
    ``@@two-factor``, or a ``Forbidden`` that refuses anything else (the exception keeps its
    class: Zope takes the response's status from the class's name)."""


class EnrolmentRequiredView:
    """The answer to such a refusal, without Plone's error page: a plain redirect for a page,
    otherwise 403 with a message that says where to enrol (JSON for the REST API)."""

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self):
        response = self.request.response
        if isinstance(self.context, Redirect):
            response.setStatus(302)
            response.setHeader("Location", str(self.context.args[0]))
            return ""
        response.setStatus(403)
        response.setHeader("Cache-Control", "no-store, private")
        message = str(self.context.args[0])
        if IAPIRequest.providedBy(self.request) or "json" in (
            self.request.getHeader("Accept") or ""
        ):
            response.setHeader("Content-Type", "application/json")
            return json.dumps({"error": {"type": "Enrolment required", "message": message}})
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return message


# Pages (browser views of these names) a member who must enrol may still open: the set-up itself,
# signing in (the login form signs in again with the password) and out.
OPEN_PAGES = frozenset(("two-factor", "login", "login_form", "login-code", "logout", "logged-out"))


def _static_classes():
    """The classes of what the publisher publishes for a file a page needs (styles, scripts,
    images): ``++plone++``/``++theme++``/``++webresource++`` files, browser resources, skin
    files, the site's logo and icon."""
    from plone.resource.file import FilesystemFile
    from Products.CMFCore.FSFile import FSFile
    from Products.CMFCore.FSImage import FSImage
    from Products.CMFPlone.browser.favicon import SiteFavicon
    from Products.CMFPlone.browser.sitelogo import SiteLogo

    return (FilesystemFile, FSFile, FSImage, SiteFavicon, SiteLogo)


def _published(request):
    """The object the request publishes (a method's object for a method)."""
    published = request.get("PUBLISHED")
    return getattr(published, "__self__", published)


def _left_alone(published):
    """Whether the published object is a file a page needs, or a page a member who must enrol
    may open. Decided by what traversal found, never by the URL's text."""
    if published is None:
        return False
    if IResource.providedBy(published) or isinstance(published, _static_classes()):
        return True
    if isinstance(published, TwoFactorView):
        return True
    return IBrowserView.providedBy(published) and getattr(published, "__name__", None) in OPEN_PAGES


MUST_ENROL_KEY = "clusterpolisee.twofactor.must_enrol"


def _must_enrol_now(request, user):
    """``must_enrol(user)``, looked up once per request."""
    userid = _userid(user)
    cached = request.other.get(MUST_ENROL_KEY)
    if cached is None or cached[0] != userid:
        cached = request.other[MUST_ENROL_KEY] = (userid, must_enrol(user))
    return cached[1]


def enrolment_refused_message(site):
    return api.portal.translate(
        _(
            "two_factor_enrol_first",
            default="This account must use two-factor sign-in: enrol at ${url} first.",
            mapping={"url": f"{site.absolute_url()}/@@two-factor"},
        )
    )


def force_enrolment(event):
    """Keep a member who must use a second factor and has not set it up away from everything
    but ``@@two-factor`` (subscriber of ``IPubAfterTraversal``): however they signed in, whatever
    they ask for. A page a browser asks for (GET, HTML) sends them to ``@@two-factor`` with a
    message that says why; anything else (the REST API, JSON, a form sent, any other ``Accept``)
    is refused (403) with a message, before anything is done: nothing is written. Left alone:
    the set-up, signing in and out, and files a page needs (by the object published).

    Cheap on every request: nothing for visitors who are not signed in nor for files, the
    member's groups looked up once per request, no catalog."""
    request = event.request
    if not IClusterpoliseeLayer.providedBy(request):
        return
    user = getSecurityManager().getUser()
    if user is None or user.getUserName() == "Anonymous User":
        return
    if _left_alone(_published(request)):
        return
    if not _must_enrol_now(request, user):
        return
    site = _site()
    if site is None:
        return
    method = request.get("REQUEST_METHOD", "GET")
    page = (
        method in ("GET", "HEAD")
        and "text/html" in (request.getHeader("Accept") or "")
        and not IAPIRequest.providedBy(request)
    )
    if not page:
        refusal = Forbidden(enrolment_refused_message(site))
        alsoProvides(refusal, IEnrolmentRequired)
        raise refusal
    api.portal.show_message(
        _(
            "two_factor_required_message",
            default="Your account must use two-factor sign-in. Set up an authenticator app "
            "before you go on.",
        ),
        request=request,
        type="warning",
    )
    url = f"{site.absolute_url()}/@@two-factor"
    came_from = request.get("ACTUAL_URL") or ""
    query = request.get("QUERY_STRING") or ""
    if came_from:
        url += "?" + urlencode({"came_from": f"{came_from}?{query}" if query else came_from})
    redirect = Redirect(url)
    alsoProvides(redirect, IEnrolmentRequired)
    raise redirect


# --- when a member goes -----------------------------------------------------------------------


def principal_deleted(event):
    """A deleted member's second factor goes with them: a new account that gets the same user
    id later must not inherit it."""
    principal = getattr(event, "principal", None)
    userid = principal if isinstance(principal, str) else _userid(principal)
    if userid:
        disable(userid)  # a user of the Zope root: no site, nothing kept


# --- the page -------------------------------------------------------------------------------


class TwoFactorView(BrowserView):
    """``@@two-factor``: a member sets up an authenticator app, sees their recovery codes once,
    makes new ones, turns the second factor off or moves it to another app.

    Always the signed-in member's own: the user id comes from the session, never the form."""

    page_title = _("heading_two_factor", default="Two-factor sign-in")

    state = "enrol"  # enrol | codes | enrolled
    codes = ()
    secret = None
    token = None
    replacing = False  # setting up another app while the current one still works

    def __call__(self):
        response = self.request.response
        # The secret and the recovery codes are for this member's eyes only, now.
        response.setHeader("Cache-Control", "no-store, private")
        self.request.set("disable_plone.rightcolumn", True)
        self.errors = {}
        self.user = api.user.get_current()
        self.userid = self.user.getId()
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            plain_form(self.request, "")
            action = self.request.form.get("action")
            handler = {
                "enrol": self.handle_enrol,
                "new-codes": self.handle_new_codes,
                "disable": self.handle_disable,
                "replace": self.handle_replace,
            }.get(action if isinstance(action, str) else None)
            if handler is None:
                raise BadRequest(
                    api.portal.translate(_("The form was sent in a way it cannot be read."))
                )
            result = handler()
            if result is not None:
                return result
        elif is_enrolled(self.userid):
            self.state = "enrolled"
        else:
            self.start_enrolment()
        return self.index()

    # what the template shows

    def start_enrolment(self, secret=None, replace=False):
        self.state = "enrol"
        self.replacing = replace
        self.secret = secret or new_secret()
        self.token = pending_token(self.userid, self.secret, replace=replace)

    def qr_code(self):
        uri = provisioning_uri(self.secret, self.user.getUserName())
        label = api.portal.translate(
            _("label_two_factor_qr_code", default="QR code to scan with your authenticator app")
        )
        return qr_code_svg(uri, label)

    def grouped_secret(self):
        return grouped(self.secret)

    def required_groups(self):
        """The titles of the member's groups that must use a second factor."""
        tiers = {group_id: title for group_id, title, _roles in TIER_GROUPS}
        titles = []
        for group_id in required_groups(self.user):
            if group_id in tiers:
                titles.append(api.portal.translate(tiers[group_id]))
                continue
            group = api.group.get(groupname=group_id)
            title = group.getProperty("title", "") if group is not None else ""
            titles.append(title or group_id)
        return titles

    def enrolled_since(self):
        moment = enrolled_since(self.userid)
        return api.portal.get_localized_time(datetime=moment, long_format=False) if moment else ""

    def recovery_codes_left(self):
        return recovery_codes_left(self.userid)

    def came_from(self):
        """Where the member was going when they were sent here: a page of this site only."""
        came_from = self.request.form.get("came_from", "")
        portal_url = api.portal.get_tool("portal_url")
        if isinstance(came_from, str) and came_from and portal_url.isURLInPortal(came_from):
            return came_from
        return ""

    def continue_url(self):
        return self.came_from() or api.portal.get().absolute_url()

    def error(self, field):
        return self.errors.get(field)

    # the forms

    def _code(self):
        code = self.request.form.get("code", "")
        return code if isinstance(code, str) else ""

    def _wrong_code(self, field, message):
        self.errors[field] = api.portal.translate(message)
        api.portal.show_message(message, request=self.request, type="error")

    def handle_enrol(self):
        token = self.request.form.get("token")
        replace = is_enrolled(self.userid)
        secret = pending_secret(self.userid, token, replace=replace)
        if secret is None and replace:
            # Enrolled: only a move to another app, started with a right code, sets one up.
            self.state = "enrolled"
            if token:
                self._wrong_code(
                    "replace",
                    _(
                        "two_factor_replace_expired",
                        default="This move to another app was open for too long, or is done "
                        "already. Your current app still works: start again below.",
                    ),
                )
            return None
        if secret is None:
            self.start_enrolment()
            self._wrong_code(
                "enrol",
                _(
                    "two_factor_setup_expired",
                    default="This set-up was open for too long. Scan the new QR code below and "
                    "enter the code your app shows.",
                ),
            )
            return None
        # Confirming a new app swaps it (and new recovery codes) for the old one at once.
        codes = confirm_enrolment(self.userid, secret, self._code())
        if codes is None:
            self.start_enrolment(secret, replace=replace)
            self._wrong_code(
                "enrol",
                _(
                    "two_factor_wrong_first_code",
                    default="That is not the code your app shows now. Enter the six digits the "
                    "app shows for ClusterPoliSEE (check that your phone's clock is right).",
                ),
            )
            return None
        self.state, self.codes = "codes", codes
        message = _("two_factor_enrolled", default="Two-factor sign-in is on for your account.")
        if replace:
            message = _(
                "two_factor_replaced",
                default="Your new authenticator app is set up. The old one and your old "
                "recovery codes no longer work.",
            )
        api.portal.show_message(message, request=self.request)
        return None

    def _checked_code(self, field):
        """Whether the member gave a right code (from their app, or a recovery code)."""
        self.state = "enrolled"
        if not is_enrolled(self.userid):
            self.start_enrolment()
            return False
        if waiting(self.userid):
            minutes = _lockout()[1] // 60
            self._wrong_code(
                field,
                _(
                    "two_factor_too_many_wrong_codes",
                    default="Too many wrong codes. Try again in ${minutes} minutes.",
                    mapping={"minutes": minutes},
                ),
            )
            return False
        if not verify_code(self.userid, self._code()):
            note_wrong_code(self.userid)
            self._wrong_code(
                field,
                _(
                    "two_factor_wrong_code",
                    default="That code is not right. Enter the code your app shows now, or one "
                    "of your unused recovery codes.",
                ),
            )
            return False
        clear_wrong_codes(self.userid)
        return True

    def handle_new_codes(self):
        if self._checked_code("new-codes"):
            self.state, self.codes = "codes", new_recovery_codes(self.userid)
            api.portal.show_message(
                _(
                    "two_factor_new_codes",
                    default="Your new recovery codes are below. The old ones no longer work.",
                ),
                request=self.request,
            )
        return None

    def handle_disable(self):
        if self.required_groups():
            # The page offers no such button: a hand-made request.
            raise BadRequest(
                api.portal.translate(
                    _(
                        "two_factor_cannot_disable",
                        default="Your group must use two-factor sign-in: it cannot be turned "
                        "off for your account.",
                    )
                )
            )
        if not self._checked_code("disable"):
            return None
        disable(self.userid)
        api.portal.show_message(
            _("two_factor_disabled", default="Two-factor sign-in is off for your account."),
            request=self.request,
        )
        self.request.response.redirect(f"{api.portal.get().absolute_url()}/@@two-factor")
        return ""

    def handle_replace(self):
        if not self._checked_code("replace"):
            return None
        # The current app and recovery codes keep working until the new app is confirmed.
        self.start_enrolment(replace=True)
        api.portal.show_message(
            _(
                "two_factor_replace_pending",
                default="Set up your new authenticator app now. Your current app and recovery "
                "codes keep working until you confirm a code from the new one.",
            ),
            request=self.request,
            type="warning",
        )
        return None
