"""A workflow state as people read it: the state's title from its workflow, translated into the
request's language, never its id (``published``, ``group_review``).

The platform binds its workflows through placeful policies (portal_placeful_workflow), so the
site's chain for a type (what ``portal_workflow.getTitleForStateOnType`` reads) is often empty
(a File's) or not the one that applies. An object answers with its own workflows; a catalog
brain, which has only its type, with the workflows its type follows anywhere on the site: the
site's chain, then every placeful policy's, then any workflow that knows the state.

The titles of the platform's workflows (profiles/default/workflows/*/definition.xml, marked
``i18n:domain="clusterpolisee"``) are msgids of the clusterpolisee catalog; the stock Plone
workflows' titles (``Published``, ``Private``...) are in the plone domain, tried next.
"""

from plone import api
from Products.CMFCore.utils import getToolByName
from zope.component.hooks import getSite
from zope.globalrequest import getRequest
from zope.i18n import translate


DOMAINS = ("clusterpolisee", "plone")
_MISSING = "\x00"


def _workflow_tool():
    # Read on every page (the toolbar's state menu): without plone.api's argument checks.
    return getToolByName(getSite(), "portal_workflow")


def _candidate_workflows(portal_type, context=None):
    tool = _workflow_tool()
    if context is not None:
        yield from tool.getWorkflowsFor(context)
        return
    seen = set()
    chains = [tool.getChainForPortalType(portal_type)] if portal_type else []
    policies = api.portal.get_tool("portal_placeful_workflow")
    if portal_type:
        chains.extend(policy.getChainFor(portal_type) or () for policy in policies.objectValues())
    chains.append(tool.objectIds())
    for chain in chains:
        for workflow_id in chain:
            if workflow_id in seen:
                continue
            seen.add(workflow_id)
            workflow = tool.getWorkflowById(workflow_id)
            if workflow is not None and getattr(workflow, "states", None) is not None:
                yield workflow


def raw_title(state, portal_type=None, context=None):
    """The state's title in its workflow (English, as the workflow defines it), or the id when
    no workflow knows the state."""
    if not state:
        return ""
    return _title_in(_candidate_workflows(portal_type, context), state)


def _title_in(workflows, state):
    for workflow in workflows:
        found = getattr(workflow, "states", None) is not None and workflow.states.get(state)
        if found:
            return found.title or state
    return state


def translate_title(title, request=None, language=None):
    """A state title in ``language`` (else the request's): the clusterpolisee catalog, then
    Plone's; the title as it is when neither has it."""
    request = request if request is not None else getRequest()
    for domain in DOMAINS:
        translated = translate(
            title, domain=domain, context=request, target_language=language, default=_MISSING
        )
        if translated != _MISSING:
            return translated
    return title


def state_title(state, portal_type=None, context=None, request=None, language=None):
    """The title of ``state`` for an item of ``portal_type`` (or for ``context``, an object,
    whose own workflows then decide), translated; "" for no state."""
    if not state:
        return ""
    return translate_title(raw_title(state, portal_type, context), request, language)


def item_state_title(item, request=None):
    """The translated state title of a catalog brain or a content listing item (from its
    metadata: the object is not woken)."""
    state = getattr(item, "review_state", None)
    if callable(state):
        state = state()
    portal_type = getattr(item, "portal_type", None)
    if callable(portal_type):
        portal_type = portal_type()
    return state_title(state, portal_type, request=request)


def object_state_title(obj, request=None):
    """The translated title of an object's state, from the workflows that apply to it (asked
    once: a placeful policy is looked for up the object's folders at each ask)."""
    workflows = list(_workflow_tool().getWorkflowsFor(obj))
    # As the workflow tool's getInfoFor reads the state: the first workflow that knows it.
    state = next(
        (
            workflow.getInfoFor(obj, "review_state", None)
            for workflow in workflows
            if workflow.isInfoSupported(obj, "review_state")
        ),
        None,
    )
    if not state:
        return ""
    return translate_title(_title_in(workflows, state), request)
