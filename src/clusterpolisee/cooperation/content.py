"""A cooperation request of the partner search: what an approved member looks for, on which
topic, from which region, until when, and whether visitors may read it too.

The deadline is the request's expiration date (the end of that day in the platform's zone), so
that Plone's ``effectiveRange`` takes an expired request out of listings and search; the
``public`` choice is the request's workflow state. Both follow every save (requests.py).
"""

from clusterpolisee import _
from clusterpolisee.core import dates
from clusterpolisee.matchmaking.interests import member_region
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.schema import ValidationError


class DeadlineInThePast(ValidationError):
    """A deadline before today: nobody could answer the request any more."""

    def doc(self):
        return _("The deadline cannot be in the past: choose today or a later day.")


def deadline_not_past(value):
    if value is not None and value < dates.today():
        raise DeadlineInThePast(value)
    return True


class ICooperationRequest(model.Schema):
    """What the member looks for; the topic comes from the central topics' taxonomy (behavior)."""

    title = schema.TextLine(
        title=_("label_request_title", default="What you look for"),
        description=_(
            "help_request_title",
            default="In one line, for example: Partner region for a cluster manager exchange.",
        ),
        max_length=200,
    )
    description = schema.Text(
        title=_("label_request_description", default="Your request"),
        description=_(
            "help_request_description",
            default="What you look for, why, and what you offer your partners.",
        ),
        max_length=5000,
    )
    region = schema.Choice(
        title=_("label_request_region", default="Your region"),
        description=_(
            "help_request_region",
            default="The region you look for partners from. Your profile's region to start with.",
        ),
        vocabulary="clusterpolisee.vocabularies.Regions",
        defaultFactory=member_region,
    )
    deadline = schema.Date(
        title=_("label_request_deadline", default="Deadline"),
        description=_(
            "help_request_deadline",
            default="The last day to answer. After it the request is no longer listed.",
        ),
        constraint=deadline_not_past,
    )
    public = schema.Bool(
        title=_("label_request_public", default="Also show to the public"),
        description=_(
            "help_request_public",
            default="Without it only the platform's approved members see the request.",
        ),
        default=False,
        required=False,
    )

    # After the topics of the taxonomy's behavior, in this order.
    directives.order_after(region="*")
    directives.order_after(deadline="region")
    directives.order_after(public="deadline")


@implementer(ICooperationRequest)
class CooperationRequest(Item):
    """A cooperation request; see requests.py for its expiration and its state."""
