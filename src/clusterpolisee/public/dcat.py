"""The open data as a DCAT-AP 3 catalogue, for the EU's open-data portals to harvest.

``@@open-data/catalog.jsonld`` and ``@@open-data/catalog.ttl`` describe the datasets of the
open data (opendata.py) and the indicators (``@@indicators.csv`` and ``.json``): titles and descriptions in
every language of the platform (its translations of the page's own texts), the publisher, the
licence, themes, languages, places and file types from the EU's controlled vocabularies, the
dates the catalog holds. Only what is published counts: every catalog query runs as an anonymous
visitor, and no object is woken.

The consultations' answers are not open data (permission "clusterpolisee: View consultation
results"); their counts are, once closed with five answers or more (consultations/questionnaires.py).
"""

from AccessControl.SpecialUsers import nobody
from clusterpolisee import _
from clusterpolisee.consultations.questionnaires import public_results
from clusterpolisee.core.face import COORDINATOR_EMAIL_RECORD
from clusterpolisee.core.geography import NUTS_COUNTRY
from clusterpolisee.languages.homes import LANGUAGE_CODES
from clusterpolisee.public.opendata import _date
from clusterpolisee.public.opendata import DATASETS
from clusterpolisee.public.search import record_ids
from clusterpolisee.public.search import value_counts
from DateTime import DateTime
from plone import api
from rdflib import BNode
from rdflib import Graph
from rdflib import Literal
from rdflib import Namespace
from rdflib import URIRef
from rdflib.namespace import DCAT
from rdflib.namespace import DCTERMS
from rdflib.namespace import FOAF
from rdflib.namespace import RDF
from rdflib.namespace import SKOS
from rdflib.namespace import XSD
from zope.i18n import translate
import datetime


# The first day a publication date can be (opendata.py's _date: no date before 1970).
DATED_FROM = "1970-01-02"


VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
LANGUAGE = Namespace(f"{EU}language/")
THEME = Namespace(f"{EU}data-theme/")
FILE_TYPE = Namespace(f"{EU}file-type/")
COUNTRY = Namespace(f"{EU}country/")
FREQUENCY = Namespace(f"{EU}frequency/")
NUTS = Namespace("http://data.europa.eu/nuts/code/")
IANA = Namespace("https://www.iana.org/assignments/media-types/")
DCAT_AP = URIRef("http://data.europa.eu/r5r/")

# What the open data may be reused under, as the open-data page says: CC BY 4.0, the licence
# of the Commission's own documents (Decision 2011/833/EU, 2019 amendment).
LICENCE = URIRef(f"{EU}licence/CC_BY_4_0")
LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

# The platform's languages (ISO 639-1) as the EU language authority names them.
LANGUAGE_AUTHORITY = {
    "en": "ENG",
    "it": "ITA",
    "ro": "RON",
    "el": "ELL",
    "bg": "BUL",
    "sl": "SLV",
    "hr": "HRV",
    "sr": "SRP",
    "sq": "SQI",
    "mk": "MKD",
    "hu": "HUN",
    "sk": "SLK",
    "de": "DEU",
}

# The countries of the platform's vocabulary (ISO 3166-1 alpha-2, geography.py) as the EU
# country authority names them (alpha-3).
COUNTRY_AUTHORITY = {
    "AL": "ALB",
    "AT": "AUT",
    "BA": "BIH",
    "BG": "BGR",
    "HR": "HRV",
    "GR": "GRC",
    "HU": "HUN",
    "IT": "ITA",
    "MD": "MDA",
    "ME": "MNE",
    "MK": "MKD",
    "RO": "ROU",
    "RS": "SRB",
    "SK": "SVK",
    "SI": "SVN",
    "UA": "UKR",
    "BE": "BEL",
    "CY": "CYP",
    "CZ": "CZE",
    "DK": "DNK",
    "EE": "EST",
    "FI": "FIN",
    "FR": "FRA",
    "DE": "DEU",
    "IS": "ISL",
    "IE": "IRL",
    "XK": "XKX",
    "LV": "LVA",
    "LT": "LTU",
    "LU": "LUX",
    "MT": "MLT",
    "NL": "NLD",
    "NO": "NOR",
    "PL": "POL",
    "PT": "PRT",
    "ES": "ESP",
    "SE": "SWE",
    "CH": "CHE",
    "TR": "TUR",
    "GB": "GBR",
}

# (extension, IANA media type, EU file type)
CSV = ("csv", "text/csv", "CSV")
JSON = ("json", "application/json", "JSON")

# The page's own texts, translated in every language (the page and the catalogue say the same).
CATALOG_TITLE = _("heading_open_data", default="Open data")
CATALOG_DESCRIPTION = _(
    "description_open_data",
    default=(
        "Everything the platform publishes, to download and reuse: the same data as the pages, "
        "as CSV (UTF-8) or JSON."
    ),
)

