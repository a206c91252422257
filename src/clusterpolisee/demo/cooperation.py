"""The demo's partner search: cooperation requests posted by demo members, one shown to the
public, the others to members only, each open for some weeks from the day the demo is loaded."""

from clusterpolisee.cooperation.requests import PORTAL_TYPE
from clusterpolisee.cooperation.setup import ensure_partner_search
from clusterpolisee.core import dates
from datetime import timedelta
from plone import api
from zope.container.interfaces import INameChooser


# (author's login, title, request, topic id, region, days until the deadline, public)
REQUESTS = (
    (
        "ana.kovac",
        "Partner regions for a cluster manager exchange on the Adriatic",
        "The Croatian Chamber of Economy prepares an Interreg proposal for exchanges of cluster "
        "managers between coastal regions. We look for two or three regional agencies or cluster "
        "organisations that host a manager for two weeks. We offer the same in Zagreb and Split, "
        "and the coordination of the application.",
        "international-cooperation",
        "HR05",
        45,
        True,
    ),
    (
        "maria.hofer",
        "Co-funding model for green cluster projects",
        "Styria's cluster programme wants to compare its co-funding rules for green transition "
        "projects with two other regions before the 2028 call. We look for managing authorities "
        "willing to share their call texts and results; we share ours and host a workshop in Graz.",
        "sustainability",
        "AT22",
        30,
        False,
    ),
    (
        "nikos.papadopoulos",
        "Pilot partners for shared testing laboratories",
        "Thessaloniki Technology Park looks for a cluster with a testing laboratory its SMEs "
        "share, to pilot joint access for the companies of both regions. We offer our agri-food "
        "and ICT labs and a visit of our technology-transfer team.",
        "innovation-rd",
        "EL52",
        60,
        False,
    ),
)


def load_cooperation_requests(portal):
    """Post the demo's requests that are missing, each as its author (their own request, in
    their name). Returns the number of requests created."""
    folder = ensure_partner_search(portal)
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(folder.getPhysicalPath())
    present = {
        brain.Title
        for brain in catalog.unrestrictedSearchResults(portal_type=PORTAL_TYPE, path=path)
    }
    created = 0
    for login, title, text, topic, region, days, public in REQUESTS:
        if title in present or api.user.get(username=login) is None:
            continue
        with api.env.adopt_user(username=login):
            api.content.create(
                container=folder,
                type=PORTAL_TYPE,
                id=INameChooser(folder).chooseName(title, folder),
                title=title,
                description=text,
                topics=[topic],
                region=region,
                deadline=dates.today() + timedelta(days=days),
                public=public,
            )
        created += 1
    return created
