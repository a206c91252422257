"""The browser's title of a page (core/face.py, WCAG 2.4.2) over HTTP: what the page is, then the
platform's name in the page's language; a name the site's administrators gave it, as written."""

from clusterpolisee.core.face import PLATFORM_NAME
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from zope.i18n import translate
import pytest
import re
import requests
import transaction


TITLE = re.compile(r"<title>(.*?)</title>", re.S)
NAME = str(PLATFORM_NAME)


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=portal["repository"], type="BestPractice", id="vouchers", title="Vouchers"
        )
    transaction.commit()
    return portal


def title(url, language="en", owner=False, status=200):
    response = requests.get(
        url,
        cookies={"I18N_LANGUAGE": language},
        headers={"Accept": "text/html"},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD) if owner else None,
        timeout=60,
    )
    assert response.status_code == status, (url, response.status_code)
    return " ".join(TITLE.search(response.text).group(1).split())


class TestPageTitles:
    def test_a_language_home_is_the_platforms_name_in_its_language(self, site):
        url = site.absolute_url()
        assert title(f"{url}/en") == NAME
        italian = translate(PLATFORM_NAME, target_language="it")
        assert italian != NAME
        assert title(f"{url}/it", "it") == italian
        # Its pages: what they are, then the name, never the folder's title ("Italiano").
        assert title(f"{url}/it/@@indicators", "it") == f"Indicatori di prestazione — {italian}"
        assert title(f"{url}/en/@@matchmaking") == f"Matchmaking — {NAME}"
        assert title(f"{url}/en/@@region/RO21") == f"Nord-Est (RO21) — {NAME}"
        assert title(f"{url}/en/sitemap") == f"Site map — {NAME}"
        assert title(f"{url}/event_listing?mode=past") == f"Past events — {NAME}"

    def test_plones_own_pages_and_errors_say_what_they_are(self, site):
        url = site.absolute_url()
        assert title(f"{url}/en/no-such-page", status=404) == (
            f"This page does not seem to exist… — {NAME}"
        )
        # Under a page that reads the rest of the address: Plone's error page, with the site
        # around it (it was a bare "Error" page).
        assert title(f"{url}/en/@@topic/no-such-topic", status=404) == (
            f"This page does not seem to exist… — {NAME}"
        )
        assert title(f"{url}/en/@@region/XX99", status=404) == (
            f"This page does not seem to exist… — {NAME}"
        )
        # Inside a private workspace, for a visitor and for its owner: the error alone, never
        # the workspace (the page had no title).
        for owner in (False, True):
            assert title(
                f"{url}/working-groups/innovation-rd/no-such-page", owner=owner, status=404
            ) == (f"This page does not seem to exist… — {NAME}")
        # Drawn on the site for a visitor (test_error_pages.py): nothing in its head names the
        # workspace.
        head = requests.get(
            f"{url}/working-groups/innovation-rd/no-such-page",
            headers={"Accept": "text/html"},
            timeout=60,
        ).text.split("</head>")[0]
        assert '<meta name="viewport"' in head
        assert 'rel="icon"' in head
        assert 'rel="search"' in head
        assert "WG4" not in head
        assert title(f"{url}/mail_password_form") == f"Lost Password — {NAME}"
        # A panel of Site Setup without a label: its name in Site Setup.
        assert title(f"{url}/@@usergroup-userprefs", owner=True) == f"Users — {NAME}"
        # Another of Plone's pages on a language home: its heading there, the home's title.
        assert title(f"{url}/en/folder_contents", owner=True) == f"English — {NAME}"
        sharing = title(f"{site['repository'].absolute_url()}/@@sharing", owner=True)
        assert sharing == f"Sharing — Repository — {NAME}"

    def test_a_form_names_the_item_it_is_on(self, site):
        url = site["repository"]["vouchers"].absolute_url()
        assert title(url, owner=True) == f"Vouchers — {NAME}"
        assert title(f"{url}/edit", owner=True) == f"Edit Best practice — Vouchers — {NAME}"
        add = title(f"{site['repository'].absolute_url()}/++add++BestPractice", owner=True)
        assert add == f"Add Best practice — Repository — {NAME}"

    def test_a_renamed_site_keeps_its_name_in_every_language(self, site):
        api.portal.set_registry_record("plone.site_title", "Cluster Learning Hub")
        transaction.commit()
        url = site.absolute_url()
        assert title(f"{url}/it", "it") == "Cluster Learning Hub"
        assert title(f"{url}/it/@@indicators", "it") == (
            "Indicatori di prestazione — Cluster Learning Hub"
        )
