"""The platform's face on every page (identity.py): its footer in place of Plone's copyright
notice and "Powered by Plone", no byline on its own pages, its privacy notice, and a browser
title that says what each page is."""

from clusterpolisee import _
from clusterpolisee.core.sections import shipped_text
from html import escape
from plone import api
from plone.app.layout.viewlets.common import TitleViewlet
from plone.app.layout.viewlets.content import DocumentBylineViewlet
from plone.base import PloneMessageFactory as PMF
from plone.base.interfaces import INavigationRoot
from plone.registry.interfaces import IRegistry
from Products.CMFCore.utils import getToolByName
from Products.CMFPlone.browser.exceptions import ExceptionView
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getMultiAdapter
from zope.component import queryUtility
from zope.i18n import translate


# IPlatformSettings is registered with the prefix "clusterpolisee" (registry.xml).
COORDINATOR_EMAIL_RECORD = "clusterpolisee.coordinator_email"

PLATFORM_NAME = _("SEE Cluster Policy Learning Platform")

# Plone's own pages that say what they are only in their heading: their heading's message.
PLONE_PAGE_TITLES = {
    "accessibility-info": PMF("heading_accessibility_info", default="Accessibility"),
    "contact-info": PMF("heading_contact_form", default="Contact form"),
    "delete_confirmation": PMF(
        "alert_really_delete", default="Do you really want to delete this item?"
    ),
    "insufficient-privileges": PMF("heading_no_privileges", default="Insufficient Privileges"),
    "mail_password_form": PMF("heading_lost_password", default="Lost Password"),
    "overview-controlpanel": PMF("Site Setup"),
    "recently_modified": PMF("heading_recently_modified", default="Modified items"),
    "search": PMF("Search results"),
    "sharing": PMF("Sharing"),
    "sitemap": PMF("label_site_map", default="Site map"),
    "useractions": PMF("User Actions"),
}
PAGE_NOT_FOUND = PMF(
    "heading_site_there_seems_to_be_an_error", default="This page does not seem to exist…"
)
PAGE_FAILED = PMF(
    "heading_site_error_sorry", default="We’re sorry, but there seems to be an error…"
)


def platform_name(request):
    """The site's name in the visitor's language while it is the one the platform ships; a name
    the site's administrators gave it, as they wrote it."""
    registry = queryUtility(IRegistry)
    setting = (registry.get("plone.site_title") if registry is not None else None) or ""
    if setting in ("", str(PLATFORM_NAME)):
        return translate(PLATFORM_NAME, context=request)
    return setting


def view_title(view):
    """What a view says it shows (its ``page_title``), the label of a form (Plone's and
    z3c.form's, also inside a form wrapper), or the heading of Plone's page of that name; else
    None. A message, or text as written."""
    named = getattr(view, "page_title", None)
    if callable(named):
        named = named()
    if named:
        return named
    if isinstance(view, ExceptionView):
        return PAGE_NOT_FOUND if view.request.response.getStatus() == 404 else PAGE_FAILED
    # A form wrapper's own label first (it may add to its form's).
    for form in (view, getattr(view, "form_instance", None)):
        label = getattr(form, "label", None)
        if isinstance(label, str) and label:
            return label
    name = getattr(view, "__name__", None)
    if name in PLONE_PAGE_HEADINGS:
        return PLONE_PAGE_HEADINGS[name](view)
    return PLONE_PAGE_TITLES.get(name)


def configlet_title(context, view_name):
    """The title of the Site Setup panel a view is (its entry in Plone's control panel tool,
    as Site Setup lists it), for panels whose page has no label; else None."""
    tool = getToolByName(context, "portal_controlpanel", None)
    if tool is None or not view_name:
        return None
    for configlet in tool.listActions():
        url = configlet.getActionExpression() or ""
        if url.rstrip("/").rsplit("/", 1)[-1].removeprefix("@@") == view_name:
            return PMF(configlet.title)
    return None


