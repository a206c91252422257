"""``sitemap.xml.gz`` for a multilingual platform: Plone's sitemap (what anonymous visitors may see,
the site's index of pages of 5000 addresses) with the language homes, and each translated page
with its ``hreflang`` alternates, the way Google documents multilingual sitemaps
(``<xhtml:link rel="alternate" hreflang="..." href="..."/>``, alternates.py).

Built from the catalog (two queries, and one for the translations of the listed pages), as an
anonymous visitor sees it whoever asks: a sitemap fetched by an editor lists no draft either.
"""

from clusterpolisee.core.numbers import whole_number
from clusterpolisee.languages.alternates import group_links
from clusterpolisee.languages.alternates import page_url
from clusterpolisee.languages.alternates import public_brains
from clusterpolisee.languages.alternates import translations
from gzip import GzipFile
from io import BytesIO
from plone import api
from plone.app.layout.sitemap.sitemap import SiteMapView
from plone.base.interfaces import IPloneSiteRoot
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


# plone.app.multilingual's language root folders: the language homes (/en ... /de).
LANGUAGE_HOME_TYPE = "LRF"


class MultilingualSiteMapView(SiteMapView):
    template = ViewPageTemplateFile("templates/sitemap.xml")

    def _lastmod(self, modified, default_modified):
        # Plone's rule: a folder changes when its default page does (compared in GMT).
        modified = (modified.micros(), modified.ISO8601())
        if default_modified is not None:
            modified = max(modified, default_modified)
        return modified[1]

    def _objects(self):
        """Plone's sitemap entries (``loc``, ``lastmod``), with the language homes and each
        entry's ``alternates``: [{"hreflang", "href"}]."""
        friendly = api.portal.get_tool("plone_utils").getUserFriendlyTypes()
        query = {"portal_type": [*friendly, LANGUAGE_HOME_TYPE]}
        is_site_root = IPloneSiteRoot.providedBy(self.context)
        if not is_site_root:
            query["path"] = "/".join(self.context.getPhysicalPath())
        default_pages = {
            brain.getURL().rsplit("/", 1)[0]: (brain.modified.micros(), brain.modified.ISO8601())
            for brain in public_brains(is_default_page=True, **query)
        }
        if is_site_root:
            # The site root is not catalogued.
            url = self.context.absolute_url()
            yield {
                "loc": url,
                "lastmod": self._lastmod(self.context.modified(), default_pages.get(url)),
                "alternates": [],
            }
        brains = public_brains(is_default_page=False, **query)
        groups = translations(brain.TranslationGroup for brain in brains if brain.Language)
        links = {group: group_links(found) for group, found in groups.items()}
        for brain in brains:
            url = brain.getURL()
            yield {
                "loc": page_url(brain),
                "lastmod": self._lastmod(brain.modified, default_pages.get(url)),
                "alternates": [
                    {"hreflang": hreflang, "href": href}
                    for hreflang, href in (links.get(brain.TranslationGroup) or ())
                ]
                if brain.Language
                else [],
            }

    def __call__(self):
        # Plone reads ``page`` as a number: anything else got its server error.
        page = self.request.get("page", "0")
        if not isinstance(page, str) or whole_number(page) is None:
            self.request.response.setStatus(400)
            self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return "page must be a whole number."
        return super().__call__()

    def generate(self):
        """The gzipped sitemap (its index without ``page``). Not kept in Plone's memory cache:
        that one is keyed on the catalog's change counter alone, and the same for every user."""
        xml = self.template() if "page" in self.request else self.template_index()
        out = BytesIO()
        with GzipFile(self.filename, "wb", 9, out) as gzip:
            gzip.write(xml.encode("utf-8") if isinstance(xml, str) else xml)
        return out.getvalue()
