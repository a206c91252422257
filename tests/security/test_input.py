"""Input the platform refuses or makes harmless (issue 17, items 10 to 12).

- Links: a web address that a browser would run (``javascript:``, ``data:``, ``vbscript:``...)
  is refused by every link field, over REST (400) and on the forms (a form error); one stored
  before is shown as text, never as a link.
- Spreadsheet formulas: every CSV the platform writes starts a text cell that a spreadsheet would
  run (``=``, ``+``, ``-``, ``@``, tab, carriage return) with a single quote (OWASP).
- An event's country, region, governance level and working group are checked like every
  repository item's; a decision's result and tally are written by the closing of the vote only.
"""

from clusterpolisee.consultations.questionnaires import record_answer
from clusterpolisee.consultations.questionnaires import SAVER
from clusterpolisee.interfaces import IClusterpoliseeLayer
from clusterpolisee.public.opendata import as_csv
from collective.easyform.api import get_actions
from datetime import timedelta
from pathlib import Path
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from tests.authentication.codes import login_body
from tests.workspaces.conftest import create_people
from tests.workspaces.conftest import fill_roster
from tests.workspaces.conftest import PASSWORD
from zope.interface import alsoProvides
import csv
import io
import pytest
import re
import requests
import transaction


SCREENSHOTS = Path(__file__).parents[1] / "screenshots"
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
EDITOR = "editor"
SCRIPT_LINKS = (
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
)
START = {"start": "2030-05-06T10:00:00+00:00", "end": "2030-05-06T12:00:00+00:00"}
TOPICS = {"topics": ["innovation-rd"]}
# A link that runs script, in an attribute: what no page may carry (but Plone's toolbar menus,
# whose anchors do nothing: "javascript:void(0)").
SCRIPT_HREF = re.compile(
    r"""(href|src)\s*=\s*["']?\s*(javascript:(?!void\(0\)["'])|data:|vbscript:)""", re.I
)


def login(base, user, password):
    client = requests.Session()
    response = client.post(f"{base}/@login", json=login_body(user, password), headers=JSON)
    assert response.status_code == 200, response.text
    client.headers.update(JSON)
    client.headers["Authorization"] = f"Bearer {response.json()['token']}"
    return client


@pytest.fixture
def site(functional):
    """A folder where the editor adds and edits, and the innovation group with its roster."""
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        folder = api.content.create(container=portal, type="Folder", id="sandbox", title="S")
        api.user.create(username=EDITOR, email="editor@example.org", password=PASSWORD)
        api.user.grant_roles(username=EDITOR, obj=folder, roles=["Contributor", "Editor"])
        create_people(portal)
        fill_roster(portal["working-groups"]["innovation-rd"])
    transaction.commit()
    base = portal.absolute_url()
    clients = {login_: login(base, login_, PASSWORD) for login_ in (EDITOR, "leader", "full")}
    return portal, base, clients


def link_cases(link):
    """(portal type, fields) that put ``link`` in each field that holds a link."""
    return (
        ("Institution", {**TOPICS, "kind": "cluster-organisation", "website": link}),
        ("CooperationNetwork", {**TOPICS, "website": link}),
        (
            "BestPractice",
            {
                **TOPICS,
                "practice_description": "P",
                "evidence_links": ["https://example.org/r", link],
            },
        ),
        ("Event", {**TOPICS, **START, "online_meeting_url": link}),
        ("Event", {**TOPICS, **START, "event_url": link}),
        ("Link", {"remoteUrl": link}),
    )


