"""``POST @interest``, body ``{"region": "HR03", "note": "..."}``: the current member expresses
interest in the item (a cooperation request, a best practice), and its people get a private
message (matchmaking/interests.py). ``region`` defaults to the member's profile region.

201 with the record when the interest is new, 200 with the earlier record when the member had
already expressed it (nothing is sent again), 400 with a message for input that cannot be used.
Registered with the permission ``clusterpolisee.ExpressInterest`` (401 without it)."""

from clusterpolisee import _
from clusterpolisee.matchmaking.interests import express_interest_in
from clusterpolisee.matchmaking.interests import InterestError
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.interface import alsoProvides


class InterestPost(Service):
    """Generic: works on any context that ``express_interest`` accepts."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)  # the REST API authenticates by token
        data = json_body(self.request)
        if not isinstance(data, dict):
            raise BadRequest(api.portal.translate(_("The request body must be a JSON object.")))
        try:
            record, created = express_interest_in(
                self.context, data.get("region"), data.get("note")
            )
        except InterestError as error:
            raise BadRequest(api.portal.translate(error.message)) from error
        self.request.response.setStatus(201 if created else 200)
        return {"@id": f"{self.context.absolute_url()}/@interest", **record}
