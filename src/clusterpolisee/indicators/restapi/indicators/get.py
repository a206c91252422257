"""``GET @indicators``: the performance indicators as the dashboard shows them to the caller.

Anonymous callers get counts of published items; approved members (permission "clusterpolisee:
View indicator detail") get counts of what they may view, with the published count beside.
"""

from clusterpolisee.indicators.report import DETAIL_PERMISSION
from clusterpolisee.indicators.report import indicator_data
from plone import api
from plone.restapi.services import Service


class IndicatorsGet(Service):
    def reply(self):
        detail = bool(api.user.has_permission(DETAIL_PERMISSION, obj=self.context))
        return {
            "@id": f"{self.context.absolute_url()}/@indicators",
            "scope": "visible" if detail else "published",
            "items": indicator_data(self.context, self.request, detail),
        }
