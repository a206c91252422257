"""The forms of the list of groups and of the roster (z3c.form): asking to join a group, and the
leader's (or coordinator's) invitation, acceptance, refusal, appointment and removal.

Each is drawn inline, several on one page (one per group or per person), told apart by its
prefix; a POST is handled by the form whose button was pressed. The changes themselves are in
``roster.py``.
"""

from clusterpolisee import _
from clusterpolisee.core.protect import plain_form
from clusterpolisee.interfaces import IClusterpoliseeLayer
from clusterpolisee.workspaces.content.parts import IWiki
from clusterpolisee.workspaces.roster import change_roster
from clusterpolisee.workspaces.roster import removal_refused
from clusterpolisee.workspaces.roster import request_to_join
from plone import api
from plone.app.dexterity.behaviors.metadata import IBasic
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form import widget
from z3c.form.interfaces import HIDDEN_MODE
from zExceptions import Unauthorized
from zope import schema
from zope.interface import Interface
import hashlib


MANAGE_ROSTER = "clusterpolisee: Manage working group roster"
ASK_TO_JOIN = "clusterpolisee: Ask to join a working group"
# The request field a wiki's link to a page not written yet names its title in.
WIKI_PAGE_TITLE = "title"


def person_prefix(kind, user_id):
    """A prefix for a person's form, the same on the page and on the POST it sends."""
    return f"{kind}-{hashlib.sha1(user_id.encode()).hexdigest()[:10]}"


class InlineForm(form.Form):
    """A small form drawn where it is needed: its fields and buttons, no heading."""

    template = ViewPageTemplateFile("templates/inline_form.pt")
    ignoreContext = True
    redirected = False
    css_class = ""

    def update(self):
        plain_form(self.request, self.prefix)
        super().update()

    def protect(self):
        """A change only by POST, with the form's token."""
        PostOnly(self.request)
        CheckAuthenticator(self.request)

    def done(self, message, kind, url):
        api.portal.show_message(message, request=self.request, type=kind)
        self.request.response.redirect(url)
        self.redirected = True

    def updateActions(self):
        super().updateActions()
        for action in self.actions.values():
            # In place of Plone's "btn-secondary", which an outline class cannot override.
            action.klass = self.button_classes.get(action.__name__, "btn btn-sm")

    button_classes = {}


class IJoinRequest(Interface):
    message = schema.Text(
        title=_("label_join_message", default="Why you want to join (optional)"),
        required=False,
        max_length=1000,
    )


class JoinRequestForm(InlineForm):
    """Ask to join the group ``workspace`` (with a message for its leaders)."""

    fields = field.Fields(IJoinRequest)
    button_classes = {"ask": "btn btn-outline-primary"}

    def __init__(self, context, request, workspace):
        super().__init__(context, request)
        self.workspace = workspace
        self.prefix = f"join-{workspace.UID()}"

    def updateWidgets(self):
        super().updateWidgets()
        self.widgets["message"].rows = 2

    @button.buttonAndHandler(_("button_ask_to_join", default="Ask to join"), name="ask")
    def handle_ask(self, action):
        self.protect()
        if not api.user.has_permission(ASK_TO_JOIN, obj=self.context):
            raise Unauthorized(_("Only approved members may ask to join a working group."))
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        user_id = api.user.get_current().getId()
        message, kind = request_to_join(self.workspace, user_id, data.get("message") or "")
        self.done(message, kind, f"{self.context.absolute_url()}/@@working-groups")


class RosterForm(InlineForm):
    """What the leader (or the coordinator) does on the roster; the check is the permission."""

    def check(self):
        self.protect()
        if not api.user.has_permission(MANAGE_ROSTER, obj=self.context):
            raise Unauthorized(_("Only the group's leader or the coordinator manages the roster."))

    def act(self, user_id, action):
        self.check()
        message, kind = change_roster(self.context, user_id, action)
        self.done(message, kind, self.roster_url())

    def roster_url(self):
        return f"{self.context.absolute_url()}/@@roster"


class IInvitation(Interface):
    member = schema.Choice(
        title=_("label_member", default="Member"),
        vocabulary="clusterpolisee.vocabularies.RosterCandidates",
    )


