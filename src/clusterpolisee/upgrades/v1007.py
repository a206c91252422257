"""1006 -> 1007: the performance indicators (quarter and network-size indexes, the targets
record, the detail and targets permissions, the Indicators tab)."""

from clusterpolisee.indicators.report import TARGETS_RECORD
from clusterpolisee.upgrades import import_missing
from clusterpolisee.upgrades import reimport_steps
from plone import api
from plone.registry import field
from plone.registry import Record
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def upgrade(context):
    import_missing(context, "actions")
    reimport_steps(context, "rolemap", "catalog")
    api.portal.get_tool("portal_catalog").manage_reindexIndex(ids=["quarter", "network_size"])
    # Only the new record: re-importing registry.xml would reset settings a site changed.
    registry = getUtility(IRegistry)
    if TARGETS_RECORD not in registry.records:
        registry.records[TARGETS_RECORD] = Record(
            field.Dict(
                title="Indicator targets",
                key_type=field.ASCIILine(),
                value_type=field.Int(min=0),
            )
        )
