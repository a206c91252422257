"""Where Plone's own pages show a workflow state, the platform shows its title, translated
(states.py): the folders' and collections' table view, the toolbar's "State:" menu."""

from clusterpolisee import _
from clusterpolisee.core.numbers import whole_number
from clusterpolisee.core.states import item_state_title
from clusterpolisee.core.states import object_state_title
from plone.app.contentmenu.menu import WorkflowSubMenuItem
from plone.app.contenttypes.browser import collection
from plone.app.contenttypes.browser import folder
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import BadRequest
import os


STATE = "review_state"
BATCH_PARAMETERS = ("b_start", "b_size")
TABULAR_TEMPLATE = os.path.join(os.path.dirname(folder.__file__), "templates", "listing_tabular.pt")


class StateColumnMixin:
    """The table view's state column holds the state's title, never its id."""

    template = ViewPageTemplateFile(TABULAR_TEMPLATE)

    def __init__(self, context, request):
        # Plone's listing reads its batch with int(): odd input is a bad request, not an error.
        # Its own page links send b_start:int, which arrives as a number.
        for name in BATCH_PARAMETERS:
            value = request.form.get(name)
            if value is not None and whole_number(value) is None:
                raise BadRequest(f"{name} must be a whole number.")
        super().__init__(context, request)

    def __call__(self):
        return self.template()

    def tabular_field_label(self, field):
        if field == STATE:
            return _("label_state", default="State")
        return super().tabular_field_label(field)

    def tabular_fielddata(self, item, fieldname):
        if fieldname == STATE:
            return {"value": item_state_title(item, self.request)}
        return super().tabular_fielddata(item, fieldname)


class FolderTabularView(StateColumnMixin, folder.FolderView):
    """A folder's table view (a working group's documents): with each item's state, for those
    who see the items' authors and dates (Plone's "about" setting)."""

    @property
    def tabular_fields(self):
        fields = list(super().tabular_fields)
        if self.show_about:
            fields.insert(fields.index("Title") + 1, STATE)
        return fields


class CollectionTabularView(StateColumnMixin, collection.CollectionView):
    """A collection's table view, whose editor may choose the state among its columns."""


class WorkflowMenuItem(WorkflowSubMenuItem):
    """The toolbar's "State:" shows the title of the item's state in the visitor's language
    (Plone shows the workflow's English title, untranslated)."""

    def _currentStateTitle(self):
        return object_state_title(self.context, self.request) or None
