"""1005 -> 1006: the faceted search (year index, attachments' text in their item's full text),
the publications tab, and the institutions and events sections shown as database and calendar."""

from clusterpolisee.sections import SECTIONS
from clusterpolisee.upgrades import reimport_steps
from plone import api


def upgrade(context):
    reimport_steps(context, "catalog", "actions")
    catalog = api.portal.get_tool("portal_catalog")
    catalog.manage_reindexIndex(ids=["year"])
    for brain in catalog.unrestrictedSearchResults(
        object_provides="clusterpolisee.behaviors.repository.IRepositoryItem"
    ):
        brain._unrestrictedGetObject().reindexObject(idxs=["SearchableText"])
    portal = api.portal.get()
    for section_id, *_rest, layout in SECTIONS:
        if layout and section_id in portal.objectIds():
            portal[section_id].setLayout(layout)