# Each dataset of the catalogue: its texts, EU data themes, what the catalog holds of it (the
# query), and its downloads relative to the platform's root: (path, access path, format).
CATALOGUE = {
    "repository": {
        "title": DATASETS["repository"]["title"],
        "description": DATASETS["repository"]["description"],
        "themes": ("ECON", "REGI", "TECH"),
        "query": DATASETS["repository"]["query"],
        "landing": "repository",
        "distributions": (
            ("@@open-data/repository.csv", "@@open-data", CSV),
            ("@@open-data/repository.json", "@@open-data", JSON),
        ),
    },
    "institutions": {
        "title": DATASETS["institutions"]["title"],
        "description": DATASETS["institutions"]["description"],
        "themes": ("GOVE", "ECON", "REGI"),
        "query": DATASETS["institutions"]["query"],
        "landing": "institutions",
        "distributions": (
            ("@@open-data/institutions.csv", "@@open-data", CSV),
            ("@@open-data/institutions.json", "@@open-data", JSON),
        ),
    },
    # Counted from the published repository and institutions (indicators/report.py).
    "indicators": {
        "title": _("heading_indicators", default="Performance indicators"),
        "description": _(
            "help_indicators_public",
            default="How the platform progresses, counted live from what it has published.",
        ),
        "themes": ("ECON", "GOVE"),
        "query": {
            "portal_type": [
                *DATASETS["repository"]["query"]["portal_type"],
                DATASETS["institutions"]["query"]["portal_type"],
            ]
        },
        "landing": "@@indicators",
        "distributions": (
            ("@@indicators.csv", "@@indicators", CSV),
            ("@@indicators.json", "@@indicators", JSON),
        ),
    },
    # Counted from the consultations the public may see, from five answers up (opendata.py).
    "consultations": {
        "title": DATASETS["consultations"]["title"],
        "description": DATASETS["consultations"]["description"],
        "themes": ("GOVE", "ECON", "REGI"),
        "coverage": lambda: consultations_coverage(),
        "landing": "@@open-data",
        "distributions": (
            ("@@open-data/consultations.csv", "@@open-data", CSV),
            ("@@open-data/consultations.json", "@@open-data", JSON),
        ),
    },
}


def _languages(message):
    """The message in each of the platform's languages, as language-tagged literals."""
    return [Literal(translate(message, target_language=code), lang=code) for code in LANGUAGE_CODES]


def _datetime(value):
    text = _date(value)
    return datetime.datetime.fromisoformat(text) if text else None


def coverage(query):
    """What the catalog holds of a dataset's published items: the first and the last date of
    publication, the last change, the countries and the NUTS regions. Asked as a visitor, from
    the indexes: three sorted queries of one brain each and the record ids, whatever the size
    of the dataset."""
    catalog = api.portal.get_tool("portal_catalog")
    query = dict(query, review_state="published")

    def edge(index, order, **criteria):
        found = catalog(sort_on=index, sort_order=order, sort_limit=1, **query, **criteria)[:1]
        return _datetime(getattr(found[0], index)) if found else None

    with api.env.adopt_user(user=nobody):
        # Items without a publication date carry the index's floor date: not a date.
        dated = {"effective": {"query": DateTime(DATED_FROM), "range": "min"}}
        start = edge("effective", "ascending", **dated)
        end = edge("effective", "descending", **dated)
        modified = edge("modified", "descending")
        rids = record_ids(catalog(**query))
    indexes = catalog._catalog.indexes
    return {
        "start": start,
        "end": end,
        "modified": modified,
        "countries": sorted(value_counts(indexes["country"], rids, len(catalog._catalog))),
        "regions": sorted(value_counts(indexes["region"], rids, len(catalog._catalog))),
    }


def _aware(value):
    # A consultation's dates are the server's local time when they carry no zone (exports.py).
    return value if value.tzinfo else value.astimezone()


def consultations_coverage():
    """The consultations' dates (from the first opening to the last closing, which is also
    when the counts last changed) and the countries answered from, of the counts the open data
    gives."""
    results = public_results()
    opens = [_aware(row["opens"]) for row in results if row["opens"]]
    closes = [_aware(row["closes"]) for row in results if row["closes"]]
    countries = {
        row["choice"] for row in results if row["question"] == "country" and row["answers"]
    }
    return {
        "start": min(opens, default=None),
        "end": max(closes, default=None) or max(opens, default=None),
        "modified": max(closes, default=None),
        "countries": sorted(countries),
        "regions": [],
    }


def _country(code):
    # Greece is EL in NUTS codes and GR in ISO 3166-1; both name one country.
    code = NUTS_COUNTRY.get(code, code)
    return COUNTRY[COUNTRY_AUTHORITY[code]] if code in COUNTRY_AUTHORITY else None


