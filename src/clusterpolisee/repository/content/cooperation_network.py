"""An international cooperation network of institutions."""

from clusterpolisee import _
from clusterpolisee.core.fields import relation_widget
from clusterpolisee.core.fields import relations
from clusterpolisee.core.fields import web_address
from plone.app.multilingual.dx import directives as multilingual
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class ICooperationNetwork(model.Schema):
    relation_widget("members", "Institution")
    members = relations(_("Member institutions"))
    countries = schema.List(
        title=_("Countries"),
        description=_("Every country the network spans."),
        value_type=schema.Choice(vocabulary="clusterpolisee.vocabularies.Countries"),
        required=False,
        default=[],
    )
    start_date = schema.Date(title=_("Start date"), required=False)
    website = web_address(_("Website"))
    activities = RichText(title=_("Activities"), required=False)

    # Facts that do not change with the language; translations copy them.
    multilingual.languageindependent("countries", "start_date", "website")


@implementer(ICooperationNetwork)
class CooperationNetwork(Container):
    """A cooperation network; files and images added inside it are its attachments."""

    def member_count(self):
        return len([rel for rel in self.members or () if not rel.isBroken()])
