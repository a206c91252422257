"""The gettext catalogs: the template is in step with the code, and every language the platform
ships has a complete, valid catalog that keeps each message's variables."""

from clusterpolisee.languages.homes import PARTNER_LANGUAGES
from pathlib import Path
import clusterpolisee
import plone.app.locales
import pytest
import re
import shutil
import subprocess


PACKAGE = Path(clusterpolisee.__file__).parent
LOCALES = PACKAGE / "locales"
POT = LOCALES / "clusterpolisee.pot"
I18NDUDE = Path(__file__).parents[2] / "bin" / "i18ndude"
ENTRY = re.compile(
    r'^(?P<flags>(?:#.*\n)*)msgid (?P<msgid>"(?:.*)"(?:\n".*")*)\nmsgstr (?P<msgstr>"(?:.*)"(?:\n".*")*)',
    re.MULTILINE,
)
DEFAULT = re.compile(r'^#\. Default: (".*"(?:\n#\. ".*")*)', re.MULTILINE)


def unquote(text):
    return "".join(
        bytes(part[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
        for part in re.findall(r'"(?:[^"\\]|\\.)*"', text)
    )


def entries(path):
    """[(msgid, English text, msgstr, fuzzy)] of a catalog, header left out."""
    found = []
    for match in ENTRY.finditer(path.read_text(encoding="utf-8")):
        msgid = unquote(match["msgid"])
        if not msgid:
            continue
        default = DEFAULT.search(match["flags"])
        english = unquote(default.group(1).replace("#. ", "")) if default else msgid
        found.append((msgid, english, unquote(match["msgstr"]), "fuzzy" in match["flags"]))
    return found


def msgids(path):
    return {msgid for msgid, _english, _msgstr, _fuzzy in entries(path)}


def catalog(language):
    return LOCALES / language / "LC_MESSAGES" / "clusterpolisee.po"


def test_template_lists_every_message_of_the_code(tmp_path):
    rebuilt = tmp_path / "clusterpolisee.pot"
    subprocess.run(
        [str(I18NDUDE), "rebuild-pot", "--pot", str(rebuilt), "--create", "clusterpolisee", "."],
        cwd=PACKAGE,
        check=True,
        capture_output=True,
    )
    missing = msgids(rebuilt) - msgids(POT)
    assert not missing, f"run `make i18n`: the template lacks {sorted(missing)}"


def test_every_partner_language_has_a_catalog_and_no_other():
    shipped = {path.parent.parent.name for path in LOCALES.glob("*/LC_MESSAGES/clusterpolisee.po")}
    assert shipped == set(PARTNER_LANGUAGES)


@pytest.mark.parametrize("language", PARTNER_LANGUAGES)
class TestCatalog:
    def test_is_valid_for_msgfmt(self, language, tmp_path):
        assert shutil.which("msgfmt"), "gettext's msgfmt is installed by scripts/system-packages.sh"
        result = subprocess.run(
            [
                "msgfmt",
                "--check",
                "--statistics",
                "-o",
                str(tmp_path / "out.mo"),
                catalog(language),
            ],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert "untranslated" not in result.stderr, result.stderr
        assert "fuzzy" not in result.stderr, result.stderr

    def test_translates_every_message_of_the_template(self, language):
        translated = {
            msgid
            for msgid, _english, msgstr, fuzzy in entries(catalog(language))
            if msgstr and not fuzzy
        }
        missing = msgids(POT) - translated
        assert not missing, (
            f"{language} lacks {len(missing)} translations, e.g. {sorted(missing)[:5]}"
        )

    def test_keeps_the_variables_of_every_message(self, language):
        for msgid, english, msgstr, _fuzzy in entries(catalog(language)):
            assert set(re.findall(r"\$\{\w+\}", msgstr)) == set(
                re.findall(r"\$\{\w+\}", english)
            ), (
                msgid,
                msgstr,
            )

    def test_says_which_language_it_is(self, language):
        header = catalog(language).read_text(encoding="utf-8").split("\n\n", 1)[0]
        assert f'"Language: {language}\\n"' in header
        assert f'"Language-Code: {language}\\n"' in header


# What a visitor may see of other packages on a consultation form: the platform ships their
# translation where the package itself lacks it.
FORM_MESSAGES = (
    ("z3c.form", "There were some errors."),
    ("z3c.form", "The system could not process the given value."),
    ("zope", "Required input is missing."),
    ("zope", "Value is too long"),
    ("zope", "Constraint not satisfied"),
    ("collective.easyform", "Must be checked."),
    # The topics taxonomy's field (collective.taxonomy's domain): on the forms and in @types.
    ("collective.taxonomy", "Topics"),
    ("collective.taxonomy", "One or more of the six central topics."),
)


@pytest.mark.parametrize("language", PARTNER_LANGUAGES)
def test_form_messages_of_other_packages_speak_every_language(integration, language):
    from zope.i18n import translate
    from zope.i18nmessageid import MessageFactory

    for domain, message in FORM_MESSAGES:
        translated = translate(MessageFactory(domain)(message), target_language=language)
        assert translated != message, (language, domain, message)


# Plone's date formats and the names of months and days (plonelocales): plone.app.locales' where
# it has them right, the platform's (locales/<language>/LC_MESSAGES/plonelocales.po, asked first)
# where it lacks them or has them wrong.
PLONELOCALES_TEMPLATE = Path(plone.app.locales.__file__).parent / "locales" / "plonelocales.pot"
DATE_FORMATS = ("date_format_long", "date_format_short", "time_format")
DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WRITTEN_IN_CYRILLIC = ("bg", "mk", "sr")


def test_dates_and_their_names_speak_every_language(integration):
    from zope.i18n import translate

    def plonelocales(msgid, language):
        return translate(msgid, domain="plonelocales", target_language=language, default="")

    for language in PARTNER_LANGUAGES:
        untranslated = [
            msgid
            for msgid in msgids(PLONELOCALES_TEMPLATE)
            if plonelocales(msgid, language) in ("", msgid)
        ]
        assert not untranslated, (language, untranslated)
        for msgid in DATE_FORMATS:
            # In numbers, a 24-hour clock: no AM/PM (${p}, ${I}) and no names to translate.
            variables = set(re.findall(r"\$\{(\w)\}", plonelocales(msgid, language)))
            expected = {"H", "M"} if msgid == "time_format" else {"d", "m", "Y"}
            if msgid == "date_format_long":
                expected |= {"H", "M"}
            assert variables == expected, (language, msgid, plonelocales(msgid, language))
        for names in (
            [plonelocales(f"weekday_{day}", language) for day in DAYS],
            [plonelocales(f"weekday_{day}_abbr", language) for day in DAYS],
            [plonelocales(f"month_{month}", language) for month in MONTHS],
        ):
            # Each day and month its own name (Romanian had Sunday twice), in the language's
            # script (Serbian's April and August had a Latin "a").
            assert len(set(names)) == len(names), (language, names)
            if language in WRITTEN_IN_CYRILLIC:
                assert all(re.fullmatch(r"[\u0400-\u04ff. ]+", name) for name in names), (
                    language,
                    names,
                )


def test_catalogs_of_other_packages_say_their_language_and_domain():
    for path in LOCALES.glob("*/LC_MESSAGES/*.po"):
        if path.name == "clusterpolisee.po":
            continue
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        language = path.parent.parent.name
        assert f'"Language: {language}\\n"' in header, path
        assert f'"Domain: {path.stem}\\n"' in header, path


def test_catalogs_of_other_packages_are_valid(tmp_path):
    others = [
        path for path in LOCALES.glob("*/LC_MESSAGES/*.po") if path.name != "clusterpolisee.po"
    ]
    assert others
    for path in others:
        result = subprocess.run(
            ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), path],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, (path, result.stderr)
        assert not result.stderr, (path, result.stderr)


# Plone's own messages that a visitor or a member meets on the platform's pages (the header, the
# footer, the portlets, search, login and registration, the events), for the partner languages
# plone.app.locales leaves them untranslated in (every one: Macedonian has no catalog, Greek and
# Hungarian lack half of them, Italian and German a few) or translates wrongly (a ${variable}
# shown as is, a sentence cut short, the message's id, English): the platform ships them in
# Plone's domains (locales/<language>/LC_MESSAGES/plone.po, widgets.po). Its plone.po answers
# before plone.app.locales' (core/translations.py); widgets.po only fills what Plone lacks.
PLONE_LANGUAGES = PARTNER_LANGUAGES
MISSING = "\x00"  # what translate answers for a message the language's catalogs lack
PLONE_MESSAGES = (
    ("plone", "Log in", "Log in"),
    ("plone", "Register", "Register"),
    ("plone", "Log out", "Log out"),
    ("plone", "Dashboard", "Dashboard"),
    ("plone", "text_search", "Search Site"),
    ("plone", "title_search_site", "Search Site"),
    ("plone", "title_search_this_site", "Search this site"),
    ("plone", "label_search", "Search"),
    ("plone", "Home", "Home"),
    ("plone", "tabs_home", "Home"),
    ("plone", "breadcrumb", "breadcrumb"),
    ("plone", "label_toggle_navigation", "Toggle navigation"),
    ("plone", "Accessibility", "Accessibility"),
    ("plone", "Contact", "Contact"),
    ("plone", "Site Map", "Site Map"),
    ("plone", "box_events", "Upcoming Events"),
    ("plone", "box_previous_events", "Previous events…"),
    ("plone", "box_upcoming_events", "Upcoming events…"),
    (
        "plone",
        "description_copyright",
        "The ${plonecms} is ${copyright} 2000-${current_year} by the ${plonefoundation} and friends.",
    ),
    ("plone", "label_powered_by_plone", "Powered by Plone"),
    ("plone", "batch_next_x_items", "Next ${number} items"),
    ("plone", "batch_previous_x_items", "Previous ${number} items"),
    ("plone", "Search results for ${term}", "Search results for ${term}"),
    ("plone", "event_when", "When"),
    ("plone", "event_where", "Where"),
    ("plone", "need_an_account", "Need an account?"),
    ("plone", "you_are_now_logged_in", "Welcome! You are now logged in."),
    ("widgets", "searching…", "searching…"),
    ("widgets", "no results found", "no results found"),
)
# Words a language writes as English does (plone.app.locales' Italian and Romanian).
BORROWED = {("it", "Home"), ("it", "tabs_home"), ("ro", "Contact")}
CYRILLIC = re.compile("[\u0400-\u04ff]")
# What a Serbian message may keep in Latin letters: names, formats and keys of other systems.
LATIN_TOKENS = re.compile(
    r"\$\{\w+\}|<[^>]*>|https?://\S+|&\w+;|\b(CMS|WCM|iCal|RSS|VPAT|WAI|ARIA|AA|Markdown|Caps"
    r"|Lock|Browse|OK|WYSIWYG|W3C)\b|\bv(?=\d)"
)


def plone_catalogs():
    """Every partner language's plone.po, and its widgets.po where Plone's lacks messages."""
    return sorted(
        path
        for language in PLONE_LANGUAGES
        for domain in ("plone", "widgets")
        for path in [LOCALES / language / "LC_MESSAGES" / f"{domain}.po"]
        if domain == "plone" or path.exists()
    )


@pytest.mark.parametrize("language", PLONE_LANGUAGES)
def test_plones_messages_a_visitor_meets_speak_the_language(integration, language):
    from zope.i18n import translate

    for domain, msgid, english in PLONE_MESSAGES:
        translated = translate(msgid, domain=domain, target_language=language, default=MISSING)
        assert translated != MISSING, (language, domain, msgid)
        if (language, msgid) not in BORROWED:
            assert translated != english, (language, domain, msgid)
        if language == "sr":
            assert CYRILLIC.search(LATIN_TOKENS.sub("", translated)), (msgid, translated)


def test_every_language_speaks_every_message_of_plone_the_catalogs_carry(integration):
    """A message of Plone's that the platform translates for one language (a message visitors
    meet) is translated in every partner language: by plone.app.locales, or by the platform
    where Plone lacks it or has it wrong."""
    from zope.i18n import translate

    carried = {(path.stem, msgid) for path in plone_catalogs() for msgid, *_rest in entries(path)}
    assert len(carried) > 250
    untranslated = sorted(
        (language, domain, msgid)
        for language in PLONE_LANGUAGES
        for domain, msgid in carried
        if translate(msgid, domain=domain, target_language=language, default=MISSING) == MISSING
    )
    assert untranslated == []


def test_the_catalogs_of_plones_messages_are_complete_and_keep_their_variables():
    shipped = {path.parent.parent.name for path in LOCALES.glob("*/LC_MESSAGES/plone.po")}
    assert shipped == set(PLONE_LANGUAGES)
    for path in plone_catalogs():
        assert path.exists(), path
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        language = path.parent.parent.name
        assert f'"Language: {language}\\n"' in header, path
        assert f'"Domain: {path.stem}\\n"' in header, path
        found = entries(path)
        assert found, path
        # zope.i18n's compiler reads the first message before the header's charset.
        assert found[0][0].isascii(), (path, found[0][0])
        for msgid, english, msgstr, fuzzy in found:
            assert msgstr, (path, msgid)
            assert not fuzzy, (path, msgid)
            assert set(re.findall(r"\$\{\w+\}", msgstr)) == set(
                re.findall(r"\$\{\w+\}", english)
            ), (path, msgid, msgstr)


def test_every_message_of_those_catalogs_reaches_the_pages(integration):
    """Each message the catalogs ship is what the pages show (none mangled on its way into the
    compiled catalog, as a first message in UTF-8 before the header's charset is): plone.po's
    answer before plone.app.locales' (its corrections count); widgets.po's are none that
    plone.app.locales translates itself, which would answer first."""
    from zope.i18n import translate
    from zope.i18nmessageid import Message

    for path in plone_catalogs():
        language = path.parent.parent.name
        for msgid, english, msgstr, _fuzzy in entries(path):
            message = Message(msgid, domain=path.stem, default=english)
            assert translate(message, target_language=language) == msgstr, (path, msgid)


PLONE_TEMPLATE = Path(plone.app.locales.__file__).parent / "locales" / "plone.pot"
# Where a language writes Plone's English word as English does (the message's id is the word).
SAME_AS_ENGLISH = BORROWED | {
    ("it", "File"),
    ("de", "Link"),
    ("hr", "Link"),
    ("ro", "Link"),
    ("de", "Navigation"),
}
NAMES = ("iCal",)  # Messages that are a name, said the same in every language.
VARIABLE = re.compile(r"\$\{\w+\}")


def plone_messages_visitors_meet():
    """{msgid: its English} of the Plone domain's messages a visitor meets on the platform's
    pages: those the platform translates for some language, those the tests above and the pages'
    (test_plone_messages_on_pages) look for."""
    from tests.i18n.test_plone_messages_on_pages import ENGLISH

    english = {msgid: text for msgid, text, _msgstr, _fuzzy in entries(PLONE_TEMPLATE)}
    messages = {}
    for path in plone_catalogs():
        if path.stem == "plone":
            messages.update((msgid, text) for msgid, text, _msgstr, _fuzzy in entries(path))
    messages.update((msgid, text) for domain, msgid, text in PLONE_MESSAGES if domain == "plone")
    messages.update((msgid, text) for text, msgids in ENGLISH.items() for msgid in msgids)
    return {msgid: english.get(msgid, text) for msgid, text in messages.items()}


def test_plones_messages_visitors_meet_say_what_their_english_says(integration):
    """What the site answers for each message of Plone's that visitors meet, in every partner
    language, keeps exactly the ${variables} of its English (Bulgarian's "Search results for" had
    ${item}, its footer ${description_license}, its lost password help stopped before
    ${site_admin}: shown as is, or missing) and is not the message's id (Romanian's "Insufficient
    Privileges" page said "description_no_privileges_for_page"): the platform's plone.po answers
    first and corrects plone.app.locales where it is wrong."""
    from zope.component import getUtility
    from zope.i18n import translate
    from zope.i18n.interfaces import ITranslationDomain

    messages = plone_messages_visitors_meet()
    assert len(messages) > 250
    domain = getUtility(ITranslationDomain, name="plone")
    defects = []
    for language in PLONE_LANGUAGES:
        # The platform's catalog first (Serbian's too: the Latin-script ones still last).
        assert domain._catalogs[language][0].startswith(str(LOCALES)), language
        for msgid, english in sorted(messages.items()):
            translated = translate(msgid, domain="plone", target_language=language)
            wrong_variables = set(VARIABLE.findall(translated)) != set(VARIABLE.findall(english))
            # Words to translate (not only variables, not a name) left as the message's id.
            untranslated = (
                translated == msgid
                and (language, msgid) not in SAME_AS_ENGLISH
                and msgid not in NAMES
                and VARIABLE.sub("", msgid).strip(" .,:;-") != ""
            )
            if wrong_variables or untranslated:
                defects.append((language, msgid, translated))
    assert defects == []


def test_serbian_catalogs_of_plones_messages_are_in_cyrillic():
    for domain in ("plone", "widgets"):
        for msgid, _english, msgstr, _fuzzy in entries(
            LOCALES / "sr" / "LC_MESSAGES" / f"{domain}.po"
        ):
            letters = [letter for letter in LATIN_TOKENS.sub("", msgstr) if letter.isalpha()]
            assert all(CYRILLIC.match(letter) for letter in letters), (msgid, msgstr)


def test_plones_serbian_answers_in_cyrillic_whatever_order_the_folders_are_listed_in():
    """plone.app.locales' Serbian in Latin script (``sr``) registered before its Cyrillic
    (``sr@Cyrl``), as a file system may list them: the Cyrillic answers."""
    from clusterpolisee.languages.catalogs import serbian_in_cyrillic
    from zope.i18n.gettextmessagecatalog import GettextMessageCatalog
    from zope.i18n.translationdomain import TranslationDomain
    import plone.app.locales

    folders = Path(plone.app.locales.__file__).parent / "locales"
    domain = TranslationDomain("plone")
    for folder in ("sr", "sr@Cyrl"):
        domain.addCatalog(
            GettextMessageCatalog(
                folder, "plone", str(folders / folder / "LC_MESSAGES" / "plone.mo")
            )
        )
    assert domain.translate("Log in", target_language="sr") == "Prijava"
    serbian_in_cyrillic([domain])
    assert domain.translate("Log in", target_language="sr") == "Пријава"


def test_the_sites_serbian_is_cyrillic(integration):
    from clusterpolisee.languages.catalogs import in_latin_script
    from zope.component import getUtility
    from zope.i18n import translate
    from zope.i18n.interfaces import ITranslationDomain

    assert translate("Log in", domain="plone", target_language="sr") == "Пријава"
    assert translate("label_log_in", domain="plone", target_language="sr") == "Пријава"
    for name in ("plone", "widgets", "plonelocales"):
        domain = getUtility(ITranslationDomain, name=name)
        latin = [in_latin_script(domain._data[catalog]) for catalog in domain._catalogs["sr"]]
        assert latin == sorted(latin), (name, domain._catalogs["sr"])


def test_language_homes_are_titled_in_the_script_of_their_language(integration):
    from clusterpolisee.languages.homes import retitle_language_homes

    portal = integration["portal"]
    assert portal["sr"].Title() == "Српски"
    assert portal["it"].Title() == "Italiano"
    # A site made before: Serbian titled in Latin, as plone.i18n names it; a title a person chose
    # stays.
    portal["sr"].setTitle("Srpski")
    portal["hr"].setTitle("Hrvatska stranica")
    assert retitle_language_homes(portal) == ["sr"]
    assert portal["sr"].Title() == "Српски"
    assert portal["hr"].Title() == "Hrvatska stranica"
    assert retitle_language_homes(portal) == []
