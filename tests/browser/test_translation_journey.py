"""A translator at work, in Chromium, on the demo: she translates a published best practice into
Italian with Plone's Translate menu and the side-by-side form (the English source beside the
Italian form), saves and submits the translation for validation; the coordinator then changes
the English source, and the translation appears in her list of translations to update."""

from clusterpolisee import _
from playwright.sync_api import expect
from tests.browser.steps import fill_rich_text
from tests.browser.steps import log_in
from zope.i18n import translate
import pytest
import re


pytestmark = pytest.mark.browser

# The demo's Italian translator (demo/data.py, MEMBERS) and one of its published practices.
TRANSLATOR = "giulia.ferrari"
PRACTICE = "Open laboratories for agri-food clusters in Central Macedonia"
ITALIAN = "Laboratori aperti per i cluster agroalimentari della Macedonia centrale"


def toolbar_menu(page, menu_id, entry):
    """Open a menu of the toolbar and pick an entry, as a person does."""
    page.locator(f"#{menu_id} > a").click()
    page.locator(f"#{menu_id}").get_by_role("link", name=entry).click()


class TestTranslationJourney:
    def test_translator_translates_submits_and_finds_the_changed_source(
        self, page, site_url, demo_functional, wcag_violations
    ):
        log_in(page, site_url, TRANSLATOR)
        page.goto(f"{site_url}/repository")
        page.get_by_role("link", name=PRACTICE).first.click()
        expect(page.locator("h1")).to_have_text(PRACTICE)
        source_url = page.url.removesuffix("/view")

        toolbar_menu(page, "plone-contentmenu-multilingual", re.compile("Italian"))
        # The side-by-side form: the English source on the left, the Italian form on the right.
        source = page.locator("#frame-content")
        expect(source).to_contain_text(PRACTICE)
        expect(source).not_to_contain_text("Insufficient Privileges")
        # The form speaks the translation's language: its fields are found by name.
        form = page.locator("#form-target")
        form.locator("[name='form.widgets.IDublinCore.title']").fill(ITALIAN)
        form.locator("[name='form.widgets.IDublinCore.description']").fill(
            "Linee pilota condivise nel parco tecnologico: le imprese alimentari provano nuovi "
            "prodotti senza attrezzature proprie."
        )
        fill_rich_text(
            page,
            "practice_description",
            "Le imprese alimentari provano nuovi prodotti sulle linee pilota del parco.",
        )
        form.locator("[name='form.buttons.save']").click()
        expect(page.locator("h1")).to_have_text(ITALIAN)
        expect(page.locator("html")).to_have_attribute("lang", "it")
        translation_url = page.url.removesuffix("/view")
        assert translation_url.startswith(f"{site_url}/it/")

        # Submitted for validation from the visible state menu, in Italian.
        page.locator("#plone-contentmenu-workflow > a").click()
        page.locator("#workflow-transition-submit").click()
        expect(page.locator("#plone-contentmenu-workflow .label-state-pending")).to_be_visible()
        # Up to date: the list says so (in Italian: she came through the Italian home).
        page.goto(f"{site_url}/@@translations-to-update")
        expect(page.locator("html")).to_have_attribute("lang", "it")
        up_to_date = translate(
            _(
                "message_no_translations_to_update",
                default="Every translation is up to date with its source.",
            ),
            target_language="it",
        )
        expect(page.get_by_text(up_to_date)).to_be_visible()

        # The coordinator changes the English source, once.
        log_in(page, site_url, "platform.coordinator")
        page.goto(source_url)
        page.locator("#contentview-edit a").click()
        page.get_by_label("Summary").fill(
            "Shared pilot lines in the technology park let food processors test new products; "
            "since 2026 they are open to dairy producers too."
        )
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Changes saved")).to_be_visible()

        # The translator finds her translation in the list, from her personal menu.
        log_in(page, site_url, TRANSLATOR)
        page.goto(site_url)
        page.locator("#personaltools-menulink").click()
        page.get_by_role("link", name="Translations to update").click()
        expect(page.get_by_role("heading", name="Translations to update")).to_be_visible()
        row = page.get_by_role("row").filter(has_text=ITALIAN)
        expect(row).to_be_visible()
        expect(row.get_by_role("link", name=PRACTICE)).to_have_attribute("href", source_url)
        assert wcag_violations(page) == []
