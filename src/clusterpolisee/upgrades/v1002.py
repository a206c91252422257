"""1001 -> 1002: roles, tier groups, workflows, placeful policies, registration and approvals."""

from clusterpolisee.members.tiers import ensure_tier_groups
from clusterpolisee.upgrades import import_missing
from clusterpolisee.upgrades import reimport_steps


def upgrade(context):
    # The current workflows and policies name every type: the missing ones first.
    import_missing(context, "typeinfo", "plone.app.registry", "actions")
    reimport_steps(context, "rolemap", "workflow", "placeful_workflow", "sharing", "usersschema")
    ensure_tier_groups()
