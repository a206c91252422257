"""Catalog indexers for the repository's facets (registered in indexers.zcml).

Each index has a catch-all indexer that raises AttributeError, so that attachments inside an
item never acquire their container's country or topics and counts stay exact.
"""

from Acquisition import aq_base
from clusterpolisee import dates
from clusterpolisee import fulltext
from clusterpolisee.behaviors.event_details import IEventDetails
from clusterpolisee.behaviors.repository import IRepositoryItem
from clusterpolisee.content.best_practice import IBestPractice
from clusterpolisee.content.cooperation_network import ICooperationNetwork
from clusterpolisee.content.institution import IInstitution
from clusterpolisee.content.message import IMessage
from clusterpolisee.content.pilot_action import IPilotAction
from clusterpolisee.content.planning import IPlanningItem
from clusterpolisee.content.planning import ITask
from clusterpolisee.content.policy_assessment import IPolicyAssessment
from clusterpolisee.content.publication import IPublication
from DateTime import DateTime
from datetime import datetime
from plone.event.interfaces import IEvent
from plone.indexer import indexer
from zope.interface import Interface


def _own(obj, name):
    # Read the object's own attribute, never one acquired from its container.
    return getattr(aq_base(obj), name, None)


def _values(*values):
    result = []
    for value in values:
        if isinstance(value, (list, tuple, set)):
            result.extend(item for item in value if item)
        elif value:
            result.append(value)
    return sorted(set(result))


@indexer(IRepositoryItem)
def country(obj):
    return _values(_own(obj, "country"), _own(obj, "countries")) or None


@indexer(IRepositoryItem)
def region(obj):
    return _values(_own(obj, "region"), _own(obj, "regions")) or None


@indexer(IRepositoryItem)
def governance_level(obj):
    return _own(obj, "governance_level") or _own(obj, "measure_level")


@indexer(IRepositoryItem)
def working_group(obj):
    return _own(obj, "working_group")


@indexer(IRepositoryItem)
def policy_cycle_stage(obj):
    return _own(obj, "policy_cycle_stage")


@indexer(IBestPractice)
def policy_type(obj):
    return obj.policy_type


@indexer(IRepositoryItem)
def sectors(obj):
    return _values(_own(obj, "sectors")) or None


@indexer(IRepositoryItem)
def specialisation_domains(obj):
    return _values(_own(obj, "specialisation_domains")) or None


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
    return _own(obj, "eu_initiative")


@indexer(IInstitution)
def contact_website(obj):
    return _own(obj, "website")


@indexer(ICooperationNetwork)
def network_website(obj):
    return _own(obj, "website")


@indexer(IInstitution)
def contact_email(obj):
    return _own(obj, "email")


@indexer(IInstitution)
def postal_address(obj):
    return _own(obj, "address")


@indexer(IPlanningItem)
def due_date(obj):
    return _own(obj, "due_date")


@indexer(IPlanningItem)
def task_status(obj):
    return _own(obj, "status")


@indexer(ITask)
def assignee(obj):
    return _own(obj, "assignee")


@indexer(IMessage)
def message_recipients(obj):
    return list(obj.recipients or ())


@indexer(IMessage)
def message_unread(obj):
    return obj.unread_by()


@indexer(IMessage)
def message_thread(obj):
    return _own(obj, "thread")


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
    "due_date",
    "task_status",
    "assignee",
    "message_recipients",
    "message_unread",
    "message_thread",
)


def _placeholder(value):
    # Plone's "never" dates (effective 1969/12/31, expires 2499) are not dates to count.
    year = value.year() if isinstance(value, DateTime) else getattr(value, "year", None)
    return not (year and 1900 < year < 2500)


def year_of(value):
    """The year of a moment in the platform's zone (an event's start: on its own clock), of a
    date as it is; None for a missing or placeholder date."""
    if value is None or _placeholder(value):
        return None
    return dates.own(value).year if isinstance(value, datetime) else dates.day_of(value).year


def quarter_of(value):
    """ "2026-Q4" for a DateTime or date, in the platform's zone."""
    month = dates.day_of(value).month
    return f"{year_of(value)}-Q{(month - 1) // 3 + 1}"


@indexer(IRepositoryItem)
def SearchableText(obj):
    return fulltext.searchable_text(obj)


@indexer(Interface)
def year(obj):
    """The year a search shows an item under: when an event starts, else when it was published
    (or, never published, created)."""
    start = _own(obj, "start") if IEvent.providedBy(obj) else None
    effective = _own(obj, "effective_date")
    created = obj.created() if hasattr(aq_base(obj), "created") else None
    for value in (start, effective, created):
        found = year_of(value)
        if found:
            # Text, as a query string carries it: @search?year=2026 matches.
            return str(found)
    raise AttributeError


@indexer(Interface)
def quarter(obj):
    """The quarter an indicator counts an item in: when it was published (or, never published,
    created), as "2026-Q4"."""
    effective = _own(obj, "effective_date")
    created = obj.created() if hasattr(aq_base(obj), "created") else None
    for value in (effective, created):
        if year_of(value):
            return quarter_of(value)
    raise AttributeError


@indexer(ICooperationNetwork)
def network_size(obj):
    return obj.member_count()


@indexer(Interface)
def not_indexed(obj):
    """Registered under each name of INDEX_NAMES, and of the metadata-only contact columns,
    for every other object."""
    raise AttributeError
