"""The partner search's section, ``/partner-search``: a folder at the site root, outside every
placeful policy, where approved members post cooperation requests and nothing else.

The folder itself follows the site's default workflow and is published (everyone may open it);
what each visitor finds in it is decided by each request's own workflow
(clusterpolisee_cooperation_workflow, bound globally): the public requests for everyone, the
others for approved members.
"""

from clusterpolisee.cooperation.interfaces import IPartnerSearch
from clusterpolisee.cooperation.requests import ADD_REQUEST
from clusterpolisee.cooperation.requests import PORTAL_TYPE
from clusterpolisee.core.sections import mark_section
from clusterpolisee.core.sections import publish
from clusterpolisee.core.sections import SHIPPED_TEXTS
from clusterpolisee.core.security import disown
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from zope.interface import alsoProvides


SECTION_ID = "partner-search"
TITLE = SHIPPED_TEXTS[SECTION_ID]["title"]
DESCRIPTION = SHIPPED_TEXTS[SECTION_ID]["description"]
LAYOUT = "partner-search"
# Who may post a request here (the folder's workflow does not manage these permissions; the
# site's own holders, Manager and Site Administrator, are acquired).
POSTERS = ("ApprovedMember", "Coordinator")


def ensure_partner_search(portal):
    """Create ``/partner-search`` if it is missing, and keep it as the partner search needs it
    (idempotent: an existing folder keeps its title, texts and state). Returns the folder."""
    folder = portal.get(SECTION_ID)
    if folder is None:
        folder = api.content.create(
            container=portal,
            type="Folder",
            id=SECTION_ID,
            title=api.portal.translate(TITLE),
            description=api.portal.translate(DESCRIPTION),
        )
        publish(folder)
    constraints = ISelectableConstrainTypes(folder)
    constraints.setConstrainTypesMode(ENABLED)
    constraints.setLocallyAllowedTypes([PORTAL_TYPE])
    constraints.setImmediatelyAddableTypes([PORTAL_TYPE])
    for permission in ("Add portal content", ADD_REQUEST):
        folder.manage_permission(permission, roles=list(POSTERS), acquire=True)
    if not IPartnerSearch.providedBy(folder):
        alsoProvides(folder, IPartnerSearch)
        folder.reindexObject(idxs=["object_provides"])
    folder.setLayout(LAYOUT)
    mark_section(folder)
    # Whoever made the folder would otherwise own every request in it (core/security.py).
    disown(folder)
    folder.reindexObjectSecurity()
    return folder
