"""The consultations' counted results as open data, read over HTTP as a program reads them, on the
demo site that ``make start`` builds: only consultations that have closed with five answers or
more, counts per choice in all languages together with counts under five left empty, never a free
text, who answered or when; a consultation the public may not see is left out; answers erased
leave the counts at once (no cache keeps them); the CSV equals the JSON cell by cell."""

from clusterpolisee.consultations.questionnaires import PUBLIC_MINIMUM_ANSWERS
from clusterpolisee.consultations.questionnaires import questionnaires
from clusterpolisee.consultations.questionnaires import record_answer
from clusterpolisee.consultations.questionnaires import SAVER
from clusterpolisee.core import dates
from clusterpolisee.public.opendata import DATASETS
from collective.easyform.api import get_actions
from datetime import timedelta
from plone import api
import codecs
import csv
import io
import pytest
import requests
import transaction


COUNTED = "innovation-rd"  # five demo answers, in five languages
TOO_FEW = "financial-framework"  # two demo answers


def close(site, topic):
    """The consultation closed an hour ago, in every language (as its dates are kept)."""
    forms = questionnaires(site["en"]["consultations"][topic])
    closes = (dates.now() - timedelta(hours=1)).replace(tzinfo=None)
    for form in forms.values():
        form.opens = closes - timedelta(days=30)
        form.closes = closes
    return forms


@pytest.fixture
def site(demo_functional, functional):
    portal = functional["portal"]
    close(portal, COUNTED)
    transaction.commit()
    return portal


def download(site, extension):
    response = requests.get(
        f"{site.absolute_url()}/@@open-data/consultations.{extension}", timeout=60
    )
    assert response.status_code == 200, response.text
    return response


def counts(items, consultation, question):
    return {
        item["choice"]: item["answers"]
        for item in items
        if item["consultation"] == consultation and item["question"] == question
    }


class TestConsultationResults:
    def test_counts_of_closed_consultations_never_an_answer(self, site):
        response = download(site, "json")
        assert response.headers["Content-Type"] == "application/json; charset=utf-8"
        assert response.headers["Content-Disposition"] == (
            'attachment; filename="clusterpolisee-consultations.json"'
        )
        data = response.json()
        assert data["dataset"] == "consultations"
        items = data["items"]
        assert PUBLIC_MINIMUM_ANSWERS == 5
        assert {item["consultation"] for item in items} == {COUNTED}
        assert {item["respondents"] for item in items} == {5}
        # The demo's five answers (ro, en, el, hr, sl): counts under five are left empty.
        assert counts(items, COUNTED, "respondent_type") == {
            "policy-maker": None,
            "private-sector": None,
            "research-civil-society": None,
        }
        assert set(counts(items, COUNTED, "measures").values()) == {None, 0}
        assert counts(items, COUNTED, "measures")["none"] == 0  # nobody ticked it
        (first,) = [
            item
            for item in items
            if item["question"] == "respondent_type" and item["choice"] == "policy-maker"
        ]
        assert first["consultation_title"] == site["en"]["consultations"][COUNTED].Title()
        assert first["question_title"] == "Who are you answering for?"
        assert first["choice_title"].startswith("Policy maker")
        assert first["answered"] == 5
        assert first["opens"] < first["closes"]
        # No free text, no organisation, no region typed by a person, no time of an answer.
        text = response.text
        for private in ("Vouchere de inovare", "Zajednički laboratorij", "Jadranska", "Veneto"):
            assert private not in text
        assert {"innovative_measure", "organisation", "region"}.isdisjoint(
            {item["question"] for item in items}
        )
        assert "last_answer" not in text
        assert "submitted" not in text

    def test_csv_equals_json_cell_by_cell(self, site):
        body = download(site, "csv")
        assert body.headers["Content-Type"] == "text/csv; charset=utf-8"
        assert body.content.startswith(codecs.BOM_UTF8)
        rows = list(csv.DictReader(io.StringIO(body.content.decode("utf-8-sig"))))
        items = download(site, "json").json()["items"]
        columns = [name for name, *_rest in DATASETS["consultations"]["columns"]]
        assert list(rows[0]) == columns
        assert len(rows) == len(items) > 20
        for row, item in zip(rows, items, strict=True):
            assert row == {name: "" if item[name] is None else str(item[name]) for name in columns}

    def test_open_consultations_never_show_and_five_alike_answers_do(self, site):
        forms = questionnaires(site["en"]["consultations"][TOO_FEW])
        for language in ("en", "it", "de", "bg", "hu"):
            record_answer(
                forms[language],
                {"respondent_type": "policy-maker", "country": "AT", "pilot": "yes"},
            )
        transaction.commit()
        # Seven answers, but still open: each new answer would show in the counts.
        items = download(site, "json").json()["items"]
        assert {item["consultation"] for item in items} == {COUNTED}
        close(site, TOO_FEW)
        transaction.commit()
        items = download(site, "json").json()["items"]
        assert {item["consultation"] for item in items} == {COUNTED, TOO_FEW}
        assert counts(items, TOO_FEW, "country")["AT"] == 5
        assert {item["respondents"] for item in items if item["consultation"] == TOO_FEW} == {7}

        # Taken from the public in every language: its counts are no longer open data.
        with api.env.adopt_roles(["Manager"]):
            for form in forms.values():
                api.content.transition(obj=form, to_state="private")
        transaction.commit()
        items = download(site, "json").json()["items"]
        assert {item["consultation"] for item in items} == {COUNTED}

    def test_erased_answers_leave_the_counts_at_once(self, site):
        assert download(site, "json").json()["items"]
        for form in questionnaires(site["en"]["consultations"][COUNTED]).values():
            get_actions(form)[SAVER].clearSavedFormInput()
        transaction.commit()
        assert download(site, "json").json()["items"] == []

    def test_the_page_describes_the_dataset(self, site):
        page = requests.get(f"{site.absolute_url()}/@@open-data", timeout=60).text
        assert "Results of the consultations" in page
        assert "closed with 5 answers or more" in page
        assert f"{site.absolute_url()}/@@open-data/consultations.csv" in page
        for name, *_rest in DATASETS["consultations"]["columns"]:
            assert f"<code>{name}</code>" in page
