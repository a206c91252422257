"""Sessions and transport: the sign-in cookies are ``HttpOnly`` and ``SameSite=Lax`` always, and
``Secure`` whenever the site is addressed over HTTPS; a session ends after the idle time set in
the control panel (``session_idle_minutes``).

plone.session's ticket (the ``__ac`` cookie) carries the moment it was issued, and its plugin
accepts a ticket for ``timeout`` seconds. That timeout follows the registry record
(``idle_time_changed``), and each request of a member whose ticket is more than a minute old gets
a new one (``slide_session``): a ticket runs out only when its member has asked for nothing for
the idle time. A member who comes back later is told why they are signed out
(``tell_signed_out``). plone.restapi's tokens (JWT, sent in the ``Authorization`` header, never
a cookie) last the idle time as well: a program renews its token with ``POST @login-renew``.

Whether the site is addressed over HTTPS is the request's own answer (``SERVER_URL``): a proxy
that terminates TLS says so through Zope's VirtualHostMonster (``/VirtualHostBase/https/...``,
README "Serving over HTTPS"); plain HTTP on localhost (``make start``) keeps a usable cookie.
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from Acquisition import aq_base
from Acquisition import aq_chain
from clusterpolisee import _
from clusterpolisee.authentication.twofactor import must_enrol
from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone import api
from plone.browserlayer.utils import registered_layers
from plone.session.interfaces import ISessionPlugin
from Products.CMFCore.interfaces import ISiteRoot
from Products.CMFCore.utils import getToolByName
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import BadRequest
from zope.component import adapter
from zope.component.hooks import getSite
from zope.globalrequest import getRequest
from zope.traversing.interfaces import IBeforeTraverseEvent
from ZPublisher.utils import basic_auth_decode
import binascii
import time


IDLE_RECORD = "clusterpolisee.authentication.session_idle_minutes"

# A member's ticket is issued again when it is older than this (seconds): a ticket runs out
# between this long and the idle time after the member's last request.
REISSUE_AFTER = 60

# Marks a request whose stale ticket was dealt with already.
_SIGNED_OUT = "clusterpolisee.sessions.signed_out"


def is_auth_cookie(name):
    """plone.session's ``__ac`` and the other sign-in cookies (``__ac_*``: single sign-on's
    state); the cookies Varnish treats as a member's (deploy/varnish.vcl)."""
    return name == "__ac" or name.startswith("__ac_")


def over_https(request):
    """Whether the visitor addressed the site over HTTPS: directly, or through a proxy that says
    so to Zope's VirtualHostMonster."""
    return str(request.get("SERVER_URL", "")).lower().startswith("https://")


def harden_cookies(request, response):
    """Give every sign-in cookie of ``response`` (set, refreshed or expired) ``HttpOnly`` and
    ``SameSite=Lax``, and ``Secure`` over HTTPS, whoever set it."""
    https = request is not None and over_https(request)
    for name, attributes in list(response.cookies.items()):
        if not is_auth_cookie(name):
            continue
        flags = {"http_only": True, "same_site": "Lax"}
        if https:
            flags["secure"] = True
        response.setCookie(name, attributes.get("value", ""), **flags)


def harden_response_cookies(event):
    """Subscriber of ``IPubBeforeCommit`` and ``IPubBeforeAbort``: the headers are not sent yet."""
    harden_cookies(event.request, event.request.response)


def harden_streamed_cookies(event):
    """Subscriber of ``IPubBeforeStreaming``: a streamed answer sends its headers now."""
    harden_cookies(getRequest(), event.response)


# The idle time


def session_plugin(site):
    acl_users = getToolByName(site, "acl_users", None)
    plugin = getattr(aq_base(acl_users), "session", None) if acl_users is not None else None
    if plugin is None or not ISessionPlugin.providedBy(plugin):
        return None
    return acl_users.session


