"""1008 -> 1009: every partner language and the six public consultations (issue 7)."""

from clusterpolisee.consultations.questionnaires import ensure_consultations
from clusterpolisee.languages.homes import LANGUAGE_CODES
from clusterpolisee.members.tiers import ensure_leaders_group
from clusterpolisee.setuphandlers import landing_roots
from clusterpolisee.setuphandlers import LANDING_VIEW
from clusterpolisee.upgrades import import_missing
from clusterpolisee.upgrades import reimport_steps
from clusterpolisee.workspaces.groups import LEADER
from clusterpolisee.workspaces.groups import sync_leaders_group
from plone import api


# Only the language records: re-importing registry.xml would reset settings a site changed.
LANGUAGE_RECORDS = {
    "plone.available_languages": list(LANGUAGE_CODES),
    "plone.default_language": "en",
    "plone.use_content_negotiation": True,
    "plone.use_cookie_negotiation": True,
    "plone.use_request_negotiation": True,
    "plone.use_path_negotiation": False,
    "plone.always_show_selector": True,
    "plone.display_flags": False,
}


def upgrade(context):
    import_missing(context, "actions", "typeinfo")
    reimport_steps(context, "rolemap", "catalog")
    for name, value in LANGUAGE_RECORDS.items():
        api.portal.set_registry_record(name, value)
    not_searched = list(api.portal.get_registry_record("plone.types_not_searched"))
    api.portal.set_registry_record(
        "plone.types_not_searched",
        tuple(not_searched + [name for name in ("LRF", "LIF") if name not in not_searched]),
    )
    ensure_leaders_group()
    catalog = api.portal.get_tool("portal_catalog")
    leaders = set()
    for brain in catalog.unrestrictedSearchResults(portal_type="Workspace"):
        for principal, roles in brain._unrestrictedGetObject().get_local_roles():
            if LEADER in roles:
                leaders.add(principal)
    for user_id in leaders:
        sync_leaders_group(user_id)
    portal = api.portal.get()
    ensure_consultations(portal)
    for root in landing_roots(portal):
        if root is not portal:
            root.setLayout(LANDING_VIEW)
    catalog.manage_reindexIndex(ids=["translation_outdated"])
