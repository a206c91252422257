"""Fields that every repository item shares: where it comes from and which working group."""

from clusterpolisee import _
from clusterpolisee.core.geography import region_country
from plone.app.multilingual.dx import directives as multilingual
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider


@provider(IFormFieldProvider)
class IRepositoryItem(model.Schema):
    """Country, region, governance level and working group of a repository item.

    The topics come from the collective.taxonomy behavior of the "topics" taxonomy, the language
    from plone.dublincore, related items from plone.relateditems; attachments are File and Image
    items added inside the item.
    """

    model.fieldset(
        "origin",
        label=_("Origin"),
        fields=["country", "region", "governance_level", "working_group"],
    )

    country = schema.Choice(
        title=_("Country"),
        vocabulary="clusterpolisee.vocabularies.Countries",
        required=False,
    )

    region = schema.Choice(
        title=_("Region"),
        description=_("The NUTS 2 region, when the item concerns one region."),
        vocabulary="clusterpolisee.vocabularies.Regions",
        required=False,
    )

    governance_level = schema.Choice(
        title=_("Governance level"),
        vocabulary="clusterpolisee.vocabularies.GovernanceLevels",
        required=False,
    )

    working_group = schema.Choice(
        title=_("Working group"),
        description=_("The thematic working group the item came from."),
        vocabulary="clusterpolisee.vocabularies.WorkingGroups",
        required=False,
    )
    directives.order_after(working_group="governance_level")

    # Facts that do not change with the language; translations copy them.
    multilingual.languageindependent("country", "region", "governance_level", "working_group")

    @invariant
    def region_in_country(data):
        region = getattr(data, "region", None)
        country = getattr(data, "country", None)
        if region and country and region_country(region) != country:
            raise Invalid(_("The region must lie in the chosen country."))
