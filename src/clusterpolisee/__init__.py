"""SEE Cluster Policy Learning Platform."""

from importlib import abc
from importlib import import_module
from importlib import util
from zope.i18nmessageid import MessageFactory
import sys
import types


PACKAGE_NAME = "clusterpolisee"

_ = MessageFactory(PACKAGE_NAME)


# Modules that a site made before the capabilities got their own rooms (profile 1012) refers to
# from its database: the classes of its content, the interfaces in its catalog and relations, the
# text transforms. An old name imports the module's new home, so that such a site opens; the
# upgrade step to 1012 rewrites the references, and nothing else imports the old names.
MOVED_PACKAGES = ("clusterpolisee.content", "clusterpolisee.behaviors")
MOVED_MODULES = {
    "clusterpolisee.content.best_practice": "clusterpolisee.repository.content.best_practice",
    "clusterpolisee.content.policy_assessment": (
        "clusterpolisee.repository.content.policy_assessment"
    ),
    "clusterpolisee.content.pilot_action": "clusterpolisee.repository.content.pilot_action",
    "clusterpolisee.content.publication": "clusterpolisee.repository.content.publication",
    "clusterpolisee.content.institution": "clusterpolisee.repository.content.institution",
    "clusterpolisee.content.cooperation_network": (
        "clusterpolisee.repository.content.cooperation_network"
    ),
    "clusterpolisee.content.structured": "clusterpolisee.repository.content.structured",
    "clusterpolisee.content.fields": "clusterpolisee.core.fields",
    "clusterpolisee.content.workspace": "clusterpolisee.workspaces.content.workspace",
    "clusterpolisee.content.parts": "clusterpolisee.workspaces.content.parts",
    "clusterpolisee.content.wiki_page": "clusterpolisee.workspaces.content.wiki_page",
    "clusterpolisee.content.forum_topic": "clusterpolisee.workspaces.content.forum_topic",
    "clusterpolisee.content.meeting": "clusterpolisee.workspaces.content.meeting",
    "clusterpolisee.content.planning": "clusterpolisee.workspaces.content.planning",
    "clusterpolisee.content.decision": "clusterpolisee.workspaces.content.decision",
    "clusterpolisee.content.message": "clusterpolisee.messaging.content",
    "clusterpolisee.behaviors.repository": "clusterpolisee.repository.item",
    "clusterpolisee.behaviors.event_details": "clusterpolisee.repository.event_details",
    "clusterpolisee.behaviors.consultation": "clusterpolisee.consultations.behavior",
    "clusterpolisee.transforms": "clusterpolisee.repository.transforms",
    "clusterpolisee.transforms.pdf_to_text": "clusterpolisee.repository.transforms.pdf_to_text",
    "clusterpolisee.transforms.docx_to_text": "clusterpolisee.repository.transforms.docx_to_text",
    "clusterpolisee.transforms.odt_to_text": "clusterpolisee.repository.transforms.odt_to_text",
}


class _MovedModules(abc.MetaPathFinder, abc.Loader):
    """Imports an old module name as the module at its new home (and an old package as an
    empty one, so that its old modules can be imported)."""

    def find_spec(self, name, path=None, target=None):
        if name in MOVED_MODULES or name in MOVED_PACKAGES:
            return util.spec_from_loader(name, self, is_package=name in MOVED_PACKAGES)
        return None

    def __init__(self):
        self._own_specs = {}

    def create_module(self, spec):
        if spec.name in MOVED_PACKAGES:
            return types.ModuleType(spec.name)
        module = import_module(MOVED_MODULES[spec.name])
        self._own_specs[spec.name] = module.__spec__
        return module

    def exec_module(self, module):
        # The import machinery gave the module the old name's spec: give it back its own.
        own = self._own_specs.pop(module.__spec__.name, None)
        if own is not None:
            module.__spec__ = own


# First: an old name that is a package's new home (clusterpolisee.transforms) would otherwise
# let the file finder load its old modules a second time, as other modules.
sys.meta_path.insert(0, _MovedModules())


# ZCatalog meets a query's few records with sets holding most of the catalog, element by element;
# core/catalogsets.py looks the few up instead: the same results, a hundredth of the steps.
# Its query plan also learns to start with the union of every published item (the date range
# Plone adds to a member's searches): core/catalogplan.py runs date ranges after the others.
# What pages keep between requests is kept per catalog count, and a transaction's own count for
# itself alone: core/pagecache.py marks the transaction that moves Plone's count.
# Plone hashes every script and style file on every page: core/resourcehashes.py keeps the hashes
# of the code's files for the process.
from clusterpolisee.core import catalogplan  # noqa: E402
from clusterpolisee.core import catalogsets  # noqa: E402
from clusterpolisee.core import pagecache  # noqa: E402
from clusterpolisee.core import resourcehashes  # noqa: E402


catalogsets.apply()
catalogplan.apply()
pagecache.apply()
resourcehashes.apply()