class TestLinks:
    def test_rest_refuses_links_that_run_script(self, site):
        portal, base, clients = site
        editor = clients[EDITOR]
        folder = f"{base}/sandbox"
        for link in SCRIPT_LINKS:
            for portal_type, fields in link_cases(link):
                response = editor.post(folder, json={"@type": portal_type, "title": "T", **fields})
                assert response.status_code == 400, (portal_type, fields, response.text)
                assert "topics" not in response.text, response.text
        transaction.begin()
        assert portal["sandbox"].objectIds() == []
        # Web addresses are welcome, and an e-mail address where a link may be one.
        for portal_type, fields in link_cases("https://www.example.org/page?a=1"):
            response = editor.post(folder, json={"@type": portal_type, "title": "T", **fields})
            assert response.status_code == 201, (portal_type, response.text)
        mail = editor.post(
            folder, json={"@type": "Link", "title": "M", "remoteUrl": "mailto:a@b.eu"}
        )
        assert mail.status_code == 201, mail.text
        # An edit is refused the same way, and leaves the item as it was.
        institution = editor.post(
            folder,
            json={"@type": "Institution", "title": "I", "kind": "cluster-organisation", **TOPICS},
        ).json()["@id"]
        refused = editor.patch(institution, json={"website": "javascript:alert(1)"})
        assert refused.status_code == 400, refused.text
        assert "http" in refused.json()["message"]
        assert editor.get(institution).json()["website"] is None

    def test_a_link_stored_before_is_shown_as_text(self, site):
        portal, _base, clients = site
        bad = "javascript:alert(1)"
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            folder = portal["sandbox"]
            # Stored without the fields' validation, as by a version before the fix.
            items = [
                api.content.create(
                    container=folder, type="Institution", title="I", kind="cluster-organisation"
                ),
                api.content.create(container=folder, type="CooperationNetwork", title="N"),
                api.content.create(
                    container=folder,
                    type="BestPractice",
                    title="P",
                    practice_description=RichTextValue("<p>P</p>", "text/html", "text/html"),
                ),
                api.content.create(container=folder, type="Event", title="E"),
            ]
            items[0].website = items[1].website = bad
            items[2].evidence_links = ["https://example.org/report", "data:text/html,x"]
            items[3].online_meeting_url = bad
            api.portal.set_registry_record("clusterpolisee.videoconference_base_url", bad)
            workspace = portal["working-groups"]["innovation-rd"]
            meeting = api.content.create(
                container=workspace["planning"], type="Meeting", title="M", online=True
            )
        transaction.commit()
        editor = clients[EDITOR]
        for item in items:
            page = editor.get(item.absolute_url(), headers={"Accept": "text/html"})
            assert page.status_code == 200, page.text
            found = SCRIPT_HREF.search(page.text)
            assert not found, (item.portal_type, page.text[found.start() - 300 : found.end() + 50])
        practice = editor.get(items[2].absolute_url(), headers={"Accept": "text/html"}).text
        assert 'href="https://example.org/report"' in practice
        assert "data:text/html,x" in practice  # as text
        assert meeting.room_url() is None
        page = clients["leader"].get(meeting.absolute_url(), headers={"Accept": "text/html"})
        assert page.status_code == 200
        found = SCRIPT_HREF.search(page.text)
        assert not found, page.text[found.start() - 300 : found.end() + 50]

    def test_forms_refuse_links_that_run_script(self, portal, request_):
        """z3c.form: the platform's link fields, Plone's event and Link, the control panel."""
        alsoProvides(request_, IClusterpoliseeLayer)
        with api.env.adopt_roles(["Manager"]):
            institution = api.content.create(
                container=portal, type="Institution", title="I", kind="cluster-organisation"
            )
            event = api.content.create(container=portal, type="Event", title="E")
            link = api.content.create(container=portal, type="Link", title="L")
            cases = (
                (institution, "edit", "form.widgets.website"),
                (event, "edit", "form.widgets.IEventDetails.online_meeting_url"),
                (event, "edit", "form.widgets.IEventContact.event_url"),
                (link, "edit", "form.widgets.remoteUrl"),
                (portal, "clusterpolisee-controlpanel", "form.widgets.videoconference_base_url"),
            )
            for context, view_name, widget in cases:
                for bad in ("javascript:alert(1)", "data:text/html,x"):
                    errors = form_errors(context, request_, view_name, widget, bad)
                    assert widget in errors, (widget, bad, errors)
                assert widget not in form_errors(
                    context, request_, view_name, widget, "https://www.example.org/"
                )


