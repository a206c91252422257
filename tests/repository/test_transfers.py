"""A practice's transfers to other regions and the learning chain: the type, its indexing, who
may record one, what visitors see, the chain both ways, and the indicators that count them."""

from AccessControl import Unauthorized
from AccessControl.SpecialUsers import nobody
from clusterpolisee.demo.transfers import load_transfers
from clusterpolisee.demo.transfers import TRANSFERS
from clusterpolisee.indicators.report import IndicatorReport
from clusterpolisee.indicators.report import INDICATORS
from clusterpolisee.matchmaking.interests import InterestStore
from clusterpolisee.repository.content.transfer import ITransfer
from clusterpolisee.repository.content.transfer import transfer_title
from clusterpolisee.repository.content.transfer import YearOutOfRange
from datetime import date
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.namedfile.file import NamedBlobFile
from tests.repository.conftest import relation_to
from tests.repository.conftest import rich
from tests.repository.test_views import render
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory
import pytest
import requests


# Imported when called, not while pytest collects: repository/learning.py imports the content
# types' schemas, which must be made after plone.app.multilingual's ZCML has registered the
# plugin that marks their language-independent fields (the site's setup loads it first).
def learning_chain(obj):
    from clusterpolisee.repository.learning import learning_chain

    return learning_chain(obj)


def can_add_transfer(practice):
    from clusterpolisee.repository.learning import can_add_transfer

    return can_add_transfer(practice)


BY_ID = {indicator.id: indicator for indicator in INDICATORS}


def add_transfer(practice, region="HR03", year=2025, **fields):
    # plone.api wants a title to make the short name of: the one the transfer makes itself.
    fields.setdefault("title", translate(transfer_title(region, year)))
    return api.content.create(
        container=practice, type="Transfer", region=region, year=year, **fields
    )


@pytest.fixture
def repository(portal):
    """The repository section: its placeful policy gives transfers no workflow of their own."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal["repository"]


@pytest.fixture
def practice(repository):
    return api.content.create(
        container=repository,
        type="BestPractice",
        id="vouchers",
        title="Cluster innovation vouchers",
        topics=["financial-framework", "innovation-rd"],
        country="RO",
        region="RO21",
        practice_description=rich("Vouchers of up to EUR 10,000."),
        period_start=date(2021, 1, 1),
    )


@pytest.fixture
def chain(portal, repository, practice):
    """A published practice with a transfer to Adriatic Croatia through a pilot that does not
    build on the practice, and a pilot that does, with the guideline it produced."""
    guideline = api.content.create(
        container=repository,
        type="Publication",
        id="guide",
        title="Voucher design guide",
        kind="guideline",
        publication_date=date(2024, 6, 1),
    )
    building = api.content.create(
        container=repository,
        type="PilotAction",
        id="pilot",
        title="Voucher pilot",
        start_date=date(2022, 3, 1),
        regions=["RO21", "BG42"],
        builds_on=[relation_to(practice)],
        produced_guideline=relation_to(guideline),
    )
    naming = api.content.create(
        container=repository,
        type="PilotAction",
        id="adriatic",
        title="Adriatic voucher exchange",
        start_date=date(2025, 2, 1),
        regions=["HR03"],
    )
    transfer = add_transfer(
        practice, pilot_action=relation_to(naming), outcome="adopted", outcome_notes="Taken up."
    )
    for item in (practice, guideline, building, naming):
        api.content.transition(item, to_state="published")
    return {
        "practice": practice,
        "transfer": transfer,
        "building": building,
        "naming": naming,
        "guideline": guideline,
    }


def interest(practice, user):
    """An interest as matchmaking/interests.py records one (its message left out)."""
    return {
        "target": practice.UID(),
        "kind": "practice",
        "user": user,
        "region": "HR03",
        "created": "2026-01-05T10:00:00+00:00",
        "message": None,
    }


def titles(entries):
    return [translate(entry["title"]) for entry in entries]


class TestTransferType:
    def test_added_in_a_practice_titled_from_region_and_year(self, portal, practice):
        transfer = add_transfer(practice)
        assert transfer.Title() == "Transfer to Jadranska Hrvatska (HR03) (2025)"
        assert transfer.getId() == "transfer-to-jadranska-hrvatska-hr03-2025"
        transfer.setTitle("Typed title, ignored")
        assert transfer.Title() == "Transfer to Jadranska Hrvatska (HR03) (2025)"
        assert transfer.outcome == "under-way"
        assert transfer.exclude_from_nav
        fti = api.portal.get_tool("portal_types")["Transfer"]
        assert not fti.global_allow
        assert fti.add_permission == "clusterpolisee.AddTransfer"
        assert "Transfer" in [fti.getId() for fti in practice.allowedContentTypes()]

    def test_only_inside_a_practice(self, portal, repository):
        with pytest.raises((ValueError, api.exc.InvalidParameterError)):
            add_transfer(repository)

    def test_no_workflow_of_its_own(self, portal, practice):
        transfer = add_transfer(practice)
        assert api.portal.get_tool("portal_workflow").getChainFor(transfer) == ()

    def test_edit_form_writes_the_year_as_a_year(self, portal, practice):
        transfer = add_transfer(practice, year=2024)
        html = transfer.restrictedTraverse("@@edit")()
        assert 'value="2024"' in html
        assert "2,024" not in html

    def test_year_must_be_plausible_with_a_clear_message(self):
        field = ITransfer["year"]
        field.validate(2025)
        for wrong in (1850, 2300, 25):
            with pytest.raises(YearOutOfRange) as error:
                field.validate(wrong)
            assert translate(error.value.doc()) == (
                "Give the year as four digits, from 1990 to 2100."
            )

    def test_a_year_typed_in_other_digits_is_a_form_error(self):
        """ "²" is a digit to Python's isdigit and no number to int: the form says so."""
        from clusterpolisee.repository.content.transfer import YearConverter
        from z3c.form.converter import FormatterValidationError

        converter = YearConverter(ITransfer["year"], None)
        assert converter.toFieldValue(" 2024 ") == 2024
        for typed in ("²", "202²", "soon"):
            with pytest.raises(FormatterValidationError):
                converter.toFieldValue(typed)

    def test_outcomes_vocabulary(self, portal):
        factory = getUtility(IVocabularyFactory, "clusterpolisee.vocabularies.TransferOutcomes")
        assert [term.value for term in factory(portal)] == [
            "adopted",
            "adapted",
            "under-way",
            "abandoned",
        ]


