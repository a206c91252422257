"""Translators translate without publishing; the report lists translations whose source changed."""

from clusterpolisee.core.sections import publish
from clusterpolisee.languages.translations import is_outdated
from clusterpolisee.languages.views import TranslationsToUpdateView
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import TEST_USER_ID
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent
import pytest
import requests
import time
import transaction


PASSWORD = "secret-pass-1"


def edit(obj, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    notify(ObjectModifiedEvent(obj))


@pytest.fixture
def guide(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    english = api.content.create(
        container=portal["en"], type="Document", id="guide", title="How to answer"
    )
    italian = ITranslationManager(english).add_translation("it")
    italian.title = "Come rispondere"
    return english, italian


class TestTranslationsToUpdate:
    def test_a_new_translation_is_up_to_date(self, portal, guide):
        _english, italian = guide
        assert not is_outdated(italian)
        assert len(api.portal.get_tool("portal_catalog")(translation_outdated=True)) == 0

    def test_a_changed_source_makes_its_translations_outdated_until_they_are_edited(
        self, portal, guide, request_
    ):
        english, italian = guide
        time.sleep(0.01)
        edit(english, title="How to answer the consultation")
        catalog = api.portal.get_tool("portal_catalog")
        assert [brain.getPath() for brain in catalog(translation_outdated=True)] == [
            "/plone/it/guide"
        ]
        report = TranslationsToUpdateView(portal, request_).items()
        assert [(item["title"], item["source_title"]) for item in report] == [
            ("Come rispondere", "How to answer the consultation")
        ]
        time.sleep(0.01)
        edit(italian, title="Come rispondere alla consultazione")
        assert len(catalog(translation_outdated=True)) == 0

    def test_a_change_copied_by_multilingual_does_not_count_as_translated(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        english = portal["en"]["consultations"]["sustainability"]
        time.sleep(0.01)
        # One edit of the source, with a language-independent field: multilingual copies the
        # date to every translation, which still needs its new title translated.
        edit(english, title="Sustainability of clusters", closes=english.closes)
        outdated = api.portal.get_tool("portal_catalog")(translation_outdated=True)
        assert len(outdated) == 12
        assert {brain.Language for brain in outdated} == {
            "it", "ro", "el", "bg", "sl", "hr", "sr", "sq", "mk", "hu", "sk", "de"
        }  # fmt: skip


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.create(username="translator", email="translator@example.org", password=PASSWORD)
        api.group.add_user(groupname="translators", username="translator")
        source = api.content.create(
            container=portal["en"], type="Document", id="welcome", title="Welcome"
        )
        publish(source)
    transaction.commit()
    return portal.absolute_url()


def rest(login):
    session = requests.Session()
    session.auth = (login, PASSWORD)
    session.headers["Accept"] = "application/json"
    return session


class TestTranslatorRole:
    def test_a_translator_translates_and_submits_but_cannot_publish(self, site):
        translator = rest("translator")
        created = translator.post(
            f"{site}/it", json={"@type": "Document", "id": "benvenuti", "title": "Benvenuti"}
        )
        assert created.status_code == 201, created.text
        linked = translator.post(
            f"{site}/en/welcome/@translations", json={"id": f"{site}/it/benvenuti"}
        )
        assert linked.status_code == 201, linked.text
        translations = translator.get(f"{site}/en/welcome/@translations").json()
        assert {item["language"] for item in translations["items"]} == {"it"}

        edited = translator.patch(f"{site}/it/benvenuti", json={"title": "Benvenuti!"})
        assert edited.status_code == 204
        published = translator.post(f"{site}/it/benvenuti/@workflow/publish")
        assert published.status_code in (400, 401, 403)  # restapi: not a transition for them
        assert translator.get(f"{site}/it/benvenuti").json()["review_state"] == "private"
        submitted = translator.post(f"{site}/it/benvenuti/@workflow/submit")
        assert submitted.status_code == 200, submitted.text
        assert submitted.json()["review_state"] == "pending"
        # Visitors do not see it before a reviewer publishes it.
        assert requests.get(f"{site}/it/benvenuti", allow_redirects=False).status_code in (
            302,
            401,
        )

    def test_a_translator_sees_the_report_and_a_visitor_does_not(self, site):
        report = requests.get(f"{site}/@@translations-to-update", auth=("translator", PASSWORD))
        assert report.status_code == 200
        assert "Every translation is up to date with its source." in report.text
        visitor = requests.get(f"{site}/@@translations-to-update", allow_redirects=False)
        assert visitor.status_code == 302
