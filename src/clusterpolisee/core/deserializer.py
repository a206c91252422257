"""Field deserializers that turn every bad value (of the wrong JSON type too) into an HTTP 400
naming the field, and keep links that a browser would run out of every link field."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from clusterpolisee import _
from clusterpolisee.core.fields import check_link
from clusterpolisee.core.fields import check_web_address
from clusterpolisee.interfaces import IClusterpoliseeLayer
from datetime import datetime
from dateutil import rrule
from OFS.CopySupport import CopyError
from plone import api
from plone.app.contenttypes.interfaces import ILink
from plone.app.dexterity.behaviors.id import IShortName
from plone.app.event.dx.behaviors import IEventRecurrence
from plone.app.textfield.interfaces import IRichText
from plone.dexterity.interfaces import IDexterityContent
from plone.namedfile.interfaces import INamedField
from plone.restapi.deserializer.dxfields import ChoiceFieldDeserializer
from plone.restapi.deserializer.dxfields import DatetimeFieldDeserializer
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.deserializer.dxfields import LinkTextLineFieldDeserializer
from plone.restapi.deserializer.dxfields import NamedFieldDeserializer
from plone.restapi.deserializer.dxfields import RichTextFieldDeserializer
from plone.restapi.deserializer.dxfields import TextLineFieldDeserializer
from plone.restapi.deserializer.relationfield import RelationChoiceFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from plone.restapi.services.content.tus import TUSUpload
from z3c.relationfield.interfaces import IRelationChoice
from zExceptions import Unauthorized
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Invalid
from zope.schema import ValidationError
from zope.schema.interfaces import IASCIILine
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import IURI
from zope.schema.interfaces import WrongType
import codecs
import re


def translated(message):
    """A message for plone.restapi's error body, which shows ValueError's text as it is."""
    return api.portal.translate(message)


class UnknownValue(ValidationError):
    """The value is not one of the vocabulary's terms."""

    def __init__(self, value):
        super().__init__(value)
        self.value = value

    def doc(self):
        return _("'${value}' is not one of the allowed values.", mapping={"value": str(self.value)})


@implementer(IFieldDeserializer)
@adapter(IChoice, IDexterityContent, IClusterpoliseeLayer)
class StrictChoiceFieldDeserializer(ChoiceFieldDeserializer):
    """collective.taxonomy's vocabularies raise KeyError for an unknown token, which plone.restapi
    would answer with a server error; answer it as the validation error it is."""

    def __call__(self, value):
        if isinstance(value, dict) and "token" in value:
            value = value["token"]
        # A term is named by its token: a list or an object names none (and cannot even be
        # looked up: unhashable).
        if isinstance(value, (dict, list)):
            raise WrongType(value, str, self.field.__name__)
        try:
            return super().__call__(value)
        except KeyError:
            raise UnknownValue(value) from None


