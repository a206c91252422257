"""Caching: plone.app.caching's policy in Plone's answers, and Varnish in front of the site.

Anonymous visitors get public pages from the RAM cache and from Varnish; a logged-in member's
page is private, never stored, never served to someone else; a change purges Varnish.
"""

from clusterpolisee.core.sections import publish
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.operations.servers import Varnish
from tests.operations.servers import wait_until
import pytest
import requests
import transaction


PASSWORD = "secret-pass-1"


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.create(
            username="maria",
            email="maria@example.org",
            password=PASSWORD,
            properties={"fullname": "Maria Ionescu"},
        )
        api.group.add_user(groupname="full-members", username="maria")
        publish(
            api.content.create(
                container=portal["repository"],
                type="BestPractice",
                id="vouchers",
                title="Innovation vouchers",
            )
        )
    transaction.commit()
    return functional


def server_address(functional):
    return f"{functional['host']}:{functional['port']}"


class TestCachingPolicy:
    def test_anonymous_pages_are_public_and_come_from_the_ram_cache(self, site):
        url = f"http://{server_address(site)}/plone/repository/vouchers"
        first = requests.get(url)
        assert first.status_code == 200
        assert "s-maxage=600" in first.headers["Cache-Control"]
        assert first.headers["X-Cache-Operation"] == "plone.app.caching.moderateCaching"
        second = requests.get(url)
        assert "X-RAMCache" in second.headers  # served from plone.app.caching's RAM cache
        assert second.text == first.text

    def test_a_language_home_from_a_cache_still_keeps_its_language(self, site):
        """A language home answered from the RAM cache, or as "not modified" to the browser
        that holds it, still gives the visitor its language for the sections outside the
        homes: their cookie said English, and the sections stayed English."""
        url = f"http://{server_address(site)}/plone/it"
        first = requests.get(url)
        assert first.cookies.get("I18N_LANGUAGE") == "it"
        english = {"I18N_LANGUAGE": "en"}
        from_ram = requests.get(url, cookies=english)
        assert "X-RAMCache" in from_ram.headers
        assert from_ram.cookies.get("I18N_LANGUAGE") == "it"
        not_modified = requests.get(
            url, cookies=english, headers={"If-None-Match": first.headers["ETag"]}
        )
        assert not_modified.status_code == 304
        assert not_modified.cookies.get("I18N_LANGUAGE") == "it"
        # Who already has it gets no cookie (a proxy may store the answer).
        assert "Set-Cookie" not in requests.get(url, cookies={"I18N_LANGUAGE": "it"}).headers

    def test_a_members_page_is_private_and_never_from_the_shared_caches(self, site):
        url = f"http://{server_address(site)}/plone/repository/vouchers"
        requests.get(url)  # fill the RAM cache as a visitor
        page = requests.get(url, auth=("maria", PASSWORD))
        assert "X-RAMCache" not in page.headers
        assert "s-maxage" not in page.headers.get("Cache-Control", "")
        assert "Maria Ionescu" in page.text
        # And a visitor never gets Maria's page.
        assert "Maria Ionescu" not in requests.get(url).text

    def test_members_only_pages_are_never_public(self, site):
        url = f"http://{server_address(site)}/plone/members-area"
        page = requests.get(url, auth=("maria", PASSWORD))
        assert page.status_code == 200
        assert "s-maxage" not in page.headers.get("Cache-Control", "")


class TestVarnish:
    @pytest.fixture
    def varnish(self, site, tmp_path):
        proxy = Varnish(server_address(site), tmp_path / "varnish").start()
        portal = site["portal"]
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            api.portal.set_registry_record(
                "plone.cachepurging.interfaces.ICachePurgingSettings.enabled", True
            )
            api.portal.set_registry_record(
                "plone.cachepurging.interfaces.ICachePurgingSettings.cachingProxies", (proxy.url,)
            )
        transaction.commit()
        yield proxy, portal
        proxy.stop()

    def test_visitors_get_hits_members_always_reach_plone(self, varnish):
        proxy, _portal = varnish
        url = f"{proxy.url}/plone/repository/vouchers"
        assert requests.get(url).headers["X-Cache"] == "MISS"
        assert requests.get(url).headers["X-Cache"] == "HIT"
        member = requests.get(url, auth=("maria", PASSWORD))
        assert member.headers["X-Cache"] == "MISS"
        assert "Maria Ionescu" in member.text
        cookie = requests.get(url, cookies={"__ac": "a-session"})
        assert cookie.headers["X-Cache"] == "MISS"
        assert "Maria Ionescu" not in requests.get(url).text

    def test_each_visitor_language_is_cached_apart(self, varnish):
        proxy, _portal = varnish
        url = f"{proxy.url}/plone/repository"

        def lang(response):
            return response.text.split(' lang="', 1)[1][:2]

        assert lang(requests.get(url)) == "en"
        assert requests.get(url).headers["X-Cache"] == "HIT"
        italian = requests.get(url, cookies={"I18N_LANGUAGE": "it", "other": "x"})
        assert lang(italian) == "it"
        assert requests.get(url, cookies={"I18N_LANGUAGE": "it"}).headers["X-Cache"] == "HIT"
        greek = requests.get(url, headers={"Accept-Language": "el-GR,el;q=0.9,en;q=0.5"})
        assert lang(greek) == "el"
        again = requests.get(url, headers={"Accept-Language": "el"})
        assert again.headers["X-Cache"] == "HIT"
        assert lang(again) == "el"
        assert lang(requests.get(url)) == "en"

    def test_a_change_purges_the_page(self, varnish):
        proxy, portal = varnish
        url = f"{proxy.url}/plone/repository/vouchers"
        requests.get(url)
        assert requests.get(url).headers["X-Cache"] == "HIT"
        italian = {"I18N_LANGUAGE": "it"}
        requests.get(url, cookies=italian)
        assert requests.get(url, cookies=italian).headers["X-Cache"] == "HIT"
        edit = requests.patch(
            f"{portal.absolute_url()}/repository/vouchers",
            json={"title": "Innovation vouchers, second edition"},
            auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
            headers={"Accept": "application/json"},
        )
        assert edit.status_code == 204

        def fresh():
            return "second edition" in requests.get(url).text

        wait_until(fresh, seconds=15, what="the purged page")
        # Every language's copy is purged, not only the one without a language.
        assert "second edition" in requests.get(url, cookies=italian).text
