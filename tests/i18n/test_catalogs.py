"""The gettext template is in step with the code (the language catalogs come with issue 7)."""

from pathlib import Path
import clusterpolisee
import re
import subprocess


PACKAGE = Path(clusterpolisee.__file__).parent
LOCALES = PACKAGE / "locales"
POT = LOCALES / "clusterpolisee.pot"
I18NDUDE = Path(__file__).parents[2] / "bin" / "i18ndude"


def msgids(path):
    return set(re.findall(r'^msgid "(.+)"$', path.read_text(encoding="utf-8"), re.MULTILINE))


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
