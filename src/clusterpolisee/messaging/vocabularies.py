"""Who may receive private messages, and how often members hear of what happens."""

from clusterpolisee import _
from clusterpolisee.core.vocabularies import vocabulary_factory
from clusterpolisee.members.tiers import tier_memberships
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


NOTIFICATION_FREQUENCIES = (
    ("immediate", _("Immediately, one e-mail per notification")),
    ("daily", _("Once a day, in a digest")),
    ("off", _("Never")),
)

NotificationFrequencies = vocabulary_factory(NOTIFICATION_FREQUENCIES)


@provider(IVocabularyFactory)
def MessageRecipients(context=None):
    """Members who may receive private messages: approved members of every tier, partner
    members included, public followers not."""
    terms = []
    for user_id, tiers in tier_memberships().items():
        if not set(tiers) - {"public-followers"}:
            continue
        user = api.user.get(userid=user_id)
        if user is not None:
            title = user.getProperty("fullname", "") or user_id
            terms.append(SimpleTerm(user_id, token=user_id, title=title))
    return SimpleVocabulary(sorted(terms, key=lambda term: term.title.lower()))
