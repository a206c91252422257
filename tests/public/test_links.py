"""Every link an anonymous visitor can reach on the demo site works: no 404, no 500, no login
prompt.

Follows the links of the site's own pages from the landing page, breadth first, as an anonymous
visitor with the demo content loaded; a link into another site is not followed.
"""

from html.parser import HTMLParser
from urllib.parse import urldefrag
from urllib.parse import urljoin
from urllib.parse import urlsplit
import pytest
import requests


# Enough to reach every kind of public page (the search's facet combinations are endless).
MAX_PAGES = 350
# Pages that only change state or lead out of the visitor's session, and Plone's resources.
SKIPPED = ("/logout", "/++resource++", "/++plone++", "/++theme++", "/++webresource++")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


@pytest.fixture
def demo_site(demo_functional, functional):
    return functional["portal"].absolute_url()


def crawl(start):
    origin = urlsplit(start).netloc
    seen, queue, broken, pages = {start}, [(start, None)], [], 0
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
        for href in parser.hrefs:
            target = urldefrag(urljoin(response.url, href)).url
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != origin:
                continue
            if any(skip in parts.path for skip in SKIPPED) or target in seen:
                continue
            seen.add(target)
            queue.append((target, url))
    return pages, broken


class TestLinks:
    def test_no_link_a_visitor_can_follow_is_broken(self, demo_site):
        pages, broken = crawl(demo_site)
        assert pages > 100
        assert broken == []
