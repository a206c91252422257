"""From a working group to the public, in Chromium, on the demo: a member of WG4 drafts a
document, a full member approves it, the leader proposes it for publication; the STC finds it in
the validation queue and publishes it; the group is told; an anonymous visitor finds it in the
search, the RSS feed and the open data, and reads on its page how it got there."""

from playwright.sync_api import expect
from tests.browser.steps import log_in
from tests.conftest import SCREENSHOTS
import json
import pytest
import re
import time


pytestmark = pytest.mark.browser

GROUP = "/working-groups/innovation-rd"
TITLE = "Monitoring voucher schemes: advice to managing authorities"


def fill_text(page, text):
    """The document's text, in TinyMCE once it has started (see test_workspace_journeys)."""
    page.wait_for_function(
        """() => window.tinymce && tinymce.get().some(editor => editor.initialized)"""
    )
    page.evaluate(
        """text => {
            const editor = tinymce.get()[0];
            const paragraph = document.createElement("p");
            paragraph.textContent = text;
            editor.setContent(paragraph.outerHTML);
            editor.save();
        }""",
        text,
    )
    body = page.frame_locator("#formfield-form-widgets-IRichTextBehavior-text iframe")
    expect(body.locator("body")).to_contain_text(text)


def mails(inbox, address, subject):
    """The mails to ``address`` with ``subject``, once at least one has come."""
    deadline = time.monotonic() + 10
    while True:
        found = [message for message in inbox.to(address) if inbox.subject(message) == subject]
        if found or time.monotonic() > deadline:
            return found
        inbox.wait(len(inbox.messages) + 1, seconds=0.5)


def workflow_menu(page, transition):
    """Pick a transition in the toolbar's state menu, as a person does."""
    page.locator("#plone-contentmenu-workflow > a").click()
    page.locator("#plone-contentmenu-workflow").get_by_role("link", name=transition).click()
    expect(page.get_by_text("Item state changed.")).to_be_visible()


