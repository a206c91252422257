"""1013 -> 1014: from working group to public result, every journey as people use the pages
(issue 18).

- Published results are discussed: the repository's types allow comments (their FTI, the
  property alone: the rest of each type stays as the site has it). The members' area has a
  forum for every approved member, across groups (its topics follow the members' policy); a
  topic's reply count and last reply count every reply its reader may see.
- The STC's validation queue (its permission, its menu entry, the catalog's
  ``validation_requested``) and the public workflow's rule that only the STC publishes, never
  their own item: the workflows and the rolemap again, and every item's permissions.
- Leaders propose their topic's targets: a new permission and a registry record.
- Translators: the toolbar's Translations tab, and the public sections' language-neutral items
  in English (plone.app.multilingual then offers to translate them).
- The consultations' Country question starts on "Choose your country".
"""

from clusterpolisee.consultations.questionnaires import prompt_for_country_everywhere
from clusterpolisee.languages.homes import english_public_content
from clusterpolisee.members.forum import ensure_members_forum
from clusterpolisee.upgrades import import_missing
from clusterpolisee.upgrades import reimport_steps
from plone import api


DISCUSSED_TYPES = (
    "BestPractice",
    "PolicyAssessment",
    "PilotAction",
    "Publication",
    "CooperationNetwork",
)


def upgrade(context):
    reimport_steps(context, "rolemap", "workflow", "placeful_workflow", "catalog")
    import_missing(context, "plone.app.registry", "actions")
    types = api.portal.get_tool("portal_types")
    for type_id in DISCUSSED_TYPES:
        if type_id in types.objectIds():
            types[type_id].allow_discussion = True
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    portal = api.portal.get()
    ensure_members_forum(portal)
    english_public_content(portal)
    prompt_for_country_everywhere(portal)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="ForumTopic"):
        brain._unrestrictedGetObject().reindexObject(idxs=["total_comments", "last_comment_date"])
    for brain in catalog.unrestrictedSearchResults(review_state=["pending", "proposed"]):
        brain._unrestrictedGetObject().reindexObject(idxs=["validation_requested"])
