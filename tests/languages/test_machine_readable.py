"""Machine-readable languages, over HTTP on the demo: the sitemap lists the language homes and
every translation with its ``hreflang`` alternates (both ways, and ``x-default``), and nothing a
visitor may not open, whoever fetches it; pages carry ``<link rel="alternate" hreflang>`` for
their translations only; the open data gives each item's language, and the open-data page names
the country code the data writes for Greece."""

from clusterpolisee.core.sections import publish
from clusterpolisee.interfaces import IClusterpoliseeLayer
from clusterpolisee.languages.homes import LANGUAGE_CODES
from clusterpolisee.languages.selector import PlatformLanguageSelector
from clusterpolisee.languages.viewlets import AlternateLanguagesViewlet
from html.parser import HTMLParser
from plone import api
from plone.app.multilingual.interfaces import IPloneAppMultilingualInstalled
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from Products.Five.browser import BrowserView
from xml.etree import ElementTree
from zope.component import getMultiAdapter
from zope.component import getSiteManager
from zope.interface import directlyProvides
from zope.interface import providedBy
from zope.interface.adapter import AdapterRegistry
from zope.publisher.interfaces.browser import IDefaultBrowserLayer
from zope.viewlet.interfaces import IViewlet
from zope.viewlet.interfaces import IViewletManager
import csv
import gzip
import io
import pytest
import re
import requests
import transaction


# A published demo practice (demo/data.py), from Central Macedonia: Greece.
SELECTOR_VIEWLET = "plone.app.multilingual.languageselector"
PRACTICE = "open-laboratories-for-agri-food-clusters-in-central-macedonia"
ITALIAN = "Laboratori aperti per i cluster agroalimentari della Macedonia centrale"
ROMANIAN_DRAFT = "Laboratoare deschise (ciornă)"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def translate(source, language, title):
    """A translation in its language's home, linked to its source."""
    translation = api.content.create(
        container=api.portal.get()[language],
        type=source.portal_type,
        id=source.getId(),
        title=title,
    )
    ITranslationManager(source).register_translation(language, translation)
    return translation


@pytest.fixture
def site(demo_functional, functional):
    """The demo, with the practice translated into Italian (published) and Romanian (a draft)."""
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        english = portal["repository"][PRACTICE]
        publish(translate(english, "it", ITALIAN))
        translate(english, "ro", ROMANIAN_DRAFT)
    transaction.commit()
    url = portal.absolute_url()
    return {
        "url": url,
        "en": f"{url}/repository/{PRACTICE}",
        "it": f"{url}/it/{PRACTICE}",
        "ro": f"{url}/ro/{PRACTICE}",
    }


def sitemap(site_url, auth=None):
    """{loc: {hreflang: href}} of the sitemap's first page, found from its index."""
    response = requests.get(f"{site_url}/sitemap.xml.gz", auth=auth)
    assert response.status_code == 200
    index = ElementTree.fromstring(gzip.decompress(response.content))
    (page,) = [loc.text.strip() for loc in index.iter(f"{SITEMAP}loc")]
    response = requests.get(page, auth=auth)
    urlset = ElementTree.fromstring(gzip.decompress(response.content))
    assert urlset.tag == f"{SITEMAP}urlset"
    entries = {}
    for url in urlset.findall(f"{SITEMAP}url"):
        loc = url.find(f"{SITEMAP}loc").text.strip()
        assert loc not in entries, f"{loc} listed twice"
        links = url.findall(f"{XHTML}link")
        assert all(link.get("rel") == "alternate" for link in links)
        entries[loc] = {link.get("hreflang"): link.get("href") for link in links}
    return entries


class HeadLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.alternates = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            assert attrs["hreflang"] not in self.alternates, "one link per language"
            self.alternates[attrs["hreflang"]] = attrs["href"]


def hreflang_links(url, auth=None):
    response = requests.get(url, auth=auth)
    assert response.status_code == 200, url
    parser = HeadLinks()
    parser.feed(response.text)
    return parser.alternates


ALTERNATES_VIEWLET = "plone.app.multilingual.alternate-languages"


def viewlet_registrations(components, name):
    """The registrations of the viewlet ``name`` in ``components`` and the registries below."""
    found = [r for r in components.registeredAdapters() if r.name == name]
    for base in components.__bases__:
        found += viewlet_registrations(base, name)
    return found


