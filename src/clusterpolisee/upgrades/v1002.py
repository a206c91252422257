"""1001 -> 1002: roles, tier groups, workflows, placeful policies, registration and approvals."""

from clusterpolisee.members.tiers import ensure_tier_groups
from clusterpolisee.upgrades import import_missing
from clusterpolisee.upgrades import reimport_steps
from plone import api


def upgrade(context):
    # The current workflows and policies name every type: the missing ones first.
    import_missing(context, "typeinfo", "plone.app.registry", "actions")
    reimport_steps(context, "rolemap", "workflow", "placeful_workflow", "sharing", "usersschema")
    ensure_tier_groups()
    # What 1002 brought, set as such: an existing record is not imported again (import_missing).
    api.portal.set_registry_record("plone.enable_self_reg", True)
