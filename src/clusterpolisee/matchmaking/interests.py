"""Interests that approved members express in a best practice or a cooperation request.

Expressing interest sends a private message (messaging) to the people behind the target: the
member a practice names as its contact, else its author; a request's author. The interest is
recorded once per member and target, in a BTree on the site (counted by the indicators); a
second press tells the member when they did it, and sends nothing.
"""

from AccessControl import Unauthorized
from Acquisition import aq_base
from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from clusterpolisee import _
from clusterpolisee.core.dates import format_time
from clusterpolisee.core.geography import REGION_NAMES
from clusterpolisee.core.people import fullname
from clusterpolisee.messaging.mailbox import send
from clusterpolisee.messaging.notifications import recipient_language
from clusterpolisee.messaging.notifications import translate_for
from datetime import datetime
from datetime import UTC
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "clusterpolisee.matchmaking.interests"
# What a member may add to the message, in characters.
MAX_NOTE = 2000
# Interests are expressed in these types, recorded under these kinds.
KINDS = {"BestPractice": "practice", "CooperationRequest": "request"}


class InterestError(ValueError):
    """A request to express interest that cannot be carried out; ``message`` says why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class InterestStore:
    """{(target UID, user id): record} and the number of records, kept on the site."""

    def __init__(self, portal=None):
        annotations = IAnnotations(portal or api.portal.get())
        if ANNOTATION_KEY not in annotations:
            annotations[ANNOTATION_KEY] = PersistentMapping(
                records=OOBTree(), count=Length(), by_region=OOBTree()
            )
        self._data = annotations[ANNOTATION_KEY]

    def get(self, target_uid, user_id):
        return self._data["records"].get((target_uid, user_id))

    def add(self, record):
        self._data["records"][(record["target"], record["user"])] = record
        self._data["count"].change(1)
        by_region = self._data["by_region"]
        if record["region"] not in by_region:
            by_region[record["region"]] = Length()
        by_region[record["region"]].change(1)

    def __len__(self):
        return self._data["count"]()

    def records(self):
        return self._data["records"].values()


def interest_count(portal=None):
    """How many interests members have expressed, in practices and requests together."""
    annotations = IAnnotations(portal or api.portal.get())
    data = annotations.get(ANNOTATION_KEY)
    return data["count"]() if data else 0


def interests_by_region(region, portal=None):
    """How many interests members have expressed for ``region``."""
    data = IAnnotations(portal or api.portal.get()).get(ANNOTATION_KEY)
    counter = data["by_region"].get(region) if data else None
    return counter() if counter is not None else 0


def member_by_contact(contact):
    """The member a practice's contact names (their user id, login or e-mail address, in any
    case), or None: the contact field is free text."""
    if not isinstance(contact, str):
        return None
    contact = contact.strip()
    if not contact or " " in contact or len(contact) > 200:
        return None
    acl_users = api.portal.get_tool("acl_users")
    key = "email" if "@" in contact else "login"
    found = [
        user["userid"]
        for user in acl_users.searchUsers(**{key: contact, "exact_match": True})
        if (user.get(key) or user.get("login") or "").lower() == contact.lower()
    ]
    return found[0] if len(found) == 1 else None


def recipients_of(target):
    """Who hears of an interest in ``target``: the member named as a practice's contact, else
    the target's author (its first creator)."""
    # The item's own field only: acquisition would find an item called "contact" above it.
    named = member_by_contact(getattr(aq_base(target), "contact", None))
    if named:
        return [named]
    creators = [creator for creator in target.listCreators() if api.user.get(userid=creator)]
    return creators[:1]


def _portal_url():
    return api.portal.get().absolute_url()


def region_url(code):
    return f"{_portal_url()}/@@region/{code}"


def member_region():
    """The region the current member's profile names, if it is one of the platform's."""
    if api.user.is_anonymous():
        return None
    region = api.user.get_current().getProperty("region", None)
    return region if region in REGION_NAMES else None


def interest_date(record):
    """When an interest was expressed, as the page's language writes a date."""
    return format_time(datetime.fromisoformat(record["created"]))


