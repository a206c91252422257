"""Votes on a working group's decisions: cast while the vote is open, counted once at close."""

from BTrees.OOBTree import OOBTree
from clusterpolisee import _
from plone import api
from zope.annotation.interfaces import IAnnotations


VOTES_KEY = "clusterpolisee.votes"
CHOICES = ("yes", "no", "abstain")


class VotingError(ValueError):
    """A vote the decision cannot take; the message says why, for the member."""


def votes(decision):
    """{user id: choice}; read-only for callers."""
    return IAnnotations(decision).get(VOTES_KEY, {})


def cast_vote(decision, user_id, choice):
    """Record (or change) a member's vote while the vote is open and before the deadline.

    The caller checks the "clusterpolisee: Vote" permission; the workflow grants it to full
    members in the open state only.
    """
    if choice not in CHOICES:
        raise VotingError(_("Choose yes, no or abstain."))
    if api.content.get_state(decision) != "open":
        raise VotingError(_("Voting on this decision is not open."))
    if decision.voting_is_over():
        raise VotingError(_("The deadline has passed: votes are no longer accepted."))
    annotations = IAnnotations(decision)
    store = annotations.get(VOTES_KEY)
    if store is None:
        store = annotations[VOTES_KEY] = OOBTree()
    store[user_id] = choice


def count(decision):
    """(tally, result): votes per choice and the outcome under the decision's quorum.

    Adopted needs the quorum of votes cast and more yes than no; abstentions count towards the
    quorum only.
    """
    tally = dict.fromkeys(CHOICES, 0)
    for choice in votes(decision).values():
        tally[choice] += 1
    if sum(tally.values()) < (decision.quorum or 1):
        return tally, "no-quorum"
    return tally, "adopted" if tally["yes"] > tally["no"] else "rejected"


def record_result(decision, event):
    """On closing the vote, write the tally and the result; the closed state keeps them. The
    group hears of the result."""
    if event.transition is None or event.transition.getId() != "close_voting":
        return
    decision.tally, decision.result = count(decision)
    decision.reindexObject()
    from clusterpolisee.messaging.notifications import notify
    from clusterpolisee.workspaces.groups import find_workspace
    from clusterpolisee.workspaces.groups import roster
    from clusterpolisee.workspaces.vocabularies import DECISION_RESULTS

    workspace = find_workspace(decision)
    if workspace is None:
        return
    # A message: each member reads the result in their own language.
    mapping = {"title": decision.Title(), "result": dict(DECISION_RESULTS)[decision.result]}
    notify(
        roster(workspace),
        _("Decided: ${title}", mapping=mapping),
        _('The vote on "${title}" is closed. Result: ${result}.', mapping=mapping),
        decision.absolute_url(),
    )


def close_due(portal):
    """Close every open vote whose deadline has passed; returns how many closed.

    Runs daily (scripts/daily.py) as a site manager, so votes close even when nobody asks.
    """
    catalog = api.portal.get_tool("portal_catalog")
    closed = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Decision", review_state="open"):
        decision = brain._unrestrictedGetObject()
        if decision.voting_is_over():
            api.content.transition(decision, transition="close_voting")
            closed += 1
    return closed