class TestIndexing:
    def test_catalogued_by_type_region_and_year(self, portal, practice):
        transfer = add_transfer(practice)
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(portal_type="Transfer", region="HR03")
        assert [brain.UID for brain in brains] == [transfer.UID()]
        assert [brain.UID for brain in catalog(portal_type="Transfer", year="2025")] == [
            transfer.UID()
        ]
        assert brains[0].Title == "Transfer to Jadranska Hrvatska (HR03) (2025)"
        # The practice keeps its own region; the transfer does not acquire it.
        assert len(catalog(portal_type="Transfer", region="RO21")) == 0
        transfer.year = 2024
        transfer.region = "RO12"
        transfer.reindexObject()
        assert [brain.Title for brain in catalog(portal_type="Transfer", region="RO12")] == [
            "Transfer to Centru (RO12) (2024)"
        ]

    def test_transfers_are_not_attachments(self, portal, practice):
        add_transfer(practice)
        api.content.create(
            container=practice,
            type="File",
            id="report.pdf",
            title="Evaluation report",
            file=NamedBlobFile(b"%PDF-1.4 " + b"x" * 64, "application/pdf", "report.pdf"),
        )
        view = api.content.get_view("view", practice, practice.REQUEST)
        assert [attachment["title"] for attachment in view.attachments()] == ["Evaluation report"]


class TestWhoMayAdd:
    @pytest.fixture
    def published(self, portal, repository, practice):
        for login_name in ("author", "someone"):
            api.user.create(username=login_name, email=f"{login_name}@example.org")
        api.user.grant_roles(username="author", obj=practice, roles=["Owner"])
        api.content.transition(practice, to_state="published")
        return practice

    def may_add(self, practice):
        view = api.content.get_view("view", practice, practice.REQUEST)
        return can_add_transfer(practice), view.add_transfer_url()

    def test_owner_and_coordinator_may_add(self, portal, published):
        setRoles(portal, TEST_USER_ID, ["Member", "Coordinator"])
        assert self.may_add(published) == (True, f"{published.absolute_url()}/++add++Transfer")
        assert f'href="{published.absolute_url()}/++add++Transfer"' in render(published)
        login(portal, "author")
        assert self.may_add(published)[0]
        with api.env.adopt_user(username="author"):
            add_transfer(published)

    def test_visitors_and_other_members_may_not(self, portal, published):
        login(portal, "someone")
        assert self.may_add(published) == (False, None)
        assert "Add a transfer" not in render(published)
        logout()
        assert self.may_add(published) == (False, None)
        html = render(published)
        assert "Add a transfer" not in html
        assert "Transferred to" not in html  # no transfer yet, nothing to add: no section
        login(portal, TEST_USER_NAME)

    def test_add_form_for_the_owner(self, portal, published):
        login(portal, "author")
        request = published.REQUEST
        form = published.restrictedTraverse("++add++Transfer")
        html = form()
        assert 'name="form.widgets.region' in html
        assert 'name="form.widgets.year"' in html
        assert "form.widgets.IDublinCore.title" not in html
        assert request.response.getStatus() == 200


