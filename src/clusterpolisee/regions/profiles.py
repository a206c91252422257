"""What the platform knows about a NUTS 2 region, for its page (``@@region/<code>``) and for
plone.restapi (``@regions/<code>``) alike.

Everything listed comes from the catalog under the visitor's security: anonymous visitors see
published items, members whatever else they may see. The profile itself (priorities, strategy,
managing authority) is a RegionProfile in ``/regions``, one per region.
"""

from clusterpolisee import _
from clusterpolisee.consultations.questionnaires import region_needs
from clusterpolisee.core.fields import safe_link
from clusterpolisee.core.fields import WEB_SCHEMES
from clusterpolisee.core.geography import COUNTRIES
from clusterpolisee.core.geography import NUTS2_REGIONS
from clusterpolisee.core.geography import region_country
from clusterpolisee.core.geography import REGION_NAMES
from clusterpolisee.core.sections import mark_section
from clusterpolisee.core.sections import publish
from clusterpolisee.core.sections import SHIPPED_TEXTS
from clusterpolisee.core.vocabularies import vocabulary_title
from clusterpolisee.languages.platform import in_language
from clusterpolisee.languages.platform import visitor_language
from clusterpolisee.matchmaking.interests import interests_by_region
from plone import api
from plone.dexterity.utils import createContentInContainer
from zope.i18n import translate


FOLDER_ID = "regions"
FOLDER_TITLE = SHIPPED_TEXTS[FOLDER_ID]["title"]
FOLDER_DESCRIPTION = SHIPPED_TEXTS[FOLDER_ID]["description"]
# What a region's page lists, in order: (portal type, heading).
LISTED_TYPES = (
    ("BestPractice", _("Best practices")),
    ("PolicyAssessment", _("Policy assessments")),
    ("PilotAction", _("Pilot actions")),
    ("Institution", _("Institutions")),
    ("Publication", _("Recommendations and publications")),
)
LIST_LIMIT = 10
PEER_LIMIT = 5
COUNTRY_NAMES = dict(COUNTRIES)
DOMAINS = "clusterpolisee.vocabularies.SpecialisationDomains"
SECTORS = "clusterpolisee.vocabularies.NaceSections"


def ensure_regions(portal):
    """The ``/regions`` folder and a profile for every region of the platform; existing ones
    stay as they are. Returns the folder."""
    folder = portal.get(FOLDER_ID)
    if folder is None:
        folder = api.content.create(
            container=portal,
            type="Folder",
            id=FOLDER_ID,
            title=api.portal.translate(FOLDER_TITLE),
            description=api.portal.translate(FOLDER_DESCRIPTION),
        )
        folder.setLayout("regions-index")
        publish(folder)
    mark_section(folder)
    for code, name in NUTS2_REGIONS:
        if code.lower() in folder:
            continue
        # Never in an add menu (the type is not globally allowed): made here, one per region.
        profile = createContentInContainer(
            folder,
            "RegionProfile",
            checkConstraints=False,
            id=code.lower(),
            title=f"{name} ({code})",
        )
        profile.region = code
        profile.reindexObject()
    return folder


def profile_of(code):
    """The RegionProfile of a region code, or None."""
    folder = api.portal.get().get(FOLDER_ID)
    if folder is None or code not in REGION_NAMES:
        return None
    return folder.get(code.lower())


def region_url(code, context=None):
    root = api.portal.get_navigation_root(context or api.portal.get())
    return f"{root.absolute_url()}/@@region/{code}"


def _titles(vocabulary, values, context, request):
    return [
        {
            "id": value,
            "title": translate(vocabulary_title(vocabulary, value, context), context=request),
        }
        for value in values or ()
    ]


def _item(brain):
    return {
        "title": brain.Title,
        "url": brain.getURL(),
        "portal_type": brain.portal_type,
        "description": brain.Description,
        "review_state": brain.review_state,
        "effective": brain.effective.ISO8601()
        if brain.effective and brain.effective.year() > 1900
        else None,
    }


def region_items(code, request):
    """Per listed type: its heading, how many items of the region the visitor may see, and the
    latest LIST_LIMIT of them, one per translation group, in the visitor's language."""
    catalog = api.portal.get_tool("portal_catalog")
    found = []
    for portal_type, heading in LISTED_TYPES:
        results = catalog(
            portal_type=portal_type,
            region=code,
            sort_on="effective",
            sort_order="descending",
            **in_language(visitor_language(request)),
        )
        found.append(
            {
                "portal_type": portal_type,
                "title": translate(heading, context=request),
                "count": len(results),
                "latest": [_item(brain) for brain in results[:LIST_LIMIT]],
            }
        )
    return found


