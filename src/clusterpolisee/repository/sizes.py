"""A repository item's size, as Plone's listings and its ``getObjSize`` column show it.

Dexterity's own count (``DAVResourceMixin.getSize``) adds up the stored values that have a size
(texts, files) by reading every field of every schema through its behaviour's adapter, unset
fields by their defaults: a tenth of cataloguing a practice. The values are the item's own
attributes (the behaviours' attribute storage), so they are read there, and the sum is the
same."""

from Acquisition import aq_base
from clusterpolisee.repository.item import IRepositoryItem
from clusterpolisee.repository.schemata import worked_out_once
from zope.component import adapter
from zope.interface import implementer
from zope.schema import getFieldsInOrder
from zope.size import byteDisplay
from zope.size.interfaces import ISized


# The field names of each set of schemata (a type's, with its behaviours), worked out once.
_field_names = {}


def _names_in(schemata):
    return frozenset(name for schema in schemata for name, _field in getFieldsInOrder(schema))


def _fields_of(obj):
    return worked_out_once(_field_names, obj, _names_in)


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
