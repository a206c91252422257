"""The platform's security levels: the placeful workflow policies of its sections."""

from plone import api
from Products.CMFPlacefulWorkflow.PlacefulWorkflowTool import WorkflowPolicyConfig_id


WORKSPACE_POLICY = "clusterpolisee_workspace"
PUBLIC_POLICY = "clusterpolisee_public"
MEMBERS_POLICY = "clusterpolisee_members"


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