def _dashboard_heading(view):
    member = api.user.get_current()
    name = member.getProperty("fullname", None) or member.getId()
    return PMF("heading_dashboard", default="${user_name}’s dashboard", mapping={"user_name": name})


def _event_listing_heading(view):
    # A property of plone.app.event's view: {"main": "Future events", "sub": ...}.
    return (view.header_string or {}).get("main")


# Plone's pages whose heading depends on the person or the request.
PLONE_PAGE_HEADINGS = {"dashboard": _dashboard_heading, "event_listing": _event_listing_heading}


class FooterView(BrowserView):
    """The footer's first card (Plone's footer portlet, a classic portlet, renders
    ``@@footer``): the platform's name, the project, and how to reach the coordinator."""

    index = ViewPageTemplateFile("templates/footer.pt")

    def __call__(self):
        return self.index()

    def site_title(self):
        return platform_name(self.request)

    def coordinator_email(self):
        return api.portal.get_registry_record(COORDINATOR_EMAIL_RECORD, default=None) or None

    def root_url(self):
        return api.portal.get_navigation_root(self.context).absolute_url()


class ColophonView(FooterView):
    """The footer's last card: who funds the platform, in place of "Powered by Plone"."""

    index = ViewPageTemplateFile("templates/colophon.pt")


class PageTitleViewlet(TitleViewlet):
    """The browser's title (Plone's ``plone.htmlhead.title``, WCAG 2.4.2): what the page is,
    then the platform's name in the visitor's language. Plone's reads only the item's title,
    so every page called on a language home was titled "English" (or "Italiano"...), and the
    platform's own pages only by the site's name. A form's label is followed by the item it
    is on ("Edit Best practice — Smart cluster — ...")."""

    # Not memoized: plone.memoize.view would keep it under the key of Plone's own page_title,
    # which it calls for the item's title.
    @property
    def page_title(self):
        """The page's own part of the title, escaped; empty on a language home's home page."""
        at_root = INavigationRoot.providedBy(self.context)
        named = view_title(self.view)
        if named:
            # A view's page_title and an error page name themselves whole.
            alone = hasattr(self.view, "page_title") or isinstance(self.view, ExceptionView)
            return self._with_item(named, alone=alone or at_root)
        if at_root:
            state = getMultiAdapter((self.context, self.request), name="plone_context_state")
            if state.is_view_template():
                return ""
            # A panel of Site Setup, else what the root's page shows as its heading.
            named = configlet_title(self.context, getattr(self.view, "__name__", None))
            if named:
                return self._with_item(named, alone=True)
        return self._item_title()

    def _with_item(self, named, alone):
        """A page's own name, translated and escaped; followed by the item it is on unless
        ``alone`` (or that is its name too)."""
        text = escape(translate(named, context=self.request))
        if alone:
            return text
        item = self._item_title()
        return text if text == item else self.sep.join([text, item])

    def _item_title(self):
        shipped = shipped_text(self.context, "title")
        if shipped is not None:
            return escape(translate(shipped, context=self.request))
        return super().page_title

    def update(self):
        name = escape(platform_name(self.request))
        page = self.page_title
        self.site_title = self.sep.join([page, name]) if page and page != name else name


class PlatformPageByline(DocumentBylineViewlet):
    """The platform's own pages were written by nobody: no "by admin — last modified" on its
    home and the pages called on it (indicators, open data, search...), its sections
    (IPlatformSection) and its workspaces' dashboards."""

    def render(self):
        return ""


class PrivacyNoticeView(BrowserView):
    """``@@privacy-notice``: what the platform keeps about people, why, for how long, and
    their rights."""

    page_title = _("heading_privacy_notice", default="Privacy notice")

    index = ViewPageTemplateFile("templates/privacy_notice.pt")

    def __call__(self):
        return self.index()

    def coordinator_email(self):
        return api.portal.get_registry_record(COORDINATOR_EMAIL_RECORD, default=None) or None

    def root_url(self):
        return api.portal.get_navigation_root(self.context).absolute_url()
