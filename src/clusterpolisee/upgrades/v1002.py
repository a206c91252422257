"""1001 -> 1002: the platform's roles, tier groups, workflows and placeful workflow policies."""

from clusterpolisee.security import ensure_tier_groups
from clusterpolisee.upgrades import reimport_steps


def upgrade(context):
    reimport_steps(context, "rolemap", "workflow", "placeful_workflow", "sharing")
    ensure_tier_groups()