def form_errors(context, request, view_name, widget_name, value):
    """The names of the widgets in error once ``value`` is entered in one of the view's forms."""
    request.form.clear()
    request.form[widget_name] = value
    if widget_name.endswith("remoteUrl"):
        request.form[f"{widget_name}.external"] = value
    view = context.restrictedTraverse(f"@@{view_name}")
    form = getattr(view, "form_instance", view)
    form.update()
    _data, errors = form.extractData()
    return {error.widget.name for error in errors if error.widget is not None}


@pytest.mark.browser
def test_a_member_sees_the_form_error_for_a_script_link(page, site_url, functional):
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        folder = api.content.create(container=portal, type="Folder", id="sandbox", title="S")
        api.user.create(username=EDITOR, email="editor@example.org", password=PASSWORD)
        api.user.grant_roles(username=EDITOR, obj=folder, roles=["Contributor", "Editor"])
        api.content.create(
            container=folder,
            type="Institution",
            id="agency",
            title="Regional agency",
            kind="regional-authority",
            topics=["innovation-rd"],
            website="https://agency.example.org/",
        )
    transaction.commit()
    page.goto(f"{site_url}/login")
    page.get_by_label("Login name").fill(EDITOR)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).not_to_have_url(re.compile("/login$"))
    page.goto(f"{site_url}/sandbox/agency/edit")
    page.get_by_label("Website").fill("javascript:alert(1)")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("There were some errors.")).to_be_visible()
    error = page.locator("#formfield-form-widgets-website").get_by_text(
        "Only web addresses that start with http:// or https:// are accepted."
    )
    expect(error).to_be_visible()
    # The website's error is the only one on the form.
    expect(page.locator(".invalid-feedback:visible, .fieldErrorBox:visible")).to_have_count(1)
    # The page's screenshot is taken after the test, its sticky buttons over the field: the
    # field with its error, on its own, too.
    error.evaluate("element => element.scrollIntoView({block: 'center'})")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.locator("#formfield-form-widgets-website").screenshot(
        path=str(SCREENSHOTS / "test_a_member_sees_the_form_error_for_a_script_link-field.png")
    )
    assert portal["sandbox"]["agency"].website == "https://agency.example.org/"


