"""A working-group meeting: agenda, time and place come first, minutes are filed afterwards.

Start, end and place come from plone.app.event's behaviors, so meetings are events for the
group calendar, the iCal feed and the catalog's start and end indexes.
"""

from clusterpolisee import _
from clusterpolisee.core.fields import safe_link
from clusterpolisee.core.fields import WEB_SCHEMES
from plone import api
from plone.app.dexterity import textindexer
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer


class IMeeting(model.Schema):
    textindexer.searchable("agenda")
    textindexer.searchable("minutes")
    agenda = RichText(title=_("Agenda"))
    # Checkboxes: a group's roster is short, and every name stays visible and keyboard-usable.
    directives.widget("participants", CheckBoxFieldWidget)
    participants = schema.List(
        title=_("Participants"),
        description=_("Members of the group invited to the meeting; each receives an invitation."),
        value_type=schema.Choice(vocabulary="clusterpolisee.vocabularies.Roster"),
        required=False,
        default=[],
    )
    online = schema.Bool(
        title=_("Online meeting room"),
        description=_(
            "Give the meeting a video-conference room that participants join from its page."
        ),
        required=False,
        default=True,
    )
    minutes = RichText(
        title=_("Minutes"),
        description=_("Filed after the meeting."),
        required=False,
    )


@implementer(IMeeting)
class Meeting(Container):
    """Files inside a meeting are its papers."""

    def room_name(self):
        """A room name nobody guesses: the group, then part of the meeting's UID."""
        from clusterpolisee.workspaces.groups import find_workspace

        workspace = find_workspace(self)
        group = workspace.getId() if workspace is not None else "group"
        return f"ClusterPoliSEE-{group}-{self.UID().replace('-', '')[:16]}"

    def room_url(self):
        """The online meeting room on the configured video-conference service, or None (also when
        the configured address is not a web address: the page links and frames the room)."""
        if not self.online:
            return None
        base = api.portal.get_registry_record(
            "clusterpolisee.videoconference_base_url", default=None
        )
        if not safe_link(base, WEB_SCHEMES):
            return None
        return f"{base.rstrip('/')}/{self.room_name()}"
