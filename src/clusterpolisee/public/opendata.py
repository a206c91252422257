"""Open data: the published repository, the institutions database and the consultations' counted
results as CSV and JSON.

Rows come from catalog metadata only (no object is woken), and only published items are
exported, through a permission-checked catalog query, so a download never holds what the public
may not see. Coded values (topics, countries, regions, ...) are exported as their codes; their
labels are in the named vocabularies served by ``@vocabularies``. Each item says its language
(a translation is a row of its own, in the same translation group as its original). Countries are
ISO 3166-1 codes and regions Eurostat's NUTS codes, which write Greece differently: ``GR`` in
``countries``, ``EL`` at the start of its regions' codes (``EL52``), as the data holds them.
"""

from clusterpolisee import _
from clusterpolisee.consultations.questionnaires import PUBLIC_MINIMUM_ANSWERS
from clusterpolisee.consultations.questionnaires import public_results
from clusterpolisee.core import exports
from clusterpolisee.core.geography import NUTS_COUNTRY
from Missing import MV
from operator import itemgetter
from plone import api
import json


# Greece, the one country whose codes differ: Eurostat's NUTS prefix and its ISO 3166-1 code.
GREECE_NUTS = "EL"
GREECE_ISO = NUTS_COUNTRY[GREECE_NUTS]

REPOSITORY_TYPES = (
    "BestPractice",
    "PolicyAssessment",
    "PilotAction",
    "Publication",
    "CooperationNetwork",
)


def _list(value):
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return sorted(value)


def _present(value):
    # A column an item's type does not fill holds Missing.Value: no value, in CSV and JSON alike.
    return None if value is MV else value


def _text(value):
    # A brain without the column's value holds Missing.Value, not None.
    return value if isinstance(value, str) and value else None


def _date(value):
    # Catalog metadata keeps DateTime; the floor and ceiling dates of "no date" are left out.
    # ISO 8601 with the offset, to the second (core/exports.py).
    if value is None or not hasattr(value, "ISO8601") or not 1970 < value.year() < 2499:
        return None
    return exports.iso(value)


