"""``@@map`` over HTTP on the demo site: circles and table rows for the regions holding
published items, only what a visitor may see, filters by topic and type, links to the region's
items, bad filters refused with a message; and the locator map on an item's page."""

from clusterpolisee.core.sections import publish
from clusterpolisee.public.map.drawing import project
from clusterpolisee.public.map.drawing import region_counts
from clusterpolisee.public.map.regions import CENTRES
from plone import api
import pytest
import re
import requests
import transaction


@pytest.fixture
def site(demo_functional, functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        # Burgenland holds nothing in the demo: one draft, one published pilot action.
        api.content.create(
            container=portal["repository"],
            type="BestPractice",
            id="burgenland-draft",
            title="Burgenland draft practice",
            topics=["innovation-rd"],
            country="AT",
            region="AT11",
        )
        publish(
            api.content.create(
                container=portal["repository"],
                type="PilotAction",
                id="burgenland-pilot",
                title="Burgenland pilot action",
                topics=["skills-jobs"],
                country="AT",
                region="AT11",
            )
        )
    transaction.commit()
    return portal.absolute_url()


def table_rows(html):
    body = html.split('<table class="table table-sm platform-map-table"', 1)[1].split("</table>")[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)[1:]:
        title = re.search(r"<a [^>]*>([^<]+)</a>", row).group(1)
        rows[title] = [int(cell) for cell in re.findall(r'<td class="text-end">(\d+)</td>', row)]
    return rows


class TestMap:
    def test_regions_with_published_items_are_circles_linked_to_their_items(self, site):
        response = requests.get(f"{site}/@@map", timeout=60)
        assert response.status_code == 200
        html = response.text
        assert '<svg xmlns="http://www.w3.org/2000/svg" class="platform-map" role="group"' in html
        rows = table_rows(html)
        # Published pilot action: a row of its own (practices, assessments, pilots, total).
        assert rows["Burgenland"] == [0, 0, 1, 1]
        assert "Burgenland draft practice" not in html
        assert rows["Nord-Est"][-1] >= 2  # the demo's North-East vouchers and their assessment
        # Each held region is a link in the map, named for screen readers.
        links = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)" class="map-region">', html)
        assert len(links) == len(rows)
        href, label = next(link for link in links if link[1].startswith("Burgenland"))
        assert label == "Burgenland (Austria): 1 items"
        href = href.replace("&amp;", "&")
        assert "region=AT11" in href
        listed = requests.get(href, timeout=60).text
        assert "Burgenland pilot action" in listed
        # Circles sit where the region is.
        x, y = project(*CENTRES["AT11"])
        assert f'cx="{x}" cy="{y}"' in html
        assert "Natural Earth" in html

    def test_filters_by_topic_and_type_and_refuses_others(self, site):
        html = requests.get(f"{site}/@@map", params={"type": "PilotAction"}, timeout=60).text
        rows = table_rows(html)
        assert rows["Burgenland"] == [1, 1]  # pilot actions, total
        assert all(counts[0] == counts[1] for counts in rows.values())
        html = requests.get(f"{site}/@@map", params={"topic": "innovation-rd"}, timeout=60).text
        assert "Burgenland" not in table_rows(html)
        for params in ({"topic": "nonsense"}, {"type": "Document"}, {"topic": ["a", "b"]}):
            refused = requests.get(f"{site}/@@map", params=params, timeout=60)
            assert refused.status_code == 400, params
            assert "Choose a topic and a type from the lists." in refused.text
        # Through a language home, the same figures; in its language.
        italian = requests.get(f"{site}/it/@@map", timeout=60)
        assert italian.status_code == 200
        assert table_rows(italian.text)["Burgenland"] == [0, 0, 1, 1]

    def test_counts_come_from_the_catalog_as_the_visitor_sees_them(self, site, functional):
        with api.env.adopt_roles(["Manager"]):
            as_manager = region_counts()
        assert as_manager["AT11"] == {"BestPractice": 0, "PolicyAssessment": 0, "PilotAction": 1}
        assert set(as_manager) == set(CENTRES)
