"""1001 -> 1002: roles, tier groups, workflows, placeful policies, registration and approvals."""

from clusterpolisee.members.tiers import ensure_tier_groups
from clusterpolisee.upgrades import reimport_steps


def upgrade(context):
    reimport_steps(
        context,
        "rolemap",
        "workflow",
        "placeful_workflow",
        "sharing",
        "plone.app.registry",
        "usersschema",
        "actions",
    )
    ensure_tier_groups()
