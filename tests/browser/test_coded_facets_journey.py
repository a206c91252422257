"""A visitor narrows the platform search by NACE sector, then by smart-specialisation domain."""

from playwright.sync_api import expect
import pytest
import re


pytestmark = pytest.mark.browser


def counts(page, url, **params):
    """{(facet, value): count} and the total, as @facets answers for the same search."""
    answer = page.request.get(
        f"{url}/++api++/@facets", params=params, headers={"Accept": "application/json"}
    ).json()
    values = {
        (facet["name"], value["value"]): value
        for facet in answer["facets"]
        for value in facet["values"]
    }
    return values, answer["items_total"]


class TestCodedFacetsJourney:
    def test_visitor_narrows_by_sector_then_domain(
        self, demo_functional, page, site_url, wcag_violations
    ):
        page.goto(f"{site_url}/@@platform-search")
        sectors = page.get_by_role("group", name="Sectors (NACE Rev. 2)")
        domains = page.get_by_role("group", name="Smart-specialisation domains")
        expect(sectors).to_be_visible()
        expect(domains).to_be_visible()
        expect(page.get_by_role("group", name="Policy type")).to_be_visible()
        values, _total = counts(page, site_url)
        manufacturing = values[("sectors", "C")]["count"]
        expect(
            sectors.get_by_role("checkbox", name=f"C - Manufacturing {manufacturing}")
        ).to_be_visible()
        assert wcag_violations(page) == []

        sectors.get_by_role("checkbox", name=re.compile(r"^C - Manufacturing \d+$")).check()
        page.get_by_role("button", name="Apply filters").click()
        expect(page).to_have_url(re.compile(r"sectors=C"))
        expect(page.get_by_role("heading", name=f"{manufacturing} results")).to_be_visible()
        expect(
            sectors.get_by_role("checkbox", name=re.compile("^C - Manufacturing"))
        ).to_be_checked()
        expect(
            page.locator(".faceted-active").get_by_role(
                "link", name=re.compile("C - Manufacturing")
            )
        ).to_be_visible()
        # The domains now count the manufacturing results only.
        values, _total = counts(page, site_url, sectors="C")
        advanced = values[("specialisation_domains", "advanced-manufacturing")]["count"]
        assert 0 < advanced < manufacturing
        box = domains.get_by_role(
            "checkbox", name=f"Advanced manufacturing and materials {advanced}"
        )
        expect(box).to_be_visible()

        box.check()
        page.get_by_role("button", name="Apply filters").click()
        expect(page).to_have_url(re.compile(r"specialisation_domains=advanced-manufacturing"))
        expect(page).to_have_url(re.compile(r"sectors=C"))
        heading = f"{advanced} results" if advanced != 1 else "1 result"
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        expect(page.locator(".faceted-result")).to_have_count(min(advanced, 20))
        expect(
            domains.get_by_role("checkbox", name=re.compile("^Advanced manufacturing"))
        ).to_be_checked()
        assert wcag_violations(page) == []
