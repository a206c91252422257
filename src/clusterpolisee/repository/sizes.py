"""A repository item's size, as Plone's listings and its ``getObjSize`` column show it.

Dexterity's own count (``DAVResourceMixin.getSize``) adds up the stored values that have a size
(texts, files) by reading every field of every schema through its behaviour's adapter, unset
fields by their defaults: a tenth of cataloguing a practice. The values are the item's own
attributes (the behaviours' attribute storage), so they are read there, and the sum is the
same."""

from Acquisition import aq_base
from clusterpolisee.repository.item import IRepositoryItem
from plone.dexterity.utils import iterSchemata
from zope.component import adapter
from zope.interface import implementer
from zope.schema import getFieldsInOrder
from zope.size import byteDisplay
from zope.size.interfaces import ISized


# The field names of each set of schemata (a type's, with its behaviours), worked out once.
_field_names = {}


def _fields_of(obj):
    schemata = tuple(iterSchemata(obj))
    names = _field_names.get(schemata)
    if names is None:
        names = _field_names[schemata] = frozenset(
            name for schema in schemata for name, _field in getFieldsInOrder(schema)
        )
    return names


def stored_size(obj):
    """The bytes of the item's fields' stored values that have a size."""
    stored = aq_base(obj).__dict__
    return sum(
        value.getSize()
        for name in _fields_of(obj) & stored.keys()
        if hasattr(value := stored[name], "getSize")
    )


@implementer(ISized)
@adapter(IRepositoryItem)
class StoredSize:
    def __init__(self, context):
        self.size = stored_size(context)

    def sizeForSorting(self):
        return "byte", self.size

    def sizeForDisplay(self):
        return byteDisplay(self.size)
