"""1012 -> 1013: the holes found when the platform was attacked, closed (issue 17).

- Old versions are read and reverted only by those the item's state allows (the workflows now
  manage "Access previous versions" and "Revert to previous versions"; the site-wide defaults
  name no global tier): the workflows and the rolemap again, and every item's permissions.
- Nobody owns the platform's containers: the account that installed the site was Owner of every
  message and item below them.
- A confidential item and a message keep to their own local roles (who holds roles above them
  gets none on them).
- A reply (plone.app.discussion) follows the item it answers, in search too: its own workflow
  takes View and "Access contents information" from the item. Plone's user vocabularies are
  replaced in the site by ones that name only whom the reader may see; listing members is for
  the coordinator and site administrators.
- Messages leave Plone's ``in_reply_to`` index to the replies (comments index numbers there,
  messages indexed text: a search mixing both failed); they use ``message_thread``.
- The consultations' questionnaires save their answers with the action that neutralises
  spreadsheet formulas in the downloads (the answers stay where they are).
"""

from clusterpolisee.consultations.actions import use_safe_saver
from clusterpolisee.core.security import CONFIDENTIAL_STATE
from clusterpolisee.setuphandlers import disown_platform
from clusterpolisee.upgrades import reimport_steps
from plone import api


REPLY_WORKFLOW = "clusterpolisee_comment_workflow"


def upgrade(context):
    reimport_steps(context, "rolemap", "workflow", "componentregistry")
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow_tool.updateRoleMappings()
    portal = api.portal.get()
    disown_platform(portal)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(review_state=CONFIDENTIAL_STATE):
        obj = brain._unrestrictedGetObject()
        obj.__ac_local_roles_block__ = True
        obj.reindexObjectSecurity()
    for brain in catalog.unrestrictedSearchResults(portal_type="Message"):
        brain._unrestrictedGetObject().reindexObjectSecurity()
    for brain in catalog.unrestrictedSearchResults(portal_type="EasyForm"):
        use_safe_saver(brain._unrestrictedGetObject())
    # updateRoleMappings does not reach comments: they are not folder contents. Their
    # in_reply_to is indexed again from an empty index, which messages no longer enter.
    if "in_reply_to" in catalog.indexes():
        catalog.clearIndex("in_reply_to")
    replies = workflow_tool[REPLY_WORKFLOW]
    for brain in catalog.unrestrictedSearchResults(portal_type="Discussion Item"):
        comment = brain._unrestrictedGetObject()
        replies.updateRoleMappingsFor(comment)
        comment.reindexObject(idxs=["allowedRolesAndUsers", "review_state", "in_reply_to"])