def express_interest_in(target, region=None, note=""):
    """What the button and ``POST @interest`` do: express the current member's interest in
    ``target`` for ``region`` (their profile's region when none is given). Something past its
    expiration date (a request past its deadline) takes no more interest. Returns (record,
    created); raises InterestError."""
    if not api.user.has_permission("View", obj=target):
        # The button's permission is global: an item one may not see takes no interest.
        raise Unauthorized("You may not see this item.")
    if region is not None and not isinstance(region, str):
        raise InterestError(_("Choose one of the platform's regions."))
    if note is not None and not isinstance(note, str):
        raise InterestError(_("Write your note as text."))
    expires = target.expires()
    if expires is not None and expires.isPast():
        raise InterestError(_("This request has expired."))
    return express_interest(target, region or member_region(), note or "")


def interest_message(target, record, created):
    """What the member reads after pressing the button."""
    if created:
        names = ", ".join(fullname(user_id) for user_id in recipients_of(target))
        return _(
            "Your interest is sent to ${names} as a private message.", mapping={"names": names}
        )
    return _(
        "You expressed interest on ${date}; nothing was sent again.",
        mapping={"date": interest_date(record)},
    )


def express_interest(target, region, note="", user=None):
    """Record that ``user`` (by default the current one) is interested in ``target`` for their
    ``region`` (a NUTS 2 code), and send the target's people a private message.

    Returns (record, created): ``created`` is False when the member had already expressed
    interest in the target (nothing is sent again). Raises InterestError for a region, a note
    or a target that cannot be used."""
    kind = KINDS.get(getattr(target, "portal_type", None))
    if kind is None:
        raise InterestError(_("Interest can be expressed in a best practice or a request."))
    if region not in REGION_NAMES:
        raise InterestError(_("Choose one of the platform's regions."))
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise InterestError(_("Your note may be at most 2,000 characters long."))
    user = user or api.user.get_current()
    user_id = user.getId()
    store = InterestStore()
    existing = store.get(target.UID(), user_id)
    if existing is not None:
        return existing, False
    recipients = [person for person in recipients_of(target) if person != user_id]
    if not recipients:
        raise InterestError(_("You are the author of this item: nobody else to tell."))
    message = send(user_id, recipients, *_message_texts(target, kind, region, note, user))
    record = {
        "target": target.UID(),
        "kind": kind,
        "user": user_id,
        "region": region,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "message": message.UID(),
    }
    store.add(record)
    return record, True


def _message_texts(target, kind, region, note, user):
    """The subject and body of the message, in the language of the (first) recipient."""
    recipient = api.user.get(userid=recipients_of(target)[0])
    language = recipient_language(recipient) if recipient else None
    mapping = {
        "name": fullname(user.getId()),
        "title": target.Title(),
        "region": f"{REGION_NAMES[region]} ({region})",
    }
    if kind == "practice":
        subject = _(
            "Interest in your practice: ${title}",
            mapping={"title": target.Title()},
        )
        intro = _(
            "${name} is interested in your practice “${title}” for the region ${region}.",
            mapping=mapping,
        )
    else:
        subject = _(
            "Interest in your cooperation request: ${title}",
            mapping={"title": target.Title()},
        )
        intro = _(
            "${name} is interested in your cooperation request “${title}”, from the region "
            "${region}.",
            mapping=mapping,
        )
    lines = [translate_for(intro, language), ""]
    label = _("Practice") if kind == "practice" else _("Cooperation request")
    lines.append(f"{translate_for(label, language)}: {target.absolute_url()}")
    lines.append(
        f"{translate_for(_('Their region'), language)}: {REGION_NAMES[region]} ({region}) "
        f"{region_url(region)}"
    )
    own_region = getattr(target, "region", None)
    if own_region in REGION_NAMES:
        lines.append(
            f"{translate_for(_('Your region'), language)}: {REGION_NAMES[own_region]} "
            f"({own_region}) {region_url(own_region)}"
        )
    if note:
        lines += ["", translate_for(_("Their note:"), language), note]
    lines += ["", translate_for(_("Answer this message to reply to them."), language)]
    return translate_for(subject, language)[:200], "\n".join(lines)
