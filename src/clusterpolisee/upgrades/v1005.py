"""1004 -> 1005: the open-data page in the site actions (footer); the sitemap."""

from clusterpolisee.upgrades import import_missing
from plone import api


def upgrade(context):
    import_missing(context, "actions")
    api.portal.set_registry_record("plone.enable_sitemap", True)
