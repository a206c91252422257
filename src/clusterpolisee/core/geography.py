"""Countries and NUTS 2 regions: the South East Europe programme area first, then the rest of Europe.

Country tokens are ISO 3166-1 alpha-2 codes; region tokens are NUTS 2021 level-2 codes. Eurostat
writes Greece as ``EL`` in NUTS codes, hence ``NUTS_COUNTRY``.
"""

from clusterpolisee import _
import re
import unicodedata


# The countries of the South East Europe transnational cooperation programme.
SEE_COUNTRIES = (
    ("AL", _("Albania")),
    ("AT", _("Austria")),
    ("BA", _("Bosnia and Herzegovina")),
    ("BG", _("Bulgaria")),
    ("HR", _("Croatia")),
    ("GR", _("Greece")),
    ("HU", _("Hungary")),
    ("IT", _("Italy")),
    ("MD", _("Moldova")),
    ("ME", _("Montenegro")),
    ("MK", _("North Macedonia")),
    ("RO", _("Romania")),
    ("RS", _("Serbia")),
    ("SK", _("Slovakia")),
    ("SI", _("Slovenia")),
    ("UA", _("Ukraine")),
)

OTHER_EUROPEAN_COUNTRIES = (
    ("BE", _("Belgium")),
    ("CY", _("Cyprus")),
    ("CZ", _("Czechia")),
    ("DK", _("Denmark")),
    ("EE", _("Estonia")),
    ("FI", _("Finland")),
    ("FR", _("France")),
    ("DE", _("Germany")),
    ("IS", _("Iceland")),
    ("IE", _("Ireland")),
    ("XK", _("Kosovo")),
    ("LV", _("Latvia")),
    ("LI", _("Liechtenstein")),
    ("LT", _("Lithuania")),
    ("LU", _("Luxembourg")),
    ("MT", _("Malta")),
    ("NL", _("Netherlands")),
    ("NO", _("Norway")),
    ("PL", _("Poland")),
    ("PT", _("Portugal")),
    ("ES", _("Spain")),
    ("SE", _("Sweden")),
    ("CH", _("Switzerland")),
    ("TR", _("Türkiye")),
    ("GB", _("United Kingdom")),
)

COUNTRIES = SEE_COUNTRIES + OTHER_EUROPEAN_COUNTRIES

# NUTS code prefix -> ISO country code, where they differ.
NUTS_COUNTRY = {"EL": "GR"}

# NUTS 2 regions of the SEE programme area (Italy: the regions inside the programme area).
# Region names are proper names and stay untranslated, as Eurostat publishes them.
NUTS2_REGIONS = (
    ("AL01", "Veri"),
    ("AL02", "Qender"),
    ("AL03", "Jug"),
    ("AT11", "Burgenland"),
    ("AT12", "Niederösterreich"),
    ("AT13", "Wien"),
    ("AT21", "Kärnten"),
    ("AT22", "Steiermark"),
    ("AT31", "Oberösterreich"),
    ("AT32", "Salzburg"),
    ("AT33", "Tirol"),
    ("AT34", "Vorarlberg"),
    ("BG31", "Severozapaden"),
    ("BG32", "Severen tsentralen"),
    ("BG33", "Severoiztochen"),
    ("BG34", "Yugoiztochen"),
    ("BG41", "Yugozapaden"),
    ("BG42", "Yuzhen tsentralen"),
    ("HR02", "Panonska Hrvatska"),
    ("HR03", "Jadranska Hrvatska"),
    ("HR05", "Grad Zagreb"),
    ("HR06", "Sjeverna Hrvatska"),
    ("EL30", "Attiki"),
    ("EL41", "Voreio Aigaio"),
    ("EL42", "Notio Aigaio"),
    ("EL43", "Kriti"),
    ("EL51", "Anatoliki Makedonia, Thraki"),
    ("EL52", "Kentriki Makedonia"),
    ("EL53", "Dytiki Makedonia"),
    ("EL54", "Ipeiros"),
    ("EL61", "Thessalia"),
    ("EL62", "Ionia Nisia"),
    ("EL63", "Dytiki Ellada"),
    ("EL64", "Sterea Ellada"),
    ("EL65", "Peloponnisos"),
    ("HU11", "Budapest"),
    ("HU12", "Pest"),
    ("HU21", "Közép-Dunántúl"),
    ("HU22", "Nyugat-Dunántúl"),
    ("HU23", "Dél-Dunántúl"),
    ("HU31", "Észak-Magyarország"),
    ("HU32", "Észak-Alföld"),
    ("HU33", "Dél-Alföld"),
    ("ITC4", "Lombardia"),
    ("ITF1", "Abruzzo"),
    ("ITF2", "Molise"),
    ("ITF4", "Puglia"),
    ("ITF5", "Basilicata"),
    ("ITH1", "Provincia Autonoma di Bolzano/Bozen"),
    ("ITH2", "Provincia Autonoma di Trento"),
    ("ITH3", "Veneto"),
    ("ITH4", "Friuli-Venezia Giulia"),
    ("ITH5", "Emilia-Romagna"),
    ("ITI2", "Umbria"),
    ("ITI3", "Marche"),
    ("ME00", "Crna Gora"),
    ("MK00", "Severna Makedonija"),
    ("RO11", "Nord-Vest"),
    ("RO12", "Centru"),
    ("RO21", "Nord-Est"),
    ("RO22", "Sud-Est"),
    ("RO31", "Sud-Muntenia"),
    ("RO32", "București-Ilfov"),
    ("RO41", "Sud-Vest Oltenia"),
    ("RO42", "Vest"),
    ("RS11", "Beogradski region"),
    ("RS12", "Region Vojvodine"),
    ("RS21", "Region Šumadije i Zapadne Srbije"),
    ("RS22", "Region Južne i Istočne Srbije"),
    ("SI03", "Vzhodna Slovenija"),
    ("SI04", "Zahodna Slovenija"),
    ("SK01", "Bratislavský kraj"),
    ("SK02", "Západné Slovensko"),
    ("SK03", "Stredné Slovensko"),
    ("SK04", "Východné Slovensko"),
)

REGION_NAMES = dict(NUTS2_REGIONS)


def region_country(code):
    """The ISO country code of a NUTS 2 region code: ``EL52`` -> ``GR``."""
    prefix = code[:2]
    return NUTS_COUNTRY.get(prefix, prefix)


def _folded(text):
    """Lower case, without accents or punctuation: "Jadranska  Hrvatska" = "jadranska hrvatska"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


_BY_FOLDED_NAME = {_folded(name): code for code, name in NUTS2_REGIONS}


def region_code_of(text):
    """The NUTS 2 code of a region a person typed: its code ("HR03"), its name in any case and
    with or without accents ("Jadranska Hrvatska"), or both ("Jadranska Hrvatska (HR03)");
    else None."""
    if not isinstance(text, str) or not text.strip() or len(text) > 200:
        return None
    match = re.search(r"\b([A-Za-z]{2}[0-9A-Za-z]{2})\)?\s*$", text.strip())
    if match and match.group(1).upper() in REGION_NAMES:
        return match.group(1).upper()
    return _BY_FOLDED_NAME.get(_folded(text))
