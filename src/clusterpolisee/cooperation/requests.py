"""Cooperation requests: their expiration and state after each save, the open ones as the
partner search lists them, and expressing interest in one (shared by the pages and REST).

A request's deadline is its expiration date, the last moment of that day in the platform's
zone: Plone's catalog then keeps an expired request out of every listing and search for those
who may not see inactive content, and the partner search asks for open ones only. Its
``public`` choice is its workflow state ("public" or "members"), in both directions: saving
the form moves the state, and a transition from the state menu sets the choice.
"""

from clusterpolisee import _
from clusterpolisee.cooperation.content import ICooperationRequest
from clusterpolisee.core import dates
from clusterpolisee.core.geography import REGION_NAMES
from clusterpolisee.core.indexing import own
from clusterpolisee.matchmaking.interests import express_interest_in  # noqa: F401 - shared
from clusterpolisee.matchmaking.interests import interest_date  # noqa: F401 - shared
from clusterpolisee.matchmaking.interests import interest_message  # noqa: F401 - shared
from clusterpolisee.matchmaking.interests import InterestStore
from DateTime import DateTime
from datetime import datetime
from datetime import time
from plone import api
from plone.indexer import indexer
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


PORTAL_TYPE = "CooperationRequest"
PUBLIC_STATE = "public"
MEMBERS_STATE = "members"
# state -> the transition that leaves it for the other
TRANSITIONS = {MEMBERS_STATE: "make_public", PUBLIC_STATE: "make_members_only"}
TOPICS_VOCABULARY = "collective.taxonomy.topics"
EXPRESS_INTEREST = "clusterpolisee: Express interest"
ADD_REQUEST = "clusterpolisee: Add CooperationRequest"
# The most requests one page lists: far more than a platform of this size has open at once.
LISTING_LIMIT = 200


def end_of_day(day):
    """The last second of ``day`` in the platform's zone, as Plone stores dates."""
    return DateTime(dates.zone().localize(datetime.combine(day, time(23, 59, 59))))


def deadline_of(expires):
    """A request's deadline read back from its expiration date (a catalog brain's ``expires``)."""
    return dates.day_of(expires) if expires is not None else None


def follow_deadline(obj, event=None):
    """The deadline is the expiration date: an expired request drops out of listings."""
    deadline = getattr(obj, "deadline", None)
    wanted = end_of_day(deadline) if deadline else None
    if obj.expiration_date != wanted:
        obj.setExpirationDate(wanted)
        obj.reindexObject(idxs=["expires", "effectiveRange"])


def follow_public_choice(obj, event=None):
    """The author's choice is the state: public requests are for everyone, others for members."""
    state = api.content.get_state(obj, default=None)
    wanted = PUBLIC_STATE if obj.public else MEMBERS_STATE
    if state in TRANSITIONS and state != wanted:
        api.content.transition(obj, transition=TRANSITIONS[state])


def request_saved(obj, event):
    """On adding and on every edit (form or REST): expiration and state follow the fields."""
    follow_deadline(obj)
    follow_public_choice(obj)


def state_changed(obj, event):
    """A transition from the state menu is the author's choice too: the field follows it. A
    new request's workflow starts after the request's added event: its choice is applied then."""
    if event.new_state is None:
        return
    if event.transition is None:
        follow_public_choice(obj)
        return
    public = event.new_state.id == PUBLIC_STATE
    if bool(obj.public) != public:
        obj.public = public


def is_open(obj):
    """Whether the request is still open (its deadline not passed)."""
    expires = obj.expires()
    return expires is None or expires.isFuture()


@indexer(ICooperationRequest)
def region(obj):
    """The requester's region: the partner search's region filter and the region pages."""
    code = own(obj, "region")
    return [code] if code else None


@indexer(ICooperationRequest)
def SearchableText(obj):
    """What the request says, and its region by name."""
    words = [obj.Title(), obj.Description(), REGION_NAMES.get(own(obj, "region") or "", "")]
    return " ".join(word for word in words if word)


class FilterError(ValueError):
    """A filter of the partner search that names no topic or region; ``message`` says which."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def topic_ids(context=None):
    vocabulary = getUtility(IVocabularyFactory, name=TOPICS_VOCABULARY)(context)
    return [term.value for term in vocabulary]


def open_requests_query(topic=None, region=None, context=None):
    """The catalog query of the open requests, soonest deadline first; FilterError for a topic
    or region the platform does not have."""
    query = {
        "portal_type": PORTAL_TYPE,
        "expires": {"query": DateTime(), "range": "min"},
        "sort_on": "expires",
        "sort_limit": LISTING_LIMIT,
    }
    if topic:
        if not isinstance(topic, str) or topic not in topic_ids(context):
            raise FilterError(_("There is no such topic: choose one of the list."))
        query["topics"] = topic
    if region:
        if not isinstance(region, str) or region not in REGION_NAMES:
            raise FilterError(_("There is no such region: choose one of the list."))
        query["region"] = region
    return query


def open_requests(topic=None, region=None, context=None):
    """The open requests the current user may see, as catalog brains."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog(**open_requests_query(topic, region, context))[:LISTING_LIMIT]


def may_express_interest(target, creator, user_id):
    """Whether the current member may express interest in a request: they hold the permission
    and are not its author (nobody else would hear of it)."""
    if api.user.is_anonymous() or creator == user_id:
        return False
    return api.user.has_permission(EXPRESS_INTEREST, obj=target)


def interest_of(target_uid, user_id):
    """The interest the member already expressed in the request, or None."""
    if not user_id:
        return None
    return InterestStore().get(target_uid, user_id)
