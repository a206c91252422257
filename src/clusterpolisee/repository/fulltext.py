"""The full text of a repository item: its own fields and the text of the files it holds.

A practice is found by a word that only its attached PDF, DOCX or ODT report contains: the
files' text (through portal_transforms, see transforms/) is part of the item's SearchableText,
and adding, replacing or removing an attachment reindexes the item.
"""

from Acquisition import aq_base
from Acquisition import aq_parent
from clusterpolisee.repository.item import IRepositoryItem
from clusterpolisee.repository.schemata import worked_out_once
from plone import api
from plone.app.textfield.interfaces import IRichText
from plone.app.textfield.value import IRichTextValue
from plone.base.utils import safe_text
from plone.indexer.interfaces import IIndexer
from plone.namedfile.interfaces import INamedFileField
from zope.component import queryMultiAdapter
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IList
from zope.schema.interfaces import ISet
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import ITuple
import logging


logger = logging.getLogger(__name__)

# Fields of the schemata that carry no prose: identifiers, addresses, links.
SKIPPED_FIELDS = {"id", "language", "email", "website", "room_url", "evidence_links"}


def _plain(transforms, data, mimetype, filename=None):
    try:
        converted = transforms.convertTo("text/plain", data, mimetype=mimetype, filename=filename)
    except Exception:
        logger.warning("No text from %s (%s)", filename or "a text field", mimetype, exc_info=True)
        return ""
    return safe_text(converted.getData()) if converted is not None else ""


RICH, FILE, TEXT, LINES = "rich", "file", "text", "lines"


def _kind_of(field):
    """How a field holds prose, if it does."""
    if IRichText.providedBy(field):
        return RICH
    if INamedFileField.providedBy(field):
        return FILE
    if ITextLine.providedBy(field) or IText.providedBy(field):
        return TEXT
    if (IList.providedBy(field) or ITuple.providedBy(field) or ISet.providedBy(field)) and (
        ITextLine.providedBy(field.value_type)
    ):
        return LINES
    return None


# The prose fields of each set of schemata (a type's, with its behaviours), by schema, worked
# out once: sorting and classifying every field of every schema for each item was a third of
# its full text.
_prose_fields = {}


def _prose_fields_in(schemata):
    seen = set()
    found = []
    for schema in schemata:
        fields = []
        for name, field in getFieldsInOrder(schema):
            if name in seen or name in SKIPPED_FIELDS:
                continue
            seen.add(name)
            kind = _kind_of(field)
            if kind is not None:
                fields.append((name, kind))
        if fields:
            found.append((schema, tuple(fields)))
    return tuple(found)


def field_texts(obj, transforms):
    """The prose of every field of every schema of ``obj``."""
    for schema, fields in worked_out_once(_prose_fields, obj, _prose_fields_in):
        adapted = schema(obj)  # a behaviour's adapter, made once for all its fields
        for name, kind in fields:
            value = getattr(adapted, name, None)
            if not value:
                continue
            if kind == RICH:
                if IRichTextValue.providedBy(value):
                    yield _plain(transforms, value.raw, value.mimeType)
            elif kind == FILE:
                yield _plain(transforms, value.data, value.contentType, value.filename)
            elif kind == TEXT:
                if isinstance(value, str):
                    yield value
            else:
                yield " ".join(item for item in value if isinstance(item, str))


def attachment_texts(obj):
    """The text of the File items inside ``obj``, as Plone indexes each file."""
    catalog = api.portal.get_tool("portal_catalog")
    for child in obj.objectValues():
        if getattr(aq_base(child), "portal_type", None) != "File":
            continue
        text_indexer = queryMultiAdapter((child, catalog), IIndexer, name="SearchableText")
        if text_indexer is not None:
            yield safe_text(text_indexer() or "")


def searchable_text(obj):
    transforms = api.portal.get_tool("portal_transforms")
    parts = [obj.getId(), obj.Title(), obj.Description(), " ".join(obj.Subject())]
    parts.extend(field_texts(obj, transforms))
    parts.extend(attachment_texts(obj))
    return " ".join(safe_text(part) for part in parts if part)


def reindex_holder(obj, event):
    """A file was added to, replaced in or removed from an item: the item's text changed."""
    holders = {getattr(event, "oldParent", None), getattr(event, "newParent", None)}
    if not holders - {None}:
        holders = {aq_parent(obj)}
    for holder in holders:
        if holder is not None and IRepositoryItem.providedBy(holder):
            holder.reindexObject(idxs=["SearchableText"])
