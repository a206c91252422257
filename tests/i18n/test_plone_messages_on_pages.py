"""Plone's own words on the platform's pages, over HTTP, in every partner language (plone.app.locales
leaves many untranslated: all of them in Macedonian, half in Greek and Hungarian, some in every
other language; and has some in English, as German's "Powered by Plone & Python", or wrong, as
Bulgarian's footer with "${description_license}": the platform's catalogs answer first): the
language home (the header, the personal bar, the search box, the footer), the login form and an
event's page show them in the home's language, Serbian in Cyrillic; a language home's heading is
the platform's name in its language."""

from clusterpolisee import _
from clusterpolisee.languages.homes import PARTNER_LANGUAGES
from html.parser import HTMLParser
from zope.i18n import translate
import re
import requests


LANGUAGES = PARTNER_LANGUAGES
EVENT = "events/european-cluster-conference"
MISSING = "\x00"  # what translate answers for a message the language's catalogs lack

# Plone's English, as a page shows it when its language lacks a translation (a text of its own or
# a label: title, placeholder, aria-label), and the messages (Plone's domain) that say it; where
# the language says it the same (Italian's "Home", Romanian's "Contact"), the page may too.
ENGLISH = {
    "Log in": ("Log in", "label_log_in"),
    "Register": ("Register", "label_register"),
    "Search Site": ("text_search", "title_search_site", "title_search_title"),
    "Search this site": ("title_search_this_site",),
    "Search": ("Search", "label_search", "box_search"),
    "Home": ("Home", "tabs_home"),
    "Navigation": ("Navigation", "heading_sections"),
    "Toggle navigation": ("label_toggle_navigation",),
    "breadcrumb": ("breadcrumb",),
    "Accessibility": ("Accessibility",),
    "Contact": ("Contact",),
    "Site Map": ("Site Map",),
    "Copyright": ("title_copyright",),
    "Plone Foundation": ("label_plone_foundation",),
    "GNU GPL license": ("label_gnu_gpl_licence",),
    "Powered by Plone": ("label_powered_by_plone",),
    "This site was built using the Plone Open Source CMS/WCM.": ("title_built_with_plone",),
    "Upcoming Events": ("box_events",),
    "Previous events…": ("box_previous_events",),
    "Upcoming events…": ("box_upcoming_events",),
    "Login Name": ("label_login_name",),
    "Password": ("label_password",),
    "Need an account?": ("need_an_account",),
    "Sign up here": ("footer_login_link_signup",),
    "Trouble logging in?": ("trouble_logging_in",),
    "Get help": ("footer_login_link_get_help",),
    "When": ("event_when",),
    "Where": ("event_where",),
    "Add event to calendar": ("heading_add_to_calendar",),
    "Download this event in iCal format": ("title_add_to_ical",),
}
# English that a translation may carry along (German's colophon was "Powered by Plone & Python"),
# and a variable no page fills in (Bulgarian's footer said "${description_license}").
ENGLISH_PHRASES = ("and friends", "Distributed under the", "Powered by", "${")
CYRILLIC = re.compile("[\u0400-\u04ff]")


class Texts(HTMLParser):
    """A page's texts and labels, its scripts and styles left out; its first heading."""

    LABELS = ("title", "placeholder", "aria-label", "alt")

    def __init__(self):
        super().__init__()
        self.texts, self.heading, self._skip, self._in_heading = [], None, 0, False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "title"):
            self._skip += 1
        if tag == "h1" and self.heading is None:
            self._in_heading, self.heading = True, ""
        self.texts.extend(value.strip() for name, value in attrs if name in self.LABELS and value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title"):
            self._skip -= 1
        if tag == "h1":
            self._in_heading = False

    def handle_data(self, data):
        if self._in_heading:
            self.heading += data
        if not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))


def english_in(language):
    """The English texts that would be left untranslated on a page in the language."""
    return {
        english
        for english, msgids in ENGLISH.items()
        if all(
            translate(msgid, domain="plone", target_language=language, default=MISSING) != english
            for msgid in msgids
        )
    }


def read(url, language):
    response = requests.get(
        url, cookies={"I18N_LANGUAGE": language}, headers={"Accept": "text/html"}, timeout=60
    )
    assert response.status_code == 200, (url, response.status_code)
    page = Texts()
    page.feed(response.text)
    return page


def test_plones_words_are_in_the_homes_language(demo_functional, functional):
    portal = functional["portal"]
    site = portal.absolute_url()
    assert portal["sr"].Title() == "Српски"
    for language in LANGUAGES:
        name = translate(_("SEE Cluster Policy Learning Platform"), target_language=language)
        assert name != "SEE Cluster Policy Learning Platform"
        pages = {
            "home": read(f"{site}/{language}", language),
            "login": read(f"{site}/{language}/login", language),
            "event": read(f"{site}/{EVENT}", language),
        }
        # The home's heading: the platform's name, not the folder's ("Shqip", "Српски").
        assert " ".join(pages["home"].heading.split()) == name, language
        english_left = english_in(language)
        for page_name, page in pages.items():
            english = sorted(set(page.texts) & english_left)
            assert english == [], (language, page_name, english)
            text = " ".join(page.texts)
            assert [phrase for phrase in ENGLISH_PHRASES if phrase in text] == [], (
                language,
                page_name,
            )
        if language == "sr":
            # Plone's own words in Cyrillic, as the platform's: "Пријава", not "Prijava".
            assert "Пријава" in pages["home"].texts
            assert {"Prijava", "Registracija", "Pretraga"} & set(pages["home"].texts) == set()
            assert CYRILLIC.search(pages["home"].heading)