def graph(portal_url):
    """The catalogue as an rdflib graph, its resources named under ``portal_url``."""
    g = Graph()
    for prefix, namespace in (
        ("dcat", DCAT),
        ("dct", DCTERMS),
        ("foaf", FOAF),
        ("vcard", VCARD),
        ("skos", SKOS),
    ):
        g.bind(prefix, namespace)
    page = f"{portal_url}/@@open-data"
    catalog = URIRef(f"{page}#catalog")
    publisher = URIRef(f"{portal_url}#publisher")
    contact = URIRef(f"{portal_url}#contact")
    site_title = api.portal.get_registry_record("plone.site_title", default="") or "Plone"
    email = api.portal.get_registry_record(COORDINATOR_EMAIL_RECORD, default=None)

    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, RDF.type, FOAF.Organization))
    g.add((publisher, FOAF.name, Literal(site_title)))
    g.add((publisher, FOAF.homepage, URIRef(portal_url)))
    g.add((contact, RDF.type, VCARD.Organization))
    g.add((contact, VCARD.fn, Literal(site_title)))
    if email:
        g.add((contact, VCARD.hasEmail, URIRef(f"mailto:{email}")))
    g.add((LICENCE, RDF.type, DCTERMS.LicenseDocument))
    languages = [LANGUAGE[LANGUAGE_AUTHORITY[code]] for code in LANGUAGE_CODES]
    for language in languages:
        g.add((language, RDF.type, DCTERMS.LinguisticSystem))

    g.add((catalog, RDF.type, DCAT.Catalog))
    for literal in _languages(CATALOG_TITLE):
        g.add((catalog, DCTERMS.title, literal))
    for literal in _languages(CATALOG_DESCRIPTION):
        g.add((catalog, DCTERMS.description, literal))
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, FOAF.homepage, URIRef(page)))
    g.add((catalog, DCTERMS.license, LICENCE))
    g.add((catalog, DCAT.themeTaxonomy, URIRef(f"{EU}data-theme")))
    g.add((catalog, DCTERMS.conformsTo, DCAT_AP))
    for language in languages:
        g.add((catalog, DCTERMS.language, language))

    newest = []
    for name, spec in CATALOGUE.items():
        found = spec["coverage"]() if "coverage" in spec else coverage(spec["query"])
        dataset = URIRef(f"{page}#{name}")
        g.add((catalog, DCAT.dataset, dataset))
        g.add((dataset, RDF.type, DCAT.Dataset))
        g.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
        for literal in _languages(spec["title"]):
            g.add((dataset, DCTERMS.title, literal))
        for literal in _languages(spec["description"]):
            g.add((dataset, DCTERMS.description, literal))
        g.add((dataset, DCTERMS.publisher, publisher))
        g.add((dataset, DCAT.contactPoint, contact))
        g.add((dataset, DCAT.landingPage, URIRef(f"{portal_url}/{spec['landing']}")))
        g.add((dataset, DCTERMS.accrualPeriodicity, FREQUENCY.UPDATE_CONT))
        for language in languages:
            g.add((dataset, DCTERMS.language, language))
        for theme in spec["themes"]:
            g.add((dataset, DCAT.theme, THEME[theme]))
            g.add((THEME[theme], RDF.type, SKOS.Concept))
        if found["start"]:
            period = BNode()
            g.add((dataset, DCTERMS.temporal, period))
            g.add((period, RDF.type, DCTERMS.PeriodOfTime))
            g.add((period, DCAT.startDate, Literal(found["start"].date(), datatype=XSD.date)))
            g.add((period, DCAT.endDate, Literal(found["end"].date(), datatype=XSD.date)))
            g.add((dataset, DCTERMS.issued, Literal(found["start"], datatype=XSD.dateTime)))
        places = {_country(code) for code in found["countries"]} | {
            NUTS[code] for code in found["regions"]
        }
        for place in sorted(place for place in places if place is not None):
            g.add((dataset, DCTERMS.spatial, place))
            g.add((place, RDF.type, DCTERMS.Location))
        if found["modified"]:
            newest.append(found["modified"])
            g.add((dataset, DCTERMS.modified, Literal(found["modified"], datatype=XSD.dateTime)))
        for path, access, (extension, media_type, file_type) in spec["distributions"]:
            distribution = URIRef(f"{page}#{name}-{extension}")
            g.add((dataset, DCAT.distribution, distribution))
            g.add((distribution, RDF.type, DCAT.Distribution))
            g.add((distribution, DCTERMS.title, Literal(extension.upper())))
            g.add((distribution, DCAT.accessURL, URIRef(f"{portal_url}/{access}")))
            g.add((distribution, DCAT.downloadURL, URIRef(f"{portal_url}/{path}")))
            g.add((distribution, DCAT.mediaType, IANA[media_type]))
            g.add((IANA[media_type], RDF.type, DCTERMS.MediaType))
            g.add((distribution, DCTERMS["format"], FILE_TYPE[file_type]))
            g.add((FILE_TYPE[file_type], RDF.type, DCTERMS.MediaTypeOrExtent))
            g.add((distribution, DCTERMS.license, LICENCE))
            if found["modified"]:
                g.add(
                    (
                        distribution,
                        DCTERMS.modified,
                        Literal(found["modified"], datatype=XSD.dateTime),
                    )
                )
    if newest:
        g.add((catalog, DCTERMS.modified, Literal(max(newest), datatype=XSD.dateTime)))
    return g


JSONLD_CONTEXT = {
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
    "skos": str(SKOS),
    "xsd": str(XSD),
}


def as_jsonld(portal_url):
    return graph(portal_url).serialize(format="json-ld", context=JSONLD_CONTEXT, indent=1)


def as_turtle(portal_url):
    return graph(portal_url).serialize(format="turtle")