def transfers_to(code):
    """The transfers of practices into the region that the visitor may see, newest first."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog(portal_type="Transfer", region=code, sort_on="created", sort_order="descending")


def region_profiles():
    """{code: brain} of every region profile (public: the region workflow shows them all)."""
    catalog = api.portal.get_tool("portal_catalog")
    return {
        brain.region[0] if isinstance(brain.region, (list, tuple)) else brain.region: brain
        for brain in catalog(portal_type="RegionProfile")
        if brain.region
    }


def peer_regions(code, profiles=None, limit=PEER_LIMIT):
    """The regions sharing the most smart-specialisation priorities with ``code``, most first:
    [(code, shared priority ids)]; none when the region has no priorities."""
    profiles = profiles if profiles is not None else region_profiles()
    own = profiles.get(code)
    priorities = set(own.specialisation_domains or ()) if own is not None else set()
    if not priorities:
        return []
    peers = []
    for other, brain in profiles.items():
        shared = priorities & set(brain.specialisation_domains or ())
        if other != code and shared:
            peers.append((other, sorted(shared)))
    peers.sort(key=lambda peer: (-len(peer[1]), peer[0]))
    return peers[:limit]


def region_data(code, context, request):
    """Everything the region's page and ``@regions/<code>`` show, titles in the visitor's
    language: a JSON-ready dict."""
    profile = profile_of(code)
    profiles = region_profiles()
    country = region_country(code)
    data = {
        "code": code,
        "name": REGION_NAMES[code],
        "country": country,
        "country_title": translate(COUNTRY_NAMES.get(country, country), context=request),
        "url": region_url(code, context),
        "priorities": [],
        "sectors": [],
        "strategy_url": None,
        "managing_authority": None,
        "demo_data": False,
        "profile_url": None,
        "can_edit": False,
    }
    if profile is not None:
        data.update(
            priorities=_titles(DOMAINS, profile.specialisation_domains, context, request),
            sectors=_titles(SECTORS, profile.sectors, context, request),
            strategy_url=safe_link(profile.strategy_url, WEB_SCHEMES),
            managing_authority=_authority(profile),
            demo_data=bool(profile.demo_data),
            profile_url=profile.absolute_url(),
            can_edit=bool(api.user.has_permission("Modify portal content", obj=profile))
            if not api.user.is_anonymous()
            else False,
        )
    data["content"] = region_items(code, request)
    transfers = transfers_to(code)
    data["transfers"] = [
        {
            "title": brain.Title,
            "url": brain.getURL(),
            "practice_url": brain.getURL().rsplit("/", 1)[0],
        }
        for brain in transfers[:LIST_LIMIT]
    ]
    data["consultations"] = [
        {
            "topic": found["topic"],
            "title": found["title"],
            "respondents": found["respondents"],
            "needs": [
                {"id": value, "title": title, "count": count}
                for value, title, count in found["needs"]
            ],
        }
        for found in region_needs(code, visitor_language(request))
    ]
    counts = {entry["portal_type"]: entry["count"] for entry in data["content"]}
    data["indicators"] = [
        {
            "id": "practices",
            "title": translate(_("Best practices"), context=request),
            "value": counts["BestPractice"],
        },
        {
            "id": "pilot-actions",
            "title": translate(_("Pilot actions"), context=request),
            "value": counts["PilotAction"],
        },
        {
            "id": "transfers",
            "title": translate(_("Practices transferred to the region"), context=request),
            "value": len(transfers),
        },
        {
            "id": "interests",
            "title": translate(_("Interests expressed from the region"), context=request),
            "value": interests_by_region(code),
        },
        {
            "id": "respondents",
            "title": translate(_("Consultation answers from the region"), context=request),
            "value": sum(found["respondents"] for found in data["consultations"]),
        },
    ]
    data["peers"] = [
        {
            "code": other,
            "name": REGION_NAMES[other],
            "url": region_url(other, context),
            "shared": _titles(DOMAINS, shared, context, request),
        }
        for other, shared in peer_regions(code, profiles)
    ]
    return data


def _authority(profile):
    """The managing authority as {title, url}, if the visitor may see it."""
    relation = profile.managing_authority
    if relation is None or relation.isBroken():
        return None
    catalog = api.portal.get_tool("portal_catalog")
    found = catalog(UID=api.content.get_uuid(relation.to_object))
    if not found:
        return None
    return {"title": found[0].Title, "url": found[0].getURL()}


def region_list(context, request):
    """Every region of the platform by country, with its priorities: the regions' index and
    ``GET @regions``."""
    profiles = region_profiles()
    regions = []
    for code, name in NUTS2_REGIONS:
        brain = profiles.get(code)
        country = region_country(code)
        regions.append(
            {
                "code": code,
                "name": name,
                "country": country,
                "country_title": translate(COUNTRY_NAMES.get(country, country), context=request),
                "url": region_url(code, context),
                "priorities": _titles(
                    DOMAINS,
                    brain.specialisation_domains if brain is not None else (),
                    context,
                    request,
                ),
            }
        )
    return regions
