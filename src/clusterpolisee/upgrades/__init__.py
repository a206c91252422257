"""Upgrade steps of the default profile.

Every change to ``profiles/default`` raises the version in ``metadata.xml`` and registers a step
in ``upgrades/configure.zcml`` that brings an existing site from the previous version to it.

A step adds what the site lacks and leaves what the site changed: registry records, types and
actions come through ``import_missing``, which imports only the records, types and actions the
site does not have yet (and the additive ``purge="false"`` changes to Plone's own types).
Re-importing the whole registry, types or actions would reset the settings a site chose.
"""

from lxml import etree
from pathlib import Path
from plone import api
from Products.GenericSetup.context import DirectoryImportContext
from zope.dottedname.resolve import resolve
from zope.schema import getFieldNames
import shutil
import tempfile


PROFILE_ID = "profile-clusterpolisee:default"
PROFILE = Path(__file__).parent.parent / "profiles" / "default"


def reimport_steps(context, *step_ids):
    """Re-run the named import steps of the default profile (for steps that only add: catalog
    indexes, workflows, the rolemap of new permissions...)."""
    if {"workflow", "placeful_workflow"} & set(step_ids):
        # The workflows' bindings name the profile's types of today: an older step run on an
        # older site first adds the types it lacks (only those).
        import_missing(context, "typeinfo")
    for step_id in step_ids:
        # Without their dependencies: "repositorytool" would re-import every type.
        context.runImportStepFromProfile(PROFILE_ID, step_id, run_dependencies=False)


def _write(tree, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    tree.write(str(path), xml_declaration=True, encoding="utf-8")


def _missing_records(folder):
    # registry.xml and the files of registry/ (plone.app.registry reads both).
    for source in [PROFILE / "registry.xml", *sorted((PROFILE / "registry").glob("*.xml"))]:
        _missing_records_of(source, folder / source.relative_to(PROFILE))


def _missing_records_of(source, target):
    registry = api.portal.get_tool("portal_registry")
    tree = etree.parse(str(source))
    for node in list(tree.getroot()):
        if not isinstance(node.tag, str):
            continue
        if node.tag == "record":
            present = node.get("name") in registry.records
        elif node.tag == "records" and node.get("interface"):
            # Present when every field of the interface has its record (registering an
            # interface again keeps the values of the records it has).
            interface = resolve(node.get("interface"))
            prefix = node.get("prefix") or node.get("interface")
            present = all(
                f"{prefix}.{name}" in registry.records for name in getFieldNames(interface)
            )
        else:
            present = False
        if present:
            node.getparent().remove(node)
    _write(tree, target)


def _additive(path):
    """True when a type's XML only adds (every property ``purge="false"``)."""
    properties = etree.parse(str(path)).getroot().findall("property")
    return bool(properties) and all(prop.get("purge") == "false" for prop in properties)


def _missing_types(folder):
    types = api.portal.get_tool("portal_types")
    tree = etree.parse(str(PROFILE / "types.xml"))
    for node in tree.getroot().findall("object"):
        name = node.get("name")
        source = PROFILE / "types" / f"{name}.xml"
        if name in types.objectIds() and not _additive(source):
            tree.getroot().remove(node)
            continue
        (folder / "types").mkdir(parents=True, exist_ok=True)
        shutil.copy(source, folder / "types" / source.name)
    _write(tree, folder / "types.xml")


def _missing_actions(folder):
    actions = api.portal.get_tool("portal_actions")
    tree = etree.parse(str(PROFILE / "actions.xml"))
    for category in tree.getroot().findall("object"):
        existing = actions.get(category.get("name"))
        if existing is None:
            continue
        for action in category.findall("object"):
            if action.get("name") in existing.objectIds():
                category.remove(action)
    _write(tree, folder / "actions.xml")


MISSING = {
    "plone.app.registry": _missing_records,
    "typeinfo": _missing_types,
    "actions": _missing_actions,
}


def import_missing(context, *step_ids):
    """Import, of the default profile's registry, types and actions, only what the site lacks."""
    setup = api.portal.get_tool("portal_setup")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for step_id in step_ids:
            MISSING[step_id](folder)
        imported = DirectoryImportContext(setup, str(folder), should_purge=False)
        for step_id in step_ids:
            setup.getImportStep(step_id)(imported)
