"""Sending private messages, and what happens when one is created (see content/message.py)."""

from clusterpolisee import _
from clusterpolisee.core.people import fullname
from clusterpolisee.messaging.notifications import notify
from plone import api
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
    thread = None
    if in_reply_to:
        catalog = api.portal.get_tool("portal_catalog")
        original = catalog(portal_type="Message", UID=in_reply_to)
        if original:
            thread = original[0].message_thread or in_reply_to
        else:
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
        thread=thread,
    )
    for filename, content_type, data in attachments:
        api.content.create(
            container=message,
            type="File",
            title=filename,
            file=NamedBlobFile(data=data, filename=filename, contentType=content_type),
        )
    return message


def message_added(message, event):
    """Recipients may read the message; a new conversation is its own thread; they hear of it."""
    for user_id in message.recipients or ():
        message.manage_setLocalRoles(user_id, [RECIPIENT_ROLE])
    if not message.thread:
        message.thread = message.UID()
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