class TestSitemap:
    def test_homes_and_translations_with_their_alternates_and_nothing_private(self, site):
        expected = {"en": site["en"], "it": site["it"], "x-default": site["en"]}
        for auth in (None, ADMIN):  # whoever fetches it: what a visitor may open
            entries = sitemap(site["url"], auth)
            homes = {code: f"{site['url']}/{code}" for code in LANGUAGE_CODES}
            # The Italian home, with the twelve other homes and x-default: the English one.
            assert entries[homes["it"]] == {**homes, "x-default": homes["en"]}
            assert all(home in entries for home in homes.values())
            # The Italian translation and its English original point at each other.
            assert entries[site["it"]] == expected
            assert entries[site["en"]] == expected
            # The platform's language-neutral sections are listed, without alternates.
            assert entries[f"{site['url']}/repository"] == {}
            # Nothing a visitor may not open: the draft, the members' and groups' pages.
            hrefs = {href for links in entries.values() for href in links.values()}
            assert site["ro"] not in entries
            assert site["ro"] not in hrefs
            assert not [loc for loc in entries if "/working-groups" in loc or "/members" in loc]


class TestHeadLinks:
    def test_pages_with_translations_name_each_of_them(self, site):
        expected = {"en": site["en"], "it": site["it"], "x-default": site["en"]}
        assert hreflang_links(site["it"]) == expected
        assert hreflang_links(site["en"]) == expected
        # An editor's page announces no draft either.
        assert hreflang_links(site["en"], auth=ADMIN) == expected
        # A language home: the thirteen homes.
        homes = hreflang_links(f"{site['url']}/it")
        assert homes == {
            **{code: f"{site['url']}/{code}" for code in LANGUAGE_CODES},
            "x-default": f"{site['url']}/en",
        }
        # No translation, no alternates: an untranslated item, a section, a view of a home.
        assert hreflang_links(f"{site['url']}/repository/danube-cluster-policy-network") == {}
        assert hreflang_links(f"{site['url']}/repository") == {}
        assert hreflang_links(f"{site['url']}/it/@@platform-search") == {}

    def test_ours_stand_in_for_multilingual_s_on_a_site(self, demo_functional, functional):
        """On a site, one component registry holds both viewlets (the head's alternates and the
        language bar), and the request carries plone.app.multilingual's layer before ours (the
        order the site installed them in); the test layers keep ours in a registry of its own,
        searched first. Both, in one registry, with the site's order of layers: ours answer."""
        portal, request = functional["portal"], functional["request"]
        directlyProvides(
            request, IPloneAppMultilingualInstalled, IClusterpoliseeLayer, IDefaultBrowserLayer
        )
        for name, manager_name, ours in (
            (ALTERNATES_VIEWLET, "plone.htmlhead", AlternateLanguagesViewlet),
            (SELECTOR_VIEWLET, "plone.portalheader", PlatformLanguageSelector),
        ):
            registry = AdapterRegistry()
            for registration in viewlet_registrations(getSiteManager(), name):
                registry.register(
                    registration.required,
                    registration.provided,
                    registration.name,
                    registration.factory,
                )
            for context in (portal["it"], portal["repository"][PRACTICE], portal["repository"]):
                if ours is AlternateLanguagesViewlet and context is portal["repository"]:
                    continue  # the alternates are for translatable content only
                view = BrowserView(context, request)
                manager = getMultiAdapter((context, request, view), IViewletManager, manager_name)
                factory = registry.lookup(
                    [
                        providedBy(context),
                        providedBy(request),
                        providedBy(view),
                        providedBy(manager),
                    ],
                    IViewlet,
                    name,
                )
                assert factory is not None, (name, context)
                assert issubclass(factory, ours), (name, context)


class TestOpenData:
    def test_items_give_their_language_and_greece_is_documented_as_written(self, site):
        rows = {
            row["url"]: row
            for row in csv.DictReader(
                io.StringIO(
                    requests.get(f"{site['url']}/@@open-data/repository.csv").text.lstrip("\ufeff")
                )
            )
        }
        english, italian = rows[site["en"]], rows[site["it"]]
        assert (english["language"], italian["language"]) == ("en", "it")
        assert english["translation_group"] == italian["translation_group"] != ""
        assert site["ro"] not in rows
        items = requests.get(f"{site['url']}/@@open-data/repository.json").json()["items"]
        assert {item["url"]: item["language"] for item in items}[site["it"]] == "it"

        # What the page documents for Greece is what the data writes for a Greek item.
        page = requests.get(f"{site['url']}/@@open-data").text
        # Said once per dataset, the same each time.
        (greece,) = set(re.findall(r"alpha-2 codes: Greece is (\w+)\)", page))
        (nuts,) = set(re.findall(r"NUTS 2021 codes; Greece's begin with (\w+)\)", page))
        assert english["countries"] == greece == "GR"
        assert english["regions"].startswith(nuts)
        institutions = requests.get(f"{site['url']}/@@open-data/institutions.json").json()
        (park,) = [
            item
            for item in institutions["items"]
            if item["title"] == "Thessaloniki Technology Park"
        ]
        assert park["countries"] == [greece]
        assert park["language"] == "en"
        assert [region[:2] for region in park["regions"]] == [nuts]
