"""Decisions: full members vote before the deadline, a quorum applies, the result is final."""

from clusterpolisee.workspaces.decisions import cast_vote
from clusterpolisee.workspaces.decisions import votes
from clusterpolisee.workspaces.decisions import VotingError
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from tests.workspaces.conftest import as_user
from tests.workspaces.test_roster import post
from tests.workspaces.test_roster import render
from zExceptions import Unauthorized
import pytest


def decision(group, clock, quorum=2, **fields):
    with as_user("leader"):
        item = api.content.create(
            container=group["decisions"],
            type="Decision",
            title="Adopt the recommendations",
            proposal=RichTextValue("<p>We adopt them.</p>", "text/html", "text/x-html-safe"),
            deadline=clock.now() + timedelta(days=7),
            quorum=quorum,
            **fields,
        )
        api.content.transition(item, transition="open_voting")
    return item


def close(item, clock):
    item.deadline = clock.now() - timedelta(minutes=1)
    with as_user("leader"):
        api.content.transition(item, transition="close_voting")


class TestVoting:
    def test_full_members_vote_associated_members_read_and_comment(self, group, clock):
        item = decision(group, clock)
        post(item, "view", "full", vote="yes", cast_vote="1")
        post(item, "view", "full-two", vote="no", cast_vote="1")
        assert dict(votes(item)) == {"full": "yes", "full-two": "no"}
        with pytest.raises(Unauthorized):
            post(item, "view", "associated", vote="yes", cast_vote="1")
        html = render(item, "view", "associated")
        assert "you can read it and comment" in html
        with as_user("associated"):
            assert api.user.has_permission("Reply to item", obj=item)

    def test_a_post_without_the_vote_button_is_no_vote(self, group, clock):
        """The comment form posts to the same page: the page shows, and votes nothing."""
        item = decision(group, clock)
        html = post(item, "view", "full", vote="yes", **{"form.buttons.comment": "Comment"})
        assert "Adopt the recommendations" in html
        assert dict(votes(item)) == {}

    def test_a_member_may_change_their_vote_until_the_close(self, group, clock):
        item = decision(group, clock)
        post(item, "view", "full", vote="yes", cast_vote="1")
        post(item, "view", "full", vote="abstain", cast_vote="1")
        assert votes(item)["full"] == "abstain"

    def test_a_bad_choice_is_refused_with_a_message(self, group, clock):
        item = decision(group, clock)
        with pytest.raises(VotingError):
            cast_vote(item, "full", "maybe")
        post(item, "view", "full", vote="maybe", cast_vote="1")
        assert "full" not in votes(item)

    def test_no_vote_after_the_deadline(self, group, clock):
        item = decision(group, clock)
        item.deadline = clock.now() - timedelta(seconds=1)
        with pytest.raises(VotingError):
            cast_vote(item, "full", "yes")

    @pytest.mark.dates
    def test_a_deadline_from_the_form_is_the_sites_wall_time(self, group, clock):
        item = decision(group, clock)
        item.deadline = clock.wall(hours=-1)  # the edit form stores it without its zone
        assert item.voting_is_over()
        item.deadline = clock.wall(hours=1)
        assert not item.voting_is_over()

    def test_the_vote_closes_only_after_the_deadline(self, group, clock):
        item = decision(group, clock)
        workflow = api.portal.get_tool("portal_workflow")
        with as_user("leader"):
            assert "close_voting" not in {t["id"] for t in workflow.getTransitionsFor(item)}
        item.deadline = clock.now() - timedelta(seconds=1)
        with as_user("leader"):
            assert "close_voting" in {t["id"] for t in workflow.getTransitionsFor(item)}
        with as_user("full"):
            assert "close_voting" not in {t["id"] for t in workflow.getTransitionsFor(item)}


class TestResult:
    def test_adopted_with_quorum_and_a_majority(self, group, clock):
        item = decision(group, clock, quorum=3)
        for login, choice in (("full", "yes"), ("full-two", "yes"), ("leader", "no")):
            post(item, "view", login, vote=choice, cast_vote="1")
        close(item, clock)
        assert item.result == "adopted"
        assert item.tally == {"yes": 2, "no": 1, "abstain": 0}
        html = render(item, "view", "associated")
        assert "Adopted" in html

    def test_rejected_on_a_tie(self, group, clock):
        item = decision(group, clock, quorum=2)
        post(item, "view", "full", vote="yes", cast_vote="1")
        post(item, "view", "full-two", vote="no", cast_vote="1")
        close(item, clock)
        assert item.result == "rejected"

    def test_without_quorum_nothing_is_decided(self, group, clock):
        item = decision(group, clock, quorum=3)
        post(item, "view", "full", vote="yes", cast_vote="1")
        post(item, "view", "full-two", vote="abstain", cast_vote="1")
        close(item, clock)
        assert item.result == "no-quorum"

    def test_the_result_cannot_be_changed_afterwards(self, group, clock):
        item = decision(group, clock)
        post(item, "view", "full", vote="yes", cast_vote="1")
        post(item, "view", "full-two", vote="yes", cast_vote="1")
        close(item, clock)
        with pytest.raises(VotingError):
            cast_vote(item, "full", "no")
        for login in ("leader", "coordinator", "full"):
            with as_user(login):
                assert not api.user.has_permission("Modify portal content", obj=item), login
                assert not api.user.has_permission("Delete objects", obj=item), login
        workflow = api.portal.get_tool("portal_workflow")
        with as_user("coordinator"):
            assert list(workflow.getTransitionsFor(item)) == []


class TestDailyClose:
    def test_votes_past_their_deadline_close_by_themselves(self, group, clock):
        from clusterpolisee.operations.daily import run_daily

        due = decision(group, clock)
        later = decision(group, clock)
        post(due, "view", "full", vote="yes", cast_vote="1")
        post(due, "view", "full-two", vote="yes", cast_vote="1")
        due.deadline = clock.now() - timedelta(hours=1)
        with api.env.adopt_roles(["Manager"]):
            figures = run_daily(api.portal.get())
        assert figures["votes_closed"] == 1
        assert api.content.get_state(due) == "closed"
        assert due.result == "adopted"
        assert api.content.get_state(later) == "open"
