"""A consultation (an EasyForm) in the REST API, for everyone who may view it.

collective.easyform's serializer asks plone.api whether the reader may download the saved
answers, naming the permission by its id where plone.api wants its title: for anyone without
the permission plone.api raises, and the consultation is a server error to all but
administrators. This serializer asks the same question in Zope's own terms.
"""

from clusterpolisee.interfaces import IClusterpoliseeLayer
from collective.easyform.config import DOWNLOAD_SAVED_PERMISSION
from collective.easyform.interfaces import IEasyForm
from collective.easyform.serializer import SerializeToJson
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeToJson as ContentSerializer
from zope.component import adapter
from zope.interface import implementer
from zope.security import checkPermission


@implementer(ISerializeToJson)
@adapter(IEasyForm, IClusterpoliseeLayer)
class ConsultationSerializer(SerializeToJson):
    def __call__(self, version=None, include_items=True):
        result = ContentSerializer.__call__(self, version, include_items)
        # zope.security names a permission by its id (collective.easyform.DownloadSavedInput).
        if checkPermission(DOWNLOAD_SAVED_PERMISSION, self.context):
            self.serializeSavedData(result)
        return result
