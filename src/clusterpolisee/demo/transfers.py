"""The demo's learning chain: a practice transferred to another region through a pilot action
(repository/content/transfer.py), so that practice, transfer, pilot and guideline link up."""

from clusterpolisee.repository.content.transfer import transfer_title
from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.container.interfaces import INameChooser
from zope.i18n import translate
from zope.intid.interfaces import IIntIds


# (practice title, region, year, pilot action title, outcome, notes on the outcome)
TRANSFERS = (
    (
        "Dual vocational training designed with the automotive cluster",
        "EL52",
        2026,
        "Cross-regional cluster manager academy",
        "adapted",
        "Central Macedonia's cluster managers took up the co-designed curricula for the "
        "food-processing cluster; apprenticeships run over two years instead of three.",
    ),
)


def _find(portal_type, title):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=portal_type, Title=title):
        obj = brain._unrestrictedGetObject()
        if obj.Title() == title:
            return obj
    return None


def load_transfers(portal):
    """Record the demo's transfers that are missing (a practice's transfer to the same region is
    there already: nothing to do). Returns the number of transfers created."""
    created = 0
    intids = getUtility(IIntIds)
    for practice_title, region, year, pilot_title, outcome, notes in TRANSFERS:
        practice = _find("BestPractice", practice_title)
        if practice is None:
            continue
        present = [
            child
            for child in practice.objectValues()
            if child.portal_type == "Transfer" and child.region == region
        ]
        if present:
            continue
        pilot = _find("PilotAction", pilot_title)
        title = translate(transfer_title(region, year))
        api.content.create(
            container=practice,
            type="Transfer",
            # The id chosen up front: renaming after creation costs a reindex per object.
            id=INameChooser(practice).chooseName(title, practice),
            title=title,
            region=region,
            year=year,
            pilot_action=RelationValue(intids.getId(pilot)) if pilot is not None else None,
            outcome=outcome,
            outcome_notes=notes,
        )
        created += 1
    return created
