"""A best practice's transfer to another region: where, when, through which pilot, with what
outcome.

A transfer lives inside its practice and has no workflow of its own: whoever may see the
practice sees its transfers, whoever may add inside it may add one. Its title is made from the
region and the year, never typed.
"""

from clusterpolisee import _
from clusterpolisee.core.fields import relation
from clusterpolisee.core.fields import relation_widget
from clusterpolisee.core.geography import REGION_NAMES
from clusterpolisee.core.numbers import whole_number
from plone.app.content.interfaces import INameFromTitle
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.form.converter import BaseDataConverter
from z3c.form.converter import FormatterValidationError
from z3c.form.interfaces import IWidget
from zope import schema
from zope.component import adapter
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer
from zope.schema import ValidationError
from zope.schema.interfaces import IInt


FIRST_YEAR = 1990
LAST_YEAR = 2100


class YearOutOfRange(ValidationError):
    """A year the platform cannot have seen a transfer in."""

    def doc(self):
        return _(
            "error_transfer_year",
            default="Give the year as four digits, from ${first} to ${last}.",
            mapping={"first": str(FIRST_YEAR), "last": str(LAST_YEAR)},
        )


def year_in_range(value):
    if value is not None and not FIRST_YEAR <= value <= LAST_YEAR:
        raise YearOutOfRange(value)
    return True


class IYearField(IInt):
    """A year: a whole number written without a thousands separator."""


@implementer(IYearField)
class Year(schema.Int):
    """A year, from FIRST_YEAR to LAST_YEAR."""

    def __init__(self, **kw):
        kw.setdefault("constraint", year_in_range)
        super().__init__(**kw)


@adapter(IYearField, IWidget)
class YearConverter(BaseDataConverter):
    """A year in a form: "2025", not the locale's "2,025" that z3c.form writes a number as."""

    def toWidgetValue(self, value):
        return "" if value is None else str(value)

    def toFieldValue(self, value):
        value = (value or "").strip()
        if not value:
            return self.field.missing_value
        year = whole_number(value)
        if year is None:
            raise FormatterValidationError(YearOutOfRange(value).doc(), value)
        return year


def region_name(code):
    """ "Nord-Est (RO21)" for a NUTS 2 code, the code itself for one the platform lacks."""
    name = REGION_NAMES.get(code)
    return f"{name} ({code})" if name else code or ""


def transfer_title(region, year):
    """The title of a transfer, as a message: "Transfer to Nord-Est (RO21) (2025)"."""
    return _(
        "title_transfer",
        default="Transfer to ${region} (${year})",
        mapping={"region": region_name(region), "year": str(year or "")},
    )


class ITransfer(model.Schema):
    """Where and when a best practice was transferred, and what came of it."""

    directives.widget("region", prompt=True, promptMessage=_("Choose a region"))
    region = schema.Choice(
        title=_("Region"),
        description=_("The NUTS 2 region the practice was transferred to."),
        vocabulary="clusterpolisee.vocabularies.Regions",
    )
    year = Year(
        title=_("Year"),
        description=_("The year the transfer started, for example 2025."),
    )
    relation_widget("pilot_action", "PilotAction")
    pilot_action = relation(
        _("Pilot action"), _("The pilot action through which the practice was transferred.")
    )
    outcome = schema.Choice(
        title=_("Outcome"),
        vocabulary="clusterpolisee.vocabularies.TransferOutcomes",
        default="under-way",
    )
    outcome_notes = schema.Text(
        title=_("Notes on the outcome"),
        description=_("What was adopted or adapted, what stood in the way."),
        required=False,
    )


@implementer(ITransfer, INameFromTitle)
class Transfer(Item):
    """A transfer; its title (and so its short name) comes from its region and year."""

    # Inside a practice, never a navigation entry of its own.
    exclude_from_nav = True

    @property
    def title(self):
        # In the language of the request it is asked in (the catalog: the editor's).
        return translate(
            transfer_title(getattr(self, "region", None), getattr(self, "year", None)),
            context=getRequest(),
        )

    @title.setter
    def title(self, value):
        """Made from the region and year: a title given (by a form, a script) is ignored."""

    def Title(self):
        return self.title
