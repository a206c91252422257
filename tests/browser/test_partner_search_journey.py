"""Partner search on the demo: a member posts a cooperation request for everyone to see,
another member expresses interest with the button, the author finds the message, and a
visitor sees the public requests only."""

from clusterpolisee.cooperation.setup import ensure_partner_search
from clusterpolisee.core import dates
from clusterpolisee.demo.cooperation import load_cooperation_requests
from datetime import timedelta
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.browser.steps import log_in
from tests.browser.steps import save
from tests.conftest import SCREENSHOTS
import pytest
import re
import transaction


pytestmark = pytest.mark.browser

TITLE = "Partner region for a skills observatory"
TEXT = (
    "North-East Romania builds a skills observatory with its clusters. We look for a region "
    "that has one, to learn how it is run; we offer our data model and a study visit."
)
DEMO_PUBLIC = "Partner regions for a cluster manager exchange on the Adriatic"
DEMO_MEMBERS_ONLY = "Co-funding model for green cluster projects"


@pytest.fixture
def partner_search(functional, demo_functional):
    """The demo's partner search, as `make start` makes it (the demo's requests in it)."""
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        ensure_partner_search(portal)
        load_cooperation_requests(portal)
    transaction.commit()


def card(page, title):
    return page.locator("article.partner-request", has=page.get_by_role("link", name=title))


class TestPartnerSearchJourney:
    def test_post_express_interest_read_message_and_public_view(
        self, page, site_url, partner_search, wcag_violations
    ):
        # Elena (North-East, RO21) opens Partner search and posts a request.
        log_in(page, site_url, "elena.popescu")
        page.goto(f"{site_url}/partner-search")
        expect(page.locator("h1")).to_have_text("Partner search")
        expect(card(page, DEMO_MEMBERS_ONLY)).to_be_visible()
        assert wcag_violations(page) == []
        page.get_by_role("link", name="Post a cooperation request").click()

        page.get_by_label("What you look for").fill(TITLE)
        page.get_by_label("Your request").fill(TEXT)
        page.get_by_role("checkbox", name="New skills and jobs creation").check()
        # Her profile's region is the form's to start with.
        expect(page.get_by_label("Your region").locator("option:checked")).to_have_text(
            "Nord-Est (RO21)"
        )
        yesterday = dates.today() - timedelta(days=1)
        page.get_by_label("Deadline").fill(yesterday.isoformat())
        page.get_by_role("checkbox", name="Also show to the public").check()
        assert wcag_violations(page) == []
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("The deadline cannot be in the past")).to_be_visible()
        page.screenshot(path=SCREENSHOTS / "partner-search-deadline-error.png", full_page=True)

        deadline = dates.today() + timedelta(days=21)
        page.get_by_label("Deadline").fill(deadline.isoformat())
        save(page)
        expect(page.get_by_text("Item created")).to_be_visible()
        expect(page.locator("h1")).to_have_text(TITLE)
        expect(page.locator(".badge", has_text="Public")).to_be_visible()
        assert wcag_violations(page) == []
        page.screenshot(path=SCREENSHOTS / "partner-search-request.png", full_page=True)

        page.get_by_role("link", name="All open requests").click()
        mine = card(page, TITLE)
        expect(mine).to_be_visible()
        expect(mine.get_by_role("link", name="Nord-Est")).to_have_attribute(
            "href", re.compile("/@@region/RO21$")
        )
        expect(mine.get_by_text("Elena Popescu")).to_be_visible()
        expect(mine.get_by_text("New skills and jobs creation")).to_be_visible()
        # Nobody is offered to tell themselves of their own request.
        expect(mine.get_by_role("button", name="Express interest")).to_have_count(0)
        page.screenshot(path=SCREENSHOTS / "partner-search-member.png", full_page=True)

        # Nikos (Central Macedonia) expresses interest with the button on her card.
        log_in(page, site_url, "nikos.papadopoulos")
        page.goto(f"{site_url}/partner-search")
        card(page, TITLE).get_by_role("button", name="Express interest").click()
        expect(
            page.get_by_text("Your interest is sent to Elena Popescu as a private message.")
        ).to_be_visible()
        expect(card(page, TITLE).get_by_text("You expressed interest on")).to_be_visible()
        expect(card(page, TITLE).get_by_role("button", name="Express interest")).to_have_count(0)
        assert wcag_violations(page) == []
        page.screenshot(path=SCREENSHOTS / "partner-search-interest.png", full_page=True)

        # Elena finds the message among her messages.
        log_in(page, site_url, "elena.popescu")
        page.goto(f"{site_url}/@@messages")
        subject = f"Interest in your cooperation request: {TITLE}"
        page.get_by_role("link", name=subject).click()
        expect(
            page.get_by_text("Nikos Papadopoulos is interested in your cooperation")
        ).to_be_visible()
        assert wcag_violations(page) == []
        page.screenshot(path=SCREENSHOTS / "partner-search-message.png", full_page=True)

        # A visitor sees the public requests only, and how to take part.
        page.context.clear_cookies()
        page.goto(f"{site_url}/partner-search")
        expect(card(page, TITLE)).to_be_visible()
        expect(card(page, DEMO_PUBLIC)).to_be_visible()
        expect(card(page, DEMO_MEMBERS_ONLY)).to_have_count(0)
        expect(page.get_by_role("link", name="Log in to express interest")).to_be_visible()
        expect(page.get_by_role("button", name="Express interest")).to_have_count(0)
        assert wcag_violations(page) == []
        page.screenshot(path=SCREENSHOTS / "partner-search-anonymous.png", full_page=True)
