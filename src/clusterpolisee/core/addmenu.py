"""What a person may add, and where: Plone's "Add new…" and its list of addable types ask the
workflows too.

The platform gives each type's add permission to every role that adds it somewhere and lets the
workflows' "Add portal content" decide where (profiles/default/rolemap.xml). Plone's menu and
its list of the types a folder allows ask only the first: a member saw "Add new…" on the home
page and the search page, and each of its ten types led to "Insufficient privileges". Asked the
second first, they also cost nothing where nothing may be added: the types' add permissions
were a third of a member's home page."""

from plone.app.contentmenu.menu import FactoriesSubMenuItem
from plone.base.interfaces.constrains import DISABLED
from plone.base.interfaces.constrains import IConstrainTypes
from plone.base.interfaces.siteroot import IPloneSiteRoot
from plone.memoize.instance import memoize
from Products.CMFCore.permissions import AddPortalContent
from Products.CMFCore.PortalFolder import PortalFolderBase
from Products.CMFCore.utils import _checkPermission
from zope.component import adapter
from zope.interface import implementer


def may_add_in(container):
    """Whether the workflow lets the current user add anything in ``container``."""
    return bool(_checkPermission(AddPortalContent, container))


class FactoriesMenuItem(FactoriesSubMenuItem):
    """The toolbar's "Add new…", only where the person may add."""

    @memoize
    def may_add_here(self):
        # Where the menu's items would be added (Plone's _itemsToAdd): the folder.
        return may_add_in(self.context_state.folder())

    def available(self):
        return self.may_add_here() and super().available()


@implementer(IConstrainTypes)
@adapter(IPloneSiteRoot)
class SiteRootTypes:
    """The types a person may add at the site root: those Plone allows there (the site keeps no
    restriction of its own), when the workflow lets them add at the root at all; else none.
    Plone's toolbar asks them on every page of the root (the home, the search) to decide whether
    a member may edit anything there."""

    def __init__(self, context):
        self.context = context

    def allowedContentTypes(self):
        if not may_add_in(self.context):
            return []
        return PortalFolderBase.allowedContentTypes(self.context)

    def getConstrainTypesMode(self):
        return DISABLED

    def getLocallyAllowedTypes(self):
        return [fti.getId() for fti in self.allowedContentTypes()]

    getImmediatelyAddableTypes = getLocallyAllowedTypes

    def getDefaultAddableTypes(self):
        return self.allowedContentTypes()
