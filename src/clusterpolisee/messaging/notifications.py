"""E-mail notifications of workspace activity, sent at once or collected in a daily digest.

Each member chooses in their profile (``notification_frequency``): immediately, a daily digest,
or never. Mail goes through the site's MailHost when the transaction commits, so nothing is sent
for a change that fails.
"""

from BTrees.OOBTree import OOBTree
from clusterpolisee import _
from clusterpolisee.core import dates
from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.i18nmessageid import Message
import logging


logger = logging.getLogger(__name__)

FREQUENCY_PROPERTY = "notification_frequency"
DEFAULT_FREQUENCY = "immediate"
DIGEST_KEY = "clusterpolisee.digest_queue"


def frequency(user):
    value = user.getProperty(FREQUENCY_PROPERTY, None)
    return value or DEFAULT_FREQUENCY


def _translate(message):
    return api.portal.translate(message) if isinstance(message, Message) else message


def _send(email, subject, body):
    try:
        api.portal.send_email(recipient=email, subject=subject, body=body)
    except ValueError:
        # No mail server configured: the site still works, the notification is lost.
        logger.warning("Mail is not configured; notification %r not sent", subject)


def _queue():
    annotations = IAnnotations(api.portal.get())
    queue = annotations.get(DIGEST_KEY)
    if queue is None:
        queue = annotations[DIGEST_KEY] = OOBTree()
    return queue


def notify(user_ids, subject, text, url, exclude=()):
    """Tell members about something at ``url``; ``exclude`` (usually the actor) is skipped.

    Returns the ids of the members who get (or will get in their digest) the notification.
    """
    subject, text = _translate(subject), _translate(text)
    reached = []
    for user_id in sorted(set(user_ids) - set(exclude)):
        user = api.user.get(userid=user_id)
        email = user.getProperty("email", "") if user is not None else ""
        if not email:
            continue
        how = frequency(user)
        if how == "off":
            continue
        if how == "daily":
            entries = _queue().setdefault(user_id, PersistentList())
            entries.append((dates.now().isoformat(timespec="minutes"), subject, url))
            _queue()[user_id] = entries
        else:
            _send(email, subject, f"{text}\n\n{url}\n\n{_footer()}")
        reached.append(user_id)
    return reached


def _footer():
    portal = api.portal.get()
    return _translate(
        _(
            "You receive this because of your notification settings on ${site}. Change them "
            "in your personal information: ${url}",
            mapping={
                "site": portal.Title(),
                "url": f"{portal.absolute_url()}/@@personal-information",
            },
        )
    )


def send_digests():
    """One e-mail per member with everything queued for them; the queue is emptied.

    Run daily (``bin/instance run scripts/daily.py``). Returns the number of mails sent.
    """
    queue = _queue()
    sent = 0
    for user_id in list(queue.keys()):
        entries = list(queue[user_id])
        del queue[user_id]
        user = api.user.get(userid=user_id)
        email = user.getProperty("email", "") if user is not None else ""
        if not entries or not email:
            continue
        lines = [f"- {subject}\n  {url}" for _when, subject, url in entries]
        subject = _translate(
            _("Your daily digest: ${count} notifications", mapping={"count": len(entries)})
        )
        _send(email, subject, "\n".join(lines) + f"\n\n{_footer()}")
        sent += 1
    return sent