class TestPublicationJourney:
    def test_group_drafts_approves_proposes_stc_publishes_public_reads(
        self, page, site_url, demo_functional, smtp_inbox, wcag_violations
    ):
        # A member of the group drafts the document. The group's dashboard, seen before (and
        # kept until the catalog changes), lists it at once.
        log_in(page, site_url, "luca.bianchi")
        page.goto(f"{site_url}{GROUP}")
        recent = page.locator(
            "#content-core section", has=page.get_by_role("heading", name="Recent activity")
        )
        expect(recent.get_by_role("link", name=TITLE)).to_have_count(0)
        page.goto(f"{site_url}{GROUP}/documents/++add++Document")
        page.get_by_label("Title").fill(TITLE)
        page.get_by_label("Summary").fill("How managing authorities should follow their vouchers.")
        fill_text(page, "Count the SMEs that innovate again.")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Item created")).to_be_visible()
        document_url = page.url.removesuffix("/view")
        page.goto(f"{site_url}{GROUP}")
        expect(recent.get_by_role("link", name=TITLE)).to_be_visible()
        page.goto(document_url)
        workflow_menu(page, "Submit to the group")

        # A full member of the group finds it waiting for her on the dashboard and approves it;
        # back on the dashboard, it waits no more.
        log_in(page, site_url, "ana.kovac")
        page.goto(f"{site_url}{GROUP}")
        waiting = page.locator(
            "#content-core section", has=page.get_by_role("heading", name="Waiting for your review")
        )
        waiting.get_by_role("link", name=TITLE).click()
        expect(page).to_have_url(re.compile(re.escape(document_url)))
        workflow_menu(page, "Approve")
        page.goto(f"{site_url}{GROUP}")
        expect(page.get_by_role("heading", name="Recent activity")).to_be_visible()
        expect(waiting.get_by_role("link", name=TITLE)).to_have_count(0)
        page.screenshot(path=str(SCREENSHOTS / "dashboard-after-approval.png"), full_page=True)

        # The leader sees what it will become (nothing in its title says: a report), makes it a
        # recommendation, and proposes it.
        log_in(page, site_url, "nikos.papadopoulos")
        page.goto(document_url)
        status = page.locator(".publication-status")
        expect(status).to_contain_text("Publication: report")
        status.get_by_label("Kind of public item").select_option(
            label="Publication: recommendation"
        )
        status.get_by_role("button", name="Change").click()
        expect(page.get_by_text("this becomes: Publication: recommendation")).to_be_visible()
        expect(status).to_contain_text("Publication: recommendation")
        workflow_menu(page, "Propose for publication")
        expect(page.get_by_text("waits for the validation of the Scientific")).to_be_visible()
        expect(status).to_contain_text("Waiting for the STC's validation")
        assert wcag_violations(page) == []

        # The STC finds it in the queue and publishes it.
        log_in(page, site_url, "sofia.dimitriou")
        page.goto(f"{site_url}/@@validation-queue")
        page.get_by_role("link", name=TITLE).click()
        expect(page.locator("h1")).to_have_text(TITLE)
        provenance = page.locator(".publication-provenance")
        expect(provenance).to_contain_text("WG4 Innovation and R&D")
        workflow_menu(page, "Publish")
        public_url = page.url.removesuffix("/view")
        assert "/repository/" in public_url

        # The group is told, each member once (the proposer by the queue's mail to authors).
        for login in ("luca.bianchi", "ana.kovac", "nikos.papadopoulos"):
            (told,) = mails(smtp_inbox, f"{login}@example.org", f"Published: {TITLE}")
            assert public_url in told.get_payload(decode=True).decode()

        # The workspace's document links its public counterpart, published.
        log_in(page, site_url, "luca.bianchi")
        page.goto(document_url)
        expect(status).to_contain_text("Published")
        status.get_by_role("link", name=TITLE).click()
        expect(page).to_have_url(re.compile(re.escape(public_url)))

        # An anonymous visitor finds it in the search...
        page.context.clear_cookies()
        page.goto(site_url)
        page.get_by_role("textbox", name="Search Site").fill("monitoring voucher schemes")
        page.locator("#searchGadget_form").get_by_role("button", name="Search").click()
        results = page.locator(".faceted-result-list")
        results.get_by_role("link", name=TITLE).click()
        # ...and reads how it got there.
        expect(page.locator("h1")).to_have_text(TITLE)
        expect(provenance).to_contain_text("Proposed by WG4 Innovation and R&D")
        expect(provenance).to_contain_text("Approved by the group")
        expect(provenance).to_contain_text("Validated by the Scientific and Technical Committee")
        # The workspace is the group's: named, not linked, for a visitor.
        expect(provenance.get_by_role("link")).to_have_count(0)
        assert wcag_violations(page) == []

        # In the topic's RSS feed.
        page.locator(".repository-topics").get_by_role(
            "link", name="Innovation and R&D driven cluster development"
        ).click()
        feed = page.get_by_role("link", name="New items on this topic (RSS)")
        response = page.request.get(feed.get_attribute("href"))
        assert response.status == 200
        assert f"<title>{TITLE}</title>" in response.text()
        assert public_url in response.text()

        # In the open data.
        page.locator("#portal-footer-wrapper, footer").get_by_role("link", name="Open data").click()
        json_link = page.get_by_role("link", name="Download JSON Policy-learning repository")
        data = json.loads(page.request.get(json_link.get_attribute("href")).text())
        (row,) = [item for item in data["items"] if item["title"] == TITLE]
        assert row["type"] == "Publication"
        assert row["working_group"] == "innovation-rd"
        assert row["url"] == public_url

        # Back on its page: how it got there.
        page.goto(public_url)
        expect(provenance).to_contain_text("Validated by the Scientific and Technical Committee")