class InvitationForm(RosterForm):
    """Invite an approved member who is not in the group yet."""

    fields = field.Fields(IInvitation)
    prefix = "invite"
    button_classes = {"invite": "btn btn-primary"}

    @button.buttonAndHandler(_("button_invite", default="Invite"), name="invite")
    def handle_invite(self, action):
        data, _errors = self.extractData()
        # A member already in the group (or nobody) is no choice of the list: say so.
        chosen = data.get("member") or self.request.form.get(f"{self.prefix}.widgets.member")
        if isinstance(chosen, list):
            chosen = chosen[0] if chosen else ""
        self.act(chosen, "invite")


class IPerson(Interface):
    userid = schema.ASCIILine(required=False)


class PersonForm(RosterForm):
    """A person's buttons on the roster: a member's (make leader, remove) or a request's
    (accept, decline)."""

    fields = field.Fields(IPerson)
    fields["userid"].mode = HIDDEN_MODE
    button_classes = {
        "lead": "btn btn-sm btn-outline-secondary",
        "remove": "btn btn-sm btn-outline-danger",
        "accept": "btn btn-sm btn-primary",
        "decline": "btn btn-sm btn-outline-danger",
    }

    # Set when "Remove" is pressed: the roster's page then asks to confirm (RemovalForm).
    confirm_removal = False

    def __init__(self, context, request, user_id, kind, leader=False):
        super().__init__(context, request)
        self.user_id, self.kind, self.leader = user_id, kind, leader
        self.prefix = person_prefix(kind, user_id)

    def updateWidgets(self):
        super().updateWidgets()
        self.widgets["userid"].value = self.user_id

    def is_member(self):
        return self.kind == "member"

    @button.buttonAndHandler(
        _("button_make_leader", default="Make leader"),
        name="lead",
        condition=lambda form: form.is_member() and not form.leader,
    )
    def handle_lead(self, action):
        self.act(self.user_id, "lead")

    @button.buttonAndHandler(
        _("button_remove", default="Remove"), name="remove", condition=lambda form: form.is_member()
    )
    def handle_remove(self, action):
        """Nothing is removed yet: the page asks to confirm, unless the removal is refused."""
        self.check()
        refused = removal_refused(self.context, self.user_id)
        if refused is not None:
            self.done(refused, "error", self.roster_url())
            return
        self.confirm_removal = True

    @button.buttonAndHandler(
        _("button_accept", default="Accept"),
        name="accept",
        condition=lambda form: not form.is_member(),
    )
    def handle_accept(self, action):
        self.act(self.user_id, "accept")

    @button.buttonAndHandler(
        _("button_decline", default="Decline"),
        name="decline",
        condition=lambda form: not form.is_member(),
    )
    def handle_decline(self, action):
        self.act(self.user_id, "decline")


class RemovalForm(RosterForm):
    """The second step of a removal, on the roster's page: remove ``user_id`` or cancel.

    Drawn after a person's "Remove" (PersonForm); without it nothing is removed."""

    fields = field.Fields(IPerson)
    fields["userid"].mode = HIDDEN_MODE
    prefix = "removal"
    button_classes = {"confirm": "btn btn-danger", "cancel": "btn btn-outline-secondary"}

    def __init__(self, context, request, user_id=None):
        super().__init__(context, request)
        self.user_id = user_id

    def updateWidgets(self):
        super().updateWidgets()
        if self.user_id:
            self.widgets["userid"].value = self.user_id

    @button.buttonAndHandler(
        _("button_confirm_removal", default="Remove from the group"), name="confirm"
    )
    def handle_confirm(self, action):
        data, errors = self.extractData()
        user_id = None if errors else data.get("userid")
        if not user_id:
            self.check()
            self.done(_("Choose a member."), "error", self.roster_url())
            return
        self.act(user_id, "remove")

    @button.buttonAndHandler(_("button_cancel", default="Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.done(_("Nobody was removed."), "info", self.roster_url())


def _asked_title(adapter):
    """The title a wiki's link to a page not written yet asks for (``?title=``): the new page's
    default title, in the add form of any page of that wiki; the member still saves the form.
    (Plone fills no form from its own fields in a GET request: CMFPlone's z3c.form patch.)"""
    title = adapter.request.form.get(WIKI_PAGE_TITLE)
    return title.strip()[:200] if isinstance(title, str) and title.strip() else None


WikiPageTitle = widget.ComputedWidgetAttribute(
    _asked_title, context=IWiki, request=IClusterpoliseeLayer, field=IBasic["title"]
)
