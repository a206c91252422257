"""1005 -> 1006: the faceted search (year index, attachments' text in their item's full text),
the publications tab, the institutions and events sections shown as database and calendar, and
the contact columns of the institutions' open data."""

from clusterpolisee.core.sections import SECTIONS
from clusterpolisee.upgrades import import_missing
from clusterpolisee.upgrades import reimport_steps
from plone import api


def upgrade(context):
    import_missing(context, "actions")
    reimport_steps(context, "catalog")
    catalog = api.portal.get_tool("portal_catalog")
    catalog.manage_reindexIndex(ids=["year"])
    for brain in catalog.unrestrictedSearchResults(
        object_provides="clusterpolisee.repository.item.IRepositoryItem"
    ):
        item = brain._unrestrictedGetObject()
        item.reindexObject(idxs=["SearchableText"])
        if brain.portal_type in ("Institution", "CooperationNetwork"):
            # Fills the new metadata columns (an index name refreshes the whole record).
            item.reindexObject(idxs=["getId"])
    portal = api.portal.get()
    for section_id, *_rest, layout in SECTIONS:
        if layout and section_id in portal.objectIds():
            portal[section_id].setLayout(layout)
