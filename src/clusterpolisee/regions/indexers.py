"""A region profile in the catalog: its region, priorities and sectors, so that the peers and
the matchmaking read them from brains."""

from clusterpolisee.regions.content import IRegionProfile
from plone.indexer import indexer


@indexer(IRegionProfile)
def region(obj):
    return [obj.region] if obj.region else None


@indexer(IRegionProfile)
def specialisation_domains(obj):
    return list(obj.specialisation_domains or ()) or None


@indexer(IRegionProfile)
def sectors(obj):
    return list(obj.sectors or ()) or None
