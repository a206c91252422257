"""1002 -> 1003: a member may link their organisation to an institution of the database."""

from clusterpolisee.upgrades import reimport_steps


def upgrade(context):
    reimport_steps(context, "usersschema")
