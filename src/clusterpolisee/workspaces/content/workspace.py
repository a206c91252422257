"""A working group's private workspace: its documents, wiki, forum, planning and decisions."""

from clusterpolisee import _
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IWorkspace(model.Schema):
    working_group = schema.Choice(
        title=_("Central topic"),
        description=_("The central topic the group works on; empty for a group on another theme."),
        vocabulary="clusterpolisee.vocabularies.WorkingGroups",
        required=False,
    )
    welcome = RichText(
        title=_("Welcome text"),
        description=_("Shown on the group's dashboard: what the group does and how it works."),
        required=False,
    )


@implementer(IWorkspace)
class Workspace(Container):
    """Its roster is the local roles WorkingGroupMember and WorkingGroupLeader given on it."""
