"""The Country question opens on an empty "Choose your country" option and stays required."""

from clusterpolisee.consultations.questionnaires import answer_rows
from clusterpolisee.consultations.questionnaires import country_prompt_xml
from clusterpolisee.consultations.questionnaires import FOLDER_ID
from clusterpolisee.consultations.questionnaires import prompt_for_country_everywhere
from clusterpolisee.consultations.questionnaires import record_answer
from clusterpolisee.languages.homes import LANGUAGE_CODES
from collective.easyform.api import get_schema
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
import re


def country_options(form):
    """(value, text, selected) of the Country select's options, as the page renders them."""
    html = api.content.get_view("view", form, form.REQUEST)()
    select = re.search(r'<select[^>]*id="form-widgets-country".*?</select>', html, re.S).group(0)
    return [
        (value, text.strip(), bool(selected))
        for attributes, text in re.findall(r"<option([^>]*)>([^<]*)</option>", select)
        for value, selected in [
            (re.search(r'value="([^"]*)"', attributes).group(1), "selected" in attributes)
        ]
    ]


class TestCountryPrompt:
    def test_country_starts_on_choose_your_country(self, portal):
        options = country_options(portal["en"][FOLDER_ID]["sustainability"])
        assert options[0] == ("--NOVALUE--", "Choose your country", True)
        assert ("AL", "Albania", False) in options
        assert [option for option in options if option[2]] == [options[0]]
        # Every questionnaire, in every language, asks so; the question is still required.
        for language in LANGUAGE_CODES:
            for form in portal[language][FOLDER_ID].contentValues():
                assert "<prompt>True</prompt>" in form.fields_model
                assert get_schema(form)["country"].required

    def test_the_upgrade_adds_the_prompt_to_older_questionnaires(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        form = portal["el"][FOLDER_ID]["innovation-rd"]
        # A questionnaire made before the prompt, whose Region question the coordinator edited.
        form.fields_model = form.fields_model.replace(country_prompt_xml("el"), "").replace(
            "<title>Περιφέρεια</title>", "<title>Περιφέρεια ή πόλη</title>"
        )
        record_answer(form, {"country": "GR", "importance": "4", "consent": True})
        answers = len(answer_rows(form))
        assert country_options(form)[0][0] == "AL"  # the first country, preselected
        assert prompt_for_country_everywhere(portal) == [form]
        assert country_options(form)[0] == ("--NOVALUE--", "Επιλέξτε τη χώρα σας", True)
        assert get_schema(form)["region"].title == "Περιφέρεια ή πόλη"
        assert len(answer_rows(form)) == answers
        assert prompt_for_country_everywhere(portal) == []  # once only
