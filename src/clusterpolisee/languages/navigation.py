"""The platform's navigation in every language: the main navigation is the site root's sections
(language-neutral, shared by every language) in every language home, their shipped names and
descriptions in the visitor's language (tabs, breadcrumbs, headings), and an item not
translated into the visitor's language yet says in which language it is shown."""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from clusterpolisee import _
from clusterpolisee.core.pagecache import shared_key
from clusterpolisee.core.sections import shipped_text
from clusterpolisee.languages.platform import platform_path
from clusterpolisee.languages.platform import visitor_language
from html import escape
from pathlib import Path
from plone import api
from plone.app.layout.viewlets.common import GlobalSectionsViewlet
from plone.app.layout.viewlets.common import ViewletBase
from plone.app.multilingual.interfaces import LANGUAGE_INDEPENDENT
from plone.base.interfaces import ILanguage
from plone.memoize import ram
from plone.memoize.instance import memoize as instance_memoize
from Products.CMFPlone.browser.navigation import CatalogNavigationTabs
from Products.CMFPlone.browser.navigation import PhysicalNavigationBreadcrumbs
from Products.CMFPlone.browser.sitemap import SitemapView
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
import Products.CMFPlone.browser


PLAIN = (str, bool, int, float, type(None))


def _hidden_around(context, depth):
    """The paths of the items hidden from the navigation that the page is in (or is), down to
    the navigation's depth: the only way Plone's menus depend on the page."""
    portal = api.portal.get()
    top = len(portal.getPhysicalPath())
    hidden = []
    obj = aq_inner(context)
    while obj is not None and aq_base(obj) is not aq_base(portal):
        path = getattr(aq_base(obj), "getPhysicalPath", None) and obj.getPhysicalPath()
        if not path or len(path) <= top:
            break
        flag = getattr(aq_base(obj), "exclude_from_nav", False)
        if len(path) - top <= depth and (flag() if callable(flag) else flag):
            hidden.append(path)
        obj = aq_parent(obj)
    return tuple(hidden)


def _navtree_key(method, self):
    # Plone can show an item hidden from the navigation to the pages inside it (a setting).
    settings = self.settings
    depth = settings.navigation_depth
    hidden = _hidden_around(self.context, depth) if settings.show_excluded_items else ()
    return shared_key("navtree", self.navtree_path, hidden, depth)


class PlatformSectionsViewlet(GlobalSectionsViewlet):
    @property
    def navtree_path(self):
        return platform_path()

    @property
    @instance_memoize
    def navtree(self):
        # A copy for this page: drawing the menus adds to each entry.
        return {
            path: [dict(entry) for entry in entries] for path, entries in self._navtree().items()
        }

    @ram.cache(_navtree_key)
    def _navtree(self):
        """The sections' menus, worked out once per person, language home and place (core/
        pagecache.py): Plone's query reads every item down to the navigation's depth, and took
        half of every page at 200,000 practices. Plain values only, as for the tabs."""
        # Plone's own, past its memo for the request (the key above decides what is kept).
        tree = GlobalSectionsViewlet.navtree.fget.__wrapped__(self)
        return {
            path: [
                {key: entry[key] for key in entry if isinstance(entry[key], PLAIN)}
                for entry in entries
            ]
            for path, entries in tree.items()
        }

    def customize_query(self, query):
        # The sections are language-neutral; what they hold is shown in the visitor's language
        # or, for the public sections' items, in English (their original).
        language = visitor_language(self.request)
        query["Language"] = sorted({language, "en", LANGUAGE_INDEPENDENT})


def _tabs_key(method, self, actions=None, category="portal_tabs"):
    if actions is not None:
        raise ram.DontCache
    # Plone shows a section hidden from the navigation to those inside it: which section the
    # page is in counts too.
    inside = self.context.getPhysicalPath()[len(api.portal.get().getPhysicalPath()) :][:1]
    navigation_root = api.portal.get_navigation_root(self.context).getPhysicalPath()
    return shared_key(category, navigation_root, inside)


