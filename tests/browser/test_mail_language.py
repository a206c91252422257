"""Mail in the recipient's language, in Chromium, on the demo (issue 19, item 4): a member of
WG4 chooses Italian on their personal preferences page; the group's leader, in English, writes
them a private message through the pages; the notification the member receives is in Italian."""

from playwright.sync_api import expect
from tests.browser.steps import log_in
import pytest


pytestmark = pytest.mark.browser

SUBJECT = "Voucher figures for the next meeting"


class TestMailLanguage:
    def test_a_member_chooses_italian_is_notified_and_greeted_in_italian(
        self, page, site_url, demo_functional, smtp_inbox, wcag_violations
    ):
        # Luca chooses Italian among his personal preferences, from his menu.
        log_in(page, site_url, "luca.bianchi")
        page.locator("#personaltools-menulink").click()
        page.locator("#collapse-personaltools").get_by_role("link", name="Preferences").click()
        page.get_by_role("link", name="Personal Preferences").click()
        language = page.get_by_label("Language", exact=True)
        language.select_option("it")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Changes saved")).to_be_visible()
        # The form, saved, already speaks Italian to him, and so do the next pages.
        expect(page.locator("html")).to_have_attribute("lang", "it")
        expect(page.locator("select[name^='form.widgets.language']")).to_have_value("it")
        assert wcag_violations(page) == []
        page.goto(f"{site_url}/repository")
        expect(page.locator("html")).to_have_attribute("lang", "it")

        # Nikos, the group's leader, writes to him in English.
        log_in(page, site_url, "nikos.papadopoulos")
        page.goto(f"{site_url}/@@compose-message")
        to = page.get_by_role("combobox", name="To")
        to.press_sequentially("Luca")
        page.get_by_role("option", name="Luca Bianchi").click()
        page.get_by_label("Subject").fill(SUBJECT)
        page.get_by_label("Message", exact=True).fill("Could you bring the Veneto figures?")
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_text("Your message is sent.")).to_be_visible()

        # The notification Luca receives is in Italian, the language he chose.
        smtp_inbox.wait(1)
        (mail,) = smtp_inbox.to("luca.bianchi@example.org")
        assert smtp_inbox.subject(mail) == f"Nuovo messaggio da Nikos Papadopoulos: {SUBJECT}"
        body = mail.get_payload(decode=True).decode()
        assert f'Nikos Papadopoulos ti ha inviato un messaggio privato, "{SUBJECT}"' in body
        assert "Ricevi questo messaggio per le tue impostazioni di notifica" in body

        # When Luca signs in again, the platform speaks Italian to him too.
        log_in(page, site_url, "luca.bianchi")
        page.goto(f"{site_url}/repository")
        expect(page.locator("html")).to_have_attribute("lang", "it")
        expect(page.get_by_role("heading", level=1)).to_have_text("Repository")
        expect(page.locator("#portal-globalnav")).to_contain_text("Istituzioni")
