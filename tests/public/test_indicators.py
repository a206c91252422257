"""The performance indicators: exact counts on a seeded dataset, breakdowns, targets, scopes."""

from AccessControl.SpecialUsers import nobody
from clusterpolisee.core.sections import publish
from clusterpolisee.indicators.report import IndicatorReport
from clusterpolisee.indicators.report import INDICATORS
from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.interface import alsoProvides
from zope.intid.interfaces import IIntIds
import csv
import io
import pytest


BY_ID = {indicator.id: indicator for indicator in INDICATORS}


def create(portal, portal_type, item_id, published=True, folder="repository", **fields):
    item = api.content.create(
        container=portal[folder], type=portal_type, id=item_id, title=item_id, **fields
    )
    if published:
        publish(item)
    return item


@pytest.fixture
def seeded(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    create(
        portal,
        "PolicyAssessment",
        "a1",
        approach="qualitative",
        topics=["skills-jobs"],
        country="RO",
    )
    create(
        portal,
        "PolicyAssessment",
        "a2",
        approach="quantitative",
        topics=["skills-jobs"],
        country="BG",
        policy_cycle_stage="monitoring-evaluation",
        specialisation_domains=["energy"],
        region="BG42",
    )
    create(portal, "PolicyAssessment", "a3", published=False, approach="qualitative")
    create(
        portal,
        "PilotAction",
        "p1",
        status="completed",
        topics=["innovation-rd"],
        working_group="innovation-rd",
    )
    create(portal, "PilotAction", "p2", status="running", topics=["innovation-rd"])
    create(portal, "PilotAction", "p3", status="evaluated", published=False)
    for number, kind in enumerate(("guideline", "report", "deliverable")):
        create(portal, "Publication", f"pub{number}", kind=kind, topics=["specialisation"])
    create(
        portal,
        "BestPractice",
        "b1",
        topics=["innovation-rd", "skills-jobs"],
        country="RO",
        region="RO21",
        sectors=["C", "J"],
        specialisation_domains=["digital"],
        preconditions_score=5,
        costs_score=4,
        risks_score=4,
        adaptation_score=5,
    )
    create(
        portal,
        "BestPractice",
        "b2",
        topics=["innovation-rd"],
        country="RO",
        region="RO21",
        policy_cycle_stage="monitoring-evaluation",
        specialisation_domains=["digital"],
    )
    create(portal, "BestPractice", "b3", published=False, topics=["sustainability"])
    ministry = create(
        portal,
        "Institution",
        "ministry",
        folder="institutions",
        kind="national-authority",
        country="RO",
    )
    university = create(
        portal, "Institution", "university", folder="institutions", kind="university", country="BG"
    )
    intids = getUtility(IIntIds)
    create(
        portal,
        "CooperationNetwork",
        "n1",
        countries=["RO", "BG", "GR"],
        members=[RelationValue(intids.getId(ministry)), RelationValue(intids.getId(university))],
    )
    create(
        portal,
        "CooperationNetwork",
        "n2",
        countries=["RO"],
        members=[RelationValue(intids.getId(ministry))],
    )
    for login, group, institution, country in (
        ("official-ro", "full-members", ministry, "RO"),
        ("official-2", "associated-members", ministry, "BG"),
        ("professor", "associated-members", university, "BG"),
        ("follower", "public-followers", ministry, "RO"),
    ):
        api.user.create(
            username=login,
            email=f"{login}@example.org",
            properties={"institution": institution.UID(), "country": country},
        )
        api.group.add_user(groupname=group, username=login)
    alsoProvides(portal.REQUEST, IClusterpoliseeLayer)
    return portal


def public(portal):
    with api.env.adopt_user(user=nobody):
        report = IndicatorReport(portal, published_only=True)
        return {indicator.id: report.value(indicator) for indicator in INDICATORS}, report


class TestCounts:
    def test_every_indicator_counts_exactly_what_is_published(self, seeded):
        values, _report = public(seeded)
        assert values == {
            "assessments-qualitative": 1,
            "assessments-quantitative": 1,
            "pilot-actions": 2,
            "guidance": 2,
            "best-practices": 2,
            "policy-makers": 2,
            "networks": 2,
            "excellence-sectors": 3,
            "innovative-services": 2,  # p1 completed; b1 transferability 4.5
            "quality-management": 2,  # a2, b2
            "practices-transferred": 0,  # no transfer recorded (tests/repository/test_transfers.py)
            "interests-expressed": 0,
        }

    def test_members_detail_counts_what_they_may_view(self, seeded):
        report = IndicatorReport(seeded, published_only=False)  # a Manager sees the drafts too
        assert report.value(BY_ID["best-practices"]) == 3
        assert report.value(BY_ID["pilot-actions"]) == 3
        assert report.value(BY_ID["assessments-qualitative"]) == 2

    @pytest.mark.dates
    def test_breakdowns(self, seeded, clock):
        _values, report = public(seeded)
        practices = BY_ID["best-practices"]
        assert report.counts(practices, "topics") == {"innovation-rd": 2, "skills-jobs": 1}
        assert report.counts(practices, "country") == {"RO": 2}
        assert report.counts(practices, "policy_cycle_stage") == {"monitoring-evaluation": 1}
        today = clock.today()  # published now: this quarter in the platform's zone
        quarter = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
        assert report.counts(practices, "quarter") == {quarter: 2}
        assert report.series(practices) == [(quarter, 2, 2)]
        assert report.counts(BY_ID["pilot-actions"], "pilot_status") == {
            "completed": 1,
            "running": 1,
        }
        assert report.counts(BY_ID["pilot-actions"], "working_group") == {"innovation-rd": 1}
        assert report.counts(BY_ID["policy-makers"], "country") == {"RO": 1, "BG": 1}
        assert report.network_size(BY_ID["networks"]) == (3, 3)
        assert report.share_of_practices_and_assessments(BY_ID["quality-management"]) == 50
        excellence = report.excellence_by_region(BY_ID["excellence-sectors"])
        assert excellence["RO21"][0] == (("domain", "digital"), 2)
        assert excellence["BG42"] == [(("domain", "energy"), 1)]


class TestPages:
    def render(self, portal, name, anonymous=True):
        request = portal.REQUEST
        request.response.setStatus(200)
        view = api.content.get_view(name, portal, request)
        if anonymous:
            with api.env.adopt_user(user=nobody):
                return view, view()
        return view, view()

    def test_public_dashboard_counts_published_and_shows_charts(self, seeded):
        api.portal.set_registry_record("clusterpolisee.indicator_targets", {"best-practices": 8})
        view, html = self.render(seeded, "indicators")
        assert not view.detail
        row = {row["id"]: row for row in view.indicators()}["best-practices"]
        assert (row["value"], row["target"], row["progress"]) == (2, 8, 25)
        assert (
            html.count('<svg xmlns="http://www.w3.org/2000/svg" class="indicator-chart" role="img"')
            >= 3
        )
        assert "Target 8: 25% reached" in " ".join(html.split())
        # Counts only: no title of an item is on the page.
        for title in ("b1", "a3", "p3"):
            assert f">{title}<" not in html

    def test_members_see_published_count_beside_the_detail(self, seeded):
        view, html = self.render(seeded, "indicators", anonymous=False)
        assert view.detail
        row = {row["id"]: row for row in view.indicators()}["best-practices"]
        assert (row["value"], row["published"]) == (3, 2)
        assert "published" in html

    def test_csv_export(self, seeded):
        _view, body = self.render(seeded, "indicators.csv")
        rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
        assert rows[0] == ["indicator", "title", "breakdown", "value", "count"]
        assert ["best-practices", "Best practices identified", "total", "", "2"] in rows
        assert ["pilot-actions", "Pilot actions", "figure", "completed", "1"] in rows
        assert [
            "best-practices",
            "Best practices identified",
            "topics",
            "innovation-rd",
            "2",
        ] in rows


class TestTargets:
    def post(self, portal, **form):
        request = portal.REQUEST
        request.method = "POST"
        request.form.clear()
        request.form.update(form)
        request.response.setStatus(200)
        view = api.content.get_view("indicator-targets", portal, request)
        from plone.protect import createToken

        request.form["_authenticator"] = createToken()
        return view, view()

    def test_coordinator_sets_targets(self, seeded):
        setRoles(seeded, TEST_USER_ID, ["Coordinator"])
        _view, _html = self.post(seeded, **{"target.best-practices": "60", "target.networks": ""})
        assert api.portal.get_registry_record("clusterpolisee.indicator_targets") == {
            "best-practices": 60
        }
        assert seeded.REQUEST.response.getHeader("Location").endswith("/@@indicators")

    @pytest.mark.parametrize("wrong", ["many", "²"])
    def test_a_wrong_value_saves_nothing(self, seeded, wrong):
        api.portal.set_registry_record("clusterpolisee.indicator_targets", {"networks": 5})
        view, html = self.post(seeded, **{"target.best-practices": "60", "target.networks": wrong})
        assert seeded.REQUEST.response.getStatus() == 400
        assert "A target is a whole number from 0 to 1,000,000." in html
        assert set(view.errors) == {"networks"}
        assert 'aria-invalid="true"' in html
        assert api.portal.get_registry_record("clusterpolisee.indicator_targets") == {"networks": 5}

    def test_only_the_coordinator_may_set_targets(self, seeded):
        setRoles(seeded, TEST_USER_ID, ["Member", "ApprovedMember", "FullMember"])
        assert not api.user.has_permission("clusterpolisee: Manage indicator targets", obj=seeded)
        setRoles(seeded, TEST_USER_ID, ["Coordinator"])
        assert api.user.has_permission("clusterpolisee: Manage indicator targets", obj=seeded)
