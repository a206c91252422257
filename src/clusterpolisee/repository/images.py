"""A repository item's image scales, as Plone's ``image_scales`` column and listings read them.

Plone's adapter asks, for every field of every schema, which serialiser the field, the item and
the request have, working out what the item provides anew for each field (Dexterity does that
from the item's type at every ask): a twentieth of cataloguing a practice, which has no image.
Here the item and the request are asked once; the serialisers, and so the scales, are the same.
"""

from Acquisition import aq_inner
from clusterpolisee.repository.item import IRepositoryItem
from plone.base.interfaces import IImageScalesAdapter
from plone.base.interfaces import IImageScalesFieldAdapter
from plone.dexterity.utils import iterSchemata
from zope.component import adapter
from zope.component import getSiteManager
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import providedBy
from zope.schema import getFields


@implementer(IImageScalesAdapter)
@adapter(IRepositoryItem, Interface)
class RepositoryImageScales:
    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self):
        item = aq_inner(self.context)
        lookup = getSiteManager().adapters.lookup
        provided = (providedBy(item), providedBy(self.request))
        scales = {}
        for schema in iterSchemata(item):
            for name, field in getFields(schema).items():
                factory = lookup((providedBy(field), *provided), IImageScalesFieldAdapter)
                serializer = factory(field, item, self.request) if factory is not None else None
                if serializer is None:
                    continue
                field_scales = serializer()
                if field_scales:
                    scales[name] = field_scales
        return scales
