"""An anonymous visitor searches, narrows by topic and country, opens a practice, downloads its
PDF and subscribes to the events feed."""

from clusterpolisee.core.sections import publish
from datetime import timedelta
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.namedfile.file import NamedBlobFile
from tests.workspaces.documents import pdf
import pytest
import re
import transaction


pytestmark = pytest.mark.browser


@pytest.fixture
def repository(functional, clock):
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for item_id, title, topic, country in (
            ("vouchers-ro", "Innovation vouchers in the North-East", "innovation-rd", "RO"),
            ("vouchers-bg", "Innovation vouchers in Plovdiv", "innovation-rd", "BG"),
            ("vouchers-fund", "Voucher fund for cluster finance", "financial-framework", "RO"),
        ):
            publish(
                api.content.create(
                    container=portal["repository"],
                    type="BestPractice",
                    id=item_id,
                    title=title,
                    topics=[topic],
                    country=country,
                )
            )
        # Attachments follow the public workflow too: published on their own.
        report = api.content.create(
            container=portal["repository"]["vouchers-ro"],
            type="File",
            id="evaluation.pdf",
            title="Evaluation report",
            file=NamedBlobFile(
                pdf("Vouchers evaluation 2026"),
                filename="evaluation.pdf",
                contentType="application/pdf",
            ),
        )
        publish(report)
        start = clock.at(days=12, hour=10)
        publish(
            api.content.create(
                container=portal["events"],
                type="Event",
                id="voucher-day",
                title="Voucher programme info day",
                topics=["innovation-rd"],
                start=start,
                end=start + timedelta(hours=3),
            )
        )
    transaction.commit()


class TestSearchJourney:
    def test_search_narrow_open_download_subscribe(
        self, page, site_url, repository, wcag_violations
    ):
        page.goto(site_url)
        page.get_by_role("textbox", name="Search Site").fill("vouchers")
        page.locator("#searchGadget_form").get_by_role("button", name="Search").click()
        expect(page).to_have_url(
            re.compile(re.escape("/@@platform-search?SearchableText=vouchers"))
        )
        results = page.locator(".faceted-result-list")
        expect(results.get_by_role("link", name="Innovation vouchers in Plovdiv")).to_be_visible()
        assert wcag_violations(page) == []

        page.get_by_role("checkbox", name="Innovation and R&D driven cluster development 2").check()
        page.get_by_role("button", name="Apply filters").click()
        expect(page).to_have_url(re.compile("topics=innovation-rd"))
        page.get_by_role("checkbox", name="Romania 1").check()
        page.get_by_role("button", name="Apply filters").click()
        expect(page).to_have_url(re.compile("country=RO"))
        expect(page.locator(".faceted-result")).to_have_count(1)
        shared = page.url  # the address alone reproduces the search
        assert wcag_violations(page) == []
        page.locator(".faceted-active").screenshot(
            path="tests/screenshots/search-active-filters.png"
        )

        results.get_by_role("link", name="Innovation vouchers in the North-East").click()
        expect(page).to_have_url(re.compile("/repository/vouchers-ro$"))
        with page.expect_download() as download_info:
            page.get_by_role("link", name="Evaluation report").click()
        download = download_info.value
        with open(download.path(), "rb") as downloaded:
            assert downloaded.read().startswith(b"%PDF")

        page.goto(f"{site_url}/events")
        expect(
            page.locator(".faceted-results").get_by_role("link", name="Voucher programme info day")
        ).to_be_visible()
        feed = page.get_by_role("link", name="Subscribe (iCal)")
        response = page.request.get(feed.get_attribute("href"))
        assert response.status == 200
        assert response.headers["content-type"].startswith("text/calendar")
        assert "SUMMARY:Voucher programme info day" in response.text()
        assert wcag_violations(page) == []

        page.goto(shared)
        expect(page.locator(".faceted-result")).to_have_count(1)


@pytest.fixture
def many_practices(functional):
    """25 published practices in the repository, one a day apart."""
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for number in range(25):
            practice = api.content.create(
                container=portal["repository"],
                type="BestPractice",
                id=f"paged-{number}",
                title=f"Paged cluster study {number:02d}",
                topics=["skills-jobs"],
                country="BG",
            )
            practice.setEffectiveDate(practice.created() - number)
            publish(practice)
    transaction.commit()


class TestSearchPages:
    @pytest.mark.parametrize("sort", ["Newest first", "Title (A to Z)"])
    def test_the_next_page_shows_the_next_results(
        self, page, site_url, many_practices, wcag_violations, sort
    ):
        page.goto(f"{site_url}/@@platform-search?SearchableText=paged")
        page.get_by_label("Sort by").select_option(label=sort)
        page.locator("form.faceted-form").get_by_role("button", name="Search").click()
        expect(page).to_have_url(re.compile("sort_on="))
        links = page.locator(".faceted-result-list h3 a")
        expect(links).to_have_count(20)
        first_page = links.all_inner_texts()
        page.locator(".pagination").get_by_role("link", name=re.compile("Next")).first.click()
        expect(page).to_have_url(re.compile("b_start"))
        expect(links).to_have_count(5)
        second_page = links.all_inner_texts()
        page.screenshot(path=f"tests/screenshots/search-page-2-{sort.split()[0].lower()}.png")
        assert wcag_violations(page) == []
        assert sorted(first_page + second_page) == [
            f"Paged cluster study {number:02d}" for number in range(25)
        ]
        if sort.startswith("Title"):
            assert second_page[0] == "Paged cluster study 20"
        else:
            assert first_page[0] == "Paged cluster study 00"
            assert second_page[0] == "Paged cluster study 20"

    def test_plone_search_page_opens_its_next_page(
        self, page, site_url, many_practices, wcag_violations
    ):
        """Plone's own search page (where the live search's "Show all" leads): its page links
        send b_start:int, which the platform refused as not a whole number."""
        page.goto(f"{site_url}/@@search?SearchableText=paged")
        results = page.locator("#search-results li").filter(has_text="Paged cluster study")
        expect(results.first).to_be_visible()
        first_page = results.all_inner_texts()
        page.locator(".pagination").get_by_role("link", name=re.compile("Next")).first.click()
        expect(page).to_have_url(re.compile(r"b_start(%3Aint|:int)?=10"))
        # The page's script may put the next results in place: wait for them.
        expect(results.first).not_to_have_text(first_page[0])
        second_page = results.all_inner_texts()
        assert len(first_page) == len(second_page) == 10
        assert not set(first_page) & set(second_page)
        page.screenshot(path="tests/screenshots/plone-search-page-2.png")
        assert wcag_violations(page) == []
