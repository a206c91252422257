"""Answers of invited members to a meeting (RSVP)."""

from BTrees.OOBTree import OOBTree
from zope.annotation.interfaces import IAnnotations


RSVP_KEY = "clusterpolisee.rsvp"
ANSWERS = ("yes", "maybe", "no")


def answers(meeting):
    """{user id: answer} of the members who answered."""
    return IAnnotations(meeting).get(RSVP_KEY, {})


def answer(meeting, user_id, value):
    if value not in ANSWERS:
        raise ValueError(value)
    annotations = IAnnotations(meeting)
    store = annotations.get(RSVP_KEY)
    if store is None:
        store = annotations[RSVP_KEY] = OOBTree()
    store[user_id] = value
