"""The consultations' counted results as open data, read over HTTP as a program reads them, on the
demo site that ``make start`` builds: only consultations with five answers or more, counts per
choice in all languages together, never a free text or who answered; a consultation the public
may not see is left out; the CSV equals the JSON cell by cell."""

from clusterpolisee.consultations.questionnaires import PUBLIC_MINIMUM_ANSWERS
from clusterpolisee.consultations.questionnaires import questionnaires
from clusterpolisee.consultations.questionnaires import record_answer
from clusterpolisee.public.opendata import DATASETS
from plone import api
import codecs
import csv
import io
import pytest
import requests
import transaction


COUNTED_ONCE = "innovation-rd"  # five demo answers, in five languages
TOO_FEW = "financial-framework"  # two demo answers


@pytest.fixture
def site(demo_functional, functional):
    return functional["portal"]


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
    def test_counts_from_five_answers_up_never_an_answer(self, site):
        response = download(site, "json")
        assert response.headers["Content-Type"] == "application/json; charset=utf-8"
        assert response.headers["Content-Disposition"] == (
            'attachment; filename="clusterpolisee-consultations.json"'
        )
        data = response.json()
        assert data["dataset"] == "consultations"
        items = data["items"]
        assert PUBLIC_MINIMUM_ANSWERS == 5
        assert {item["consultation"] for item in items} == {COUNTED_ONCE}
        assert {item["respondents"] for item in items} == {5}
        # The demo's five answers (ro, en, el, hr, sl), counted together.
        assert counts(items, COUNTED_ONCE, "respondent_type") == {
            "policy-maker": 2,
            "private-sector": 2,
            "research-civil-society": 1,
        }
        assert counts(items, COUNTED_ONCE, "country") == {
            "RO": 1,
            "IT": 1,
            "GR": 1,
            "HR": 1,
            "SI": 1,
        }
        measures = counts(items, COUNTED_ONCE, "measures")
        assert measures["joint-rd"] == 3
        assert measures["none"] == 0  # every choice, the ones nobody ticked too
        assert counts(items, COUNTED_ONCE, "pilot") == {"yes": 3, "maybe": 1, "no": 1}
        (first,) = [
            item
            for item in items
            if item["question"] == "respondent_type" and item["choice"] == "policy-maker"
        ]
        assert first["consultation_title"] == site["en"]["consultations"][COUNTED_ONCE].Title()
        assert first["question_title"] == "Who are you answering for?"
        assert first["choice_title"].startswith("Policy maker")
        assert first["answered"] == 5
        assert first["opens"] <= first["last_answer"]
        # No free text, no organisation, no region typed by a person.
        text = response.text
        for private in ("Vouchere de inovare", "Zajednički laboratorij", "Jadranska", "Veneto"):
            assert private not in text
        assert {"innovative_measure", "organisation", "region"}.isdisjoint(
            {item["question"] for item in items}
        )

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

    def test_a_fifth_answer_publishes_and_a_private_consultation_hides(self, site):
        forms = questionnaires(site["en"]["consultations"][TOO_FEW])
        for language in ("en", "it", "de"):
            record_answer(
                forms[language],
                {"respondent_type": "policy-maker", "country": "AT", "pilot": "yes"},
            )
        transaction.commit()
        items = download(site, "json").json()["items"]
        assert {item["consultation"] for item in items} == {COUNTED_ONCE, TOO_FEW}
        assert counts(items, TOO_FEW, "country")["AT"] == 3
        assert {item["respondents"] for item in items if item["consultation"] == TOO_FEW} == {5}

        # Taken from the public in every language: its counts are no longer open data.
        with api.env.adopt_roles(["Manager"]):
            for form in forms.values():
                api.content.transition(obj=form, to_state="private")
        transaction.commit()
        items = download(site, "json").json()["items"]
        assert {item["consultation"] for item in items} == {COUNTED_ONCE}

    def test_the_page_describes_the_dataset(self, site):
        page = requests.get(f"{site.absolute_url()}/@@open-data", timeout=60).text
        assert "Results of the consultations" in page
        assert "from 5 answers up" in page
        assert f"{site.absolute_url()}/@@open-data/consultations.csv" in page
        for name, *_rest in DATASETS["consultations"]["columns"]:
            assert f"<code>{name}</code>" in page
