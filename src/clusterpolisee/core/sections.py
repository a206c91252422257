"""The sections of the site and their security levels, created by the profile."""

from clusterpolisee import _
from clusterpolisee.core.security import assign_policy
from clusterpolisee.core.security import MEMBERS_POLICY
from clusterpolisee.core.security import PUBLIC_POLICY
from clusterpolisee.core.security import WORKSPACE_POLICY
from clusterpolisee.interfaces import IPlatformSection
from plone import api
from plone.folder.default import DefaultOrdering
from plone.folder.unordered import UnorderedOrdering
from zope.annotation.interfaces import IAnnotations
from zope.interface import alsoProvides


SECTIONS = (
    # (id, title, description, policy of the section itself, policy of what it holds, layout)
    (
        "repository",
        _("Repository"),
        _(
            "Best practices, policy assessments, pilot actions and publications on the six central topics."
        ),
        PUBLIC_POLICY,
        PUBLIC_POLICY,
        "repository-listing",
    ),
    (
        "institutions",
        _("Institutions"),
        _("The database of institutions relevant to cluster policy in South East Europe."),
        PUBLIC_POLICY,
        PUBLIC_POLICY,
        "institutions-database",
    ),
    (
        "events",
        _("Events"),
        _("EU events, workshops and linked initiatives on cluster policy."),
        PUBLIC_POLICY,
        PUBLIC_POLICY,
        "events-calendar",
    ),
    (
        "members-area",
        _("Members' area"),
        _("News, documents and discussions for every approved member of the platform."),
        MEMBERS_POLICY,
        MEMBERS_POLICY,
        None,
    ),
    (
        # The list of groups is for members; each group's workspace only for its roster.
        "working-groups",
        _("Working groups"),
        _("The six thematic working groups and their private workspaces."),
        MEMBERS_POLICY,
        WORKSPACE_POLICY,
        "working-groups",
    ),
)


# The platform's other folders at the site root, each made by its capability (regions/,
# cooperation/): (id, title, description). Their shipped names are translated as the sections'.
PLATFORM_FOLDERS = (
    (
        "regions",
        _("Regions"),
        _(
            "The regions of the platform: their smart-specialisation priorities, what the "
            "repository holds about them and their peer regions."
        ),
    ),
    (
        "partner-search",
        _("Partner search"),
        _(
            "Cooperation requests of the platform's members: who looks for partners, on which "
            "topic, from which region, until when."
        ),
    ),
)
# The sections that grow by the thousand. Their items keep no order of their own (plone.folder's
# "unordered" ordering): listings sort them by date, title or relevance, and the default
# ordering's list of every id, rewritten whenever one is added, weighed 17 MB at 200,000
# practices (scripts/benchmark-repository.py).
UNORDERED_SECTIONS = ("repository", "institutions", "events")
SHIPPED_TEXTS = {
    section_id: {"title": title, "description": description}
    for section_id, title, description, *_rest in SECTIONS + PLATFORM_FOLDERS
}


def shipped_text(obj, field, stored=None):
    """A section's title or description in the visitor's language (a message to translate),
    while it is still the one the profile shipped; else None (a renamed section keeps its
    name, in the language its editor wrote it)."""
    section_id = getattr(obj, "getId", lambda: None)() if not isinstance(obj, str) else obj
    texts = SHIPPED_TEXTS.get(section_id)
    if texts is None:
        return None
    if not isinstance(obj, str):
        portal_path = api.portal.get().getPhysicalPath()
        if obj.getPhysicalPath()[:-1] != portal_path:
            return None
        stored = obj.Title() if field == "title" else obj.Description()
    message = texts[field]
    return message if stored == (message.default or str(message)) else None


def publish(obj):
    """Publish through whatever the item's workflow asks: the STC validation step included."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    for transition in ("submit", "publish"):
        if api.content.get_state(obj) == "published":
            return
        if transition in {t["id"] for t in workflow_tool.getTransitionsFor(obj)}:
            api.content.transition(obj, transition=transition)


def ensure_sections(portal):
    """Create the missing sections under their policies; existing ones stay as they are.

    Returns {section id: folder}.
    """
    sections = {}
    for section_id, title, description, policy_in, policy_below, layout in SECTIONS:
        folder = portal.get(section_id)
        if folder is None:
            folder = api.content.create(
                container=portal,
                type="Folder",
                id=section_id,
                title=api.portal.translate(title),
                description=api.portal.translate(description),
            )
            assign_policy(folder, policy_below, policy_in=policy_in)
            if section_id in UNORDERED_SECTIONS:
                folder.setOrdering("unordered")
            if layout:
                folder.setLayout(layout)
            if policy_in == PUBLIC_POLICY:
                publish(folder)
        mark_section(folder)
        sections[section_id] = folder
    return sections


def mark_section(folder):
    """The section is one of the platform's pages (IPlatformSection: no byline)."""
    if not IPlatformSection.providedBy(folder):
        alsoProvides(folder, IPlatformSection)
        folder.reindexObject(idxs=["object_provides"])


def stop_ordering(folder):
    """Let ``folder`` keep no order of its own (``UNORDERED_SECTIONS``), its stored order
    dropped. Plone's position index stores nothing (plone.folder's GopipIndex): it asks the
    folder, which now answers in the order of its ids."""
    if not isinstance(folder.getOrdering(), UnorderedOrdering):
        folder.setOrdering("unordered")
    annotations = IAnnotations(folder)
    for key in (DefaultOrdering.ORDER_KEY, DefaultOrdering.POS_KEY):
        annotations.pop(key, None)
