"""Working-group journeys in Chromium: documents and versions, the wiki and its diff, a meeting
and its invitation, a vote, and a private message nobody else can open."""

from datetime import timedelta
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from tests.browser import steps
from tests.browser.steps import fill_rich_text
from tests.browser.steps import save
from tests.workspaces import documents
from tests.workspaces.conftest import create_people
from tests.workspaces.conftest import fill_roster
from tests.workspaces.conftest import PASSWORD
import pytest
import re
import transaction


pytestmark = pytest.mark.browser

GROUP = "/working-groups/innovation-rd"


@pytest.fixture
def people(functional, smtp_inbox):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        create_people(functional["portal"])
        fill_roster(functional["portal"]["working-groups"]["innovation-rd"])
    transaction.commit()
    return smtp_inbox


def log_in(page, site_url, login):
    """The people of this module's own working group (tests/workspaces/conftest.py)."""
    steps.log_in(page, site_url, login, PASSWORD)


class TestWorkspaceJourneys:
    def test_member_uploads_a_document_and_a_new_version(
        self, page, site_url, people, wcag_violations, tmp_path
    ):
        first, second = tmp_path / "first" / "brief.pdf", tmp_path / "second" / "brief.pdf"
        for path, text in ((first, "First draft"), (second, "Second draft")):
            path.parent.mkdir()
            path.write_bytes(documents.pdf(text))
        log_in(page, site_url, "full")
        page.goto(f"{site_url}{GROUP}")
        assert wcag_violations(page) == []
        page.get_by_role("link", name="Documents", exact=True).first.click()
        expect(page).to_have_url(re.compile(re.escape(f"{GROUP}/documents")))
        page.goto(f"{page.url.split('?')[0]}/++add++File")
        page.get_by_label("Title").fill("Voucher brief")
        page.locator("input[type=file][name='form.widgets.file']").set_input_files(str(first))
        save(page)
        expect(page.get_by_text("Item created")).to_be_visible()
        brief_url = page.url.removesuffix("/view")
        page.goto(f"{brief_url}/edit")
        page.get_by_label("Replace with new file").check()
        page.locator("input[type=file][name='form.widgets.file']").set_input_files(str(second))
        save(page)
        page.goto(f"{brief_url}/@@historyview")
        # The first upload can be restored: the new one replaced it and kept it.
        assert page.locator("input[name=version_id]").count() >= 1
        assert "Full" in page.locator("#content").inner_text()
        assert wcag_violations(page) == []
        download = page.request.get(f"{brief_url}/@@download/file")
        assert b"Second draft" in download.body()
        earlier = page.request.get(f"{brief_url}/@@download-version?version_id=0&field_id=file")
        assert b"First draft" in earlier.body()

    def test_another_member_edits_a_wiki_page_and_sees_the_diff(
        self, page, site_url, people, wcag_violations
    ):
        log_in(page, site_url, "full")
        # The wiki's index, seen before (and kept until the catalog changes), lists the new
        # page at once.
        page.goto(f"{site_url}{GROUP}/wiki")
        expect(page.locator("#content-core").get_by_role("link", name="Vouchers")).to_have_count(0)
        page.goto(f"{site_url}{GROUP}/wiki/++add++WikiPage")
        page.get_by_label("Title").fill("Vouchers")
        fill_rich_text(page, "text", "Styria runs a voucher scheme. See [[Evaluation]].")
        save(page)
        page_url = page.url.removesuffix("/view")
        # Offers the missing page (waits for the saved page: the machine may be busy).
        expect(page.get_by_role("link", name="Evaluation")).to_be_visible()
        page.goto(f"{site_url}{GROUP}/wiki")
        expect(page.locator("#content-core").get_by_role("link", name="Vouchers")).to_be_visible()
        log_in(page, site_url, "associated")
        page.goto(f"{site_url}{GROUP}/wiki")
        assert wcag_violations(page) == []
        page.get_by_role("link", name="Vouchers").click()
        page.goto(f"{page_url}/edit")
        fill_rich_text(page, "text", "Styria and Thessaloniki run voucher schemes.")
        save(page)
        expect(page.locator(".wiki-text")).to_contain_text("Thessaloniki", use_inner_text=True)
        page.goto(f"{page_url}/@@history?one=current&two=0")
        diff = page.locator("#content").inner_text()
        assert "Thessaloniki" in diff
        assert wcag_violations(page) == []

    def test_leader_schedules_a_meeting_and_the_invitee_gets_the_room(
        self, page, site_url, people, wcag_violations
    ):
        log_in(page, site_url, "leader")
        page.goto(f"{site_url}{GROUP}/planning")
        assert wcag_violations(page) == []
        page.get_by_role("link", name="New meeting").click()
        page.get_by_label("Title").fill("Voucher workshop")
        fill_rich_text(page, "agenda", "Draft")
        page.get_by_role("checkbox", name="Associated").check()
        save(page)
        expect(page.get_by_text("Item created")).to_be_visible()
        join = page.get_by_role("link", name="Join the meeting")
        room = join.get_attribute("href")
        assert room.startswith("https://meet.jit.si/ClusterPoliSEE-innovation-rd-")
        assert wcag_violations(page) == []
        people.wait(1)
        (invitation,) = people.to("associated@example.org")
        assert people.subject(invitation).startswith("Invitation: Voucher workshop")
        assert room in invitation.get_payload(decode=True).decode()
        log_in(page, site_url, "associated")
        page.goto(f"{site_url}{GROUP}/planning?mode=list")
        page.locator("#content-core").get_by_role("link", name="Voucher workshop").click()
        page.get_by_label("I will attend").check()
        page.get_by_role("button", name="Answer").click()
        expect(page.get_by_text("your answer is saved")).to_be_visible()
        expect(page.get_by_role("cell", name="Attends")).to_be_visible()

    def test_full_members_vote_and_the_decision_closes_with_its_result(
        self, page, site_url, people, functional, wcag_violations, clock
    ):
        portal = functional["portal"]
        with api.env.adopt_user(username="leader"):
            decision = api.content.create(
                container=portal["working-groups"]["innovation-rd"]["decisions"],
                type="Decision",
                id="adopt",
                title="Adopt the recommendations",
                proposal=RichTextValue("<p>We adopt them.</p>", "text/html", "text/x-html-safe"),
                deadline=clock.now() + timedelta(days=1),
                quorum=2,
            )
            api.content.transition(decision, transition="open_voting")
        transaction.commit()
        url = f"{site_url}{GROUP}/decisions/adopt"
        for login, choice in (("full", "Yes"), ("full-two", "Yes"), ("leader", "No")):
            log_in(page, site_url, login)
            page.goto(url)
            page.get_by_label(choice, exact=True).check()
            page.get_by_role("button", name="Vote").click()
            expect(page.get_by_text("Your vote is recorded")).to_be_visible()
        assert wcag_violations(page) == []
        log_in(page, site_url, "associated")
        page.goto(url)
        expect(page.get_by_text("you can read it and comment")).to_be_visible()
        expect(page.get_by_role("button", name="Vote")).to_have_count(0)
        # The deadline passes (after the server's votes: start from their state).
        transaction.abort()
        decision._p_jar.sync()
        decision.deadline = clock.now() - timedelta(minutes=1)
        transaction.commit()
        log_in(page, site_url, "leader")
        page.goto(url)
        page.locator("#plone-contentmenu-workflow > a").click()
        page.locator("#workflow-transition-close_voting").click()
        expect(page.get_by_role("heading", name="Result")).to_be_visible()
        expect(page.locator(".decision-result .lead")).to_have_text("Adopted")
        assert wcag_violations(page) == []

    def test_private_message_is_read_by_its_recipient_only(
        self, page, site_url, people, wcag_violations, tmp_path
    ):
        attachment = tmp_path / "figures.csv"
        attachment.write_text("region,vouchers\nRO21,40\n")
        log_in(page, site_url, "full")
        page.goto(f"{site_url}/@@compose-message")
        assert wcag_violations(page) == []
        # The type-ahead: part of the name, then the member from the list.
        to = page.get_by_role("combobox", name="To")
        to.press_sequentially("assoc")
        page.get_by_role("option", name="Associated").click()
        page.get_by_label("Subject").fill("Voucher figures")
        page.get_by_label("Message", exact=True).fill("Here are the figures for North-East.")
        page.get_by_label("Attachments").set_input_files(str(attachment))
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_text("Your message is sent.")).to_be_visible()
        message_url = page.url.removesuffix("/view")
        file_url = page.get_by_role("link", name="figures.csv").get_attribute("href")

        log_in(page, site_url, "associated")
        expect(page.locator("#toolbar-messages")).to_contain_text("1", use_inner_text=True)
        page.locator("#toolbar-messages").click()
        message_link = page.get_by_role("link", name="Voucher figures")
        expect(message_link).to_be_visible()  # the mailbox is in
        assert wcag_violations(page) == []
        message_link.click()
        expect(page.locator("#content")).to_contain_text(
            "Here are the figures for North-East.", use_inner_text=True
        )
        assert wcag_violations(page) == []
        assert page.request.get(file_url).status == 200
        # Read: the toolbar, which counted it on every page before, counts it no more. The
        # mailbox's own address leads to the messages page too.
        page.goto(f"{site_url}/messages")
        expect(page).to_have_url(f"{site_url}/@@messages")
        expect(page.get_by_role("link", name="Voucher figures")).to_be_visible()
        expect(page.locator("#toolbar-messages")).to_be_visible()
        expect(page.locator("#toolbar-messages .badge")).to_have_count(0)

        log_in(page, site_url, "outsider")
        for url in (message_url, f"{message_url}/view", file_url, f"{site_url}/messages"):
            response = page.request.get(url, max_redirects=0)
            assert response.status in (302, 401, 403, 404), url
        page.goto(f"{site_url}/@@messages")
        assert "Voucher figures" not in page.locator("#content").inner_text()
        page.goto(f"{site_url}/@@search?SearchableText=Voucher+figures")
        expect(page.get_by_text("No results were found.")).to_be_visible()


