"""Private messages: the mailbox (received and sent), writing a message, reading a conversation,
and the unread count in the toolbar."""

from clusterpolisee import _
from clusterpolisee.core.fields import linked_text
from clusterpolisee.core.pagecache import shared_key
from clusterpolisee.core.people import fullname
from clusterpolisee.core.protect import plain_form
from clusterpolisee.core.protect import write_on_read
from clusterpolisee.messaging.mailbox import send
from clusterpolisee.messaging.vocabularies import recipient_ids
from clusterpolisee.workspaces.groups import roster
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.app.z3cform.widgets.select import AjaxSelectWidget
from plone.memoize import ram
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from plone.z3cform.layout import wrap_form
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.error import ErrorViewMessage
from z3c.form.interfaces import HIDDEN_MODE
from z3c.form.interfaces import NO_VALUE
from z3c.form.interfaces import WidgetActionExecutionError
from z3c.form.widget import FieldWidget
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import TooLong


MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def unread_count():
    """How many messages the member has not read: in the toolbar of every page of theirs."""
    if api.user.is_anonymous():
        return 0
    return _kept_unread_count()


def _unread_key(function):
    return shared_key("unread-messages")


@ram.cache(_unread_key)
def _kept_unread_count():
    # Kept per person until the catalog changes (core/pagecache.py): a new message is
    # catalogued, and reading one reindexes it.
    catalog = api.portal.get_tool("portal_catalog")
    return len(catalog(portal_type="Message", message_unread=api.user.get_current().getId()))


class MessagesView(BrowserView):
    """``@@messages``: received messages (unread ones marked) or, with ``?box=sent``, sent ones."""

    page_title = _("heading_messages", default="Messages")

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


class IComposeMessage(Interface):
    """What a member writes: to members, or to everyone in one of their working groups."""

    recipients = schema.List(
        title=_("label_to", default="To"),
        description=_(
            "help_recipients_typeahead",
            default="Type part of a name, then choose the member from the list; again for more.",
        ),
        value_type=schema.Choice(vocabulary="clusterpolisee.vocabularies.MessageRecipients"),
        required=False,
    )
    group = schema.Choice(
        title=_("label_to_group", default="Or everyone in a working group"),
        vocabulary="clusterpolisee.vocabularies.MyWorkingGroups",
        required=False,
    )
    subject = schema.TextLine(title=_("label_subject", default="Subject"), max_length=200)
    body = schema.Text(title=_("label_message", default="Message"))
    # The conversation answered, carried from the link that opened the form.
    in_reply_to = schema.ASCIILine(required=False)


class RecipientsWidget(AjaxSelectWidget):
    """Plone's type-ahead (select2): type part of a name, choose the member with the arrow keys
    and Enter (or the mouse). The names come from the site's ``@@getVocabulary``, which lists only
    whom the writer may write to and see (vocabularies.py, its permission mapped there); the
    writer is not offered to themselves."""

    def _view_context(self):
        # The site: the vocabulary's permission is checked there (plone.app.content).
        return api.portal.get()

    def get_pattern_options(self):
        options = super().get_pattern_options()
        options.pop("orderable", None)  # the order of recipients means nothing
        return options

    def extract(self, default=NO_VALUE):
        value = super().extract(default)
        # Several values of the field (a hand-made request): the widget's one text of tokens.
        if isinstance(value, list):
            value = self.separator.join(value)
        return value


def RecipientsFieldWidget(field, request):
    return FieldWidget(field, RecipientsWidget(request))


# The form's messages in the platform's words (z3c.form's own are generic).
SubjectMissing = ErrorViewMessage(
    _("Give the message a subject."), error=RequiredMissing, field=IComposeMessage["subject"]
)
SubjectTooLong = ErrorViewMessage(
    _("Keep the subject under 200 characters."),
    error=TooLong,
    field=IComposeMessage["subject"],
)
BodyMissing = ErrorViewMessage(
    _("Write the message."), error=RequiredMissing, field=IComposeMessage["body"]
)


