"""1000 -> 1001: the repository content types, the topics taxonomy and the facet indexes."""

from clusterpolisee.indexers import INDEX_NAMES
from clusterpolisee.upgrades import reimport_steps
from plone import api


def upgrade(context):
    reimport_steps(
        context,
        "rolemap",
        "plone.app.registry",
        "collective.taxonomy",
        "typeinfo",
        "catalog",
        "repositorytool",
        "difftool",
    )
    # Existing events gain topics and details: fill the new indexes for them.
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Event"):
        brain._unrestrictedGetObject().reindexObject(idxs=["topics", *INDEX_NAMES])
