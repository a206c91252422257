"""The toolbar's "Add new…" menu, only where the person may add.

The platform gives each type's add permission to every role that adds it somewhere and lets the
workflows' "Add portal content" decide where (profiles/default/rolemap.xml). Plone's menu asks
only the first: a member saw "Add new…" on the home page and the search page, and each of its
ten types led to "Insufficient privileges". Asked the second first, the menu also costs nothing
where it shows nothing."""

from plone.app.contentmenu.menu import FactoriesSubMenuItem
from plone.memoize.instance import memoize
from Products.CMFCore.permissions import AddPortalContent
from Products.CMFCore.utils import _checkPermission


class FactoriesMenuItem(FactoriesSubMenuItem):
    @memoize
    def may_add_here(self):
        # Where the menu's items would be added (Plone's _itemsToAdd): the folder.
        return bool(_checkPermission(AddPortalContent, self.context_state.folder()))

    def available(self):
        return self.may_add_here() and super().available()
