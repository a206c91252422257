"""A wiki page of a workspace: every member of the group edits it; each save is a version."""

from clusterpolisee import _
from plone.app.dexterity import textindexer
from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.supermodel import model
from zope.interface import implementer


class IWikiPage(model.Schema):
    textindexer.searchable("text")
    text = RichText(
        title=_("Text"),
        description=_(
            "Link another page of the wiki by its title in double brackets: [[Page title]]."
        ),
        required=False,
    )


@implementer(IWikiPage)
class WikiPage(Item):
    pass
