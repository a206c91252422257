"""Who hears about what happens in a workspace (see notifications.py for how)."""

from clusterpolisee import _
from clusterpolisee.core import dates
from clusterpolisee.messaging.notifications import notify
from clusterpolisee.workspaces.groups import find_workspace
from clusterpolisee.workspaces.groups import LEADER
from clusterpolisee.workspaces.groups import roster
from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations


FOLLOWERS_KEY = "clusterpolisee.followers"
INVITED_KEY = "clusterpolisee.invited"


def _actor():
    return api.user.get_current().getId()


def deciders(workspace):
    """The members of the group who may approve: full members in the roster and the leaders."""
    full = {user.getId() for user in api.user.get_users(groupname="full-members")}
    return {
        user_id for user_id, role in roster(workspace).items() if role == LEADER or user_id in full
    }


def review_transitions(obj, event):
    """Submitted for group review: tell those who decide. Approved: tell the authors."""
    transition = event.transition.getId() if event.transition is not None else None
    workspace = find_workspace(obj)
    if workspace is None or transition not in ("submit", "approve"):
        return
    mapping = {"title": obj.Title(), "group": workspace.Title()}
    if transition == "submit":
        notify(
            deciders(workspace),
            _("Waiting for your review: ${title}", mapping=mapping),
            _('"${title}" in ${group} waits for the group\'s review.', mapping=mapping),
            obj.absolute_url(),
            exclude=[_actor()],
        )
    else:
        notify(
            obj.listCreators(),
            _("Approved: ${title}", mapping=mapping),
            _('The group ${group} approved "${title}".', mapping=mapping),
            obj.absolute_url(),
            exclude=[_actor()],
        )


# Forum topics: who follows them.


def followers(topic):
    return IAnnotations(topic).get(FOLLOWERS_KEY, ())


def follow(topic, user_id, following=True):
    annotations = IAnnotations(topic)
    current = annotations.get(FOLLOWERS_KEY)
    if current is None:
        current = annotations[FOLLOWERS_KEY] = PersistentList()
    if following and user_id not in current:
        current.append(user_id)
    elif not following and user_id in current:
        current.remove(user_id)


def topic_added(topic, event):
    """Whoever opens a topic follows it."""
    follow(topic, _actor())


def comment_added(topic, event):
    """A reply in a forum topic: its followers hear of it; the author now follows it."""
    comment = event.comment
    author = comment.author_username or _actor()
    mapping = {"title": topic.Title(), "name": comment.author_name or author}
    notify(
        followers(topic),
        _("New reply in ${title}", mapping=mapping),
        _('${name} replied in the forum topic "${title}".', mapping=mapping),
        f"{topic.absolute_url()}#{comment.getId()}",
        exclude=[author],
    )
    follow(topic, author)


def meeting_saved(meeting, event):
    """Participants get an invitation, with the room link, once each."""
    annotations = IAnnotations(meeting)
    invited = annotations.get(INVITED_KEY)
    if invited is None:
        invited = annotations[INVITED_KEY] = PersistentList()
    new = [user_id for user_id in meeting.participants or () if user_id not in invited]
    if not new:
        return
    room = meeting.room_url()

    def mapping(language):
        # As the meeting's page writes it, in the invitee's language: on its own clock, its
        # zone named.
        start = meeting.start and dates.format_event_time(
            meeting.start, context=meeting, language=language
        )
        return {"title": meeting.Title(), "start": start or "", "room": room or "-"}

    notify(
        new,
        lambda language: _("Invitation: ${title}, ${start}", mapping=mapping(language)),
        lambda language: _(
            'You are invited to "${title}" on ${start}. Online meeting room: ${room}. '
            "Please answer on the meeting's page.",
            mapping=mapping(language),
        ),
        meeting.absolute_url(),
        exclude=[_actor()],
    )
    invited.extend(new)


ASSIGNEE_ROLE = "Editor"


def task_saved(task, event):
    """The assignee may update their task (its status above all): a local Editor role."""
    for principal, roles in task.get_local_roles():
        if ASSIGNEE_ROLE in roles and principal != task.assignee:
            remaining = [role for role in roles if role != ASSIGNEE_ROLE]
            if remaining:
                task.manage_setLocalRoles(principal, remaining)
            else:
                task.manage_delLocalRoles([principal])
    if task.assignee:
        roles = set(dict(task.get_local_roles()).get(task.assignee, ()))
        task.manage_setLocalRoles(task.assignee, sorted(roles | {ASSIGNEE_ROLE}))
    task.reindexObjectSecurity()
