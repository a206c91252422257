"""A region's profile: its smart-specialisation priorities, strategy and managing authority.

One profile per NUTS 2 region of the platform, made by the platform (regions/profiles.py) in
``/regions``; the coordinator and the approved members whose own profile names the region edit
it (regions/roles.py gives them the Editor role there).
"""

from clusterpolisee import _
from clusterpolisee.core.fields import choices
from clusterpolisee.core.fields import relation
from clusterpolisee.core.fields import relation_widget
from clusterpolisee.core.fields import WebURI
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


MAX_PRIORITIES = 6


class IRegionProfile(model.Schema):
    directives.omitted("region", "demo_data")
    region = schema.ASCIILine(title=_("Region"), readonly=True)
    specialisation_domains = schema.List(
        title=_("Smart-specialisation priorities"),
        description=_(
            "The priority domains of the region's smart specialisation strategy (S3), at most six."
        ),
        value_type=schema.Choice(vocabulary="clusterpolisee.vocabularies.SpecialisationDomains"),
        max_length=MAX_PRIORITIES,
        required=False,
        default=[],
    )
    sectors = choices(
        _("Sectors of the region's clusters (NACE Rev. 2)"),
        "clusterpolisee.vocabularies.NaceSections",
        description=_("Used to suggest practices from other regions."),
    )
    strategy_url = WebURI(
        title=_("Smart specialisation strategy"),
        description=_("The web address of the strategy's document or page."),
        required=False,
    )
    relation_widget("managing_authority", "Institution")
    managing_authority = relation(
        _("Managing authority"),
        _("The institution of the database that manages the strategy."),
    )
    demo_data = schema.Bool(title=_("Demo data"), default=False, required=False)


@implementer(IRegionProfile)
class RegionProfile(Item):
    """The profile of one NUTS 2 region; its id is the region's code in lower case."""

    region = None
    demo_data = False
