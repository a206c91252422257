"""``GET @indicators``: the performance indicators as the dashboard shows them to the caller.

Anonymous callers get counts of published items; approved members (permission "clusterpolisee:
View indicator detail") get counts of what they may view, with the published count beside.
"""

from clusterpolisee.indicators.report import indicators_document
from plone.restapi.services import Service


class IndicatorsGet(Service):
    def reply(self):
        address = f"{self.context.absolute_url()}/@indicators"
        return indicators_document(self.context, self.request, address)
