"""Catalog indexers of private messages: recipients, who has not read it, its conversation; and
none for Plone's ``in_reply_to``."""

from clusterpolisee.core.indexing import own
from clusterpolisee.messaging.content import IMessage
from plone.indexer import indexer


INDEX_NAMES = ("message_recipients", "message_unread", "message_thread")


@indexer(IMessage)
def message_recipients(obj):
    return list(obj.recipients or ())


@indexer(IMessage)
def message_unread(obj):
    return obj.unread_by()


@indexer(IMessage)
def message_thread(obj):
    return own(obj, "thread")


@indexer(IMessage)
def in_reply_to(obj):
    """Plone's ``in_reply_to`` index holds the numbers of comments (plone.app.discussion) that
    answer others: a message's UID beside them makes the index compare text with numbers, and
    every later reply of either kind fails. A message's conversation is ``message_thread``."""
    raise AttributeError
