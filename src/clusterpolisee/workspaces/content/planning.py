"""Milestones and tasks of a working group's planning."""

from clusterpolisee import _
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IPlanningItem(model.Schema):
    due_date = schema.Date(title=_("Due date"))
    status = schema.Choice(
        title=_("Status"),
        vocabulary="clusterpolisee.vocabularies.TaskStatuses",
        default="open",
    )


class IMilestone(IPlanningItem):
    pass


class ITask(IPlanningItem):
    assignee = schema.Choice(
        title=_("Assignee"),
        description=_("The member of the group who does the task."),
        vocabulary="clusterpolisee.vocabularies.Roster",
        required=False,
    )


@implementer(IMilestone)
class Milestone(Item):
    pass


@implementer(ITask)
class Task(Item):
    pass
