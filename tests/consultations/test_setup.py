"""The profile ships six questionnaires, one per topic, in every language, linked as translations."""

from clusterpolisee.consultations.questionnaires import FIELD_NAMES
from clusterpolisee.consultations.questionnaires import FOLDER_ID
from clusterpolisee.core.topics import TOPICS
from clusterpolisee.languages.homes import LANGUAGE_CODES
from collective.easyform.api import get_actions
from collective.easyform.api import get_schema
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager


TOPIC_IDS = [topic_id for topic_id, _title, _help in TOPICS]


class TestQuestionnaires:
    def test_every_language_has_the_six_questionnaires(self, portal):
        for language in LANGUAGE_CODES:
            folder = portal[language][FOLDER_ID]
            assert folder.Language() == language
            assert sorted(folder.objectIds()) == sorted(TOPIC_IDS)
            for topic_id in TOPIC_IDS:
                form = folder[topic_id]
                assert form.Language() == language
                assert form.topic == topic_id
                assert api.content.get_state(form) == "published"

    def test_questionnaires_are_linked_as_translations(self, portal):
        for topic_id in TOPIC_IDS:
            english = portal["en"][FOLDER_ID][topic_id]
            translations = ITranslationManager(english).get_translations()
            assert sorted(translations) == sorted(LANGUAGE_CODES)
            assert translations["el"].UID() == portal["el"][FOLDER_ID][topic_id].UID()

    def test_questions_are_the_same_in_every_language_and_translated(self, portal):
        english = portal["en"][FOLDER_ID]["sustainability"]
        greek = portal["el"][FOLDER_ID]["sustainability"]
        english_schema, greek_schema = get_schema(english), get_schema(greek)
        assert list(english_schema) == list(FIELD_NAMES) == list(greek_schema)
        assert greek_schema["importance"].title != english_schema["importance"].title
        assert [t.value for t in english_schema["measures"].value_type.vocabulary] == [
            t.value for t in greek_schema["measures"].value_type.vocabulary
        ]
        assert greek.Title() != english.Title()
        assert "answers" in get_actions(greek)
