"""An institution relevant to cluster policy: the public database of institutions."""

from clusterpolisee import _
from clusterpolisee.core.fields import web_address
from plone.app.multilingual.dx import directives as multilingual
from plone.dexterity.content import Container
from plone.schema import Email
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IInstitution(model.Schema):
    kind = schema.Choice(
        title=_("Kind of institution"),
        vocabulary="clusterpolisee.vocabularies.InstitutionKinds",
    )
    website = web_address(_("Website"))
    email = Email(title=_("E-mail"), required=False)
    address = schema.Text(title=_("Address"), required=False)

    # Facts that do not change with the language; translations copy them.
    multilingual.languageindependent("kind", "website")


@implementer(IInstitution)
class Institution(Container):
    """An institution; its country, region and topics come from the repository behaviors."""
