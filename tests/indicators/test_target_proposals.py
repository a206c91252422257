"""The targets of each central topic: a working group's leader proposes, the coordinator accepts
or declines (indicators/proposals.py). Bad figures get a form error and save nothing; only the
group's leaders propose, only the coordinator decides."""

from clusterpolisee.indicators.proposals import topic_targets
from clusterpolisee.indicators.proposals import waiting
from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.protect.authenticator import createToken
from tests.workspaces.conftest import as_user
from tests.workspaces.conftest import create_people
from tests.workspaces.conftest import fill_roster
from zExceptions import Unauthorized
from zope.interface import alsoProvides
import pytest


@pytest.fixture
def group(portal):
    """The innovation working group (central topic innovation-rd), with its roster."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    create_people(portal)
    workspace = portal["working-groups"]["innovation-rd"]
    fill_roster(workspace)
    setRoles(portal, TEST_USER_ID, ["Member"])
    return workspace


def request_for(context, method, form):
    request = context.REQUEST
    alsoProvides(request, IClusterpoliseeLayer)
    request.method = request.environ["REQUEST_METHOD"] = method
    request.form.clear()
    request.form.update(form)
    return request


def open_page(context, name, login, method="GET", **form):
    """Open a page as a browser does: through its permission (restrictedTraverse)."""
    request = request_for(context, method, form)
    with as_user(login):
        if method == "POST":
            request.form.setdefault("_authenticator", createToken())
        return context.restrictedTraverse(f"@@{name}")()


def propose(group, login, indicator="best-practices", target="12", note=""):
    return open_page(
        group,
        "propose-target",
        login,
        method="POST",
        **{
            "form.widgets.indicator": [indicator],
            "form.widgets.indicator-empty-marker": "1",
            "form.widgets.target": target,
            "form.widgets.note": note,
            "form.buttons.propose": "Propose",
        },
    )


def decide(group, login, button, target="", indicator="best-practices"):
    return open_page(
        api.portal.get(),
        "target-proposals",
        login,
        method="POST",
        uid=group.UID(),
        indicator=indicator,
        target=target,
        **{button: "1"},
    )


class TestProposing:
    def test_the_leader_proposes_and_the_coordinator_accepts(self, group):
        propose(group, "leader", target="12", note="Two per partner region")
        assert waiting(group)["best-practices"]["value"] == 12
        html = open_page(api.portal.get(), "target-proposals", "coordinator")
        assert "Two per partner region" in html
        decide(group, "coordinator", "accept", target="15")
        assert topic_targets() == {("best-practices", "innovation-rd"): 15}
        assert "best-practices" not in waiting(group)
        html = open_page(group, "topic-targets", "associated")
        assert "15" in html

    def test_the_coordinator_declines(self, group):
        propose(group, "leader")
        decide(group, "coordinator", "decline")
        assert topic_targets() == {}
        assert dict(waiting(group)) == {}

    def test_a_target_that_is_no_whole_number_is_a_form_error(self, group):
        for target in ("many", "-3", "2000000", "1.5", "", "²"):
            html = propose(group, "leader", target=target)
            assert "There were some errors" in html, target
            assert "A target is a whole number from 0 to 1,000,000." in html, target
            assert dict(waiting(group)) == {}, target

    def test_an_unknown_indicator_is_a_form_error(self, group):
        html = propose(group, "leader", indicator="world-peace")
        assert "There were some errors" in html
        assert dict(waiting(group)) == {}


class TestWhoMay:
    def test_only_the_groups_leaders_propose(self, group):
        for login in ("full", "associated", "outsider", "partner", "coordinator"):
            with pytest.raises(Unauthorized):
                propose(group, login)
            with pytest.raises(Unauthorized):
                open_page(group, "propose-target", login)
        assert dict(waiting(group)) == {}

    def test_a_leader_proposes_for_their_own_group_only(self, group):
        other = api.portal.get()["working-groups"]["skills-jobs"]
        with pytest.raises(Unauthorized):
            propose(other, "leader")

    def test_only_the_coordinator_decides(self, group):
        propose(group, "leader")
        for login in ("leader", "full"):
            with pytest.raises(Unauthorized):
                decide(group, login, "accept", target="12")
        assert topic_targets() == {}

    def test_a_bad_figure_on_accepting_is_refused_and_sets_nothing(self, group):
        propose(group, "leader")
        html = decide(group, "coordinator", "accept", target="twelve")
        assert group.REQUEST.response.getStatus() == 400
        assert "A target is a whole number from 0 to 1,000,000." in html
        assert topic_targets() == {}
        assert "best-practices" in waiting(group)

    def test_deciding_what_is_not_waiting_is_refused(self, group):
        html = decide(group, "coordinator", "accept", target="3", indicator="pilot-actions")
        assert group.REQUEST.response.getStatus() == 400
        assert "This proposal is no longer waiting" in html
        assert topic_targets() == {}
