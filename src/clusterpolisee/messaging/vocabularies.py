"""Who may receive private messages, and how often members hear of what happens."""

from clusterpolisee import _
from clusterpolisee.core.vocabularies import vocabulary_factory
from clusterpolisee.members.directory import profile_visible
from clusterpolisee.members.directory import sees_every_profile
from clusterpolisee.members.directory import sees_names
from clusterpolisee.members.directory import tier_members
from clusterpolisee.workspaces.groups import roster
from plone import api
from plone.app.content.browser.vocabulary import PERMISSIONS
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
import unicodedata


USE_MESSAGES = "clusterpolisee: Use private messages"

NOTIFICATION_FREQUENCIES = (
    ("immediate", _("Immediately, one e-mail per notification")),
    ("daily", _("Once a day, in a digest")),
    ("off", _("Never")),
)

NotificationFrequencies = vocabulary_factory(NOTIFICATION_FREQUENCIES)


# Who may list the recipients: who may write messages. plone.app.content's map of vocabulary
# permissions is what @vocabularies (plone.restapi) and @@getVocabulary both check.
PERMISSIONS["clusterpolisee.vocabularies.MessageRecipients"] = USE_MESSAGES


def recipient_ids():
    """Everyone who may receive private messages: the members of every tier, partner members
    included, public followers not; hidden profiles included (a message to a working group
    reaches them)."""
    return set(tier_members())


def correspondents(user_ids):
    """Those of ``user_ids`` the current user has exchanged messages with: the catalog shows a
    message only to its sender and its recipients."""
    if not user_ids:
        return set()
    catalog = api.portal.get_tool("portal_catalog")
    found = set()
    for query in ({"Creator": sorted(user_ids)}, {"message_recipients": sorted(user_ids)}):
        for brain in catalog(portal_type="Message", **query):
            found.add(brain.Creator)
            found.update(brain.message_recipients or ())
    return found & set(user_ids)


def fellow_members():
    """The members of the working groups the current user is on the roster of."""
    catalog = api.portal.get_tool("portal_catalog")
    me = api.user.get_current().getId()
    fellows = set()
    for brain in catalog(portal_type="Workspace"):
        members = roster(brain.getObject())
        if me in members:
            fellows.update(members)
    return fellows


def folded(text):
    """``text`` for matching what a person types: lower case, without accents ("Kovač": "kovac")."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class RecipientVocabulary(SimpleVocabulary):
    """The recipients, searchable as the compose form's type-ahead asks (``@@getVocabulary``
    with a ``query``): every word typed is in the name, accents and case aside. The writer is
    not offered to themselves."""

    def search(self, query):
        words = folded(query if isinstance(query, str) else "").split()
        me = api.user.get_current().getId()
        return [
            term
            for term in self
            if term.value != me and all(word in folded(term.title) for word in words)
        ]


@provider(IVocabularyFactory)
def MessageRecipients(context=None):
    """Members who may receive private messages, as the current user may see them: nobody for
    who may not write messages; no hidden profile, but for the coordinator and for the people
    who have already exchanged messages with that member (they can answer). Who may write but
    see no names (partner members) is offered the members of their working groups and their
    correspondents only."""
    if not api.user.has_permission(USE_MESSAGES, obj=api.portal.get()):
        return RecipientVocabulary([])
    members = tier_members()
    if not sees_names():
        known = fellow_members() | correspondents(set(members))
        members = {user_id: user for user_id, user in members.items() if user_id in known}
    hidden = {user_id for user_id, user in members.items() if not profile_visible(user)}
    if hidden and not sees_every_profile():
        for user_id in hidden - correspondents(hidden):
            del members[user_id]
    terms = [
        SimpleTerm(user_id, token=user_id, title=user.getProperty("fullname", "") or user_id)
        for user_id, user in members.items()
    ]
    return RecipientVocabulary(sorted(terms, key=lambda term: term.title.lower()))
