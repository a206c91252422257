"""Answering a consultation over HTTP as an anonymous visitor, in several languages; its results
and their export for the coordinator; closed consultations and robots refused."""

from clusterpolisee.consultations.questionnaires import FOLDER_ID
from datetime import timedelta
from plone import api
from tests.authentication.codes import password_only
import csv
import io
import pytest
import re
import requests
import transaction


PASSWORD = "secret-pass-1"
TOPIC = "innovation-rd"


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="coordinator", email="coordinator@example.org", password=PASSWORD)
        api.group.add_user(groupname="coordinators", username="coordinator")
        api.user.create(username="member", email="member@example.org", password=PASSWORD)
        api.group.add_user(groupname="full-members", username="member")
    password_only()  # what people may do, not how they sign in (tests/authentication)
    transaction.commit()
    return portal


def form_url(portal, language, topic=TOPIC):
    return f"{portal.absolute_url()}/{language}/{FOLDER_ID}/{topic}"


def fill(url):
    """Open the questionnaire as a browser would and fill it in: (session, form data)."""
    session = requests.Session()
    page = session.get(url)
    assert page.status_code == 200
    data = {
        "form.widgets.respondent_type": "policy-maker",
        "form.widgets.respondent_type-empty-marker": "1",
        "form.widgets.organisation": "Agency of the North-East",
        "form.widgets.country": "RO",
        "form.widgets.country-empty-marker": "1",
        "form.widgets.region": "Nord-Est",
        "form.widgets.measures": ["joint-rd", "labs"],
        "form.widgets.measures-empty-marker": "1",
        "form.widgets.effectiveness": "3",
        "form.widgets.effectiveness-empty-marker": "1",
        "form.widgets.needs": ["funding"],
        "form.widgets.needs-empty-marker": "1",
        "form.widgets.importance": "4",
        "form.widgets.importance-empty-marker": "1",
        "form.widgets.innovative_measure": "Innovation vouchers <b>for</b> SMEs",
        "form.widgets.pilot": "yes",
        "form.widgets.pilot-empty-marker": "1",
        "form.widgets.consent": "selected",
        "form.widgets.consent-empty-marker": "1",
        "website_address": "",
        "form.buttons.submit": "Send",
    }
    token = re.search(r'name="_authenticator" value="([^"]+)"', page.text)
    if token:
        data["_authenticator"] = token.group(1)
    return session, data


def answer(url, **overrides):
    """Fill in the questionnaire as a browser would and send it."""
    session, data = fill(url)
    data.update(overrides)
    return session.post(url, data={k: v for k, v in data.items() if v is not None})


def results(portal, view, **params):
    return requests.get(
        f"{form_url(portal, 'en')}/@@{view}", params=params, auth=("coordinator", PASSWORD)
    )


class TestAnswering:
    def test_answers_in_romanian_and_english_count_together(self, site):
        romanian = answer(form_url(site, "ro"))
        assert romanian.status_code == 200
        assert "Vă mulțumim" in romanian.text, re.findall(
            r"(?:documentFirstHeading|invalid-feedback|alert)[^<]*<[^<]*<[^<]*", romanian.text
        )
        english = answer(
            form_url(site, "en"),
            **{
                "form.widgets.respondent_type": "private-sector",
                "form.widgets.country": "IT",
                "form.widgets.measures": ["labs"],
            },
        )
        assert "Thank you for your answers" in english.text

        page = results(site, "results")
        assert page.status_code == 200
        assert "Answers: 2" in page.text

        rows = list(
            csv.DictReader(io.StringIO(results(site, "results.csv").content.decode("utf-8-sig")))
        )
        assert sorted(row["language"] for row in rows) == ["en", "ro"]
        by_language = {row["language"]: row for row in rows}
        assert by_language["ro"]["measures"] == "joint-rd; labs"
        assert by_language["en"]["respondent_type"] == "private-sector"
        assert "organisation" not in rows[0]

        exported = results(site, "results.json").json()
        assert sorted(item["language"] for item in exported) == ["en", "ro"]
        romanian_row = next(item for item in exported if item["language"] == "ro")
        assert romanian_row["measures"] == ["joint-rd", "labs"]
        assert romanian_row["country"] == "RO"

        only_private = results(site, "results.json", respondent_type="private-sector").json()
        assert [item["language"] for item in only_private] == ["en"]
        only_romania = results(site, "results.csv", country="RO").text
        assert len(list(csv.DictReader(io.StringIO(only_romania)))) == 1

    def test_results_count_per_question_with_a_chart(self, site):
        answer(form_url(site, "ro"))
        answer(form_url(site, "el"), **{"form.widgets.measures": ["labs"]})
        page = results(site, "results").text
        assert page.count("<svg") >= 5
        assert "Answers: 2" in page
        assert "Innovation vouchers &lt;b&gt;for&lt;/b&gt; SMEs" in page

    def test_a_bad_filter_is_refused_with_a_message(self, site):
        page = results(site, "results", country="XX")
        assert page.status_code == 400
        assert "Unknown filter value: XX" in page.text
        export = results(site, "results.csv", respondent_type="robot")
        assert export.status_code == 400
        assert "Unknown filter value" in export.text

    def test_results_are_for_the_coordinator_not_for_visitors_or_members(self, site):
        # Plone sends a visitor without the permission to the login form.
        anonymous = requests.get(f"{form_url(site, 'en')}/@@results.csv", allow_redirects=False)
        assert anonymous.status_code == 302
        assert "require_login" in anonymous.headers["Location"]
        member = requests.get(
            f"{form_url(site, 'en')}/@@results.json",
            auth=("member", PASSWORD),
            allow_redirects=False,
        )
        assert member.status_code in (302, 401, 403)
        assert "language" not in member.text

    def test_a_missing_consent_is_a_form_error(self, site):
        response = answer(form_url(site, "en"), **{"form.widgets.consent": None})
        assert "Thank you for your answers" not in response.text
        assert results(site, "results.json").json() == []

    def test_form_errors_speak_the_questionnaires_language(self, site):
        response = answer(
            form_url(site, "el"),
            **{"form.widgets.consent": None, "form.widgets.importance": None},
        )
        assert "Υπάρχουν κάποια σφάλματα." in response.text
        assert "Λείπει υποχρεωτική τιμή." in response.text
        assert "There were some errors." not in response.text
        assert "Required input is missing." not in response.text

    def test_a_filled_honeypot_is_refused(self, site):
        response = answer(form_url(site, "en"), website_address="http://spam.example")
        assert response.status_code == 400
        assert "could not be accepted" in response.text
        assert results(site, "results.json").json() == []