# (column, description, how to read it from a brain, multi-valued)
COMMON = (
    ("uid", _("Unique identifier, stable across renames."), lambda b: b.UID, False),
    ("url", _("Address of the item's page."), lambda b: b.getURL(), False),
    ("title", _("Title."), lambda b: b.Title, False),
    ("summary", _("Summary."), lambda b: b.Description, False),
    (
        "language",
        _("Language of the item (ISO 639-1 code); none for an item in no particular language."),
        lambda b: _text(b.Language),
        False,
    ),
    (
        "translation_group",
        _("Translation group: items with the same value are translations of one another."),
        lambda b: _text(b.TranslationGroup),
        False,
    ),
    (
        "topics",
        _("Central topics (codes of the topics taxonomy)."),
        lambda b: _list(b.topics),
        True,
    ),
    (
        "countries",
        _(
            "Countries (ISO 3166-1 alpha-2 codes: Greece is ${greece}).",
            mapping={"greece": GREECE_ISO},
        ),
        lambda b: _list(b.country),
        True,
    ),
    (
        "regions",
        _(
            "NUTS 2 regions (Eurostat's NUTS 2021 codes; Greece's begin with ${nuts}).",
            mapping={"nuts": GREECE_NUTS},
        ),
        lambda b: _list(b.region),
        True,
    ),
)
DATED = (
    ("published", _("Date of publication (ISO 8601)."), lambda b: _date(b.effective), False),
    ("modified", _("Date of the last change (ISO 8601)."), lambda b: _date(b.modified), False),
)
DATASETS = {
    "repository": {
        "title": _("Policy-learning repository"),
        "description": _(
            "Published best practices, policy assessments, pilot actions, publications and "
            "cooperation networks."
        ),
        "query": {"portal_type": list(REPOSITORY_TYPES)},
        "columns": (
            ("type", _("Kind of item (content type)."), lambda b: b.portal_type, False),
            *COMMON,
            (
                "governance_level",
                _("Governance level (code)."),
                lambda b: b.governance_level,
                False,
            ),
            ("working_group", _("Working group (topic code)."), lambda b: b.working_group, False),
            (
                "policy_cycle_stage",
                _("Stage of the policy cycle (code)."),
                lambda b: b.policy_cycle_stage,
                False,
            ),
            ("policy_type", _("Type of cluster policy (code)."), lambda b: b.policy_type, False),
            ("sectors", _("NACE Rev. 2 sections."), lambda b: _list(b.sectors), True),
            (
                "specialisation_domains",
                _("Smart specialisation domains (codes)."),
                lambda b: _list(b.specialisation_domains),
                True,
            ),
            (
                "transferability_score",
                _("Overall transferability, 1 to 5 (best practices)."),
                lambda b: b.transferability_score,
                False,
            ),
            *DATED,
        ),
    },
    "institutions": {
        "title": _("Database of institutions"),
        "description": _("Published institutions relevant to cluster policy in South East Europe."),
        "query": {"portal_type": "Institution"},
        "columns": (
            *COMMON,
            ("kind", _("Kind of institution (code)."), lambda b: b.institution_kind, False),
            ("website", _("Website."), lambda b: _text(b.contact_website), False),
            ("email", _("Public contact e-mail address."), lambda b: _text(b.contact_email), False),
            ("address", _("Postal address."), lambda b: _text(b.postal_address), False),
            *DATED,
        ),
    },
    # Counted, never single answers (consultations/questionnaires.py): closed consultations
    # with PUBLIC_MINIMUM_ANSWERS answers or more, small counts left out, without free texts or
    # who answered.
    "consultations": {
        "title": _("Results of the consultations"),
        "description": _(
            "How many answered each choice of the public consultations' questions, in all "
            "languages together: for a consultation that has closed with ${minimum} answers or "
            "more. A count of fewer than ${minimum} is left empty, so that nobody who answered "
            "can be recognised. Free texts and organisations are not given.",
            mapping={"minimum": PUBLIC_MINIMUM_ANSWERS},
        ),
        "rows": public_results,
        "columns": (
            (
                "consultation",
                _("Consultation (the code of its central topic)."),
                itemgetter("consultation"),
                False,
            ),
            (
                "consultation_title",
                _("Title of the consultation (English)."),
                itemgetter("consultation_title"),
                False,
            ),
            (
                "opens",
                _("When it opens (ISO 8601)."),
                lambda r: exports.iso(r["opens"]),
                False,
            ),
            (
                "closes",
                _("When it closes (ISO 8601)."),
                lambda r: exports.iso(r["closes"]),
                False,
            ),
            (
                "respondents",
                _("Number of answers to the consultation, in all languages."),
                itemgetter("respondents"),
                False,
            ),
            ("question", _("Question (code)."), itemgetter("question"), False),
            (
                "question_title",
                _("The question (English)."),
                itemgetter("question_title"),
                False,
            ),
            (
                "answered",
                _(
                    "Number of answers to this question (empty when fewer than ${minimum}).",
                    mapping={"minimum": PUBLIC_MINIMUM_ANSWERS},
                ),
                itemgetter("answered"),
                False,
            ),
            ("choice", _("Choice (code)."), itemgetter("choice"), False),
            ("choice_title", _("The choice (English)."), itemgetter("choice_title"), False),
            (
                "answers",
                _(
                    "Number of answers with this choice (several may be ticked; empty when "
                    "fewer than ${minimum}).",
                    mapping={"minimum": PUBLIC_MINIMUM_ANSWERS},
                ),
                itemgetter("answers"),
                False,
            ),
        ),
    },
}


def rows(dataset):
    """The dataset's rows as dicts, oldest first; only what is published."""
    spec = DATASETS[dataset]
    if "rows" in spec:
        return [
            {name: read(row) for name, _help, read, _multi in spec["columns"]}
            for row in spec["rows"]()
        ]
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(review_state="published", sort_on="created", **spec["query"])
    return [
        {name: _present(read(brain)) for name, _help, read, _multi in spec["columns"]}
        for brain in brains
    ]


def as_json(dataset):
    return json.dumps({"dataset": dataset, "items": rows(dataset)}, ensure_ascii=False, indent=1)


def as_csv(dataset):
    """The platform's CSV convention (core/exports.py: UTF-8 with a byte-order mark, comma,
    CRLF, a header row, no text a spreadsheet would run as a formula)."""
    columns = DATASETS[dataset]["columns"]
    return exports.csv_text(
        [name for name, _help, _read, _multi in columns],
        ([row[name] for name, _help, _read, _multi in columns] for row in rows(dataset)),
    )
