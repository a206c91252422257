"""Form tweaks for the repository's add and edit forms."""

from plone.z3cform.fieldsets.extensible import FormExtender
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.form.interfaces import INPUT_MODE


TOPICS_FIELD = "topics.topics"  # the "topics" taxonomy behavior's field, as the form names it


class TopicsAsCheckboxes(FormExtender):
    """Show the six topics as checkboxes.

    collective.taxonomy's default widget is a two-list ordered select that needs script to
    submit and hides most choices; six flat topics read and work better as checkboxes.
    """

    def update(self):
        fields = self.form.fields
        if TOPICS_FIELD in fields:
            fields[TOPICS_FIELD].widgetFactory[INPUT_MODE] = CheckBoxFieldWidget
        for group in getattr(self.form, "groups", ()):
            if TOPICS_FIELD in group.fields:
                group.fields[TOPICS_FIELD].widgetFactory[INPUT_MODE] = CheckBoxFieldWidget
