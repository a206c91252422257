"""The platform's security levels: the placeful workflow policies of its sections."""

from plone import api
from plone.app.dexterity.behaviors.metadata import IOwnership
from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from Products.CMFPlacefulWorkflow.PlacefulWorkflowTool import WorkflowPolicyConfig_id


WORKSPACE_POLICY = "clusterpolisee_workspace"
PUBLIC_POLICY = "clusterpolisee_public"
MEMBERS_POLICY = "clusterpolisee_members"

# Who wrote an item is what the server recorded, not what a form or a REST body says: only
# those who manage the platform may correct an item's creators (the edit form's Ownership tab,
# plone.restapi). plone.autoform's write permission, read by both.
IOwnership.setTaggedValue(
    WRITE_PERMISSIONS_KEY,
    {
        **IOwnership.queryTaggedValue(WRITE_PERMISSIONS_KEY, {}),
        "creators": "clusterpolisee.ManageSettings",
    },
)


def assign_policy(folder, policy_id, policy_in=None):
    """Bind a placeful workflow policy to everything below a folder, and ``policy_in`` (by
    default the same) to the folder itself.

    The permissions of what the folder already holds follow the new workflows at once.
    """
    if WorkflowPolicyConfig_id not in folder.objectIds():
        folder.manage_addProduct["CMFPlacefulWorkflow"].manage_addWorkflowPolicyConfig()
    config = getattr(folder, WorkflowPolicyConfig_id)
    config.setPolicyIn(policy_in or policy_id)
    config.setPolicyBelow(policy_id)
    workflow_tool = api.portal.get_tool("portal_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(path="/".join(folder.getPhysicalPath())):
        obj = brain._unrestrictedGetObject()
        for workflow in workflow_tool.getWorkflowsFor(obj):
            if workflow.getInfoFor(obj, "review_state", None) not in workflow.states:
                # A state the new workflow lacks: start again from its initial state.
                workflow.notifyCreated(obj)
            workflow.updateRoleMappingsFor(obj)
        obj.reindexObject(idxs=["allowedRolesAndUsers", "review_state"])


CONFIDENTIAL_STATE = "confidential"


def confidential_keeps_to_itself(obj, event):
    """A confidential item is for its author and the people invited to it (its own local
    roles), whoever holds roles on the folders above it: the person who made a workspace or a
    folder is their Owner and would otherwise be this item's too. Leaving the state inherits
    again. The same switch as the sharing tab's "Inherit permissions"."""
    if event.new_state is None:
        return
    entering = event.new_state.id == CONFIDENTIAL_STATE
    leaving = event.old_state is not None and event.old_state.id == CONFIDENTIAL_STATE
    # A copy starts again in the initial state (no transition): it inherits like any new item.
    starting = event.transition is None and getattr(obj, "__ac_local_roles_block__", None)
    if entering == leaving and not (starting and not entering):
        return
    obj.__ac_local_roles_block__ = True if entering else None
    obj.reindexObjectSecurity()


OWNER_ROLE = "Owner"


def disown(obj):
    """Take the Owner local role from everyone on a container of the platform (the site, a
    section, a workspace and its parts, the mailbox).

    Plone makes whoever creates a folder its Owner, and local roles are inherited: the account
    that installed the site, or the coordinator who opened a workspace, would be Owner of every
    message and every item below, and read what the workflows keep for an item's author. The
    platform's containers belong to nobody; site administrators keep what their roles give.
    Zope's own user folder (the ``admin`` made with the instance) ignores "do not inherit", so
    taking the role away where it is given is the only way to keep it out.
    """
    changed = False
    for user_id, roles in obj.get_local_roles():
        if OWNER_ROLE not in roles:
            continue
        kept = [role for role in roles if role != OWNER_ROLE]
        if kept:
            obj.manage_setLocalRoles(user_id, kept)
        else:
            obj.manage_delLocalRoles([user_id])
        changed = True
    if changed:
        obj.reindexObjectSecurity()
    return changed
