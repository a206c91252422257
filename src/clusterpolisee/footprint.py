"""What installing the platform changes in a site's configuration, so that uninstalling gives the
site back as it was.

The default profile's pre-handler records the site's configuration after the profiles it depends
on are applied and before its own steps run; its post-handler records it again at the end.
Uninstalling removes what was added (types nobody uses, workflows, indexes, registry records,
actions, roles, groups, utilities...) and puts back what was changed (Plone's transforms, the
behaviors of Plone's types, registry values, workflow chains, permissions), unless someone changed
it again since: then it is the site's own. ``configuration()`` is also what the tests compare.

Keeping a record rather than a hand-written list of removals means a step added to the profile
later is undone too.
"""

from AccessControl.Permission import Permission
from plone import api
from plone.browserlayer.interfaces import ILocalBrowserLayerType
from zope.annotation.interfaces import IAnnotations
from zope.component import getSiteManager
from zope.dottedname.resolve import resolve
import logging


logger = logging.getLogger(__name__)
KEY = "clusterpolisee.footprint"


def _plain(value):
    """A value as it compares: lists as tuples, mappings as sorted tuples of items."""
    if isinstance(value, list | tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict) or (hasattr(value, "items") and hasattr(value, "keys")):
        return tuple(sorted((key, _plain(item)) for key, item in value.items()))
    if isinstance(value, set | frozenset):
        return tuple(sorted(value))
    return value


def _types(portal):
    return {
        fti.getId(): {name: _plain(value) for name, value in fti.propertyItems()}
        for fti in portal.portal_types.objectValues()
    }


def _workflows(portal):
    tool = portal.portal_workflow
    return {
        "ids": tuple(sorted(tool.objectIds())),
        "default": tuple(tool.getDefaultChain()),
        "chains": {
            type_id: tuple(chain)
            for type_id, chain in (getattr(tool, "_chains_by_type", None) or {}).items()
        },
    }


def _catalog(portal):
    catalog = portal.portal_catalog
    return {"indexes": tuple(sorted(catalog.indexes())), "columns": tuple(sorted(catalog.schema()))}


def _registry(portal):
    registry = portal.portal_registry
    return {key: _plain(registry.records[key].value) for key in registry.records}


def _actions(portal):
    found = {}
    for category in portal.portal_actions.objectValues():
        found[category.getId()] = None
        for action in category.objectValues():
            found[f"{category.getId()}/{action.getId()}"] = dict(action.propertyItems())
    return {key: _plain(value) for key, value in found.items()}


def _transforms(portal):
    return {
        transform.getId(): getattr(transform, "module", None)
        for transform in portal.portal_transforms.objectValues()
    }


def _permissions(portal):
    settings = {}
    for name, data, *_default in portal.ac_inherited_permissions(1):
        roles = Permission(name, data, portal).getRoles(default=[])
        # A tuple means "not acquired" (Zope's convention); a list acquires.
        settings[name] = (tuple(sorted(roles)), not isinstance(roles, tuple))
    return settings


def _groups(portal):
    return {
        group.getId(): tuple(sorted(role for role in group.getRoles() if role != "Authenticated"))
        for group in api.group.get_groups()
    }


def _utilities(portal):
    return tuple(
        sorted(
            (registration.provided.__identifier__, registration.name)
            for registration in getSiteManager(portal).registeredUtilities()
        )
    )


def configuration(portal):
    """The parts of a site's configuration an add-on's profile may change, comparable as data."""
    return {
        "types": _types(portal),
        "workflows": _workflows(portal),
        "placeful_policies": tuple(sorted(portal.portal_placeful_workflow.objectIds())),
        "catalog": _catalog(portal),
        "registry": _registry(portal),
        "actions": _actions(portal),
        "configlets": tuple(sorted(a.getId() for a in portal.portal_controlpanel.listActions())),
        "transforms": _transforms(portal),
        "roles": tuple(sorted(portal.valid_roles())),
        "permissions": _permissions(portal),
        "groups": _groups(portal),
        "memberdata": tuple(sorted(portal.portal_memberdata.propertyIds())),
        "utilities": _utilities(portal),
        "versionable_types": tuple(sorted(portal.portal_repository.getVersionableContentTypes())),
        "layout": portal.getLayout(),
    }


def record_before(portal):
    """What the site was before the first install: re-applying the profile keeps it."""
    if KEY not in IAnnotations(portal):
        IAnnotations(portal)[KEY] = {"before": configuration(portal)}


def record_after(portal):
    footprint = IAnnotations(portal).get(KEY)
    if footprint is not None:
        IAnnotations(portal)[KEY] = {**footprint, "after": configuration(portal)}


def _added(before, after, now):
    """Keys (or items) installing added and the site still has."""
    return sorted((set(after) - set(before)) & set(now))


def _ours(now, before, after, key):
    """Put back: changed by installing and not changed by anyone since."""
    return now.get(key) != before.get(key) and now.get(key) == after.get(key)


