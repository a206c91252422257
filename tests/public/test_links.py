"""Every link an anonymous visitor can reach on the demo site works: no 404, no 500, no login
prompt; and every page's browser title says what the page is, as its heading does, followed by
the platform's name (WCAG 2.4.2).

Follows the links of the site's own pages from the landing page, breadth first, as an anonymous
visitor with the demo content loaded; a link into another site is not followed.
"""

from clusterpolisee.core.face import PLATFORM_NAME
from clusterpolisee.languages.homes import LANGUAGE_CODES
from html.parser import HTMLParser
from urllib.parse import urldefrag
from urllib.parse import urljoin
from urllib.parse import urlsplit
from zope.i18n import translate
import pytest
import re
import requests


# Enough to reach every kind of public page (the search's facet combinations are endless).
MAX_PAGES = 350
# Pages that only change state or lead out of the visitor's session, and Plone's resources.
LANG = re.compile(r'<html[^>]* lang="([a-z]+)')
SKIPPED = ("/logout", "/++resource++", "/++plone++", "/++theme++", "/++webresource++")


class Links(HTMLParser):
    """A page's links, its browser title and its first heading."""

    def __init__(self):
        super().__init__()
        self.hrefs = []
        self.texts = {"title": None, "h1": None}
        self.reading = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)
        # The first of each: an icon's <title> inside the page is not the page's.
        if tag in self.texts and self.texts[tag] is None:
            self.texts[tag] = ""
            self.reading = tag

    def handle_endtag(self, tag):
        if tag == self.reading:
            self.reading = None

    def handle_data(self, data):
        if self.reading:
            self.texts[self.reading] += data

    def text(self, tag):
        return " ".join((self.texts[tag] or "").split())


def mistitled(parser, name):
    """What is wrong with a page's title, or None: it must be its heading (or its heading's
    start: "Search results" for "Search results for vouchers"), then the platform's name; the
    home page is the platform's name alone."""
    title, heading = parser.text("title"), parser.text("h1")
    if title == name == heading:
        return None
    page, separator, site = title.rpartition(" — ")
    if not separator or site != name:
        return f"title {title!r} does not end with {name!r}"
    if heading and not heading.startswith(page):
        return f"title {title!r}, heading {heading!r}"
    return None


@pytest.fixture
def demo_site(demo_functional, functional):
    return functional["portal"].absolute_url()


def crawl(start, platform_names):
    """(pages read, broken links, mistitled pages); the platform's name by page language."""
    origin = urlsplit(start).netloc
    seen, queue, broken, pages = {start}, [(start, None)], [], 0
    titles = []
    while queue and pages < MAX_PAGES:
        url, referrer = queue.pop(0)
        response = requests.get(url, allow_redirects=True, timeout=60)
        pages += 1
        if response.status_code == 404 or response.status_code >= 500:
            broken.append(f"{response.status_code} {url} (linked from {referrer})")
            continue
        if "require_login" in response.url and "/login" not in url:
            # A visitor is never offered a link that only asks them to log in.
            broken.append(f"login prompt at {url} (linked from {referrer})")
        if "text/html" not in response.headers.get("Content-Type", ""):
            continue
        parser = Links()
        parser.feed(response.text)
        language = LANG.search(response.text)
        wrong = mistitled(parser, platform_names[language.group(1) if language else "en"])
        if wrong:
            titles.append(f"{url}: {wrong}")
        for href in parser.hrefs:
            target = urldefrag(urljoin(response.url, href)).url
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != origin:
                continue
            if any(skip in parts.path for skip in SKIPPED) or target in seen:
                continue
            seen.add(target)
            queue.append((target, url))
    return pages, broken, titles


class TestLinks:
    def test_no_link_a_visitor_can_follow_is_broken_and_every_page_is_titled(self, demo_site):
        names = {
            language: translate(PLATFORM_NAME, target_language=language)
            for language in LANGUAGE_CODES
        }
        pages, broken, titles = crawl(demo_site, names)
        assert pages > 100
        assert broken == []
        assert titles == [], "\n".join(titles)
