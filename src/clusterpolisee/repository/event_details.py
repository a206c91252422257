"""What the platform adds to Plone's Event: organiser, EU initiative, audience, a meeting link,
and where the event belongs (country, region, governance level, working group) as every
repository item does, checked against the same vocabularies."""

from clusterpolisee import _
from clusterpolisee.core.fields import web_address
from clusterpolisee.core.geography import region_country
from plone.app.multilingual.dx import directives as multilingual
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider


@provider(IFormFieldProvider)
class IEventDetails(model.Schema):
    """Extends the core Event; its topics come from the "topics" taxonomy behavior."""

    model.fieldset(
        "event_details",
        label=_("Platform details"),
        fields=["organiser", "eu_initiative", "audience", "online_meeting_url"],
    )

    organiser = schema.TextLine(title=_("Organiser"), required=False)

    eu_initiative = schema.Choice(
        title=_("EU initiative"),
        description=_("The EU initiative the event belongs to, if any."),
        vocabulary="clusterpolisee.vocabularies.EUInitiatives",
        required=False,
    )

    directives.widget("audience", CheckBoxFieldWidget)
    audience = schema.List(
        title=_("Audience"),
        value_type=schema.Choice(vocabulary="clusterpolisee.vocabularies.Audiences"),
        required=False,
        default=[],
    )

    online_meeting_url = web_address(
        _("Online meeting link"), _("Where participants join the event online.")
    )

    # Where the event belongs: the fields of a repository item (item.py), for the calendar's
    # and the search's facets.
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

    # Facts that do not change with the language; translations copy them.
    multilingual.languageindependent("country", "region", "governance_level", "working_group")

    @invariant
    def region_in_country(data):
        region = getattr(data, "region", None)
        country = getattr(data, "country", None)
        if region and country and region_country(region) != country:
            raise Invalid(_("The region must lie in the chosen country."))