class TestVisibility:
    def test_a_private_practice_hides_its_transfers(self, portal, chain):
        practice, transfer = chain["practice"], chain["transfer"]
        api.content.transition(practice, to_state="private")
        catalog = api.portal.get_tool("portal_catalog")
        logout()
        assert len(catalog(portal_type="Transfer")) == 0
        assert len(catalog(region="HR03", portal_type="Transfer")) == 0
        with pytest.raises(Unauthorized):
            portal.restrictedTraverse("/".join(transfer.getPhysicalPath()))
        pilot_html = render(chain["naming"])
        assert "Transfer to" not in pilot_html
        assert "Cluster innovation vouchers" not in pilot_html
        assert [entry["kind"] for entry in learning_chain(chain["building"])] == [
            "pilot",
            "guideline",
        ]

    def test_published_again_the_transfer_is_public(self, portal, chain):
        practice = chain["practice"]
        api.content.transition(practice, to_state="private")
        api.content.transition(practice, to_state="published")
        logout()
        catalog = api.portal.get_tool("portal_catalog")
        assert [brain.UID for brain in catalog(portal_type="Transfer")] == [chain["transfer"].UID()]


class TestLearningChain:
    def test_the_same_chain_from_every_link(self, portal, chain):
        expected = [
            ("practice", 2021, "Cluster innovation vouchers"),
            ("pilot", 2022, "Voucher pilot"),
            ("guideline", 2024, "Voucher design guide"),
            ("pilot", 2025, "Adriatic voucher exchange"),
            ("transfer", 2025, "Transfer to Jadranska Hrvatska (HR03) (2025)"),
        ]
        logout()
        for start in ("practice", "transfer", "building", "naming", "guideline"):
            entries = learning_chain(chain[start])
            assert [
                (entry["kind"], entry["year"], title)
                for entry, title in zip(entries, titles(entries), strict=True)
            ] == expected, start
            current = [entry["url"] for entry in entries if entry["current"]]
            assert current == [chain[start].absolute_url()]

    def test_entries_carry_regions_outcome_and_dates(self, portal, chain):
        entries = {entry["kind"]: entry for entry in learning_chain(chain["transfer"])}
        transfer = entries["transfer"]
        assert transfer["region"] == "HR03"
        assert transfer["outcome"] == "adopted"
        assert translate(transfer["outcome_title"]) == "Adopted"
        assert entries["practice"]["date"] == "2021-01-01"
        assert entries["practice"]["region"] == "RO21"
        assert [region["code"] for region in entries["pilot"]["regions"]] in (
            ["HR03"],
            ["RO21", "BG42"],
        )

    def test_pages_show_the_timeline_and_link_both_ways(self, portal, chain):
        logout()
        practice_html = render(chain["practice"])
        assert ">Transferred to</h2>" in practice_html
        assert f'href="{portal.absolute_url()}/@@region/HR03"' in practice_html
        assert ">Jadranska Hrvatska (HR03)</a>" in practice_html
        assert ">Adopted</td>" in practice_html
        assert f'href="{chain["naming"].absolute_url()}"' in practice_html
        assert "Add a transfer" not in practice_html
        for start in ("practice", "transfer", "building", "naming", "guideline"):
            html = render(chain[start])
            assert 'id="learning-chain-heading"' in html, start
            timeline = html[html.index('class="learning-chain-timeline"') :]
            timeline = timeline[: timeline.index("</ol>")]
            assert timeline.count("<li") == 5, start
            assert 'aria-current="page"' in timeline
        naming_html = render(chain["naming"])
        assert ">Transfers through this pilot</h2>" in naming_html
        assert f'href="{chain["transfer"].absolute_url()}"' in naming_html
        transfer_html = render(chain["transfer"])
        assert "Transfer to Jadranska Hrvatska (HR03) (2025)</h1>" in transfer_html
        assert f'href="{chain["practice"].absolute_url()}"' in transfer_html
        assert "Taken up." in transfer_html

    def test_no_timeline_for_an_item_alone(self, portal, repository):
        pilot = api.content.create(
            container=repository, type="PilotAction", id="alone", title="Alone"
        )
        # Nothing to show, nothing worked out: not even the item's own entry.
        assert learning_chain(pilot) == []
        assert "learning-chain-heading" not in render(pilot)

    def test_an_item_outside_the_database_is_referred_to_by_nothing(self, portal, repository):
        """An old version, retrieved at the item's address, is no object of the database: its
        page is not one to add it there."""
        from clusterpolisee.repository.learning import referring
        from plone.dexterity.utils import createContent

        version = createContent("PilotAction", id="old", title="Old").__of__(repository)
        assert referring(version, "pilot_action") == []
        assert version._p_oid is None


