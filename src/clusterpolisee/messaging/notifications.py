"""E-mail notifications of workspace activity, sent at once or collected in a daily digest.

Each member chooses in their profile (``notification_frequency``): immediately, a daily digest,
or never. Mail goes through the site's MailHost when the transaction commits, so nothing is sent
for a change that fails.

Each mail is written in the recipient's language, the one they chose in their personal
preferences (Plone's ``language`` member property), else the site's default language; never in
the language of whoever caused it. Callers hand over messages (``_(...)``), not text: they are
translated once for each language among the recipients. A part that depends on the language
beyond its words (a date) is a function of the language (``subject`` or ``text`` may be one).
"""

from BTrees.OOBTree import OOBTree
from clusterpolisee import _
from clusterpolisee.core import dates
from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate
from zope.i18nmessageid import Message
import logging


logger = logging.getLogger(__name__)

FREQUENCY_PROPERTY = "notification_frequency"
DEFAULT_FREQUENCY = "immediate"
DIGEST_KEY = "clusterpolisee.digest_queue"
LANGUAGE_PROPERTY = "language"
FALLBACK_LANGUAGE = "en"


def frequency(user):
    value = user.getProperty(FREQUENCY_PROPERTY, None)
    return value or DEFAULT_FREQUENCY


def site_language():
    """The site's default language (``plone.default_language``): English on this platform."""
    return (
        api.portal.get_registry_record("plone.default_language", default=None) or FALLBACK_LANGUAGE
    )


def recipient_language(member):
    """The language mail to ``member`` is written in: the one they chose in their personal
    preferences, if the site offers it, else the site's default language."""
    chosen = (member.getProperty(LANGUAGE_PROPERTY, "") if member is not None else "") or ""
    offered = api.portal.get_registry_record("plone.available_languages", default=None) or ()
    chosen = chosen.strip().lower()
    for language in (chosen, chosen.split("-")[0]):
        if language and language in offered:
            return language
    return site_language()


def translate_for(message, language):
    """``message`` in ``language``, whatever the language of the request that caused it: a
    message (and the messages in its mapping) translated, a function of the language called,
    plain text as it is."""
    if callable(message):
        message = message(language)
    if isinstance(message, Message):
        return translate(message, target_language=language)
    return message


def paragraphs(*messages):
    """A text of several messages, each in the recipient's language, a blank line between."""
    return lambda language: "\n\n".join(translate_for(message, language) for message in messages)


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


def by_language(user_ids):
    """The members among ``user_ids`` who have an e-mail address, grouped by the language their
    mail is written in: {language: [(user id, member), ...]}, each sorted by id."""
    groups = {}
    for user_id in sorted(set(user_ids)):
        user = api.user.get(userid=user_id)
        if user is None or not user.getProperty("email", ""):
            continue
        groups.setdefault(recipient_language(user), []).append((user_id, user))
    return groups


def notify(user_ids, subject, text, url, exclude=()):
    """Tell members about something at ``url``; ``exclude`` (usually the actor) is skipped.

    ``subject`` and ``text`` are messages (or functions of the language, see ``translate_for``):
    each recipient reads them in their own language. Returns the ids of the members who get (or
    will get in their digest) the notification.
    """
    reached = []
    for language, members in by_language(set(user_ids) - set(exclude)).items():
        wanted = [(user_id, user) for user_id, user in members if frequency(user) != "off"]
        if not wanted:
            continue
        subject_text = translate_for(subject, language)
        body = f"{translate_for(text, language)}\n\n{url}\n\n{_footer(language)}"
        for user_id, user in wanted:
            if frequency(user) == "daily":
                # Queued in the recipient's language: the digest lists it as it is.
                entries = _queue().setdefault(user_id, PersistentList())
                entries.append((dates.now().isoformat(timespec="minutes"), subject_text, url))
                _queue()[user_id] = entries
            else:
                _send(user.getProperty("email"), subject_text, body)
            reached.append(user_id)
    return sorted(reached)


def _footer(language):
    portal = api.portal.get()
    return translate_for(
        _(
            "You receive this because of your notification settings on ${site}. Change them "
            "in your personal information: ${url}",
            mapping={
                "site": portal.Title(),
                "url": f"{portal.absolute_url()}/@@personal-information",
            },
        ),
        language,
    )


def send_digests():
    """One e-mail per member with everything queued for them, in their language; the queue is
    emptied.

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
        language = recipient_language(user)
        lines = [f"- {subject}\n  {url}" for _when, subject, url in entries]
        subject = translate_for(
            _("Your daily digest: ${count} notifications", mapping={"count": len(entries)}),
            language,
        )
        _send(email, subject, "\n".join(lines) + f"\n\n{_footer(language)}")
        sent += 1
    return sent