def token_plugins(site):
    """plone.restapi's JWT plugins (``jwt_auth``)."""
    acl_users = getToolByName(site, "acl_users", None)
    if acl_users is None:
        return []
    return [
        plugin
        for plugin in acl_users.objectValues()
        if getattr(plugin, "meta_type", None) == "JWT Authentication Plugin"
    ]


def apply_idle_time(site, minutes=None):
    """Make plone.session's tickets and plone.restapi's tokens last ``minutes`` (the registry's
    ``session_idle_minutes`` by default). Called when the record is added or changed."""
    if minutes is None:
        minutes = api.portal.get_registry_record(IDLE_RECORD, default=None)
    if not minutes:
        return
    seconds = int(minutes) * 60
    plugin = session_plugin(site)
    if plugin is not None and plugin.getProperty("timeout") != seconds:
        plugin.manage_changeProperties(timeout=seconds)
    for plugin in token_plugins(site):
        if plugin.token_timeout != seconds:
            plugin.token_timeout = seconds


def idle_time_changed(settings, event):
    """Subscriber of the sign-in settings' record events (added at install, changed in the
    control panel): the new idle time holds from the next request on, without a restart."""
    if event.record.__name__ != IDLE_RECORD:
        return
    site = getSite()
    if site is not None:
        apply_idle_time(site, event.record.value)


def _ticket(request, plugin):
    """The ticket of the request's session cookie, or None."""
    value = request.cookies.get(plugin.getProperty("cookie_name"))
    if not value:
        return None
    try:
        return binascii.a2b_base64(value)
    except (binascii.Error, ValueError, TypeError):
        return None


def _current_user_id():
    user = api.user.get_current()
    return user.getId() if user is not None else None


def unreadable_basic_credentials(request):
    """Whether the request's ``Authorization`` header gives Basic credentials Zope cannot read
    (it fails on them where the user folders read them)."""
    credentials = getattr(request, "_auth", None)
    if not credentials:
        return False
    try:
        basic_auth_decode(credentials)
    except ValueError:  # bad base64 or UTF-8 (ValueErrors both), no colon
        return True
    return False


@adapter(ISiteRoot, IBeforeTraverseEvent)
def readable_basic_credentials(site, event):
    """A request entering the platform with HTTP Basic credentials must carry a login and a
    password Zope can read (base64 of UTF-8 text, a colon between them): else a 400 with a
    message, before authentication reads them (Zope failed on them with a 500 on every page).
    No browser sends such a header; a program that does learns what is wrong."""
    request = event.request
    if IClusterpoliseeLayer in registered_layers() and unreadable_basic_credentials(request):
        raise BadRequest(
            api.portal.translate(
                _(
                    "The Authorization header's Basic credentials are not a login and a password "
                    "(base64 of login:password)."
                )
            )
        ) from None


def sign_in_on_error_page(event):
    """Authenticate, for an error page, the member a request that failed in traversal comes
    from (a wrong address); subscriber of ``IErrorPageStarting`` (core/errors.py). Zope
    authenticates a request only once it has found what it asks for, so such a page was drawn
    for a visitor, and a member lost their name, their menus and the way back to their
    workspace. Done as traversal does it, by the user folders of the site and above it, against
    the site, which every member may view. A member who must still set up a second factor stays
    a visitor: they may open nothing else. Only for an address opened (GET, HEAD) with the
    credentials a browser keeps (the session cookie, a token, HTTP authentication): a wrong
    address is no way to sign in (what signing in writes, such as a second factor's code used,
    would be undone with the failed request)."""
    request, site = event.request, event.site
    if request.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
        return
    if any(is_auth_cookie(name) for name in request.form):
        return  # the login form's fields (``__ac_name``, ``__ac_otp``...)
    if unreadable_basic_credentials(request):
        return  # refused already (readable_basic_credentials): this is its error page
    visitor = getSecurityManager().getUser()
    if visitor is None or visitor.getUserName() != "Anonymous User":
        return  # authenticated already: the request failed after traversal
    other = request.other
    published = other.get("PUBLISHED", _NOTHING)
    # What the user folders validate against.
    other["PUBLISHED"] = site
    member = None
    try:
        for item in aq_chain(site):
            if getattr(aq_base(item), "__allow_groups__", None) is None:
                continue
            member = item.__allow_groups__.validate(request, request._auth)
            if member is not None:
                break
    finally:
        if published is _NOTHING:
            del other["PUBLISHED"]
        else:
            other["PUBLISHED"] = published
    if member is None or member.getUserName() == "Anonymous User" or must_enrol(member):
        # A user folder leaves the last user it tried as the current one.
        newSecurityManager(request, visitor)
        return
    newSecurityManager(request, member)
    request["AUTHENTICATED_USER"] = member