class RefusedValue(ValidationError):
    """A value a field's constraint refused by raising Invalid (plone.app.event's event URL):
    plone.restapi would answer it with a server error."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return self.message


@implementer(IFieldDeserializer)
@adapter(IURI, IDexterityContent, IClusterpoliseeLayer)
class WebAddressFieldDeserializer(TextLineFieldDeserializer):
    """Every URI field, the platform's and Plone's (an event's URL), holds a web address
    (fields.py): a link a browser would run is a 400."""

    def __call__(self, value):
        if isinstance(value, str):
            check_web_address(value.strip())
        try:
            return super().__call__(value)
        except ValidationError:
            raise
        except Invalid as error:
            raise RefusedValue(error.args[0] if error.args else str(error)) from None


@implementer(IFieldDeserializer)
@adapter(ITextLine, ILink, IClusterpoliseeLayer)
class LinkFieldDeserializer(LinkTextLineFieldDeserializer):
    """A Link's address is a web or e-mail address or an address on the site (fields.py)."""

    def __call__(self, value):
        if self.field.getName() == "remoteUrl" and isinstance(value, str):
            check_link(value.strip())
        return super().__call__(value)


# plone.restapi's field deserializers take the JSON value as it comes: a number where a date,
# a rich text or a file belongs reaches a parser, which fails with a TypeError, a server error.
# These check the value's JSON type first and answer a wrong one as the validation error it is;
# and a value that would fail later (a rich text no page can show, a recurrence rule nobody can
# read, a rename the folder refuses) is refused here, where it is still a 400 naming the field.

# What the HTML a rich text becomes cannot carry (XML 1.0): control characters, unpaired
# surrogates, U+FFFE and U+FFFF. Stored, they fail every rendering of the text.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class UnshowableText(ValidationError):
    __doc__ = _("The text contains control characters or other characters that cannot be shown.")


class NotRenamed(ValidationError):
    __doc__ = _("You may not rename this item.")


def _require_text(field, value, *parts):
    """``parts`` (the value itself, or the members of an object that carry text) must be text."""
    if not all(isinstance(part, str) for part in parts):
        raise WrongType(value, str, field.__name__)


def _require_showable(text, encoding="utf8"):
    """A rich text's data must be writable in the encoding it says it has and showable."""
    try:
        text.encode(encoding)
    except LookupError:
        raise ValueError(
            translated(_("Unknown encoding: ${name}", mapping={"name": str(encoding)}))
        ) from None
    if NOT_XML.search(text):
        raise UnshowableText()


def _require_codec(encoding):
    """A file's data comes in base64 or in a text encoding."""
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        codec = None
    if codec is None or not (codec.name == "base64" or codec._is_text_encoding):
        raise ValueError(
            translated(_("Unknown encoding: ${name}", mapping={"name": str(encoding)}))
        )


@implementer(IFieldDeserializer)
@adapter(IDatetime, IDexterityContent, IClusterpoliseeLayer)
class StrictDatetimeFieldDeserializer(DatetimeFieldDeserializer):
    """A date and time is an ISO 8601 string."""

    def __call__(self, value):
        if value is not None:
            _require_text(self.field, value, value)
        try:
            return super().__call__(value)
        except OverflowError:
            raise ValueError(
                translated(_("Not a date: ${value}", mapping={"value": str(value)[:100]}))
            ) from None


@implementer(IFieldDeserializer)
@adapter(IRichText, IDexterityContent, IClusterpoliseeLayer)
class StrictRichTextFieldDeserializer(RichTextFieldDeserializer):
    """A rich text is a string, or an object whose data, content type and encoding are strings;
    its data writable in that encoding and showable in a page."""

    def __call__(self, value):
        if isinstance(value, dict):
            parts = [value.get(key, "") for key in ("data", "content-type", "encoding")]
            _require_text(self.field, value, *parts)
            _require_showable(value.get("data", ""), value.get("encoding", "utf8"))
        elif not isinstance(value, TUSUpload):
            _require_text(self.field, value, value)
            _require_showable(value)
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(INamedField, IDexterityContent, IClusterpoliseeLayer)
class StrictNamedFieldDeserializer(NamedFieldDeserializer):
    """A file or image is an object with the data (a string) and optionally its filename,
    content type and encoding (strings; an encoding that exists), or the data alone."""

    def __call__(self, value):
        if isinstance(value, dict):
            parts = [value[key] for key in ("data", "content-type", "encoding") if key in value]
            if value.get("filename") is not None:
                parts.append(value["filename"])
            _require_text(self.field, value, *parts)
            if "encoding" in value:
                _require_codec(value["encoding"])
        elif not isinstance(value, TUSUpload):
            _require_text(self.field, value, value)
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(IRelationChoice, IDexterityContent, IClusterpoliseeLayer)
class StrictRelationChoiceFieldDeserializer(RelationChoiceFieldDeserializer):
    """A related item is named by its UID, path or address (a string), its intid (a number), or
    an object of the REST API with its address as ``@id``."""

    def __call__(self, value):
        named = value.get("@id") if isinstance(value, dict) else value
        if isinstance(named, bool) or not isinstance(named, (str, int)):
            raise WrongType(value, str, self.field.__name__)
        return super().__call__(named)


@implementer(IFieldDeserializer)
@adapter(IText, IEventRecurrence, IClusterpoliseeLayer)
class RecurrenceFieldDeserializer(DefaultFieldDeserializer):
    """An event's recurrence is a rule dateutil reads (RFC 5545), as the catalog and every
    listing of the event will: a rule it cannot read would fail them all."""

    def __call__(self, value):
        value = super().__call__(value)
        if self.field.__name__ == "recurrence" and value:
            try:
                rrule.rrulestr(value, dtstart=datetime.now(), forceset=True, ignoretz=True)
            except OverflowError:
                raise ValueError(
                    translated(
                        _("Not a recurrence rule: ${value}", mapping={"value": str(value)[:100]})
                    )
                ) from None
        return value


@implementer(IFieldDeserializer)
@adapter(IASCIILine, IDexterityContent, IClusterpoliseeLayer)
class ShortNameFieldDeserializer(DefaultFieldDeserializer):
    """A new short name renames the item, which OFS allows only to who may add such an item in
    its folder (its paste check): ask that first, and answer a refusal as the 400 it is."""

    def __call__(self, value):
        value = super().__call__(value)
        context = aq_inner(self.context)
        parent = aq_parent(context)
        if (
            self.field.interface is IShortName
            and value
            and value != context.getId()
            and parent is not None
            and parent._getOb(context.getId(), None) is not None
        ):
            try:
                parent._verifyObjectPaste(context)
            except (ValueError, CopyError, Unauthorized):
                raise NotRenamed() from None
        return value
