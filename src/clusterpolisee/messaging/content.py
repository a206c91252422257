"""Private messages between members: only the sender and the recipients ever read them.

Messages live in the site's mailbox (``/messages``). On creation the recipients get the local
role MessageRecipient on the message; the message workflow lets only Owner (the sender) and
MessageRecipient view it, so search, listings, feeds and the REST API never show it to anyone
else. Files inside a message are its attachments and follow the same rule by acquisition.
"""

from clusterpolisee import _
from clusterpolisee.messaging.mailbox import conversation_of
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class IMailbox(model.Schema):
    """The container of every message; nobody lists it."""


class IMessage(model.Schema):
    recipients = schema.List(
        title=_("To"),
        value_type=schema.Choice(vocabulary="clusterpolisee.vocabularies.MessageRecipients"),
        min_length=1,
    )
    body = schema.Text(title=_("Message"))
    in_reply_to = schema.TextLine(title=_("In reply to"), required=False)
    thread = schema.TextLine(title=_("Conversation"), required=False)

    @invariant
    def replies_within_own_conversations(data):
        """A reply answers a message its writer may read (read by plone.restapi); its
        conversation is that message's, set on sending (mailbox.message_added)."""
        if data.in_reply_to and conversation_of(data.in_reply_to) is None:
            raise Invalid(_("You can only reply within a conversation you take part in."))


@implementer(IMailbox)
class Mailbox(Container):
    pass


@implementer(IMessage)
class Message(Container):
    # Only the message's own local roles count (Owner: the sender; MessageRecipient): whoever
    # holds roles on the mailbox (the account that made it is its Owner) gets none here.
    __ac_local_roles_block__ = True
    # Recipients who opened the message; the sender never counts as unread.
    read_by = ()

    def unread_by(self):
        return sorted(set(self.recipients or ()) - set(self.read_by))

    def mark_read(self, user_id):
        if user_id in (self.recipients or ()) and user_id not in self.read_by:
            self.read_by = (*self.read_by, user_id)
            self.reindexObject(idxs=["message_unread"])
            return True
        return False
