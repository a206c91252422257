"""``GET @vote`` on a decision: its state, the votes cast, your vote, and the result once closed."""

from clusterpolisee.workspaces.decisions import votes
from plone import api
from plone.restapi.services import Service


def vote_summary(decision):
    state = api.content.get_state(decision)
    deadline = decision.deadline_aware()
    return {
        "@id": f"{decision.absolute_url()}/@vote",
        "state": state,
        "deadline": deadline.isoformat() if deadline else None,
        "quorum": decision.quorum,
        "votes_cast": len(votes(decision)),
        "my_vote": votes(decision).get(api.user.get_current().getId()),
        "can_vote": state == "open"
        and not decision.voting_is_over()
        and bool(api.user.has_permission("clusterpolisee: Vote", obj=decision)),
        "tally": dict(decision.tally or {}) if state == "closed" else None,
        "result": decision.result if state == "closed" else None,
    }


class VoteGet(Service):
    def reply(self):
        return vote_summary(self.context)