_NOTHING = object()


def _shared(response):
    """Whether a cache shared by many visitors may keep this answer (plone.app.caching's
    headers, set by now): such an answer never carries a member's ticket."""
    cache_control = (response.getHeader("Cache-Control") or "").lower()
    return "public" in cache_control or "s-maxage" in cache_control


def slide_session(event):
    """Subscriber of ``IPubBeforeCommit``: a member signed in by a ticket more than a minute old
    gets a new one, so that the idle time counts from this request. Never on an answer that
    sets or expires the cookie itself (login, logout), nor on one a shared cache may keep (a
    logo, a script), nor for anonymous visitors (their pages are cached for everyone)."""
    request = event.request
    site = getSite()
    plugin = session_plugin(site) if site is not None else None
    if plugin is None or plugin.getProperty("cookie_name") in request.response.cookies:
        return
    ticket = _ticket(request, plugin)
    userid = _current_user_id()
    if ticket is None or not userid or _shared(request.response):
        return
    data = plugin._validateTicket(ticket)
    if data is None:
        return
    _digest, ticket_userid, tokens, user_data, issued = data
    if ticket_userid != userid:
        return  # signed in otherwise (HTTP authentication)
    if time.time() - issued >= REISSUE_AFTER:
        plugin._setupSession(userid, request.response, tokens, user_data)


def signed_out(event):
    """Subscriber of ``IPubAfterTraversal`` (the user is known, the page not drawn yet) and of
    ``IPubBeforeAbort`` (a page that needs a member fails in traversal and sends the visitor to
    the login form): an anonymous request with a ticket that ran out."""
    request = event.request
    site = getSite()
    plugin = session_plugin(site) if site is not None else None
    if plugin is None or _current_user_id():
        return
    ticket = _ticket(request, plugin)
    if ticket is not None and plugin._validateTicket(ticket) is None:
        tell_signed_out(request, plugin, ticket)


def tell_signed_out(request, plugin, ticket):
    """A ticket this site signed but that ran out: the member made no request for the idle
    time. Remove the cookie (the visitor's pages come from the shared cache again) and say why
    they are signed out. A ticket signed otherwise (another site, a secret since changed, a
    logout with per-user keyrings) is not this member's idle session: left alone."""
    if request.get(_SIGNED_OUT):
        return
    # plone.session checks a ticket's signature and its age together; a moment 0 makes every
    # age acceptable, so that only the signature decides here.
    if plugin._validateTicket(ticket, now=0) is None:
        return
    request.set(_SIGNED_OUT, True)
    cookie = {"path": plugin.getProperty("path")}
    if plugin.getProperty("cookie_domain"):
        cookie["domain"] = plugin.getProperty("cookie_domain")
    request.response.expireCookie(plugin.getProperty("cookie_name"), **cookie)
    request.cookies.pop(plugin.getProperty("cookie_name"), None)
    minutes = max(1, round(plugin.getProperty("timeout") / 60))
    IStatusMessage(request).add(
        _(
            "status_signed_out_idle",
            default="You were signed out after ${minutes} minutes without activity. Log in "
            "again to go on.",
            mapping={"minutes": minutes},
        ),
        type="warning",
    )
