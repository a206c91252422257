"""``GET @regions``: every region of the platform with its priorities; ``GET @regions/<code>``:
one region's profile, items, consultation needs, figures and peers, as its page shows them to
the caller."""

from clusterpolisee.core.geography import REGION_NAMES
from clusterpolisee.regions.profiles import region_data
from clusterpolisee.regions.profiles import region_list
from plone.restapi.services import Service
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class RegionsGet(Service):
    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self

    def reply(self):
        address = f"{self.context.absolute_url()}/@regions"
        if not self.params:
            return {"@id": address, "items": region_list(self.context, self.request)}
        code = self.params[0].upper() if len(self.params) == 1 else None
        if code not in REGION_NAMES:
            self.request.response.setStatus(404)
            return {
                "error": {
                    "type": "NotFound",
                    "message": "No such region: give a NUTS 2 code of the platform, for example RO21.",
                }
            }
        data = region_data(code, self.context, self.request)
        data["@id"] = f"{address}/{code}"
        return data
