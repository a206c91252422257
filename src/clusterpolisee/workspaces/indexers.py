"""Catalog indexers of the workspaces' planning (milestones and tasks) and of forum topics."""

from clusterpolisee.core.indexing import own
from clusterpolisee.workspaces.content.forum_topic import IForumTopic
from clusterpolisee.workspaces.content.planning import IPlanningItem
from clusterpolisee.workspaces.content.planning import ITask
from plone.app.discussion.interfaces import IConversation
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


# A topic's replies and its latest reply, for the forum's list. plone.app.discussion counts only
# the replies that anonymous visitors may see: none in a group's or the members' forum. A reply is
# seen by whoever sees its topic (clusterpolisee_comment_workflow), so every reply counts.


@indexer(IForumTopic)
def total_comments(topic):
    return len(IConversation(topic))


@indexer(IForumTopic)
def last_comment_date(topic):
    conversation = IConversation(topic)
    keys = conversation.keys()
    return conversation[keys[-1]].creation_date if keys else None
