"""The learning chain: a best practice, the regions it was transferred to, the pilot actions that
tried it out and the guidelines they produced, as one timeline.

Whichever link of the chain a page shows (practice, transfer, pilot action or guideline), the
chain is the same: the practices it belongs to, their transfers, the pilot actions that build on
them or that a transfer names, and the guidelines those pilots produced. The links are read from
the objects' relations (both ways, through the relation catalog) and each step keeps only what
the viewer may see: a catalog query by UID under their security, as the item pages do.
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from clusterpolisee import _
from clusterpolisee.core import dates
from clusterpolisee.core.indexing import year_of
from clusterpolisee.core.vocabularies import vocabulary_title
from clusterpolisee.repository.content.best_practice import IBestPractice
from clusterpolisee.repository.content.pilot_action import IPilotAction
from clusterpolisee.repository.content.publication import IPublication
from clusterpolisee.repository.content.transfer import ITransfer
from clusterpolisee.repository.content.transfer import region_name
from clusterpolisee.repository.content.transfer import transfer_title
from plone import api
from zc.relation.interfaces import ICatalog
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


ADD_TRANSFER = "clusterpolisee: Add Transfer"

# Within a year, the order in which a chain's links usually follow each other.
KIND_ORDER = {"practice": 0, "pilot": 1, "transfer": 2, "guideline": 3}
KIND_TITLES = {
    "practice": _("Best practice"),
    "pilot": _("Pilot action"),
    "transfer": _("Transfer"),
    "guideline": _("Guideline"),
}


def _uid(obj):
    return api.content.get_uuid(obj)


def visible(objects):
    """The objects among ``objects`` the current user may view, in order, each once: resolved
    through the catalog, which leaves out the rest."""
    unique = {}
    for obj in objects:
        if obj is not None:
            unique.setdefault(_uid(obj), obj)
    if not unique:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    seen = {brain.UID for brain in catalog(UID=list(unique))}
    return [obj for uid, obj in unique.items() if uid in seen]


def relation_targets(obj, field_name):
    """The objects a relation field of ``obj`` points to (whoever may see them)."""
    value = getattr(aq_base(obj), field_name, None)
    if value is None:
        return []
    relations = value if isinstance(value, (list, tuple)) else [value]
    return [rel.to_object for rel in relations if rel is not None and not rel.isBroken()]


def referring(target, field_name):
    """The objects whose relation field ``field_name`` points to ``target`` (whoever may see
    them; callers show them through the catalog): the other side of a relation, read from the
    relation catalog. Asked directly with the item's id: plone.api's ``relation.get`` checks its
    arguments and looks the id up a second time, on every practice's page."""
    if getattr(aq_base(target), "_p_oid", None) is None:
        return []  # not in the database (an old version): nothing points to it
    # Looked up wrapped: unwrapped, five.intid's key reference climbs towards the application
    # root through Dexterity's attribute fallback, finds no parent and starts again at the site.
    # (An object without its database id it would add to the database.)
    target_id = getUtility(IIntIds).queryId(aq_inner(target))
    if target_id is None:
        return []  # nothing can point to an item that the relation catalog does not know
    relations = getUtility(ICatalog).findRelations(
        {"to_id": target_id, "from_attribute": field_name}
    )
    return [
        relation.from_object
        for relation in relations
        if not relation.isBroken() and relation.from_object is not None
    ]


def transfers_of(practice):
    """The transfers of a practice that the current user may see, by year."""
    # A transfer lives in its practice: a practice holding nothing has none, and most hold
    # nothing (the catalog's path query cost 4% of a practice's page).
    if not practice.objectCount():
        return []
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        portal_type="Transfer",
        path={"query": "/".join(practice.getPhysicalPath()), "depth": 1},
    )
    transfers = [brain.getObject() for brain in brains]
    return sorted(transfers, key=lambda transfer: (transfer.year or 0, transfer.getId()))


def practice_of(transfer):
    parent = aq_parent(aq_inner(transfer))
    return parent if IBestPractice.providedBy(parent) else None


def _practices_of_pilot(pilot, referring):
    """The practices a pilot builds on, and those whose transfer names the pilot."""
    built_on = [
        obj for obj in relation_targets(pilot, "builds_on") if IBestPractice.providedBy(obj)
    ]
    named_by = [practice_of(obj) for obj in visible(referring(pilot, "pilot_action"))]
    return visible(built_on + [obj for obj in named_by if obj is not None])


def _start(obj, referring):
    """(practices, pilots, guidelines, transfers) that a chain starts from at ``obj``."""
    if IBestPractice.providedBy(obj):
        return [obj], [], [], []
    if ITransfer.providedBy(obj):
        practice = practice_of(obj)
        return visible([practice]), [], [], [obj]
    if IPilotAction.providedBy(obj):
        return _practices_of_pilot(obj, referring), [obj], [], []
    if IPublication.providedBy(obj):
        pilots = visible(referring(obj, "produced_guideline"))
        practices = visible([p for pilot in pilots for p in _practices_of_pilot(pilot, referring)])
        return practices, pilots, [obj], []
    return [], [], [], []


