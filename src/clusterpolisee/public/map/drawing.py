"""The map of South East Europe (``@@map``, the locator map of an item, the home page), drawn
on the server as SVG: no tile server, no script.

Country outlines come from Natural Earth (countries.json, built once by scripts/build-map.py);
each NUTS 2 region of the platform is a circle at its centre (regions.py), its area proportional
to the published practices, assessments and pilot actions it holds, its shade darker with more.
The counts come from the catalog (record ids and the region index, never an object), as the
visitor may see them, one item per translation group.
"""

from clusterpolisee import _
from clusterpolisee.core.geography import NUTS_COUNTRY
from clusterpolisee.core.geography import REGION_NAMES
from clusterpolisee.languages.homes import DEFAULT_LANGUAGE
from clusterpolisee.languages.platform import in_language
from clusterpolisee.public.map.regions import CENTRES
from clusterpolisee.public.search import record_ids
from clusterpolisee.public.search import value_counts
from functools import cache
from functools import lru_cache
from html import escape
from pathlib import Path
from plone import api
from urllib.parse import urlencode
import json
import math


# What the map counts, in the order of its table's columns.
MAP_TYPES = (
    ("BestPractice", _("Best practices")),
    ("PolicyAssessment", _("Policy assessments")),
    ("PilotAction", _("Pilot actions")),
)
TYPE_IDS = tuple(name for name, _title in MAP_TYPES)
# The platform's countries, drawn a shade darker than their neighbours.
PLATFORM_COUNTRIES = frozenset(code[:2] for code in CENTRES) | {"GR"}
# Shades of the circles, light to dark: each keeps 3:1 against the land (WCAG 1.4.11).
SHADES = ("#3d8bb5", "#1f6f9c", "#00628f", "#004a6b", "#00324a")
EMPTY = "#6c757d"
MIN_RADIUS, MAX_RADIUS = 5.0, 26.0


@cache
def outlines():
    return json.loads((Path(__file__).parent / "countries.json").read_text())


def project(longitude, latitude):
    """The point's place on the map, in the map's pixels (Web Mercator, as countries.json)."""
    numbers = outlines()["projection"]

    def mercator_y(value):
        return math.log(math.tan(math.pi / 4 + math.radians(value) / 2))

    x = math.radians(longitude - numbers["west"]) * numbers["scale"]
    y = (mercator_y(numbers["north"]) - mercator_y(latitude)) * numbers["scale"]
    return round(x, 1), round(y, 1)


def country_of(region):
    prefix = region[:2]
    return NUTS_COUNTRY.get(prefix, prefix)


def region_counts(topic=None, portal_type=None):
    """{region: {type: count}} of the published items the visitor may see, of one topic
    and one type when given; every region of the platform, with zeros."""
    catalog = api.portal.get_tool("portal_catalog")
    index = catalog._catalog.indexes["region"]
    types = [portal_type] if portal_type else list(TYPE_IDS)
    counts = {region: dict.fromkeys(TYPE_IDS, 0) for region in CENTRES}
    for type_id in types:
        query = {"portal_type": type_id, "review_state": "published"}
        query.update(in_language(DEFAULT_LANGUAGE))
        if topic:
            query["topics"] = topic
        for region, count in value_counts(
            index, record_ids(catalog(**query)), len(catalog._catalog)
        ).items():
            if region in counts:
                counts[region][type_id] = count
    return counts


def regions(root_url, topic=None, portal_type=None):
    """Every region of the platform as the map and its table show it: code, title, country,
    counts by type and in all, place, size and shade, and where its items are listed."""
    counts = region_counts(topic, portal_type)
    most = max([1] + [sum(by_type.values()) for by_type in counts.values()])
    found = []
    for code, (longitude, latitude) in CENTRES.items():
        total = sum(counts[code].values())
        x, y = project(longitude, latitude)
        share = total / most
        query = [("region", code)]
        query += [("portal_type", t) for t in ([portal_type] if portal_type else TYPE_IDS)]
        if topic:
            query.append(("topics", topic))
        found.append(
            {
                "code": code,
                "title": REGION_NAMES[code],
                "country": country_of(code),
                "counts": counts[code],
                "total": total,
                "x": x,
                "y": y,
                "radius": round(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(share), 1)
                if total
                else 3.0,
                "shade": SHADES[min(len(SHADES) - 1, int(share * len(SHADES)))] if total else EMPTY,
                "url": f"{root_url}/@@platform-search?{urlencode(query)}",
            }
        )
    return found


