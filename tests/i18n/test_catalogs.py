"""The gettext catalogs: the template is in step with the code, and every language the platform
ships has a complete, valid catalog that keeps each message's variables."""

from clusterpolisee.languages.homes import PARTNER_LANGUAGES
from pathlib import Path
import clusterpolisee
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
)


@pytest.mark.parametrize("language", PARTNER_LANGUAGES)
def test_form_messages_of_other_packages_speak_every_language(integration, language):
    from zope.i18n import translate
    from zope.i18nmessageid import MessageFactory

    for domain, message in FORM_MESSAGES:
        translated = translate(MessageFactory(domain)(message), target_language=language)
        assert translated != message, (language, domain, message)


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
