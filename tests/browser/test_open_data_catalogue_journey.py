"""The open data on the demo site, in Chromium (issue 25): a visitor opens Open data from the
footer, finds the consultations' counted results beside the repository and the institutions,
downloads them, and follows the DCAT-AP catalogue that EU portals harvest; every download it
names answers with its declared media type."""

from playwright.sync_api import expect
from rdflib import Graph
from rdflib.namespace import DCAT
from rdflib.namespace import DCTERMS
from rdflib.namespace import RDF
from tests.conftest import SCREENSHOTS
from tests.public.test_open_data_consultations import close
import csv
import io
import pytest
import re
import transaction


pytestmark = pytest.mark.browser

IANA = "https://www.iana.org/assignments/media-types/"


@pytest.fixture
def site(demo_functional, functional):
    close(functional["portal"], "innovation-rd")  # its five answers: counts to publish
    transaction.commit()
    return functional


class TestOpenDataCatalogue:
    def test_visitor_downloads_consultation_counts_and_reads_the_catalogue(
        self, page, site_url, site, wcag_violations
    ):
        page.goto(site_url)
        page.locator("#portal-footer-wrapper, footer").get_by_role("link", name="Open data").click()
        expect(page).to_have_url(re.compile("/@@open-data$"))
        heading = page.get_by_role("heading", name="Results of the consultations")
        expect(heading).to_be_visible()
        expect(page.get_by_text("closed with 5 answers or more")).to_be_visible()
        heading.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "open-data-consultations.png"), full_page=True)
        assert wcag_violations(page) == []

        link = page.get_by_role("link", name="Download CSV Results of the consultations")
        response = page.request.get(link.get_attribute("href"))
        assert response.status == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        rows = list(csv.DictReader(io.StringIO(response.text().lstrip("\ufeff"))))
        pilot = {row["choice"]: row["answers"] for row in rows if row["question"] == "pilot"}
        assert pilot == {"yes": "", "maybe": "", "no": ""}  # under five: left empty
        assert {row["respondents"] for row in rows} == {"5"}

        # The indicators, as a file.
        link = page.get_by_role("link", name="Download JSON Performance indicators")
        response = page.request.get(link.get_attribute("href"))
        assert response.status == 200
        assert response.json()["scope"] == "published"

        # The catalogue, as a harvester follows the page's link.
        turtle = page.get_by_role("link", name="DCAT-AP catalogue (Turtle)")
        expect(turtle).to_be_visible()
        response = page.request.get(turtle.get_attribute("href"))
        assert response.status == 200
        graph = Graph()
        graph.parse(data=response.text(), format="turtle")
        titles = {
            str(title)
            for dataset in graph.subjects(RDF.type, DCAT.Dataset)
            for title in graph.objects(dataset, DCTERMS.title)
            if title.language == "en"
        }
        assert titles == {
            "Policy-learning repository",
            "Database of institutions",
            "Performance indicators",
            "Results of the consultations",
        }
        for distribution in graph.subjects(RDF.type, DCAT.Distribution):
            answer = page.request.get(str(graph.value(distribution, DCAT.downloadURL)))
            assert answer.status == 200
            declared = str(graph.value(distribution, DCAT.mediaType)).removeprefix(IANA)
            assert answer.headers["content-type"].split(";")[0] == declared
