"""EasyForm's "Save data" action for the consultations, whose downloads hold no formula.

A coordinator downloads a questionnaire's answers from EasyForm's "Saved data" page (CSV, TSV
or XLSX): answers come from anyone, and a text a spreadsheet would run as a formula starts with
a single quote there as in every CSV the platform writes (core/csvsafe.py).
"""

from clusterpolisee import _
from clusterpolisee.core.csvsafe import cell
from collective.easyform.actions import ActionFactory
from collective.easyform.actions import SaveData
from plone import api
from plone.supermodel.exportimport import BaseHandler


class SafeSaveData(SaveData):
    """Saves the answers as EasyForm does; its downloads neutralise formulas."""

    def get_header_row(self):
        return [_safe(title) for title in super().get_header_row()]

    def get_row_data(self, row):
        return [_safe(value) for value in super().get_row_data(row)]

    def getSavedFormInputForEdit(self, header=False, delimiter=","):
        # EasyForm reads its default delimiter as bytes, which Python's csv refuses.
        if not delimiter:
            delimiter = api.portal.get_registry_record("easyform.csv_delimiter", default=",")
        return super().getSavedFormInputForEdit(header, delimiter or ",")


def _safe(value):
    # Text only: EasyForm serialises other values itself (dates, numbers in XLSX).
    return cell(value) if isinstance(value, str) else value


SafeSaveDataAction = ActionFactory(
    SafeSaveData,
    _("Save data, safe for spreadsheets"),
    "collective.easyform.AddDataSavers",
)
SafeSaveDataHandler = BaseHandler(SafeSaveData)
SAFE_SAVE_DATA = f"{SafeSaveData.__module__}.{SafeSaveData.__name__}"
EASYFORM_SAVE_DATA = f"{SaveData.__module__}.{SaveData.__name__}"


def use_safe_saver(form):
    """A form made before saves its answers with SafeSaveData: they stay where they are (EasyForm
    keeps them by the action's name). Returns True if the form changed. For an upgrade step."""
    model = form.actions_model or ""
    old = f'type="{EASYFORM_SAVE_DATA}"'
    if old not in model:
        return False
    form.actions_model = model.replace(old, f'type="{SAFE_SAVE_DATA}"')
    return True
