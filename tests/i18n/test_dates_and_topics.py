"""What a visitor reads in their language besides the platform's own messages: Plone's dates
(``toLocalizedTime``: bylines, comments, folder listings, the events portlet) in the language's
customary numeric format, the platform's own dates the same, and the six topics of the
collective.taxonomy taxonomy, over REST too."""

from clusterpolisee.core import dates
from clusterpolisee.languages.homes import LANGUAGE_CODES
from DateTime import DateTime
from datetime import datetime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.i18n.utility import setLanguageBinding
import html
import pytz
import re
import requests


# Monday 21 December 2026, 09:30 in an event's zone.
MOMENT = pytz.timezone("Europe/Bucharest").localize(datetime(2026, 12, 21, 9, 30))

# How each language writes that moment (Plone's ``date_format_long``), its date alone
# (``date_format_short``) and its time (``time_format``): the language's customary numeric
# formats, a 24-hour clock everywhere but in English.
CUSTOMARY = {
    "en": ("Dec 21, 2026 09:30 AM", "Dec 21, 2026", "09:30 AM"),
    "it": ("21/12/2026 09:30", "21/12/2026", "09:30"),
    "ro": ("21.12.2026 09:30", "21.12.2026", "09:30"),
    "el": ("21/12/2026 09:30", "21/12/2026", "09:30"),
    "bg": ("21.12.2026 09:30", "21.12.2026", "09:30"),
    "sl": ("21.12.2026 09:30", "21.12.2026", "09:30"),
    "hr": ("21. 12. 2026. 09:30", "21. 12. 2026.", "09:30"),
    "sr": ("21.12.2026. 09:30", "21.12.2026.", "09:30"),
    "sq": ("21.12.2026 09:30", "21.12.2026", "09:30"),
    "mk": ("21.12.2026 09:30", "21.12.2026", "09:30"),
    "hu": ("2026. 12. 21. 09:30", "2026. 12. 21.", "09:30"),
    "sk": ("21. 12. 2026 09:30", "21. 12. 2026", "09:30"),
    "de": ("21.12.2026 09:30", "21.12.2026", "09:30"),
}

ENGLISH_NAMES = re.compile(
    r"\b(AM|PM|January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b"
)


def in_language(request, code):
    """The page in the language the visitor chose (the language switcher's cookie)."""
    request.cookies["I18N_LANGUAGE"] = code
    setLanguageBinding(request)


def test_plones_dates_and_the_platforms_in_every_language(portal, request_):
    assert set(CUSTOMARY) == set(LANGUAGE_CODES)
    written = {}
    for code in LANGUAGE_CODES:
        in_language(request_, code)
        plone_view = api.content.get_view("plone", portal, request_)
        # Plone writes a DateTime at the server process's local time: this one is 09:30 there.
        moment = DateTime(2026, 12, 21, 9, 30)
        written[code] = (
            plone_view.toLocalizedTime(moment, long_format=True),
            plone_view.toLocalizedTime(moment),
            plone_view.toLocalizedTime(moment, time_only=True),
        )
        # The platform's pages (the landing page's events, the events calendar, the events
        # portlet through plone.app.event's ``formatted_date``) write it as Plone does.
        assert dates.format_event_time(MOMENT, portal, request_) == f"{written[code][0]} EET"
        assert dates.format_time(MOMENT, context=portal, request=request_) == written[code][1]
        if code != "en":
            assert not ENGLISH_NAMES.search(" ".join(written[code])), (code, written[code])
    assert written == CUSTOMARY


def test_the_month_and_weekday_names_of_the_calendars_in_every_language(portal, request_):
    from clusterpolisee.core.calendars import MonthGrid

    in_language(request_, "en")
    english = MonthGrid(datetime(2026, 12, 1).date(), {}, request_)
    english_names = (english.title(), [day["name"] for day in english.weekday_names()])
    english_abbr = [day["abbr"] for day in english.weekday_names()]
    assert english_names[0] == "December 2026"
    for code in LANGUAGE_CODES[1:]:
        in_language(request_, code)
        grid = MonthGrid(datetime(2026, 12, 1).date(), {}, request_)
        title = grid.title()
        names = grid.weekday_names()
        # Translated (never a message id left over, never English); Cyrillic all through in
        # Serbian, Macedonian and Bulgarian.
        assert not re.search(r"month_|weekday_", title + str(names)), (code, title, names)
        assert [day["name"] for day in names] != english_names[1], code
        assert [day["abbr"] for day in names] != english_abbr, code
        if code in ("sr", "mk", "bg"):
            assert re.fullmatch(r"[\u0400-\u04ff]+ 2026", title), (code, title)
            assert all(
                re.fullmatch(r"[\u0400-\u04ff.]+", day[key])
                for day in names
                for key in ("abbr", "name")
            ), (code, names)


