"""What the platform adds to Plone's Event: organiser, EU initiative, audience and a meeting link."""

from clusterpolisee import _
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
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

    online_meeting_url = schema.URI(
        title=_("Online meeting link"),
        description=_("Where participants join the event online."),
        required=False,
    )
