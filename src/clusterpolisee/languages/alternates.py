"""The translations of a page that anyone may read, as ``hreflang`` alternates: for the sitemap
(sitemap.py) and every page's ``<link rel="alternate" hreflang>`` (viewlets.py).

Translations are plone.app.multilingual's translation groups, found in the catalog (the
``TranslationGroup`` index; each brain's ``Language`` metadata): no object is woken. Only what an
anonymous visitor may view counts, whoever asks: the alternates are for search engines, and a
page announces no translation a visitor could not open. Following Google's rules for multilingual
pages, a page with translations lists every language of its group, itself included, and
``x-default``: the English page.
"""

from clusterpolisee.languages.homes import DEFAULT_LANGUAGE
from clusterpolisee.languages.homes import LANGUAGE_CODES
from DateTime import DateTime
from plone import api
from plone.app.multilingual.interfaces import ITG
from plone.app.multilingual.interfaces import ITranslatable
from plone.app.multilingual.interfaces import NOTG
from plone.uuid.interfaces import IUUID


X_DEFAULT = "x-default"
_ORDER = {code: index for index, code in enumerate(LANGUAGE_CODES)}


def public_brains(**query):
    """The catalog's answer to ``query`` as an anonymous visitor would get it (the query's
    own ``allowedRolesAndUsers`` and ``effectiveRange``), whoever asks."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        allowedRolesAndUsers=["Anonymous"], effectiveRange=DateTime(), **query
    )


def page_url(brain):
    """The address of an item's page: with ``/view`` for the types whose own address downloads
    the file (Plone's sitemap and listings do the same)."""
    url = brain.getURL()
    view_types = api.portal.get_registry_record(
        "plone.types_use_view_action_in_listings", default=()
    )
    return f"{url}/view" if brain.portal_type in (view_types or ()) else url


def translations(groups):
    """{translation group: {language: brain}}: the translations of each group anyone may read.
    One catalog query for all the groups; language-neutral items have no language to offer."""
    groups = sorted({group for group in groups if group and group != NOTG})
    found = {}
    if not groups:
        return found
    for brain in public_brains(TranslationGroup=groups):
        if brain.Language:
            found.setdefault(brain.TranslationGroup, {})[brain.Language] = brain
    return found


def hreflang_links(urls):
    """[(hreflang, url)] for the pages of one translation group, {language: url}: each language
    (the platform's order), then ``x-default`` (English). None for a page without translations."""
    if len(urls) < 2:
        return []
    languages = sorted(urls, key=lambda code: (_ORDER.get(code, len(_ORDER)), code))
    links = [(language, urls[language]) for language in languages]
    if DEFAULT_LANGUAGE in urls:
        links.append((X_DEFAULT, urls[DEFAULT_LANGUAGE]))
    return links


def group_links(found):
    """``hreflang_links`` of one group's {language: brain}."""
    return hreflang_links({language: page_url(brain) for language, brain in found.items()})


def alternates(context):
    """The ``hreflang`` alternates of ``context``'s page: [] unless it is itself one of at least
    two translations anyone may read (a language home: the thirteen homes)."""
    if not ITranslatable.providedBy(context):
        return []
    group = ITG(context, None)
    found = translations([group]).get(group, {})
    if IUUID(context, None) not in {brain.UID for brain in found.values()}:
        return []
    return group_links(found)
