"""Steps that the browser journeys share: a demo member logs in, a rich text is filled, a form
is saved."""

from clusterpolisee.demo.data import DEMO_PASSWORD
from clusterpolisee.demo.data import DEMO_TOTP_SECRETS
from playwright.sync_api import expect
from tests.authentication.codes import demo_code
import re


def log_in(page, site_url, login, password=DEMO_PASSWORD):
    """Log in on the login form, as a person does; a fresh session each time."""
    page.context.clear_cookies()
    page.goto(f"{site_url}/login")
    page.get_by_label("Login name").fill(login)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    if login in DEMO_TOTP_SECRETS:
        # A member who signs in with a second factor (the demo's coordinator and STC member):
        # the code from their app next.
        page.get_by_label("Code from your authenticator app").fill(demo_code(login))
        page.get_by_role("button", name="Log in").click()
    # Logged in once the form sends the browser on (a failed login shows the form again).
    expect(page).not_to_have_url(re.compile("/login$"))


def save(page):
    """Press Save on an add or edit form and wait until the browser leaves the form."""
    form_url = page.url
    page.get_by_role("button", name="Save").click()
    # Saved once the form sends the browser on (a form with errors shows itself again).
    expect(page).not_to_have_url(form_url)


def fill_rich_text(page, field, text):
    """Fill a TinyMCE field through the editor once it has finished starting: on a busy machine
    it starts late, and loads its initial content after its body is already editable, which
    wiped text typed in between."""
    name = f"form.widgets.{field}"
    page.wait_for_function(
        """name => window.tinymce && tinymce.get().some(
            editor => editor.getElement().name === name && editor.initialized)""",
        arg=name,
    )
    page.evaluate(
        """([name, text]) => {
            const editor = tinymce.get().find(editor => editor.getElement().name === name);
            const paragraph = document.createElement("p");
            paragraph.textContent = text;
            editor.setContent(paragraph.outerHTML);
            editor.save();
        }""",
        [name, text],
    )
    body = page.frame_locator(f"#formfield-form-widgets-{field} iframe").locator("body")
    expect(body).to_contain_text(text)
