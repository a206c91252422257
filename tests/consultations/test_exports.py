"""The platform's exports read as programs read them, on the demo site: the consultation results
(``@@results.csv``, ``@@results.json``), the open data, the indicators and a member's personal
data. Dates are ISO 8601 with their offset (``datetime.fromisoformat``); every CSV is UTF-8 with
a byte-order mark, comma-separated, CRLF, with a header row (the csv module reading the bytes as
``utf-8-sig``), so Greek and Cyrillic answers come back as they were written; ``@@open-data``
says so; a bad parameter is still refused with a message."""

from clusterpolisee.demo.data import DEMO_PASSWORD
from datetime import datetime
from datetime import UTC
from tests.authentication.codes import DemoAuth
from tests.authentication.codes import password_only
from tests.consultations.test_answers_http import answer
from tests.consultations.test_answers_http import form_url
import codecs
import csv
import io
import json
import requests
import transaction


COORDINATOR, MEMBER = "platform.coordinator", "nikos.papadopoulos"
GREEK = "Κουπόνια καινοτομίας για τις ΜμΕ της Θεσσαλίας"
CYRILLIC = "Иновациски ваучери за кластерите во Скопје"


def session(login):
    client = requests.Session()
    client.auth = DemoAuth(login, DEMO_PASSWORD)
    return client


def read_csv(response):
    """A CSV download as a program reads it: the bytes, through ``utf-8-sig``."""
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    body = response.content
    assert body.startswith(codecs.BOM_UTF8), body[:20]
    # Every line ends with CRLF; the header row names the columns.
    lines = body[len(codecs.BOM_UTF8) :].split(b"\r\n")
    assert lines[-1] == b""
    assert all(b"\n" not in line for line in lines if b'"' not in line)
    return list(
        csv.DictReader(io.TextIOWrapper(io.BytesIO(body), encoding="utf-8-sig", newline=""))
    )


def moment(text):
    """An exported date: ISO 8601 with its offset, to the second."""
    value = datetime.fromisoformat(text)
    assert value.tzinfo is not None, text
    assert value.isoformat(timespec="seconds") == text, text
    return value


def test_exports_speak_iso_8601_and_one_csv_convention(demo_functional, functional):
    portal = functional["portal"]
    password_only()  # what people may do, not how they sign in (tests/authentication)
    transaction.commit()
    before = datetime.now(UTC).replace(microsecond=0)
    for language, text in (("el", GREEK), ("mk", CYRILLIC)):
        sent = answer(form_url(portal, language), **{"form.widgets.innovative_measure": text})
        assert sent.status_code == 200, sent.text
    after = datetime.now(UTC)
    coordinator = session(COORDINATOR)
    results = f"{form_url(portal, 'en')}/@@results"

    # The results as CSV: the demo's answers and the two just sent, in their scripts.
    rows = read_csv(coordinator.get(f"{results}.csv"))
    assert list(rows[0])[:2] == ["language", "submitted"]
    by_text = {row["innovative_measure"]: row for row in rows}
    assert by_text[GREEK]["language"] == "el"
    assert by_text[CYRILLIC]["language"] == "mk"
    submitted = [moment(row["submitted"]) for row in rows]
    assert submitted == sorted(submitted)
    for text in (GREEK, CYRILLIC):
        assert before <= moment(by_text[text]["submitted"]) <= after

    # The same answers as JSON, with the same dates.
    exported = coordinator.get(f"{results}.json")
    assert exported.headers["Content-Type"] == "application/json; charset=utf-8"
    items = json.loads(exported.content)
    assert [(item["language"], item["submitted"]) for item in items] == [
        (row["language"], row["submitted"]) for row in rows
    ]
    assert {item["innovative_measure"] for item in items} >= {GREEK, CYRILLIC}
    assert all(moment(item["submitted"]) for item in items)

    # A bad filter is still refused, with a message.
    refused = coordinator.get(f"{results}.csv", params={"country": "XX"})
    assert refused.status_code == 400
    assert "Unknown filter value: XX" in refused.text

    # The open data and the indicators follow the same convention.
    for dataset in ("repository", "institutions"):
        rows = read_csv(requests.get(f"{portal.absolute_url()}/@@open-data/{dataset}.csv"))
        assert rows
        for row in rows:
            moment(row["published"])
            moment(row["modified"])
        items = requests.get(f"{portal.absolute_url()}/@@open-data/{dataset}.json").json()
        assert [item["published"] for item in items["items"]] == [row["published"] for row in rows]
    indicators = read_csv(requests.get(f"{portal.absolute_url()}/@@indicators.csv"))
    assert {"indicator", "title", "breakdown", "value", "count"} == set(indicators[0])

    # A member's personal data: the dates of their contributions.
    data = session(MEMBER).get(f"{portal.absolute_url()}/@@my-data")
    assert data.status_code == 200
    contributions = json.loads(data.content)["contributions"]
    assert contributions
    assert all(moment(item["created"]) for item in contributions)

    # The open-data page tells its readers the convention.
    page = requests.get(f"{portal.absolute_url()}/@@open-data")
    assert page.status_code == 200
    assert 'id="open-data-convention"' in page.text
    assert "ISO 8601" in page.text
    assert "byte-order mark" in page.text
