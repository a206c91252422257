"""Field factories shared by the repository's content types."""

from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema


def relation_widget(field_name, *portal_types):
    """The related-items widget, limited to some content types, for a relation field."""
    return directives.widget(
        field_name,
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={
            "selectableTypes": list(portal_types),
            "basePath": "",
            "recentlyUsed": True,
        },
    )


def relation(title, description=None, required=False):
    return RelationChoice(
        title=title,
        description=description,
        vocabulary="plone.app.vocabularies.Catalog",
        required=required,
    )


def relations(title, description=None):
    return RelationList(
        title=title,
        description=description,
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        required=False,
        default=[],
    )


def score(title, description=None):
    """A score from 1 (weak) to 5 (strong)."""
    return schema.Int(title=title, description=description, min=1, max=5, required=False)


def choices(title, vocabulary, description=None, required=False):
    return schema.List(
        title=title,
        description=description,
        value_type=schema.Choice(vocabulary=vocabulary),
        required=required,
        default=[],
    )