def chain_objects(obj, referring=referring):
    """{kind: [objects]} of the chain ``obj`` belongs to, as far as the current user may see.

    ``referring`` looks up the other side of a relation (see ``referring`` above): a page that
    shows some of those relations itself passes its own lookup, kept for the page, so that none
    is looked up twice."""
    practices, pilots, guidelines, transfers = _start(aq_inner(obj), referring)
    for practice in practices:
        transfers += transfers_of(practice)
        pilots += referring(practice, "builds_on")
    transfers = visible(transfers)
    pilots += [
        target for transfer in transfers for target in relation_targets(transfer, "pilot_action")
    ]
    pilots = visible(pilot for pilot in pilots if IPilotAction.providedBy(pilot))
    guidelines += [
        target for pilot in pilots for target in relation_targets(pilot, "produced_guideline")
    ]
    guidelines = visible(guidelines)
    return {
        "practice": practices,
        "transfer": transfers,
        "pilot": pilots,
        "guideline": guidelines,
    }


def _moment(obj, *names):
    """The first of the named date fields that is set, else when the item was published (or,
    never published, created)."""
    for name in names:
        value = getattr(aq_base(obj), name, None)
        if value:
            return value
    return getattr(aq_base(obj), "effective_date", None) or obj.created()


def entry(obj, kind, current_uid=None):
    """One link of the chain as plain data, for the timeline and for REST."""
    regions = []
    outcome = None
    if kind == "transfer":
        year, day = obj.year, None
        regions = [obj.region] if obj.region else []
        outcome = obj.outcome
        title = transfer_title(obj.region, obj.year)
        kind_title = KIND_TITLES[kind]
    else:
        names = {
            "practice": ("period_start",),
            "pilot": ("start_date",),
            "guideline": ("publication_date",),
        }[kind]
        moment = _moment(obj, *names)
        year = year_of(moment)
        day = dates.day_of(moment) if year else None
        title = obj.Title()
        if kind == "practice":
            regions = [obj.region] if getattr(aq_base(obj), "region", None) else []
        elif kind == "pilot":
            regions = list(obj.regions or ())
        kind_title = KIND_TITLES[kind]
        if kind == "guideline" and obj.kind != "guideline":
            kind_title = vocabulary_title("clusterpolisee.vocabularies.PublicationKinds", obj.kind)
    uid = _uid(obj)
    return {
        "kind": kind,
        "kind_title": kind_title,
        "uid": uid,
        "title": title,
        "url": obj.absolute_url(),
        "year": year,
        "date": day.isoformat() if day else None,
        "region": regions[0] if len(regions) == 1 else None,
        "regions": [{"code": code, "title": region_name(code)} for code in regions],
        "outcome": outcome,
        "outcome_title": vocabulary_title("clusterpolisee.vocabularies.TransferOutcomes", outcome)
        if outcome
        else None,
        "current": uid == current_uid,
    }


def learning_chain(obj, referring=referring):
    """The chain of ``obj`` (a practice, transfer, pilot action or guideline) as a timeline:
    entries (see ``entry``) by year, within a year in the usual order of the links (practice,
    pilot, transfer, guideline), then by date. Empty when the chain holds nothing but ``obj``:
    most items are in no chain, and their entry is not worked out for nothing."""
    objects = chain_objects(obj, referring)
    if sum(len(items) for items in objects.values()) < 2:
        return []
    entries = [
        entry(item, kind, current_uid=_uid(obj))
        for kind, items in objects.items()
        for item in items
    ]
    # A transfer has a year only: within a year, the links in their usual order, then by date.
    return sorted(
        entries,
        key=lambda row: (
            row["year"] or 9999,
            KIND_ORDER[row["kind"]],
            row["date"] or "",
            row["url"],
        ),
    )


def transfer_rows(practice):
    """The transfers of a practice for its page: region, year, outcome and the pilot action (if
    the viewer may see it)."""
    rows = []
    for transfer in transfers_of(practice):
        pilots = visible(relation_targets(transfer, "pilot_action"))
        rows.append(
            {
                "title": transfer_title(transfer.region, transfer.year),
                "url": transfer.absolute_url(),
                "region": transfer.region,
                "region_title": region_name(transfer.region),
                "year": transfer.year,
                "outcome": transfer.outcome,
                "outcome_title": vocabulary_title(
                    "clusterpolisee.vocabularies.TransferOutcomes", transfer.outcome
                ),
                "pilot": {"title": pilots[0].Title(), "url": pilots[0].absolute_url()}
                if pilots
                else None,
            }
        )
    return rows


def can_add_transfer(practice):
    """Whether the current user may record a transfer of ``practice``."""
    # Asked on every practice's page: the security manager directly, without plone.api's
    # argument checks around the same call.
    check = getSecurityManager().checkPermission
    return bool(check(ADD_TRANSFER, practice) and check("Add portal content", practice))
