"""Discussions as people have them, in Chromium, on the demo that ``make start`` builds: an
associated member replies in his group's forum, comments on a decision and on a published best
practice, writes a wiki page from its link and opens a topic in the members' forum, which a
member of another group answers; another member of his group reads his reply."""

from playwright.sync_api import expect
from tests.browser.steps import fill_rich_text
from tests.browser.steps import log_in
from tests.browser.steps import save
import pytest


pytestmark = pytest.mark.browser

GROUP = "/working-groups/innovation-rd"
TOPIC = f"{GROUP}/forum/should-vouchers-cover-digital-services"
DECISION = f"{GROUP}/decisions/adopt-the-voucher-recommendations-as-the-groups-position"
PRACTICE = "/repository/cluster-innovation-vouchers-in-the-north-east-region"
# Luca Bianchi: an associated member, on the roster of WG4 (demo/data.py, MEMBERS); Maria
# Hofer: a full member who leads WG3 and is not in WG4.
ASSOCIATED, OTHER_GROUP, SAME_GROUP = "luca.bianchi", "maria.hofer", "nikos.papadopoulos"
REPLY = "Padua's vouchers cover cloud services since 2024."


def reply(page, text):
    """Type into the page's comment box and press its Comment button, as a person does; the
    reply is on the page, and still there when the page is loaded again."""
    page.get_by_role("textbox", name="Comment").fill(text)
    page.get_by_role("button", name="Comment", exact=True).click()
    expect(page.locator(".comment").filter(has_text=text)).to_be_visible()
    page.reload()
    expect(page.locator(".comment").filter(has_text=text)).to_be_visible()


class TestDiscussionJourneys:
    def test_an_associated_member_discusses_in_the_group_and_on_published_results(
        self, page, site_url, demo_functional, functional, wcag_violations
    ):
        log_in(page, site_url, ASSOCIATED)

        # A reply in the group's forum: kept, not taken for the follow button.
        page.goto(f"{site_url}{TOPIC}")
        reply(page, REPLY)
        expect(page.get_by_text("You no longer follow this topic")).to_have_count(0)
        assert wcag_violations(page) == []
        # Replying made him a follower; the follow button still works, both ways.
        page.get_by_role("button", name="Stop following").click()
        expect(page.get_by_text("You no longer follow this topic")).to_be_visible()
        page.get_by_role("button", name="Follow: replies by e-mail").click()
        expect(page.get_by_text("You follow this topic")).to_be_visible()
        expect(page.get_by_role("button", name="Stop following")).to_be_visible()

        # A comment on the decision: kept, not taken for a vote (he does not vote).
        page.goto(f"{site_url}{DECISION}")
        reply(page, "Associated members support the recommendations.")
        expect(page.get_by_text("Choose yes, no or abstain")).to_have_count(0)

        # A comment on a published best practice in the public section.
        page.goto(f"{site_url}{PRACTICE}")
        reply(page, "Padua ran a similar scheme with 120 vouchers.")
        assert wcag_violations(page) == []

        # The wiki's link to a page not written yet opens the form with its title filled in.
        page.goto(f"{site_url}{GROUP}/wiki/home")
        page.get_by_role("link", name="Recommendations for managing authorities").click()
        expect(page.get_by_label("Title")).to_have_value("Recommendations for managing authorities")
        save(page)
        expect(
            page.get_by_role("heading", name="Recommendations for managing authorities")
        ).to_be_visible()

        # A topic in the members' forum, for the members of every group.
        page.goto(site_url)
        page.get_by_role("link", name="Members' area").first.click()
        page.get_by_role("link", name="Members' forum").click()
        page.get_by_role("link", name="New topic").click()
        page.get_by_label("Title").fill("Who else funds cluster managers' training?")
        fill_rich_text(page, "text", "Veneto pays half of the fees; how do your regions do it?")
        save(page)
        topic_url = page.url.removesuffix("/view")

        # A member of another group answers there, and cannot open the group's own topic.
        log_in(page, site_url, OTHER_GROUP)
        page.goto(site_url)
        page.get_by_role("link", name="Members' area").first.click()
        page.get_by_role("link", name="Members' forum").click()
        page.get_by_role("link", name="Who else funds cluster managers' training?").click()
        expect(page).to_have_url(topic_url)
        reply(page, "Styria's agency pays the whole fee for SMEs.")
        assert wcag_violations(page) == []
        assert page.request.get(f"{site_url}{TOPIC}", max_redirects=0).status in (
            302,
            401,
            403,
            404,
        )

        # Another member of the group finds the reply counted in the forum and reads it.
        log_in(page, site_url, SAME_GROUP)
        page.goto(f"{site_url}{GROUP}/forum")
        row = page.get_by_role("row").filter(has_text="Should vouchers cover digital services?")
        expect(row.get_by_role("cell").nth(1)).to_have_text("1")
        row.get_by_role("link").click()
        expect(page.locator(".comment").filter(has_text=REPLY)).to_be_visible()
