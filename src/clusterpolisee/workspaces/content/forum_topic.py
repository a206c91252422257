"""A forum topic: its opening post; replies are plone.app.discussion comments, threaded."""

from clusterpolisee import _
from plone.app.dexterity import textindexer
from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.supermodel import model
from zope.interface import implementer


class IForumTopic(model.Schema):
    textindexer.searchable("text")
    text = RichText(title=_("Message"))


@implementer(IForumTopic)
class ForumTopic(Item):
    pass