def restore(portal):
    """Undo what installing changed; False when the install was not recorded (a site installed
    before this record existed): the uninstall profile's own removals then stand alone."""
    footprint = IAnnotations(portal).get(KEY)
    if not footprint or "after" not in footprint:
        return False
    before, after, now = footprint["before"], footprint["after"], configuration(portal)
    # What installing added (in "after", not in "before") and the site still has: never what
    # another add-on or an administrator added since.
    _restore_registry(portal, before["registry"], after["registry"], now["registry"])
    kept = _restore_types(portal, before["types"], after["types"], now["types"])
    _restore_workflows(portal, before, after, now, kept)
    catalog = portal.portal_catalog
    for index in _added(
        before["catalog"]["indexes"], after["catalog"]["indexes"], now["catalog"]["indexes"]
    ):
        catalog.delIndex(index)
    for column in _added(
        before["catalog"]["columns"], after["catalog"]["columns"], now["catalog"]["columns"]
    ):
        catalog.delColumn(column)
    _restore_actions(portal, _added(before["actions"], after["actions"], now["actions"]))
    controlpanel = portal.portal_controlpanel
    for configlet in _added(before["configlets"], after["configlets"], now["configlets"]):
        controlpanel.unregisterConfiglet(configlet)
    _restore_transforms(portal, before["transforms"], after["transforms"], now["transforms"])
    _restore_security(portal, before, after, now)
    memberdata = portal.portal_memberdata
    added = _added(before["memberdata"], after["memberdata"], now["memberdata"])
    if added:
        memberdata.manage_delProperties(sorted(added))
    _restore_utilities(portal, _added(before["utilities"], after["utilities"], now["utilities"]))
    repository = portal.portal_repository
    if _ours(now, before, after, "versionable_types"):
        repository.setVersionableContentTypes(list(before["versionable_types"]))
    if _ours(now, before, after, "layout"):
        portal.setLayout(before["layout"])
    del IAnnotations(portal)[KEY]
    return True


def _restore_registry(portal, before, after, now):
    registry = portal.portal_registry
    for key in _added(before, after, now):
        del registry.records[key]
    for key in set(now) & set(before):
        if _ours(now, before, after, key):
            registry.records[key].value = _unplain(registry.records[key].value, before[key])


def _unplain(current, value):
    """The recorded (plain) value in the type the record holds."""
    if value is None:
        return None
    if isinstance(current, list):
        return list(value)
    if isinstance(current, dict):
        return dict(value)
    return value


def _restore_types(portal, before, after, now):
    """Remove the types installing added that nothing uses; return those kept for content."""
    types = portal.portal_types
    catalog = portal.portal_catalog
    kept = set()
    for type_id in _added(before, after, now):
        if catalog.unrestrictedSearchResults(portal_type=type_id):
            # Content of the type stays readable: the type goes when the content does.
            logger.info("Uninstall keeps the type %s: the site holds items of it", type_id)
            kept.add(type_id)
            continue
        types.manage_delObjects([type_id])
    for type_id in set(now) & set(before):
        fti = types[type_id]
        for name, value in before[type_id].items():
            if _ours(now[type_id], before[type_id], after.get(type_id, {}), name):
                fti._updateProperty(name, value)
    return kept


def _restore_workflows(portal, before, after, now, kept):
    """Chains and workflows back as they were; but content kept (of a type kept, or in a
    section under a policy) keeps its workflows, policies and chains."""
    tool = portal.portal_workflow
    if _ours(now["workflows"], before["workflows"], after["workflows"], "default"):
        tool.setDefaultChain(",".join(before["workflows"]["default"]))
    chains_before = before["workflows"]["chains"]
    chains_after = after["workflows"]["chains"]
    for type_id, chain in now["workflows"]["chains"].items():
        if type_id in kept or chain != chains_after.get(type_id):
            continue  # content of its own, or changed since: the site's
        if type_id in chains_before:
            if chain != chains_before[type_id]:
                tool.setChainForPortalTypes([type_id], chains_before[type_id])
        elif type_id in portal.portal_types:
            tool.setChainForPortalTypes([type_id], "(Default)")
        else:
            tool._chains_by_type.pop(type_id, None)
    if kept:
        return
    for workflow_id in _added(
        before["workflows"]["ids"], after["workflows"]["ids"], now["workflows"]["ids"]
    ):
        tool.manage_delObjects([workflow_id])
    placeful = portal.portal_placeful_workflow
    added = _added(
        before["placeful_policies"], after["placeful_policies"], now["placeful_policies"]
    )
    if added:
        placeful.manage_delObjects(added)


def _restore_actions(portal, added):
    actions = portal.portal_actions
    for key in sorted(added, key=lambda key: key.count("/"), reverse=True):
        category, _slash, action = key.partition("/")
        container = actions.get(category)
        if container is None:
            continue
        if action:
            container.manage_delObjects([action])
        else:
            actions.manage_delObjects([category])


def _restore_transforms(portal, before, after, now):
    transforms = portal.portal_transforms
    for name in _added(before, after, now):
        transforms.unregisterTransform(name)
    for name in (set(before) - set(after)) - set(now):
        if before[name]:
            transforms.manage_addTransform(name, before[name])


def _restore_security(portal, before, after, now):
    for name, (roles, acquire) in before["permissions"].items():
        if _ours(now["permissions"], before["permissions"], after["permissions"], name):
            portal.manage_permission(name, roles=list(roles), acquire=acquire)
    added_roles = _added(before["roles"], after["roles"], now["roles"])
    if added_roles:
        portal._delRoles(added_roles)
    for group_id in _added(before["groups"], after["groups"], now["groups"]):
        api.group.delete(groupname=group_id)


def _restore_utilities(portal, added):
    site_manager = getSiteManager(portal)
    for identifier, name in added:
        provided = resolve(identifier)
        if provided.isOrExtends(ILocalBrowserLayerType):
            from plone.browserlayer.utils import unregister_layer

            unregister_layer(name, site_manager=site_manager)
            continue
        site_manager.unregisterUtility(provided=provided, name=name)
