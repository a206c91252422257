"""The language bar, on every page: each language leads to the same page in that language.

- An item with a translation the visitor may view: the translation, with the same view and
  query (``/repository/x/@@history`` in Italian is ``/it/x-it/@@history``).
- The site root and a language home: that language's home, with the same view and query
  (``/@@platform-search?SearchableText=cluster`` becomes ``/it/@@platform-search?...``).
- Everything else (the language-neutral sections, the working groups, an item not translated
  yet): the same address, the interface switched by plone.i18n's ``set_language``.

The links carry the page's own query and nothing a form posted: plone.app.multilingual copies the
whole request form into them, so a consultation's answers and the form's CSRF token ended up in
every link of the page that received them (and in the addresses, logs and Referer headers that
follow).
"""

from clusterpolisee.languages.homes import home_title
from clusterpolisee.languages.homes import language_home
from clusterpolisee.languages.platform import translation_group
from plone import api
from plone.app.i18n.locales.browser.selector import LanguageSelector
from plone.app.multilingual.browser.selector import getPostPath
from plone.app.multilingual.interfaces import ILanguageRootFolder
from plone.base.interfaces import IPloneSiteRoot
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import parse_qsl
from urllib.parse import urlencode


# Never carried: plone.protect's token, and the selector's own parameters (set afresh below).
DROPPED = frozenset({"_authenticator", "set_language", "post_path"})


def page_query(request):
    """The page's own query string as pairs, without what must not be carried."""
    return [
        (name, value)
        for name, value in parse_qsl(request.get("QUERY_STRING", ""))
        if name not in DROPPED
    ]


def translation_urls(context):
    """{language: URL} of the context's translations the visitor may view (one query)."""
    if IPloneSiteRoot.providedBy(context) or ILanguageRootFolder.providedBy(context):
        homes = {}
        for code in api.portal.get_tool("portal_languages").getSupportedLanguages():
            home = language_home(code)
            if home is not None:
                homes[code] = home.absolute_url()
        return homes
    group = translation_group(context)
    if group is None:
        return {}
    catalog = api.portal.get_tool("portal_catalog")
    return {brain.Language: brain.getURL() for brain in catalog(TranslationGroup=group)}


# The names of the platform's languages, by the supported languages: plone.i18n builds the
# list of every language it knows (some two hundred) to find them, on every page.
_LANGUAGE_NAMES = {}


def supported_languages(tool):
    """[{code, name, native, flag...}] of the site's languages, in the site's order."""
    supported = tuple(tool.getSupportedLanguages())
    key = (supported, bool(getattr(tool, "use_combined_language_codes", False)))
    names = _LANGUAGE_NAMES.get(key)
    if names is None:
        available = tool.getAvailableLanguageInformation()
        names = _LANGUAGE_NAMES[key] = [
            {**available[code], "code": code} for code in supported if code in available
        ]
    return names


class PlatformLanguageSelector(LanguageSelector):
    # plone.app.multilingual's markup, with Python expressions (its paths cost a traversal
    # each, thirteen languages over).
    render = ViewPageTemplateFile("templates/languageselector.pt")

    def languages(self):
        if self.tool is None:
            return []
        current = self.tool.getLanguageBindings(self.request)[0]
        results = [
            {**info, "selected": info["code"] == current, "translated": True}
            for info in supported_languages(self.tool)
        ]
        translations = translation_urls(self.context)
        post_path = getPostPath(self.context, self.request)
        here = self.context.absolute_url() + post_path
        query = page_query(self.request)
        for data in results:
            # Each language named as its home is (Serbian in Cyrillic, like its interface).
            data["native"] = home_title(data["code"], data)
            target = translations.get(data["code"])
            if target:
                pairs = query
                url = target + post_path
            else:
                pairs = [*query, ("set_language", data["code"])]
                url = here
            data["url"] = f"{url}?{urlencode(pairs)}" if pairs else url
        return results
