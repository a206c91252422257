"""Sending private messages, and what happens when one is created (see content/message.py)."""

from clusterpolisee import _
from clusterpolisee.core.people import fullname
from clusterpolisee.messaging.notifications import notify
from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from zope.container.interfaces import INameChooser


MAILBOX_ID = "messages"
RECIPIENT_ROLE = "MessageRecipient"


def ensure_mailbox(portal):
    mailbox = portal.get(MAILBOX_ID)
    if mailbox is None:
        mailbox = api.content.create(
            container=portal,
            type="Mailbox",
            id=MAILBOX_ID,
            title=api.portal.translate(_("Messages")),
            exclude_from_nav=True,
        )
    return mailbox


def send(sender_id, recipients, subject, body, attachments=(), in_reply_to=None):
    """Create a message as the current user (the sender); returns it.

    ``attachments`` are (filename, content type, bytes). A reply joins the conversation of the
    message it answers, if the sender may read that message.
    """
    mailbox = ensure_mailbox(api.portal.get())
    if conversation_of(in_reply_to) is None:
        in_reply_to = None
    message_id = INameChooser(mailbox).chooseName(subject, mailbox)
    message = api.content.create(
        container=mailbox,
        type="Message",
        id=message_id,
        title=subject,
        recipients=sorted(set(recipients) - {sender_id}),
        body=body,
        in_reply_to=in_reply_to,
    )
    for filename, content_type, data in attachments:
        # Sending is the one moment a message takes files: once sent, nobody may add to it
        # (the message workflow gives nobody "Add portal content"), so the attachments are
        # placed by the sending itself, not through the add permission.
        attachment = createContentInContainer(
            message,
            "File",
            checkConstraints=False,
            title=filename,
            file=NamedBlobFile(data=data, filename=filename, contentType=content_type),
        )
        attachment.setCreators([sender_id])
    return message


def conversation_of(uid):
    """The conversation (thread) of the message with this UID, if the current user may read
    that message; else None."""
    if not isinstance(uid, str) or not uid:
        return None
    found = api.portal.get_tool("portal_catalog")(portal_type="Message", UID=uid)
    return (found[0].message_thread or uid) if found else None


def message_added(message, event):
    """The sender is the account that sent it, whatever the request said; recipients may read
    the message; it joins the conversation of the message it answers, if its sender may read
    that one, else it starts its own (whatever conversation a request named); they hear of it."""
    message.setCreators([message.getOwner().getId()])
    for user_id in message.recipients or ():
        message.manage_setLocalRoles(user_id, [RECIPIENT_ROLE])
    message.thread = conversation_of(message.in_reply_to) or message.UID()
    message.reindexObject()
    message.reindexObjectSecurity()
    mapping = {"name": fullname(api.user.get_current().getId()), "subject": message.Title()}
    notify(
        message.recipients or (),
        _("New message from ${name}: ${subject}", mapping=mapping),
        _(
            '${name} sent you a private message, "${subject}". Read it on the platform.',
            mapping=mapping,
        ),
        message.absolute_url(),
    )
