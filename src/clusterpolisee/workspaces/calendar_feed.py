"""A group calendar as an iCal feed that a member's calendar application subscribes to.

Calendar applications cannot sign in, so the feed's address carries the member's id and a
token: an HMAC of the member and the calendar, keyed with the site's secret (plone.keyring).
The feed is built as that member, so it holds only what they may view; a member removed from
the group gets an empty feed.
"""

from clusterpolisee.core import dates
from clusterpolisee.core.calendars import define_timezones
from clusterpolisee.workspaces.groups import find_workspace
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from plone import api
from plone.keyring.interfaces import IKeyManager
from urllib.parse import urlencode
from zope.component import getUtility
import hashlib
import hmac
import icalendar


def token(calendar, user_id):
    secret = getUtility(IKeyManager).secret()
    message = f"{user_id}:{calendar.UID()}".encode()
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def feed_url(calendar, user_id):
    query = urlencode({"member": user_id, "token": token(calendar, user_id)})
    return f"{calendar.absolute_url()}/@@group-calendar.ics?{query}"


def valid(calendar, user_id, given):
    """Whether ``given`` is the member's token for this calendar. Anything but text is not: a
    list (``token:list``), or bytes of the address that are not UTF-8 (they reach the form as
    unpaired surrogates, which neither the key nor the comparison takes)."""
    if not (isinstance(user_id, str) and isinstance(given, str) and user_id and given):
        return False
    try:
        user_id.encode("utf-8")
        given.encode("ascii")  # a token is hexadecimal
    except UnicodeEncodeError:
        return False
    return hmac.compare_digest(token(calendar, user_id), given)


def build(calendar):
    """The calendar's meetings, milestones and tasks, as the current user may view them."""
    catalog = api.portal.get_tool("portal_catalog")
    workspace = find_workspace(calendar) or calendar
    path = "/".join(workspace.getPhysicalPath())
    feed = icalendar.Calendar()
    feed.add("prodid", "-//ClusterPoliSEE//group calendar//EN")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", workspace.Title())
    stamp = datetime.now(UTC)
    for brain in catalog(portal_type="Meeting", path=path, sort_on="start"):
        meeting = brain.getObject()
        event = icalendar.Event()
        event.add("uid", f"{brain.UID}@clusterpolisee")
        event.add("summary", brain.Title)
        # With their zone: a time without one would float to each subscriber's own clock.
        event.add("dtstart", dates.own(meeting.start))
        event.add("dtend", dates.own(meeting.end))
        event.add("dtstamp", stamp)
        event.add("url", brain.getURL())
        if meeting.location:
            event.add("location", meeting.location)
        room = meeting.room_url()
        description = brain.Description or ""
        if room:
            description = f"{description}\n{room}".strip()
        if description:
            event.add("description", description)
        feed.add_component(event)
    for brain in catalog(portal_type=["Milestone", "Task"], path=path, sort_on="due_date"):
        if not brain.due_date:
            continue
        day = dates.day_of(brain.due_date)
        event = icalendar.Event()
        event.add("uid", f"{brain.UID}@clusterpolisee")
        event.add("summary", brain.Title)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("dtstamp", stamp)
        event.add("url", brain.getURL())
        feed.add_component(event)
    # Each meeting keeps its own zone (DTSTART;TZID=...): RFC 5545 wants each one defined.
    return define_timezones(feed).to_ical()
