"""Catalog indexers of private messages: recipients, who has not read it, its conversation."""

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