class ComposeMessageForm(form.Form):
    """``@@compose-message``. Attachments come as one ``<input type="file" multiple>``
    (``attachments``), which z3c.form's file widget cannot be: the handler reads them."""

    fields = field.Fields(IComposeMessage)
    fields["recipients"].widgetFactory = RecipientsFieldWidget
    fields["in_reply_to"].mode = HIDDEN_MODE
    ignoreContext = True
    enctype = "multipart/form-data"
    label = _("heading_write_message", default="Write a message")
    template = ViewPageTemplateFile("templates/compose_message.pt")
    attachment_error = None

    def update(self):
        plain_form(self.request, self.prefix)
        super().update()

    def updateWidgets(self):
        super().updateWidgets()
        self.widgets["group"].klass = "form-select"
        if not self.request.form.get("form.buttons.send"):
            self.prefill_reply()

    def prefill_reply(self):
        """A reply goes to the conversation's people, with its subject."""
        original = reply_to(self.request.form.get("in_reply_to"))
        if original is None:
            return
        me = api.user.get_current().getId()
        people = {*original.recipients, original.listCreators()[0]} - {me}
        subject = original.Title()
        if not subject.lower().startswith("re:"):
            subject = f"Re: {subject}"
        widget = self.widgets["recipients"]
        widget.value = widget.separator.join(sorted(people))
        self.widgets["subject"].value = subject
        self.widgets["in_reply_to"].value = original.UID()

    def updateActions(self):
        super().updateActions()
        self.actions["send"].klass = "btn btn-primary"
        self.actions["cancel"].klass = "btn btn-link"

    def attachments(self):
        """The uploaded files as (name, type, data); sets the form's error for a too big one."""
        files = self.request.form.get("attachments") or []
        found = []
        for upload in files if isinstance(files, list) else [files]:
            if not getattr(upload, "filename", ""):
                continue
            data = upload.read()
            if len(data) > MAX_ATTACHMENT_BYTES:
                self.attachment_error = _("Each attachment may be at most 20 MB.")
                return None
            content_type = upload.headers.get("content-type", "application/octet-stream")
            found.append((upload.filename, content_type, data))
        return found

    def check_choices(self):
        """Members and groups among those offered: a hand-made request gets a clear error."""
        widget = self.widgets["recipients"]
        offered = {term.token for term in widget.get_vocabulary() or ()}
        asked = widget.extract()
        asked = asked.split(widget.separator) if isinstance(asked, str) and asked else []
        if set(asked) - offered:
            raise WidgetActionExecutionError(
                "recipients", Invalid(_("Choose recipients among the platform's members."))
            )
        groups = {term.token for term in self.widgets["group"].terms}
        group = self.request.form.get("form.widgets.group") or []
        if set([group] if isinstance(group, str) else group) - groups - {"--NOVALUE--", ""}:
            raise WidgetActionExecutionError(
                "group", Invalid(_("You can write only to working groups you are in."))
            )

    @button.buttonAndHandler(_("button_send", default="Send"), name="send")
    def handle_send(self, action):
        PostOnly(self.request)
        CheckAuthenticator(self.request)
        data, errors = self.extractData()
        self.check_choices()
        me = api.user.get_current().getId()
        chosen = set(data.get("recipients") or ())
        if data.get("group"):
            # Everyone in the group who may receive messages, hidden profiles included.
            chosen |= set(roster(api.content.get(UID=data["group"]))) & recipient_ids()
        attachments = self.attachments()
        if errors or attachments is None:
            self.status = self.formErrorsMessage
            return
        if not chosen - {me}:
            raise WidgetActionExecutionError(
                "recipients", Invalid(_("Choose at least one recipient or a working group."))
            )
        message = send(
            me,
            sorted(chosen - {me}),
            data["subject"].strip(),
            data["body"].strip(),
            attachments=attachments,
            in_reply_to=data.get("in_reply_to") or None,
        )
        api.portal.show_message(_("Your message is sent."), request=self.request)
        self.request.response.redirect(message.absolute_url())

    @button.buttonAndHandler(_("button_cancel", default="Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.request.response.redirect(f"{api.portal.get().absolute_url()}/@@messages")


def reply_to(uid):
    """The message answered, if the writer may read it."""
    if not uid or not isinstance(uid, str):
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(portal_type="Message", UID=uid)
    return brains[0].getObject() if brains else None


ComposeMessageView = wrap_form(ComposeMessageForm)


class MailboxView(BrowserView):
    """``/messages``, the folder of every message, as its address is typed or linked: the
    member's own messages page (``@@messages``)."""

    def __call__(self):
        portal_url = api.portal.get().absolute_url()
        self.request.response.redirect(f"{portal_url}/@@messages")
        return ""


class MessageView(BrowserView):
    """A conversation: every message of its thread the reader may see, oldest first. Opening
    it marks the reader's copies read."""

    def __call__(self):
        me = api.user.get_current().getId()
        self.conversation = []
        catalog = api.portal.get_tool("portal_catalog")
        thread = self.context.thread or self.context.UID()
        for brain in catalog(portal_type="Message", message_thread=thread, sort_on="created"):
            message = brain.getObject()
            # Reading marks the reader's copy read: that one write, allowed on GET.
            write_on_read(message, self.request, lambda message=message: message.mark_read(me))
            self.conversation.append(
                {
                    "title": message.Title(),
                    "sender": fullname(message.listCreators()[0]),
                    "recipients": ", ".join(fullname(r) for r in message.recipients or ()),
                    "date": message.created(),
                    "body": message.body or "",
                    # Escaped, its web addresses as links (a practice, a region...).
                    "body_html": linked_text(message.body),
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
