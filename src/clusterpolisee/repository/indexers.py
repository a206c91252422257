"""Catalog indexers of the repository's facets (registered in repository/configure.zcml)."""

from clusterpolisee.core.indexing import own
from clusterpolisee.core.indexing import values
from clusterpolisee.repository import fulltext
from clusterpolisee.repository.content.best_practice import IBestPractice
from clusterpolisee.repository.content.cooperation_network import ICooperationNetwork
from clusterpolisee.repository.content.institution import IInstitution
from clusterpolisee.repository.content.pilot_action import IPilotAction
from clusterpolisee.repository.content.policy_assessment import IPolicyAssessment
from clusterpolisee.repository.content.publication import IPublication
from clusterpolisee.repository.content.transfer import ITransfer
from clusterpolisee.repository.event_details import IEventDetails
from clusterpolisee.repository.item import IRepositoryItem
from plone.indexer import indexer


INDEX_NAMES = (
    "country",
    "region",
    "governance_level",
    "working_group",
    "policy_cycle_stage",
    "policy_type",
    "sectors",
    "specialisation_domains",
    "institution_kind",
    "publication_kind",
    "pilot_status",
    "assessment_approach",
    "transferability_score",
    "eu_initiative",
    "network_size",
)


@indexer(IRepositoryItem)
def country(obj):
    return values(own(obj, "country"), own(obj, "countries")) or None


@indexer(IRepositoryItem)
def region(obj):
    return values(own(obj, "region"), own(obj, "regions")) or None


@indexer(IRepositoryItem)
def governance_level(obj):
    return own(obj, "governance_level") or own(obj, "measure_level")


@indexer(IRepositoryItem)
def working_group(obj):
    return own(obj, "working_group")


@indexer(IRepositoryItem)
def policy_cycle_stage(obj):
    return own(obj, "policy_cycle_stage")


@indexer(IBestPractice)
def policy_type(obj):
    return obj.policy_type


@indexer(IRepositoryItem)
def sectors(obj):
    return values(own(obj, "sectors")) or None


@indexer(IRepositoryItem)
def specialisation_domains(obj):
    return values(own(obj, "specialisation_domains")) or None


@indexer(IInstitution)
def institution_kind(obj):
    return obj.kind


@indexer(IPublication)
def publication_kind(obj):
    return obj.kind


@indexer(IPilotAction)
def pilot_status(obj):
    return obj.status


@indexer(IPolicyAssessment)
def assessment_approach(obj):
    return obj.approach


@indexer(IBestPractice)
def transferability_score(obj):
    return obj.overall_transferability()


@indexer(IEventDetails)
def eu_initiative(obj):
    return own(obj, "eu_initiative")


# Where an event belongs, for the calendar's and the search's facets.
@indexer(IEventDetails)
def event_country(obj):
    return own(obj, "country")


@indexer(IEventDetails)
def event_region(obj):
    return own(obj, "region")


@indexer(IEventDetails)
def event_governance_level(obj):
    return own(obj, "governance_level")


@indexer(IEventDetails)
def event_working_group(obj):
    return own(obj, "working_group")


@indexer(IInstitution)
def contact_website(obj):
    return own(obj, "website")


@indexer(ICooperationNetwork)
def network_website(obj):
    return own(obj, "website")


@indexer(IInstitution)
def contact_email(obj):
    return own(obj, "email")


@indexer(IInstitution)
def postal_address(obj):
    return own(obj, "address")


@indexer(IRepositoryItem)
def SearchableText(obj):
    return fulltext.searchable_text(obj)


@indexer(ICooperationNetwork)
def network_size(obj):
    return obj.member_count()


# A practice's transfer: found by the region it went to, shown under the year it happened.
@indexer(ITransfer)
def transfer_region(obj):
    return values(own(obj, "region")) or None


@indexer(ITransfer)
def transfer_year(obj):
    year = own(obj, "year")
    if not year:
        raise AttributeError
    # Text, as the search's year index holds it (core/indexing.py).
    return str(year)


# Plone's indexes and columns of other kinds of content: events, links, comments, Archetypes'
# related items and CMFUid. A repository item has none of them: the catalog asked each through
# every schema and behaviour of the item, its folder and the site, to be told so, a tenth of
# cataloguing it (and an item's values are its own, never acquired: core/indexing.py).
OTHER_KINDS_NAMES = (
    "start",
    "end",
    "location",
    "sync_uid",
    "getRemoteUrl",
    "in_reply_to",
    "in_response_to",
    "author_name",
    "getRawRelatedItems",
    "cmf_uid",
    # The path index asks an attribute first, then the item's physical path.
    "path",
)


@indexer(IRepositoryItem)
def not_of_this_kind(obj):
    raise AttributeError