@lru_cache(maxsize=64)
def _land(highlight=frozenset()):
    """The countries' outlines, those of ``highlight`` (a frozenset of codes) shaded: the same
    few sets on every page, joined once (each item's page joined every outline again)."""
    parts = []
    for code, data in outlines()["countries"].items():
        if code in highlight:
            fill = "#f5d9a8"
        elif code in PLATFORM_COUNTRIES:
            fill = "#e4ebef"
        else:
            fill = "#f4f6f7"
        parts.append(f'<path d="{data}" fill="{fill}" stroke="#8a9aa5" stroke-width="0.8"/>')
    return "".join(parts)


def map_svg(found, title, description, label, links=True):
    """The whole map: the countries, then one circle per region; a region holding items is a
    link to them, named by ``label(region)`` for screen readers and its tooltip. Without
    ``links``, one picture (the home page's, itself inside a link to the map)."""
    numbers = outlines()["projection"]
    width, height = numbers["width"], numbers["height"]
    circles = []
    # The biggest first, so that a small circle is never hidden under a big one.
    for region in sorted(found, key=lambda item: -item["radius"]):
        circle = (
            f'<circle cx="{region["x"]}" cy="{region["y"]}" r="{region["radius"]}" '
            f'fill="{region["shade"]}" fill-opacity="0.85" stroke="#ffffff" stroke-width="1.5"/>'
        )
        if not region["total"] or not links:
            circles.append(f'<g aria-hidden="true">{circle}</g>')
            continue
        name = escape(label(region))
        circles.append(
            f'<a href="{escape(region["url"])}" aria-label="{name}" class="map-region">'
            f"<title>{name}</title>{circle}</a>"
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="platform-map" '
        f'role="{"group" if links else "img"}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="map-title map-desc">'
        f'<title id="map-title">{escape(title)}</title>'
        f'<desc id="map-desc">{escape(description)}</desc>'
        f'<rect width="{width}" height="{height}" fill="#d6e6f0"/>'
        f'<g aria-hidden="true">{_land()}</g>{"".join(circles)}</svg>'
    )


def locator_svg(region_codes, country_codes, title):
    """A small map for an item's page: its countries shaded, a dot on each of its regions,
    framed around them."""
    countries = {NUTS_COUNTRY.get(code, code) for code in country_codes or ()}
    points = [project(*CENTRES[code]) for code in region_codes or () if code in CENTRES]
    numbers = outlines()["projection"]
    if points:
        xs, ys = [x for x, _y in points], [y for _x, y in points]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        span = max(240, max(xs) - min(xs) + 120, max(ys) - min(ys) + 120)
    else:
        cx, cy, span = numbers["width"] / 2, numbers["height"] / 2, numbers["width"]
    left, top = round(cx - span / 2, 1), round(cy - span / 2, 1)
    dots = "".join(
        f'<circle cx="{x}" cy="{y}" r="{max(4, span / 45):.1f}" fill="#b45309" '
        f'stroke="#ffffff" stroke-width="{max(1, span / 200):.1f}"/>'
        for x, y in points
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="locator-map" role="img" '
        f'viewBox="{left} {top} {span:.1f} {span:.1f}" aria-labelledby="locator-title">'
        f'<title id="locator-title">{escape(title)}</title>'
        f'<rect x="{left}" y="{top}" width="{span:.1f}" height="{span:.1f}" fill="#d6e6f0"/>'
        f"{_land(frozenset(countries))}{dots}</svg>"
    )
