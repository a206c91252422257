"""Catalog indexers of the workspaces' planning: milestones and tasks."""

from clusterpolisee.core.indexing import own
from clusterpolisee.workspaces.content.planning import IPlanningItem
from clusterpolisee.workspaces.content.planning import ITask
from plone.indexer import indexer


INDEX_NAMES = ("due_date", "task_status", "assignee")


@indexer(IPlanningItem)
def due_date(obj):
    return own(obj, "due_date")


@indexer(IPlanningItem)
def task_status(obj):
    return own(obj, "status")


@indexer(ITask)
def assignee(obj):
    return own(obj, "assignee")
