"""Form tweaks: the repository's add and edit forms, and the rich-text editor of every form."""

from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone.app.textfield.interfaces import IRichText
from plone.app.z3cform.interfaces import IRichTextWidget
from plone.z3cform.fieldsets.extensible import FormExtender
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.form.interfaces import INPUT_MODE
from z3c.form.interfaces import IValue
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Interface


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


@implementer(IValue)
@adapter(Interface, IClusterpoliseeLayer, Interface, IRichText, IRichTextWidget)
class RichTextEditorOptions:
    """TinyMCE's options for one rich-text field (plone.app.z3cform's "pattern_options"): the
    frame it edits in is titled by the field's label, in the person's language.

    TinyMCE (8, in Plone 6.2) titles its editing frame no more; a frame without a title is
    announced by screen readers as "frame" alone (WCAG 4.1.2, axe's ``frame-title``). On a
    practice's form the four rich-text fields' frames are told apart by their labels."""

    def __init__(self, context, request, form, field, widget):
        self.request = request
        self.field = field

    def get(self):
        title = translate(self.field.title, context=self.request) if self.field.title else ""
        return {"tiny": {"iframe_attrs": {"title": title}}} if title else {}