@pytest.mark.dates
class TestDates:
    def close(self, portal, **dates):
        english = portal["en"][FOLDER_ID][TOPIC]
        with api.env.adopt_roles(["Manager"]):
            for name, value in dates.items():
                setattr(english, name, value)
            from zope.event import notify
            from zope.lifecycleevent import ObjectModifiedEvent

            notify(ObjectModifiedEvent(english))
        transaction.commit()

    def test_a_closed_consultation_refuses_answers_in_every_language(self, site, clock):
        # Filled in while it was open, sent after it closed.
        self.close(site, opens=clock.wall(days=-30), closes=clock.wall(days=30))
        session, data = fill(form_url(site, "hu"))
        # Forms store a wall time in the site's zone, without the zone.
        yesterday = clock.wall(days=-1)
        self.close(site, opens=yesterday - timedelta(days=30), closes=yesterday)
        page = requests.get(form_url(site, "hu"))
        assert page.status_code == 200
        assert "form.buttons.submit" not in page.text
        response = session.post(form_url(site, "hu"), data=data)
        assert response.status_code == 403
        assert "form-widgets-consent" not in response.text  # no form, the closed page
        assert results(site, "results.json").json() == []
        assert "This consultation closed on" in requests.get(form_url(site, "en")).text

    def test_it_closes_at_the_sites_wall_time_whatever_the_servers_zone(self, site, clock):
        url = form_url(site, "en")
        self.close(site, opens=clock.wall(days=-30), closes=clock.wall(hours=1))
        session, data = fill(url)
        self.close(site, closes=clock.wall(hours=-1))
        refused = session.post(url, data=data)
        assert refused.status_code == 403
        assert "This consultation closed on" in refused.text
        self.close(site, closes=clock.wall(hours=1))
        assert session.post(url, data=data).status_code == 200
        assert len(results(site, "results.json").json()) == 1

    def test_a_consultation_not_yet_open_says_when_it_opens(self, site, clock):
        self.close(site, opens=clock.wall(days=10), closes=None)
        page = requests.get(form_url(site, "en")).text
        assert "This consultation is not open yet" in page


class TestOverview:
    def test_lists_the_six_questionnaires_in_the_visitors_language(self, site):
        root = site.absolute_url()
        hungarian = requests.get(
            f"{root}/@@consultations-overview", cookies={"I18N_LANGUAGE": "hu"}
        )
        assert hungarian.status_code == 200
        assert hungarian.text.count('class="card mb-3"') == 6
        assert "Fenntarthatóság a klaszterfejlesztés révén" in hungarian.text
        assert f"{root}/hu/{FOLDER_ID}/sustainability" in hungarian.text
        folder = requests.get(f"{root}/sk/{FOLDER_ID}")
        assert folder.text.count('class="card mb-3"') == 6
        assert "Udržateľnosť prostredníctvom rozvoja klastrov" in folder.text
        assert "Otvorené" in folder.text
