"""Private messages: the mailbox (received and sent), writing a message, reading a conversation,
and the unread count in the toolbar."""

from clusterpolisee import _
from clusterpolisee.core.people import fullname
from clusterpolisee.messaging.mailbox import send
from clusterpolisee.workspaces.groups import roster
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.interface import alsoProvides
from zope.schema.interfaces import IVocabularyFactory


MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def unread_count():
    user = api.user.get_current()
    if api.user.is_anonymous():
        return 0
    catalog = api.portal.get_tool("portal_catalog")
    return len(catalog(portal_type="Message", message_unread=user.getId()))


class MessagesView(BrowserView):
    """``@@messages``: received messages (unread ones marked) or, with ``?box=sent``, sent ones."""

    def box(self):
        return "sent" if self.request.form.get("box") == "sent" else "inbox"

    def messages(self):
        catalog = api.portal.get_tool("portal_catalog")
        user_id = api.user.get_current().getId()
        query = {"portal_type": "Message", "sort_on": "created", "sort_order": "descending"}
        if self.box() == "sent":
            query["Creator"] = user_id
        else:
            query["message_recipients"] = user_id
        return [
            {
                "brain": brain,
                "unread": user_id in (brain.message_unread or ()),
                "sender": fullname(brain.Creator),
                "recipients": ", ".join(fullname(r) for r in brain.message_recipients or ()),
            }
            for brain in catalog(**query)[:200]
        ]

    def unread(self):
        return unread_count()


class ComposeMessageView(BrowserView):
    """``@@compose-message``: write to members, or to everyone in one of your working groups."""

    errors = None

    def __call__(self):
        self.errors = {}
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            message = self.submit(self.request.form)
            if message is not None:
                api.portal.show_message(_("Your message is sent."), request=self.request)
                self.request.response.redirect(message.absolute_url())
                return ""
            api.portal.show_message(
                _("Please correct the indicated errors."), request=self.request, type="error"
            )
        return self.index()

    def value(self, name, default=""):
        value = self.request.form.get(name, default)
        return value if isinstance(value, type(default)) else default

    def selected_recipients(self):
        value = self.request.form.get("recipients", [])
        return [value] if isinstance(value, str) else list(value)

    def recipients(self):
        factory = getUtility(
            IVocabularyFactory, name="clusterpolisee.vocabularies.MessageRecipients"
        )
        me = api.user.get_current().getId()
        return [
            {"id": term.value, "title": term.title}
            for term in factory(self.context)
            if term.value != me
        ]

    def groups(self):
        """Working groups the sender is in."""
        catalog = api.portal.get_tool("portal_catalog")
        me = api.user.get_current().getId()
        return [
            {"uid": brain.UID, "title": brain.Title}
            for brain in catalog(portal_type="Workspace", sort_on="sortable_title")
            if me in roster(brain.getObject())
        ]

    def reply_to(self):
        """The message answered, if the sender may read it: prefills recipients and subject."""
        uid = self.value("in_reply_to")
        if not uid:
            return None
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(portal_type="Message", UID=uid)
        return brains[0].getObject() if brains else None

    def defaults(self):
        """What the form shows: the posted values, or for a reply the conversation's people."""
        if self.request.method == "POST":
            return {
                "recipients": self.selected_recipients(),
                "subject": self.value("subject"),
                "body": self.value("body"),
            }
        original = self.reply_to()
        if original is None:
            return {"recipients": self.selected_recipients(), "subject": "", "body": ""}
        me = api.user.get_current().getId()
        people = {*original.recipients, original.listCreators()[0]} - {me}
        subject = original.Title()
        if not subject.lower().startswith("re:"):
            subject = f"Re: {subject}"
        return {"recipients": sorted(people), "subject": subject, "body": ""}

    def submit(self, form):
        me = api.user.get_current().getId()
        allowed = {row["id"] for row in self.recipients()}
        chosen = set(self.selected_recipients())
        group_uid = self.value("group")
        if group_uid:
            groups = {row["uid"] for row in self.groups()}
            if group_uid not in groups:
                self.errors["group"] = _("You can write only to working groups you are in.")
            else:
                workspace = api.content.get(UID=group_uid)
                chosen |= set(roster(workspace)) & allowed
        unknown = chosen - allowed
        if unknown:
            self.errors["recipients"] = _("Choose recipients among the platform's members.")
        if not (chosen - {me}) and "group" not in self.errors:
            self.errors["recipients"] = _("Choose at least one recipient or a working group.")
        subject = self.value("subject").strip()
        body = self.value("body").strip()
        if not subject:
            self.errors["subject"] = _("Give the message a subject.")
        elif len(subject) > 200:
            self.errors["subject"] = _("Keep the subject under 200 characters.")
        if not body:
            self.errors["body"] = _("Write the message.")
        attachments = []
        files = form.get("attachments") or []
        if not isinstance(files, list):
            files = [files]
        for upload in files:
            filename = getattr(upload, "filename", "")
            if not filename:
                continue
            data = upload.read()
            if len(data) > MAX_ATTACHMENT_BYTES:
                self.errors["attachments"] = _("Each attachment may be at most 20 MB.")
                break
            content_type = upload.headers.get("content-type", "application/octet-stream")
            attachments.append((filename, content_type, data))
        if self.errors:
            return None
        return send(
            me,
            sorted(chosen - {me}),
            subject,
            body,
            attachments=attachments,
            in_reply_to=self.value("in_reply_to") or None,
        )


class MessageView(BrowserView):
    """A conversation: every message of its thread the reader may see, oldest first. Opening
    it marks the reader's copies read."""

    def __call__(self):
        # Reading marks the reader's copies read: a write on GET, of their own state only.
        alsoProvides(self.request, IDisableCSRFProtection)
        me = api.user.get_current().getId()
        self.conversation = []
        catalog = api.portal.get_tool("portal_catalog")
        thread = self.context.thread or self.context.UID()
        for brain in catalog(portal_type="Message", message_thread=thread, sort_on="created"):
            message = brain.getObject()
            message.mark_read(me)
            self.conversation.append(
                {
                    "title": message.Title(),
                    "sender": fullname(message.listCreators()[0]),
                    "recipients": ", ".join(fullname(r) for r in message.recipients or ()),
                    "date": message.created(),
                    "body": message.body or "",
                    "attachments": [
                        {"title": item.Title(), "url": item.absolute_url(), "size": item.get_size()}
                        for item in message.contentValues()
                    ],
                    "current": message.UID() == self.context.UID(),
                    "id": message.UID(),
                }
            )
        return self.index()

    def reply_url(self):
        portal_url = api.portal.get().absolute_url()
        return f"{portal_url}/@@compose-message?in_reply_to={self.context.UID()}"


class UnreadMessagesViewlet(ViewletBase):
    """In the toolbar: a link to the mailbox with the number of unread messages."""

    def update(self):
        super().update()
        self.count = unread_count()
        self.url = f"{api.portal.get().absolute_url()}/@@messages"

    def available(self):
        return bool(api.user.has_permission("clusterpolisee: Use private messages"))
