"""1003 -> 1004: working-group workspaces (types, workflows, roles, indexes), private messages,
notifications, and text extraction from PDF, DOCX and ODT uploads."""

from clusterpolisee.core.sections import ensure_sections
from clusterpolisee.messaging.mailbox import ensure_mailbox
from clusterpolisee.setuphandlers import register_transforms
from clusterpolisee.upgrades import import_missing
from clusterpolisee.upgrades import reimport_steps
from clusterpolisee.workspaces.groups import ensure_workspaces
from plone import api


def upgrade(context):
    import_missing(context, "typeinfo", "plone.app.registry", "actions")
    reimport_steps(
        context,
        "rolemap",
        "workflow",
        "placeful_workflow",
        "catalog",
        "repositorytool",
        "difftool",
        "usersschema",
    )
    # The forum's replies are Plone's comments: what 1004 brought, set as such.
    api.portal.set_registry_record(
        "plone.app.discussion.interfaces.IDiscussionSettings.globally_enabled", True
    )
    register_transforms()
    portal = api.portal.get()
    ensure_sections(portal)
    ensure_workspaces(portal)
    ensure_mailbox(portal)
    # Files uploaded before now become findable by their text.
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="File"):
        brain._unrestrictedGetObject().reindexObject(idxs=["SearchableText"])
