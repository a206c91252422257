"""``GET @matchmaking?region=<code>``: the practices from other regions suggested for a
region's needs, best first, each with the reasons (matchmaking/suggestions.py). Without a
region, the caller's own (their profile's); ``limit`` up to 50."""

from clusterpolisee.core.geography import REGION_NAMES
from clusterpolisee.matchmaking.interests import member_region
from clusterpolisee.matchmaking.suggestions import DEFAULT_LIMIT
from clusterpolisee.matchmaking.suggestions import MAX_LIMIT
from clusterpolisee.matchmaking.suggestions import suggest
from plone.restapi.services import Service


class MatchmakingGet(Service):
    def reply(self):
        form = self.request.form
        region = form.get("region") or member_region()
        if not isinstance(region, str) or region.upper() not in REGION_NAMES:
            return self._bad(
                "Give a region: a NUTS 2 code of the platform, for example ?region=RO21."
            )
        limit = form.get("limit", DEFAULT_LIMIT)
        try:
            limit = int(limit)
        except (TypeError, ValueError):
            limit = 0
        if not 1 <= limit <= MAX_LIMIT:
            return self._bad(f"limit must be a whole number from 1 to {MAX_LIMIT}.")
        code = region.upper()
        return {
            "@id": f"{self.context.absolute_url()}/@matchmaking?region={code}",
            "region": code,
            "items": suggest(code, self.request, limit=limit),
        }

    def _bad(self, message):
        self.request.response.setStatus(400)
        return {"error": {"type": "BadRequest", "message": message}}
