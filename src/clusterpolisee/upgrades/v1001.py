"""1000 -> 1001: the repository content types, the topics taxonomy and the facet indexes."""

from clusterpolisee.messaging import indexers as message_indexes
from clusterpolisee.repository import indexers as repository_indexes
from clusterpolisee.upgrades import import_missing
from clusterpolisee.upgrades import reimport_steps
from clusterpolisee.workspaces import indexers as planning_indexes
from plone import api


def upgrade(context):
    import_missing(context, "plone.app.registry", "typeinfo")
    reimport_steps(
        context, "rolemap", "collective.taxonomy", "catalog", "repositorytool", "difftool"
    )
    # Existing events gain topics and details: fill the new indexes for them.
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Event"):
        brain._unrestrictedGetObject().reindexObject(
            idxs=[
                "topics",
                *repository_indexes.INDEX_NAMES,
                *planning_indexes.INDEX_NAMES,
                *message_indexes.INDEX_NAMES,
            ]
        )
