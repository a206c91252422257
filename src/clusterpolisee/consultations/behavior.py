"""What makes an EasyForm a public consultation: its topic and the dates it is open."""

from clusterpolisee import _
from clusterpolisee.core import dates
from plone.app.multilingual.dx import directives as multilingual
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider


@provider(IFormFieldProvider)
class IConsultation(model.Schema):
    """Topic and opening dates, the same in every language of the questionnaire."""

    model.fieldset(
        "consultation",
        label=_("Consultation"),
        fields=["topic", "opens", "closes"],
    )

    topic = schema.Choice(
        title=_("Topic"),
        vocabulary="clusterpolisee.vocabularies.Topics",
        required=False,
    )
    opens = schema.Datetime(
        title=_("Opens"),
        description=_("Visitors may answer from this moment on."),
        required=False,
    )
    closes = schema.Datetime(
        title=_("Closes"),
        description=_("Answers are refused after this moment."),
        required=False,
    )
    multilingual.languageindependent("topic", "opens", "closes")

    @invariant
    def closes_after_opening(data):
        opens = getattr(data, "opens", None)
        closes = getattr(data, "closes", None)
        if opens and closes and closes <= opens:
            raise Invalid(_("A consultation must close after it opens."))


def is_open(consultation, now=None):
    """Whether visitors may answer now: from ``opens`` (if set) until ``closes`` (if set).

    The form stores both without a zone: wall times in the platform's zone (dates.aware)."""
    now = now or dates.now()
    closes = getattr(consultation, "closes", None)
    if not_yet_open(consultation, now):
        return False
    return not (closes is not None and now >= dates.aware(closes))


def not_yet_open(consultation, now=None):
    opens = getattr(consultation, "opens", None)
    return opens is not None and (now or dates.now()) < dates.aware(opens)
