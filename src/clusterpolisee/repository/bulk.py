"""Adding many published items at once (the benchmark's generated practices, an import):
committed in batches, each item indexed once.

Added one by one, an item costs far more in the events its addition fires than in itself:
plone.app.versioningbehavior saves a first version (and with it a savepoint of everything
changed since the last one), the workflow's "submit" and "publish" each queue a reindex, and the
catalog search plone.app.multilingual's and the platform's translation handlers make after each
transition indexes every queued item at once: each item was indexed four times, and the load ran
at 14 practices a second. Here an item gets what those events give it, once, and nothing more:

- its UID and translation group (the creation event, as always);
- its place, owner and Owner role (``_setObject``, without the added event);
- its integer id, for relations (five.intid's own registration);
- its language: its folder's, English in the public sections (languages/homes.py);
- its workflow's "published" state, with one history entry saying it was loaded in bulk, and the
  permissions that state gives;
- its publication date;
- one entry in the catalog, when its batch commits.

What it does not get is a first version in the history (plone.app.versioningbehavior makes it at
the first edit, as for any item without one) and the notifications and content rules of an
addition: loaded items are not news.
"""

from AccessControl.Permission import pname
from Acquisition import aq_base
from clusterpolisee.languages.homes import make_english
from clusterpolisee.languages.platform import ALONE_IN_GROUP
from DateTime import DateTime
from plone import api
from plone.app.multilingual.interfaces import ITranslatable
from plone.app.multilingual.interfaces import LANGUAGE_INDEPENDENT
from plone.base.interfaces import ILanguage
from plone.base.interfaces.siteroot import IPloneSiteRoot
from plone.dexterity.utils import createContent
from plone.i18n.normalizer.interfaces import IURLNormalizer
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import transaction


PUBLISHED = "published"
HISTORY_COMMENT = "Loaded in bulk"


class BulkLoadError(ValueError):
    """What cannot be loaded as asked (a row without title, a workflow without "published")."""


def _workflow(obj, workflow_tool):
    workflows = workflow_tool.getWorkflowsFor(obj)
    if len(workflows) != 1 or PUBLISHED not in workflows[0].states:
        raise BulkLoadError(
            f"{obj.portal_type} items here have no single workflow with a published state"
        )
    return workflows[0]


def _language_of(container):
    if ITranslatable.providedBy(container) and not IPloneSiteRoot.providedBy(container):
        return ILanguage(container).get_language() or LANGUAGE_INDEPENDENT
    return LANGUAGE_INDEPENDENT


def _free_id(container, title):
    """An id from the title, numbered past those in the folder."""
    base = getUtility(IURLNormalizer).normalize(title, max_length=80) or "item"
    candidate, number = base, 1
    while candidate in container:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _permission_roles(obj, workflow):
    """The roles ``workflow``'s state gave ``obj`` for each permission it manages, as stored on
    the object (a list: also acquired; a tuple: only these); None where the state sets group
    roles too, which are not copied."""
    if workflow.getGroups():
        return None
    own = aq_base(obj).__dict__
    return {pname(p): own[pname(p)] for p in workflow.permissions if pname(p) in own}


def add_published(container, portal_type, rows, batch=500, progress=None):
    """Add an item of ``portal_type`` in ``container`` for every dict of field values in
    ``rows`` (``title`` required; ``effective``, a DateTime, optional), published. Commits after
    every ``batch`` items; the last, partial batch is the caller's to commit (a script's, or the
    request's), as is its own work. ``progress`` (optional) is called once per item. Returns
    how many were added.

    A row that cannot be loaded raises BulkLoadError: the batches before it are committed, its
    own is left for the caller to abort."""
    if batch < 1:
        raise BulkLoadError("batch must be 1 or more")
    workflow_tool = api.portal.get_tool("portal_workflow")
    intids = getUtility(IIntIds)
    actor = api.user.get_current().getId()
    language = _language_of(container)
    workflow = permission_roles = None
    added = 0
    for row in rows:
        fields = dict(row)
        title = fields.get("title")
        if not title:
            raise BulkLoadError(f"row {added + 1} has no title")
        effective = fields.pop("effective", None)
        # The creation event gives the item its UID and translation group.
        obj = createContent(portal_type, **fields)
        content_id = obj.id = _free_id(container, title)
        container._setObject(content_id, obj, suppress_events=True)
        obj = container._getOb(content_id)
        intids.register(obj)
        ILanguage(obj).set_language(language)
        if workflow is None:
            # The first item: its language as in the public sections, its workflow; the others
            # are alike.
            make_english(obj, added=True)
            language = ILanguage(obj).get_language()
            workflow = _workflow(obj, workflow_tool)
        now = DateTime()
        workflow_tool.setStatusOf(
            workflow.getId(),
            obj,
            {
                "action": "publish",
                "review_state": PUBLISHED,
                "actor": actor,
                "comments": HISTORY_COMMENT,
                "time": now,
            },
        )
        if permission_roles is None:
            workflow.updateRoleMappingsFor(obj)
            permission_roles = _permission_roles(obj, workflow)
        else:
            # The same state gives every item the same roles: copied, not worked out again.
            for attribute, roles in permission_roles.items():
                setattr(obj, attribute, type(roles)(roles))
        obj.setEffectiveDate(effective or now)
        # Queued: the catalog takes it at the commit, once, with every index. New, it has no
        # translation yet: its languages need no search (languages/platform.py).
        setattr(obj, ALONE_IN_GROUP, True)
        obj.indexObject()
        added += 1
        if progress is not None:
            progress()
        if added % batch == 0:
            transaction.commit()
    return added
