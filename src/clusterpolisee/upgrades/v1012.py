"""1011 -> 1012: the capabilities moved to rooms of their own (issue 16); so do the references a
site keeps to their modules.

- the types' ``klass`` and ``schema``;
- every stored object whose record names an old module (content, its old versions, relations):
  saved again, so that it names the new one (clusterpolisee.MOVED_MODULES resolves the old
  names meanwhile);
- the catalog's ``object_provides``, which holds interfaces by name;
- the text transforms, registered by module name;
- the relations, whose catalog sorts interfaces by module;
- the install record that uninstalling reads (footprint.py), which names the types' classes.

It reads every current record of the database once (on ZEO, over the network): pack a large
database before upgrading.
"""

from clusterpolisee import MOVED_MODULES
from clusterpolisee.footprint import KEY as FOOTPRINT
from clusterpolisee.setuphandlers import register_transforms
from clusterpolisee.setuphandlers import unregister_transforms
from importlib import import_module
from plone import api
from Products.CMFPlone.relationhelper import rebuild_relations
from zope.annotation.interfaces import IAnnotations
from zope.interface.interface import InterfaceClass
import logging
import transaction


logger = logging.getLogger(__name__)
OLD_NAMES = tuple(name.encode() for name in MOVED_MODULES)


def moved(dotted):
    """A dotted name at its new home (unchanged when it did not move)."""
    for old in sorted(MOVED_MODULES, key=len, reverse=True):
        if dotted == old or dotted.startswith(old + "."):
            return MOVED_MODULES[old] + dotted[len(old) :]
    return dotted


def moved_interfaces():
    """{old identifier: interface} of every interface in a moved module."""
    found = {}
    for old, new in MOVED_MODULES.items():
        module = import_module(new)
        for name, value in vars(module).items():
            if isinstance(value, InterfaceClass) and value.__module__ == new:
                found[f"{old}.{name}"] = value
    return found


def moved_values(value):
    """A recorded value (mappings, sequences, text) with every dotted name at its new home."""
    if isinstance(value, str):
        return moved(value)
    if isinstance(value, dict):
        return {key: moved_values(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return type(value)(moved_values(item) for item in value)
    return value


def update_types(portal):
    for fti in portal.portal_types.objectValues():
        for prop in ("klass", "schema"):
            value = getattr(fti, prop, None)
            if isinstance(value, str) and moved(value) != value:
                fti._updateProperty(prop, moved(value))


def records(storage):
    """(oid, data) of the storage's current records; of its whole history where it cannot tell
    the current ones (a storage without ``record_iternext``)."""
    if hasattr(storage, "record_iternext"):
        position = None
        while True:
            oid, _tid, data, position = storage.record_iternext(position)
            yield oid, data
            if position is None:
                return
    for transaction_record in storage.iterator():
        for record in transaction_record:
            yield record.oid, record.data


def resave_records(portal):
    """Save again every current object whose record names an old module. Returns how many."""
    connection = portal._p_jar
    storage = connection.db().storage
    oids = {
        oid for oid, data in records(storage) if data and any(name in data for name in OLD_NAMES)
    }
    count = 0
    for oid in oids:
        try:
            obj = connection.get(oid)
            obj._p_activate()
        except KeyError:
            continue  # removed since: nothing current to rewrite
        obj._p_changed = True
        count += 1
        if count % 1000 == 0:
            # Keep memory bounded on a large site: the changes so far go to a savepoint.
            transaction.savepoint(optimistic=True)
    return count


def reindex_interfaces(portal):
    catalog = portal.portal_catalog
    for identifier in moved_interfaces():
        for brain in catalog.unrestrictedSearchResults(object_provides=identifier):
            brain._unrestrictedGetObject().reindexObject(idxs=["object_provides"])


def upgrade(context):
    portal = api.portal.get()
    update_types(portal)
    count = resave_records(portal)
    reindex_interfaces(portal)
    unregister_transforms()
    register_transforms()
    rebuild_relations()
    annotations = IAnnotations(portal)
    if FOOTPRINT in annotations:
        annotations[FOOTPRINT] = moved_values(annotations[FOOTPRINT])
    logger.info("Moved the references of %s stored objects to the new modules", count)
