"""``POST @vote`` on a decision, body ``{"vote": "yes" | "no" | "abstain"}``: cast or change
your vote while the vote is open. 400 with a message when the vote cannot be taken."""

from clusterpolisee.workspaces.decisions import cast_vote
from clusterpolisee.workspaces.decisions import VotingError
from clusterpolisee.workspaces.restapi.vote.get import vote_summary
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zExceptions import BadRequest
from zExceptions import Unauthorized
from zope.interface import alsoProvides


class VotePost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)  # the REST API authenticates by token
        if not api.user.has_permission("clusterpolisee: Vote", obj=self.context):
            raise Unauthorized("Only full members of the group vote, while the vote is open.")
        try:
            data = json_body(self.request)
        except Exception as error:
            raise BadRequest("The body must be JSON.") from error
        choice = data.get("vote") if isinstance(data, dict) else None
        try:
            cast_vote(self.context, api.user.get_current().getId(), choice)
        except VotingError as error:
            raise BadRequest(api.portal.translate(error.args[0])) from error
        return vote_summary(self.context)
