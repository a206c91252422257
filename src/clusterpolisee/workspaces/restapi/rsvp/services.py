"""``POST @rsvp`` on a meeting, body ``{"answer": "yes" | "maybe" | "no"}``: an invited
participant answers. ``GET @rsvp`` gives every participant's answer."""

from clusterpolisee.workspaces.meetings import answer
from clusterpolisee.workspaces.meetings import ANSWERS
from clusterpolisee.workspaces.meetings import answers
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zExceptions import BadRequest
from zExceptions import Unauthorized
from zope.interface import alsoProvides


def rsvp_summary(meeting):
    given = answers(meeting)
    return {
        "@id": f"{meeting.absolute_url()}/@rsvp",
        "room_url": meeting.room_url(),
        "participants": [
            {"id": user_id, "answer": given.get(user_id)} for user_id in meeting.participants or ()
        ],
    }


class RsvpGet(Service):
    def reply(self):
        return rsvp_summary(self.context)


class RsvpPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        user_id = api.user.get_current().getId()
        if user_id not in (self.context.participants or ()):
            raise Unauthorized("Only invited participants answer.")
        try:
            data = json_body(self.request)
        except Exception as error:
            raise BadRequest("The body must be JSON.") from error
        value = data.get("answer") if isinstance(data, dict) else None
        if value not in ANSWERS:
            raise BadRequest("Answer yes, maybe or no.")
        answer(self.context, user_id, value)
        return rsvp_summary(self.context)