class TestIndicators:
    def public_values(self, portal):
        with api.env.adopt_user(user=nobody):
            report = IndicatorReport(portal, published_only=True)
            return {
                name: report.value(BY_ID[name])
                for name in ("practices-transferred", "interests-expressed")
            }

    def test_practices_transferred_counts_published_practices_once(self, portal, repository, chain):
        practice = chain["practice"]
        add_transfer(practice, region="EL52", year=2026)  # a second transfer: counted once
        hidden = api.content.create(
            container=repository, type="BestPractice", id="hidden", title="Hidden practice"
        )
        add_transfer(hidden, region="BG42", year=2024)
        assert self.public_values(portal) == {
            "practices-transferred": 1,
            "interests-expressed": 0,
        }
        members = IndicatorReport(portal, published_only=False)  # a Manager sees the draft
        assert members.value(BY_ID["practices-transferred"]) == 2
        assert members.counts(BY_ID["practices-transferred"], "topics") == {
            "financial-framework": 1,
            "innovation-rd": 1,
        }
        assert members.series(BY_ID["practices-transferred"]) == []

    def test_interests_expressed_counts_the_store(self, portal, chain):
        store = InterestStore(portal)
        for user in ("ana", "ivo"):
            store.add(interest(chain["practice"], user))
        assert self.public_values(portal)["interests-expressed"] == 2

    def test_page_rest_and_downloads_carry_both(self, portal, chain):
        InterestStore(portal).add(interest(chain["practice"], "ana"))
        request = portal.REQUEST
        with api.env.adopt_user(user=nobody):
            view = api.content.get_view("indicators", portal, request)
            view()
            rows = {row["id"]: row for row in view.indicators()}
            csv_body = api.content.get_view("indicators.csv", portal, request)()
        assert (rows["practices-transferred"]["value"], rows["interests-expressed"]["value"]) == (
            1,
            1,
        )
        assert rows["practices-transferred"]["title"] == "Practices transferred"
        assert "practices-transferred,Practices transferred,total,,1" in csv_body
        assert "interests-expressed,Interests expressed,total,,1" in csv_body


class TestDemo:
    def test_load_transfers_records_the_demo_transfer_once(self, portal, repository):
        practice_title, region, year, pilot_title, outcome, _notes = TRANSFERS[0]
        practice = api.content.create(
            container=repository, type="BestPractice", title=practice_title
        )
        pilot = api.content.create(container=repository, type="PilotAction", title=pilot_title)
        assert load_transfers(portal) == 1
        assert load_transfers(portal) == 0
        (transfer,) = practice.objectValues()
        assert (transfer.region, transfer.year, transfer.outcome) == (region, year, outcome)
        assert transfer.pilot_action.to_object == pilot
        kinds = [entry["kind"] for entry in learning_chain(pilot)]
        assert sorted(kinds) == ["pilot", "practice", "transfer"]


class TestRest:
    def test_created_over_rest_and_a_wrong_year_is_a_400(self, functional):
        session = requests.Session()
        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        session.headers["Accept"] = "application/json"
        repository_url = f"{functional['portal'].absolute_url()}/repository"
        practice = session.post(
            repository_url,
            json={
                "@type": "BestPractice",
                "title": "Cluster innovation vouchers",
                "topics": ["innovation-rd"],
                "practice_description": {"data": "<p>Vouchers.</p>", "content-type": "text/html"},
            },
        )
        assert practice.status_code == 201, practice.text
        practice_url = practice.json()["@id"]
        wrong = session.post(
            practice_url, json={"@type": "Transfer", "region": "HR03", "year": 1850}
        )
        assert wrong.status_code == 400, wrong.text
        assert "from 1990 to 2100" in wrong.text
        created = session.post(
            practice_url,
            json={"@type": "Transfer", "region": "HR03", "year": 2025, "outcome": "adapted"},
        )
        assert created.status_code == 201, created.text
        transfer = created.json()
        assert transfer["@id"] == f"{practice_url}/transfer-to-jadranska-hrvatska-hr03-2025"
        assert transfer["region"] == {"token": "HR03", "title": "Jadranska Hrvatska (HR03)"}
        assert transfer["year"] == 2025
        assert transfer["outcome"]["token"] == "adapted"
        session.close()
