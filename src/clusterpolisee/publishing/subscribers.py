"""The chain's answers to the two workflows (chain.py does the work).

In a workspace: proposing makes (or updates) the public item and tells the proposer what it is;
withdrawing the proposal takes the public item out of the STC's queue.

In the public section, for an item a working group proposed: published, the group hears of it
(the item's authors hear from the validation queue's mails, queue.py); sent back, withdrawn or
unpublished, the group's document is "approved" again and the group hears why.
"""

from clusterpolisee import _
from clusterpolisee.core import dates
from clusterpolisee.messaging.notifications import notify
from clusterpolisee.messaging.notifications import paragraphs
from clusterpolisee.publishing import chain
from clusterpolisee.publishing.queue import authors
from clusterpolisee.workspaces.groups import find_workspace
from clusterpolisee.workspaces.groups import roster
from plone import api
from zope.globalrequest import getRequest


def _transition(event):
    return event.transition.getId() if event.transition is not None else None


def _comment(event):
    return (getattr(event, "kwargs", None) or {}).get("comment") or ""


def workspace_transition(obj, event):
    """A workspace item proposed for publication, or its proposal withdrawn."""
    if event.workflow.getId() != chain.WORKSPACE_WORKFLOW or chain.by_chain(event):
        return
    transition = _transition(event)
    if transition not in ("propose", "withdraw") or find_workspace(obj) is None:
        return
    if transition == "withdraw":
        chain.withdraw_public(obj, _comment(event))
        return
    request = getRequest()
    if not chain.proposable(obj):
        # A folder: it stays the group's (approved), and the proposer reads why.
        chain.decline_proposal(obj)
        if request is not None:
            api.portal.show_message(chain.NOT_PROPOSABLE, request=request, type="warning")
        return
    try:
        public, created = chain.propose(obj)
    except chain.ChainError as error:
        # The proposal cannot reach the public section: the document stays the group's.
        chain.decline_proposal(obj, error.args[0])
        if request is not None:
            api.portal.show_message(error.args[0], request=request, type="error")
        return
    mapping = {
        "title": public.Title(),
        "kind": api.portal.translate(chain.target_title(chain.target(obj))),
    }
    if api.content.get_state(public) != chain.PENDING:
        message = _(
            'The public item "${title}" is updated, but it could not be submitted to the '
            "Scientific and Technical Committee again: please ask the committee.",
            mapping=mapping,
        )
        kind = "warning"
    elif created:
        message = _(
            '"${title}" is now an item of the public section (${kind}): it waits for the '
            "validation of the Scientific and Technical Committee.",
            mapping=mapping,
        )
        kind = "info"
    else:
        message = _(
            'The public item "${title}" (${kind}) is updated: it waits for the validation of '
            "the Scientific and Technical Committee again.",
            mapping=mapping,
        )
        kind = "info"
    if request is not None:
        api.portal.show_message(message, request=request, type=kind)


def _tell_group(workspace, subject, text, url, exclude):
    notify(roster(workspace), subject, text, url, exclude=exclude)


def public_transition(obj, event):
    """A public item that a working group proposed was published, or left the queue or the
    public section unpublished."""
    if event.workflow.getId() != chain.PUBLIC_WORKFLOW or chain.by_chain(event):
        return
    if event.new_state is None or event.old_state is None or chain.origin(obj) is None:
        return
    old, new = event.old_state.getId(), event.new_state.getId()
    workspace = chain.group_of(obj)
    actor = api.user.get_current().getId()
    # The authors hear of the STC's decisions on a pending item from the queue's mails.
    exclude = {actor} | (authors(obj) if old == chain.PENDING else set())
    mapping = {"title": obj.Title(), "group": chain.group_message(workspace)}
    comment = _comment(event)
    if new == chain.PUBLISHED:
        chain.publish_attachments(obj)
        if obj.portal_type == chain.PUBLICATION and not getattr(obj, "publication_date", None):
            obj.publication_date = dates.today()
        if workspace is not None:
            _tell_group(
                workspace,
                _("Published: ${title}", mapping=mapping),
                _(
                    '"${title}", which the working group ${group} proposed, is public: the '
                    "Scientific and Technical Committee validated it.",
                    mapping=mapping,
                ),
                obj.absolute_url(),
                exclude,
            )
        return
    if new != chain.PRIVATE or old not in (chain.PENDING, chain.PUBLISHED):
        return
    transition = _transition(event)
    reason = api.portal.translate(
        _("Sent back by the Scientific and Technical Committee.")
        if transition == "reject"
        else _("Withdrawn from the public section.")
    )
    source = chain.return_source(obj, f"{reason} {comment}".strip())
    if source is None or workspace is None:
        return
    if transition == "reject":
        subject = _("Sent back: ${title}", mapping=mapping)
        text = _(
            'The Scientific and Technical Committee sent "${title}" back to the working group '
            "${group}: the group's document is approved again, to revise and propose anew.",
            mapping=mapping,
        )
    else:
        subject = _("Withdrawn from the public section: ${title}", mapping=mapping)
        text = _(
            '"${title}" was withdrawn from the public section: the document of the working '
            "group ${group} is approved again, to revise and propose anew.",
            mapping=mapping,
        )
    if comment:
        text = paragraphs(text, _("Comment: ${comment}", mapping={"comment": comment}))
    # The group's document: the public item is no longer for them to see.
    _tell_group(workspace, subject, text, source.absolute_url(), exclude)
