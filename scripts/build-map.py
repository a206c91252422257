"""Build the outlines of the map (``@@map``, public/map.py) once, from Natural Earth's countries
as the npm package world-atlas ships them (TopoJSON, 1:50 million):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 scripts/build-map.py package/countries-50m.json

writes ``src/clusterpolisee/public/map/countries.json``: each country's outline as SVG path data,
projected (Web Mercator) onto the frame of South East Europe, so that the site draws the map
without a tile server, and without the 750 kB of the whole world. Natural Earth is in the public
domain; world-atlas is © Michael Bostock, under the ISC licence.
"""

from itertools import pairwise
from pathlib import Path
import argparse
import json
import math


# The frame: Lombardy to the Black Sea, Crete to Slovakia.
WEST, EAST, SOUTH, NORTH = 8.0, 31.0, 34.3, 50.2
WIDTH = 800
# Natural Earth's names of the countries in the frame (ISO 3166-1 alpha-2; XK for Kosovo).
COUNTRIES = {
    "Albania": "AL",
    "Algeria": "DZ",
    "Austria": "AT",
    "Belarus": "BY",
    "Bosnia and Herz.": "BA",
    "Bulgaria": "BG",
    "Croatia": "HR",
    "Cyprus": "CY",
    "Czechia": "CZ",
    "France": "FR",
    "Germany": "DE",
    "Greece": "GR",
    "Hungary": "HU",
    "Italy": "IT",
    "Kosovo": "XK",
    "Liechtenstein": "LI",
    "Macedonia": "MK",
    "Malta": "MT",
    "Moldova": "MD",
    "Montenegro": "ME",
    "N. Cyprus": "CY-N",
    "Poland": "PL",
    "Romania": "RO",
    "Russia": "RU",
    "San Marino": "SM",
    "Serbia": "RS",
    "Slovakia": "SK",
    "Slovenia": "SI",
    "Switzerland": "CH",
    "Tunisia": "TN",
    "Turkey": "TR",
    "Ukraine": "UA",
    "Vatican": "VA",
}


def mercator_y(latitude):
    return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))


def frame():
    """The projection's numbers: pixels per radian, and the frame's height."""
    scale = WIDTH / math.radians(EAST - WEST)
    height = (mercator_y(NORTH) - mercator_y(SOUTH)) * scale
    return {
        "west": WEST,
        "north": NORTH,
        "scale": scale,
        "width": WIDTH,
        "height": round(height, 1),
    }


def project(longitude, latitude, numbers):
    x = math.radians(longitude - numbers["west"]) * numbers["scale"]
    y = (mercator_y(numbers["north"]) - mercator_y(latitude)) * numbers["scale"]
    return x, y


def decode_arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def path(rings, numbers):
    """SVG path data of the rings that reach into the frame, to the pixel."""
    margin = 60  # pixels: outlines may leave the frame; the SVG's viewBox cuts them
    parts = []
    for points in rings:
        projected = [project(lon, lat, numbers) for lon, lat in points]
        if not any(
            -margin <= x <= numbers["width"] + margin and -margin <= y <= numbers["height"] + margin
            for x, y in projected
        ):
            continue
        kept, last = [], None
        for x, y in projected:
            point = (round(x), round(y))
            if point != last:
                kept.append(point)
                last = point
        if len(kept) < 3:
            continue
        # Relative steps between whole pixels: a third of the size of absolute ones.
        steps = [f"{x - px} {y - py}" for (px, py), (x, y) in pairwise(kept)]
        parts.append(f"M{kept[0][0]} {kept[0][1]}l" + " ".join(steps) + "z")
    return "".join(parts)


def build(source):
    topology = json.loads(Path(source).read_text())
    arcs = decode_arcs(topology)
    numbers = frame()
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = COUNTRIES.get(geometry["properties"]["name"])
        if code is None:
            continue
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        rings = [ring(arcs, indexes) for polygon in polygons for indexes in polygon]
        data = path(rings, numbers)
        if data:
            countries[code] = data
    return {
        "source": "Natural Earth 1:50m admin 0 countries, through world-atlas 2.0.2",
        "licence": "Natural Earth: public domain; world-atlas: ISC, (c) Michael Bostock",
        "projection": numbers,
        "countries": dict(sorted(countries.items())),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="world-atlas's countries-50m.json")
    parser.add_argument(
        "--out",
        default=Path(__file__).parent.parent / "src/clusterpolisee/public/map/countries.json",
    )
    arguments = parser.parse_args()
    Path(arguments.out).write_text(json.dumps(build(arguments.source), separators=(",", ":")))


if __name__ == "__main__":
    main()