def test_the_topics_in_the_visitors_language_over_http(demo_functional, functional):
    site = functional["portal"].absolute_url()
    vocabulary = f"{site}/++api++/@vocabularies/collective.taxonomy.topics"
    json = {"Accept": "application/json"}

    def titles(response):
        assert response.status_code == 200, response.text
        return {item["token"]: item["title"] for item in response.json()["items"]}

    # The browser's language, the language home in the address, the visitor's choice (the
    # switcher's cookie).
    italian = titles(requests.get(vocabulary, headers={**json, "Accept-Language": "it"}))
    assert italian["innovation-rd"] == "Sviluppo dei cluster guidato da innovazione e R&S"
    assert italian["skills-jobs"] == "Nuove competenze e creazione di posti di lavoro"
    on_the_italian_home = f"{site}/it/++api++/@vocabularies/collective.taxonomy.topics"
    assert titles(requests.get(on_the_italian_home, headers=json)) == italian
    german = titles(requests.get(vocabulary, headers=json, cookies={"I18N_LANGUAGE": "de"}))
    assert german["sustainability"] == "Nachhaltigkeit durch Clusterentwicklung"
    assert german["international-cooperation"] == (
        "Internationale Clusterzusammenarbeit und Vernetzung"
    )
    english = titles(requests.get(vocabulary, headers={**json, "Accept-Language": "en"}))
    assert english["innovation-rd"] == "Innovation and R&D driven cluster development"
    assert list(italian) == list(german) == list(english)
    # The schema of a best practice (its form, for REST clients) in German.
    schema = requests.get(
        f"{site}/++api++/@types/BestPractice",
        headers=json,
        cookies={"I18N_LANGUAGE": "de"},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
    )
    assert schema.status_code == 200, schema.text
    topics = schema.json()["properties"]["topics"]
    assert (topics["title"], topics["description"]) == (
        "Themen",
        "Eines oder mehrere der sechs Kernthemen.",
    )
    assert (
        topics["items"]["vocabulary"]["@id"] == f"{site}/@vocabularies/collective.taxonomy.topics"
    )
    # The search's topic facet in German.
    facets = requests.get(f"{site}/++api++/@facets", headers=json, cookies={"I18N_LANGUAGE": "de"})
    assert facets.status_code == 200, facets.text
    [topic_facet] = [facet for facet in facets.json()["facets"] if facet["name"] == "topics"]
    assert topic_facet["values"]
    assert {value["title"] for value in topic_facet["values"]} <= set(german.values())
    # A best practice's page in Italian names its topics in Italian: an English original, as a
    # translation under a language home (/ro/...) speaks that home's language whatever the cookie.
    found = requests.get(
        f"{site}/++api++/@search",
        params={
            "portal_type": "BestPractice",
            "Language": "en",
            "metadata_fields": "topics",
            "b_size": 1,
        },
        headers=json,
    ).json()["items"][0]
    page = requests.get(found["@id"], cookies={"I18N_LANGUAGE": "it"})
    assert page.status_code == 200, page.text[-3000:]
    for topic in found["topics"]:
        assert html.escape(italian[topic]) in page.text, (found["@id"], topic)
        assert html.escape(english[topic]) not in page.text


def test_kept_words_follow_the_zone_the_language_and_plones_format_setting(portal, request_):
    """Dates' words are kept (core/dates.py): the same instant on another clock, in another
    language or under Plone's own format setting is written anew."""
    in_language(request_, "en")
    london = MOMENT.astimezone(pytz.timezone("Europe/London"))
    assert dates.format_time(MOMENT, True, portal, request_, keep_own_zone=True) == (
        "Dec 21, 2026 09:30 AM"
    )
    assert dates.format_time(london, True, portal, request_, keep_own_zone=True) == (
        "Dec 21, 2026 07:30 AM"
    )
    in_language(request_, "de")
    assert dates.format_time(MOMENT, True, portal, request_, keep_own_zone=True) == (
        "21.12.2026 09:30"
    )
    prefix = "Products.CMFPlone.i18nl10n.override_dateformat."
    api.portal.set_registry_record(prefix + "Enabled", True)
    api.portal.set_registry_record(prefix + "date_format_long", "%d %b %Y, %H:%M")
    try:
        assert dates.format_time(MOMENT, True, portal, request_, keep_own_zone=True) == (
            "21 Dec 2026, 09:30"
        )
    finally:
        api.portal.set_registry_record(prefix + "Enabled", False)
    assert dates.format_time(MOMENT, True, portal, request_, keep_own_zone=True) == (
        "21.12.2026 09:30"
    )
