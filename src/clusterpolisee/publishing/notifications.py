"""The validation queue's mails: the STC hears of each item submitted to it, the authors of the
decision on theirs. Through the members' notification setting (immediately, in the daily digest
or never: messaging/notifications.py), sent when the transaction commits."""

from clusterpolisee import _
from clusterpolisee.core import people
from clusterpolisee.members.directory import profile_visible
from clusterpolisee.messaging.notifications import notify
from clusterpolisee.messaging.notifications import paragraphs
from clusterpolisee.publishing import queue
from plone import api
from zope.component.hooks import site
import logging
import transaction


logger = logging.getLogger(__name__)


def _decision(transition, title):
    """The subject and text that tell the authors of a decision on their item, or None."""
    mapping = {"title": title}
    if transition == "publish":
        return (
            _("Published: ${title}", mapping=mapping),
            _(
                "The Scientific and Technical Committee validated “${title}”: it is now public.",
                mapping=mapping,
            ),
        )
    if transition == "reject":
        return (
            _("Sent back: ${title}", mapping=mapping),
            _(
                "The Scientific and Technical Committee sent “${title}” back to its "
                "authors: it is private again, to revise and submit anew.",
                mapping=mapping,
            ),
        )
    if transition == "retract":
        return (
            _("Withdrawn from validation: ${title}", mapping=mapping),
            _(
                "“${title}” was withdrawn from the Scientific and Technical "
                "Committee's validation: it is private again.",
                mapping=mapping,
            ),
        )
    return None


# The items whose submission the STC hears of when the current transaction commits.
_TOLD = object()


def _when_still_waiting(obj, *notification, **options):
    """Tell the STC when the transaction commits, if ``obj`` is still waiting then: an item
    submitted and published at once (the demo, the site's own sections) waits for nobody."""
    current = transaction.get()
    try:
        told = current.data(_TOLD)
    except KeyError:
        told = set()
        current.set_data(_TOLD, told)
    path = "/".join(obj.getPhysicalPath())
    if path in told:
        return
    told.add(path)

    portal = api.portal.get()

    def tell(obj=obj):
        # At commit the site may be gone from the thread (a script, a test layer): its own.
        with site(portal):
            state = api.content.get_state(obj, default=None)
            if state != queue.WAITING[queue.PUBLIC_WORKFLOW]:
                return
            try:
                notify(*notification, **options)
            except Exception:
                # The submission stands; a mail that cannot be made is only logged.
                logger.exception("The STC could not be told of %s", obj.absolute_url())

    current.addBeforeCommitHook(tell)


def _submitter(user_id):
    """Who submitted, as the STC's members may read it: a hidden profile is "a member of the
    platform" (members/directory.py)."""
    user = api.user.get(userid=user_id) if user_id else None
    if user is not None and not profile_visible(user):
        # A message: each committee member reads it in their own language.
        return _("a member of the platform")
    return people.fullname(user_id)


def validation_notified(obj, event):
    """After a transition of the public workflow: into the queue, tell the STC; out of it by a
    decision, tell the authors. Whoever made the transition is not told."""
    workflow = getattr(event, "workflow", None)
    if workflow is None or workflow.getId() != queue.PUBLIC_WORKFLOW or event.new_state is None:
        return
    pending = queue.WAITING[queue.PUBLIC_WORKFLOW]
    actor = api.user.get_current().getId()
    title = obj.Title()
    url = obj.absolute_url()
    if event.new_state.getId() == pending:
        _when_still_waiting(
            obj,
            queue.validators(),
            _("Waiting for validation: ${title}", mapping={"title": title}),
            _(
                "${name} submitted “${title}” for validation by the Scientific and "
                "Technical Committee. Everything waiting for the committee is in the validation "
                "queue: ${queue}",
                mapping={
                    "name": _submitter(actor),
                    "title": title,
                    "queue": f"{api.portal.get().absolute_url()}/@@validation-queue",
                },
            ),
            url,
            exclude=[actor],
        )
        return
    if event.old_state is None or event.old_state.getId() != pending:
        return
    decision = _decision(event.transition.getId() if event.transition else None, title)
    if decision is None:
        return
    subject, text = decision
    comment = (event.kwargs or {}).get("comment")
    if comment:
        text = paragraphs(text, _("Comment: ${comment}", mapping={"comment": comment}))
    notify(queue.authors(obj), subject, text, url, exclude=[actor])