FORMULAS = ('=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


def csv_cells(text, delimiter=","):
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    return [cell for row in rows for cell in row]


def assert_neutralised(text, delimiter=","):
    cells = csv_cells(text, delimiter)
    for formula in FORMULAS:
        assert formula not in cells, (formula, cells)
        assert f"'{formula}" in cells, (formula, cells)


class TestSpreadsheetFormulas:
    def test_every_csv_neutralises_formulas(self, portal, request_):
        alsoProvides(request_, IClusterpoliseeLayer)
        title, summary, address = FORMULAS[0], FORMULAS[1], FORMULAS[2]
        with api.env.adopt_roles(["Manager"]):
            institution = api.content.create(
                container=portal["repository"],
                type="Institution",
                title=title,
                description=summary,
                kind="cluster-organisation",
                address=address,
                website="@SUM(A1)",
            )
            api.content.transition(institution, to_state="published")
            # Stored without validation, as an import might: a formula in an indexed value.
            for country in ("\t=1", "\r=1"):
                practice = api.content.create(
                    container=portal["repository"],
                    type="BestPractice",
                    title="P",
                    country=country,
                )
                api.content.transition(practice, to_state="published")
        assert_neutralised(as_csv("institutions") + as_csv("repository"))

        form = portal["en"]["consultations"]["innovation-rd"]
        for formula in FORMULAS:
            record_answer(form, {"region": formula, "innovative_measure": formula})
        with api.env.adopt_roles(["Manager"]):
            results = form.restrictedTraverse("@@results.csv")()
            indicators = portal.restrictedTraverse("@@indicators.csv")()
        assert_neutralised(results)
        # EasyForm's own download of the answers (its "Saved data" page), in each format.
        saver = get_actions(form)[SAVER]
        assert_neutralised(saver.getSavedFormInputForEdit(header=True, delimiter=","))
        assert_neutralised(saver.getSavedFormInputForEdit(delimiter="\t"), delimiter="\t")
        cells = csv_cells(indicators)
        for formula in ("\t=1", "\r=1"):
            assert formula not in cells, cells
            assert f"'{formula}" in cells, cells
        # The counts the platform writes stay numbers.
        assert "0" in cells
        assert not [cell for cell in cells if cell.startswith("'") and cell[1:].isdigit()]

        # A questionnaire made before (EasyForm's own "Save data") is brought to the safe one by
        # the upgrade, its answers kept.
        from clusterpolisee.consultations.actions import use_safe_saver

        form.actions_model = form.actions_model.replace(
            "clusterpolisee.consultations.actions.SafeSaveData",
            "collective.easyform.actions.SaveData",
        )
        assert "'=" not in get_actions(form)[SAVER].getSavedFormInputForEdit()
        assert use_safe_saver(form)
        assert not use_safe_saver(form)
        assert_neutralised(get_actions(form)[SAVER].getSavedFormInputForEdit())


class TestVocabulariesAndResults:
    def test_events_refuse_unknown_values_like_every_item(self, site):
        portal, base, clients = site
        editor = clients[EDITOR]
        folder = f"{base}/sandbox"
        for field, value in (
            ("country", "XX"),
            ("region", "XX99"),
            ("governance_level", "galactic"),
            ("working_group", "no-such-group"),
        ):
            for portal_type, extra in (
                ("Institution", {"kind": "cluster-organisation", **TOPICS}),
                ("Event", {**START, **TOPICS}),
            ):
                response = editor.post(
                    folder, json={"@type": portal_type, "title": "T", **extra, field: value}
                )
                assert response.status_code == 400, (portal_type, field, response.text)
        # A region outside the chosen country, as for every item.
        response = editor.post(
            folder,
            json={
                "@type": "Event",
                "title": "T",
                **START,
                **TOPICS,
                "country": "HR",
                "region": "RO21",
            },
        )
        assert response.status_code == 400, response.text
        transaction.begin()
        assert portal["sandbox"].objectIds() == []
        created = editor.post(
            folder,
            json={
                "@type": "Event",
                "title": "Matchmaking",
                **START,
                **TOPICS,
                "country": "RO",
                "region": "RO21",
                "governance_level": "regional",
                "working_group": "innovation-rd",
            },
        )
        assert created.status_code == 201, created.text
        transaction.begin()
        event = portal["sandbox"][created.json()["id"]]
        assert (event.country, event.region) == ("RO", "RO21")
        catalog = api.portal.get_tool("portal_catalog")
        assert [
            b.getId for b in catalog.unrestrictedSearchResults(country="RO", portal_type="Event")
        ] == [event.getId()]

    def test_only_closing_the_vote_sets_result_and_tally(self, site, clock):
        portal, base, clients = site
        decisions = f"{base}/working-groups/innovation-rd/decisions"
        leader = clients["leader"]
        response = leader.post(
            decisions,
            json={
                "@type": "Decision",
                "title": "Adopt",
                "proposal": "We adopt.",
                "deadline": "2099-01-01T12:00:00",
                "quorum": 1,
                "result": "adopted",
                "tally": {"yes": 99, "no": 0, "abstain": 0},
            },
        )
        assert response.status_code == 201, response.text
        url = response.json()["@id"]
        path = url[len(base) :].lstrip("/")

        def decision():
            transaction.begin()  # what the server committed
            return portal.unrestrictedTraverse(path)

        assert (decision().result, decision().tally) == (None, None)
        for client in (leader, clients["full"]):
            response = client.patch(url, json={"result": "adopted", "tally": {"yes": 99}})
            assert response.status_code in (204, 401, 403), response.text
            assert (decision().result, decision().tally) == (None, None)
        # The platform, closing the vote, writes them.
        assert leader.post(f"{url}/@workflow/open_voting").status_code == 200
        assert clients["full"].post(f"{url}/@vote", json={"vote": "no"}).status_code == 200
        item = decision()
        with api.env.adopt_user(username="leader"):
            item.deadline = clock.now() - timedelta(minutes=1)
            api.content.transition(item, transition="close_voting")
        assert item.result == "rejected"
        assert item.tally == {"yes": 0, "no": 1, "abstain": 0}
        transaction.abort()
