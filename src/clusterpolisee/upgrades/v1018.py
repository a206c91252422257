"""1017 -> 1018: regions, matchmaking, partner search and the learning chain (issue 21).

- New types: the region profile, the cooperation request and a practice's transfer (allowed
  inside a best practice); the region and cooperation workflows; transfers follow their
  practice in every placeful policy.
- The permissions to add them and to express interest, and who holds them.
- The catalog's ``has_evidence`` index and column (the matchmaking ranks practices with linked
  evidence higher), filled for the best practices.
- Region profiles are pages, not search results (``plone.types_not_searched``).
- ``/regions`` with a profile for every region of the platform, and ``/partner-search``.
"""

from clusterpolisee.cooperation.setup import ensure_partner_search
from clusterpolisee.regions.profiles import ensure_regions
from clusterpolisee.upgrades import import_missing
from clusterpolisee.upgrades import reimport_steps
from plone import api
import logging


logger = logging.getLogger(__name__)


def upgrade(context):
    import_missing(context, "typeinfo")
    reimport_steps(context, "rolemap", "workflow", "placeful_workflow", "catalog")
    practice = api.portal.get_tool("portal_types")["BestPractice"]
    if "Transfer" not in practice.allowed_content_types:
        practice.allowed_content_types = (*practice.allowed_content_types, "Transfer")
    catalog = api.portal.get_tool("portal_catalog")
    practices = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="BestPractice"):
        brain._unrestrictedGetObject().reindexObject(idxs=["has_evidence"])
        practices += 1
    not_searched = list(api.portal.get_registry_record("plone.types_not_searched"))
    if "RegionProfile" not in not_searched:
        api.portal.set_registry_record("plone.types_not_searched", (*not_searched, "RegionProfile"))
    portal = api.portal.get()
    ensure_regions(portal)
    ensure_partner_search(portal)
    logger.info("Regions and partner search made; evidence indexed for %s practices", practices)