class TestSeveralFilesAtOnce:
    def test_member_uploads_several_files_in_one_go(
        self, page, site_url, people, functional, tmp_path
    ):
        paths = []
        for name, make in (
            ("a.pdf", documents.pdf),
            ("b.docx", documents.docx),
            ("c.odt", documents.odt),
        ):
            path = tmp_path / name
            path.write_bytes(make(f"Upload {name}"))
            paths.append(str(path))
        log_in(page, site_url, "associated")
        page.goto(f"{site_url}{GROUP}/documents/folder_contents")
        # Mockup loads the upload pattern lazily; a click before it is there fails in stock
        # Plone's own script (setPath of undefined), as it would for a very quick person.
        page.wait_for_load_state("networkidle")
        page.locator("#btn-upload").click()
        page.locator(
            ".upload-container input[type=file], input.dz-hidden-input"
        ).first.set_input_files(paths)
        page.locator(".upload-container .upload-all, button.upload-all").first.click()
        # The listing refreshes once every file is in: wait for it rather than for time.
        for name in ("a.pdf", "b.docx", "c.odt"):
            expect(page.locator("table").get_by_text(name).first).to_be_visible()
        page.wait_for_load_state("networkidle")
        transaction.begin()
        documents_folder = functional["portal"]["working-groups"]["innovation-rd"]["documents"]
        documents_folder._p_jar.sync()
        assert sorted(documents_folder.objectIds()) == ["a.pdf", "b.docx", "c.odt"]


