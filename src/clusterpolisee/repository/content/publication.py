"""A publication: guideline, report, recommendation, deliverable or interest-group paper."""

from clusterpolisee import _
from plone.app.multilingual.dx import directives as multilingual
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IPublication(model.Schema):
    kind = schema.Choice(
        title=_("Kind of publication"),
        vocabulary="clusterpolisee.vocabularies.PublicationKinds",
    )
    authors = schema.List(
        title=_("Authors"),
        description=_("One name per line."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    publication_date = schema.Date(title=_("Date of publication"), required=False)
    model.primary("file")
    file = NamedBlobFile(title=_("File"), required=False)
    abstract = RichText(title=_("Abstract"), required=False)

    # Facts that do not change with the language; translations copy them.
    multilingual.languageindependent("kind", "publication_date")


@implementer(IPublication)
class Publication(Container):
    """A publication; its main file is a field, further files may be added inside it."""
