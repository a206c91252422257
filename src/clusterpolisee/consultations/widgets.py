"""The select widget's prompt in model XML: a questionnaire's choice starts on "Choose ...".

plone.autoform reads a ``<form:widget>`` element's parameters through the handler named after
the widget factory; Plone registers none for its select widget, so the generic handler would
drop ``prompt`` and ``promptMessage``. With this one a model may say::

    <form:widget type="plone.app.z3cform.widgets.select.SelectFieldWidget">
      <prompt>True</prompt>
      <promptMessage>Choose your country</promptMessage>
    </form:widget>

and a required choice opens on that empty option instead of its first value, the form refusing
it until a value is chosen.
"""

from plone.autoform.widgets import WidgetExportImportHandler
from z3c.form.browser.interfaces import IHTMLSelectWidget
from zope import schema


SELECT_WIDGET = "plone.app.z3cform.widgets.select.SelectFieldWidget"


class ISelectWidgetParameters(IHTMLSelectWidget):
    """What a model may set on a select widget: the HTML attributes and the empty option."""

    prompt = schema.Bool(
        title="Prompt",
        description="An empty first option asks to choose, even where a value is required.",
        default=False,
    )
    promptMessage = schema.TextLine(title="Prompt message", required=False)
    noValueMessage = schema.TextLine(title="No-value message", required=False)


SelectWidgetExportImportHandler = WidgetExportImportHandler(ISelectWidgetParameters)