class TestJoiningAGroup:
    def test_a_member_asks_to_join_and_the_leader_accepts_invites_appoints_and_removes(
        self, page, site_url, people, wcag_violations
    ):
        log_in(page, site_url, "outsider")
        page.goto(f"{site_url}/working-groups")
        card = page.locator(".card").filter(has_text="WG4 Innovation and R&D")
        card.get_by_label("Why you want to join (optional)").fill("I run the voucher scheme.")
        card.get_by_role("button", name="Ask to join").click()
        expect(page.get_by_text("Your request is sent to the group's leader.")).to_be_visible()
        expect(
            page.locator(".card")
            .filter(has_text="WG4 Innovation and R&D")
            .get_by_text("You asked to join")
        ).to_be_visible()
        assert wcag_violations(page) == []

        log_in(page, site_url, "leader")
        page.goto(f"{site_url}{GROUP}/@@roster")
        request = page.locator("li").filter(has_text="I run the voucher scheme.")
        request.get_by_role("button", name="Accept").click()
        expect(page.get_by_text("Outsider is now in the group.")).to_be_visible()
        expect(page.get_by_role("rowheader", name="Outsider")).to_be_visible()
        assert wcag_violations(page) == []

        page.get_by_label("Member", exact=True).select_option(label="Partner")
        page.get_by_role("button", name="Invite").click()
        expect(page.get_by_text("Partner is now in the group.")).to_be_visible()
        row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Partner"))
        row.get_by_role("button", name="Make leader").click()
        expect(page.get_by_text("Partner now leads the group.")).to_be_visible()
        row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Partner"))
        expect(row.get_by_role("button", name="Make leader")).to_have_count(0)
        row.get_by_role("button", name="Remove").click()
        page.get_by_role("button", name="Remove from the group").click()  # the page asks first
        expect(page.get_by_text("Partner is no longer in the group.")).to_be_visible()
        expect(page.get_by_role("rowheader", name="Partner")).to_have_count(0)
        assert wcag_violations(page) == []