class PlatformNavigationTabs(CatalogNavigationTabs):
    """The main navigation's top level (Plone's ``portal_tabs_view``): the site root's sections
    whichever language home the page is in, their shipped names in the visitor's language;
    worked out once per person, language home and section (core/pagecache.py)."""

    def topLevelTabs(self, actions=None, category="portal_tabs"):
        # Copies: the navigation viewlet adds to the entries it gets.
        return [dict(entry) for entry in self._top_level_tabs(actions, category)]

    @ram.cache(_tabs_key)
    def _top_level_tabs(self, actions=None, category="portal_tabs"):
        # Plain values only: an action's entry keeps the page's objects and request, which
        # must not outlive it.
        return [
            {key: entry[key] for key in entry if isinstance(entry[key], PLAIN)}
            for entry in super().topLevelTabs(actions, category)
        ]

    def _getNavQuery(self):
        query = super()._getNavQuery()
        query["path"] = {"query": platform_path(), "depth": 1}
        return query

    def customize_entry(self, entry, brain=None):
        if brain is not None:
            title = shipped_text(brain.getId, "title", brain.Title)
            if title is not None:
                entry["name"] = translate(title, context=self.request)


class PlatformBreadcrumbs(PhysicalNavigationBreadcrumbs):
    """Plone's breadcrumbs, the sections' shipped names in the visitor's language."""

    def customize_entry(self, entry, context=None):
        title = shipped_text(context, "title") if context is not None else None
        if title is not None:
            entry["Title"] = translate(title, context=self.request)


class SectionTitleView(BrowserView):
    """The page's heading (Plone's ``@@title``), a section's shipped name translated."""

    field = "title"
    template = ViewPageTemplateFile("templates/title.pt")

    def text(self):
        shipped = shipped_text(self.context, self.field)
        if shipped is not None:
            return translate(shipped, context=self.request)
        return self.context.Title() if self.field == "title" else self.context.Description()

    def __call__(self):
        return self.template()


class SectionDescriptionView(SectionTitleView):
    """The page's lead (Plone's ``@@description``), a section's shipped one translated."""

    field = "description"
    template = ViewPageTemplateFile("templates/description.pt")


class ContentLanguageViewlet(ViewletBase):
    """Above an item shown in another language than the page's interface (not translated into
    the visitor's language yet): the item's language, named in that language."""

    def update(self):
        super().update()
        self.language = ILanguage(self.context).get_language()
        self.shown = bool(self.language) and self.language != visitor_language(self.request)

    def language_name(self):
        info = api.portal.get_tool("portal_languages").getAvailableLanguages().get(self.language)
        return (info or {}).get("native") or self.language

    def index(self):
        if not self.shown:
            return ""
        message = translate(
            _(
                "content_in_other_language",
                default="This page is in ${language}: it has not been translated into your "
                "language yet.",
                mapping={"language": "${language}"},
            ),
            context=self.request,
        )
        before, _sep, after = message.partition("${language}")
        name = f'<span lang="{escape(self.language)}">{escape(self.language_name())}</span>'
        return (
            f'<p class="content-language" lang="{escape(visitor_language(self.request))}">'
            f"{escape(before)}{name}{escape(after)}</p>"
        )


def _sitemap_key(method, self):
    return shared_key("sitemap", self.context.getPhysicalPath())


class PlatformSitemapView(SitemapView):
    """Plone's site map page, its tree worked out once per person, language home and place
    (core/pagecache.py): Plone's query reads every item down to the site map's depth, a cost
    that grew with the repository (2.3 times stock Plone's page at 200,000 practices)."""

    # Plone's own template.
    index = ViewPageTemplateFile(
        "templates/sitemap.pt", _prefix=str(Path(Products.CMFPlone.browser.__file__).parent)
    )

    def __call__(self):
        return self.index()

    @ram.cache(_sitemap_key)
    def createSiteMap(self):
        return super().createSiteMap()
