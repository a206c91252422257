"""Field factories shared by the content types, and the rule for the links they hold.

A link is only ever one a browser opens as a page (``http``, ``https``) or, where an address
belongs, as an e-mail (``mailto``): ``javascript:``, ``data:``, ``vbscript:`` and their like run
script in the page of whoever clicks them. The rule is the fields' own validation (``WebURI``),
so that plone.restapi and z3c.form refuse such a link alike; ``safe_link`` applies it again where
a template makes a link of a value stored before the rule existed.
"""

from clusterpolisee import _
from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone.app.z3cform.interfaces import ILinkWidget
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from z3c.form import validator
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.schema import ValidationError
from zope.schema.interfaces import IURI
from zope.schema.interfaces import WrongContainedType
import html
import re


WEB_SCHEMES = ("http", "https")
LINK_SCHEMES = ("http", "https", "mailto")
# What a browser ignores when it reads an address: C0 controls and spaces around it, and tabs
# and line breaks anywhere ("java\tscript:" is "javascript:").
_SURROUNDING = "".join(chr(code) for code in range(0x21))
_IGNORED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


def url_scheme(value):
    """The scheme a browser reads in ``value``, in lower case; "" for a relative address."""
    if not isinstance(value, str):
        return ""
    match = _SCHEME.match(_IGNORED.sub("", value).strip(_SURROUNDING))
    return match.group(1).lower() if match else ""


def safe_link(value, schemes=LINK_SCHEMES):
    """``value`` if it is a link with one of ``schemes``, else None: what a template may put in
    an ``href``. Relative addresses are not links of this kind."""
    if value and url_scheme(value) in schemes:
        return value
    return None


# A web address in plain text, as escaped for HTML: up to a space or an escaped quote or angle
# bracket; punctuation that ends a sentence is not part of it.
_WEB_ADDRESS_IN_TEXT = re.compile(r"https?://(?:(?!&quot;|&#x27;|&lt;|&gt;)\S)+", re.IGNORECASE)
_TRAILING = ".,;:!?)]"


def linked_text(text):
    """Plain ``text`` as HTML: escaped, its http(s) addresses made links (nothing else is)."""
    escaped = html.escape(text or "")

    def link(match):
        address = match.group(0)
        tail = ""
        while address and address[-1] in _TRAILING:
            address, tail = address[:-1], address[-1] + tail
        return f'<a href="{address}">{address}</a>{tail}'

    return _WEB_ADDRESS_IN_TEXT.sub(link, escaped)


class NotAWebAddress(ValidationError):
    """A link that is not a web address: a browser would run it, or not open it as a page."""

    def __init__(self, value=None):
        super().__init__(value)
        self.value = value

    def doc(self):
        return _("Only web addresses that start with http:// or https:// are accepted.")


class NotALink(NotAWebAddress):
    """A link that is neither a web address, nor an e-mail address, nor a page of the site."""

    def doc(self):
        return _(
            "Only web addresses (http:// or https://), e-mail addresses (mailto:) and "
            "addresses on this site are accepted."
        )


def check_web_address(value):
    """Raise NotAWebAddress unless ``value`` (when there is one) is an http(s) address."""
    if value and url_scheme(value) not in WEB_SCHEMES:
        raise NotAWebAddress(value)


def check_link(value):
    """Raise NotALink unless ``value`` is a web or e-mail address or an address on the site
    (relative, or starting with Plone's ``${portal_url}``)."""
    if value and url_scheme(value) not in ("", *LINK_SCHEMES):
        raise NotALink(value)


class WebURI(schema.URI):
    """A web address: ``http://`` or ``https://``, nothing a browser would run."""

    def _validate(self, value):
        super()._validate(value)
        try:
            check_web_address(value)
        except NotAWebAddress as error:
            raise error.with_field_and_value(self, value) from None


class WebURIList(schema.List):
    """Web addresses, one per line; a bad one is named with the reason, not "wrong type"."""

    def _validate(self, value):
        try:
            super()._validate(value)
        except WrongContainedType as error:
            for inner in error.errors:
                if isinstance(inner, NotAWebAddress):
                    raise NotAWebAddress(inner.value).with_field_and_value(self, value) from None
            raise


def web_address(title, description=None, required=False):
    return WebURI(title=title, description=description, required=required)


def web_addresses(title, description=None):
    return WebURIList(
        title=title,
        description=description,
        value_type=WebURI(),
        required=False,
        default=[],
    )


def relation_widget(field_name, *portal_types):
    """The related-items widget, limited to some content types, for a relation field."""
    return directives.widget(
        field_name,
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={
            "selectableTypes": list(portal_types),
            "basePath": "",
            "recentlyUsed": True,
        },
    )


def relation(title, description=None, required=False):
    return RelationChoice(
        title=title,
        description=description,
        vocabulary="plone.app.vocabularies.Catalog",
        required=required,
    )


def relations(title, description=None):
    return RelationList(
        title=title,
        description=description,
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        required=False,
        default=[],
    )


def score(title, description=None):
    """A score from 1 (weak) to 5 (strong)."""
    return schema.Int(title=title, description=description, min=1, max=5, required=False)


def choices(title, vocabulary, description=None, required=False):
    return schema.List(
        title=title,
        description=description,
        value_type=schema.Choice(vocabulary=vocabulary),
        required=required,
        default=[],
    )


# Plone's own link fields follow the same rule on the platform's forms (plone.restapi: see
# deserializer.py): the URI fields (a member's home page, the control panel's video-conference
# address) and the Link type's address, which may also be an address on the site.
class WebAddressValidator(validator.SimpleFieldValidator):
    def validate(self, value, force=False):
        super().validate(value, force)
        check_web_address(value)


class LinkValidator(validator.SimpleFieldValidator):
    def validate(self, value, force=False):
        super().validate(value, force)
        check_link(value)


validator.WidgetValidatorDiscriminators(
    WebAddressValidator, request=IClusterpoliseeLayer, field=IURI
)
validator.WidgetValidatorDiscriminators(
    LinkValidator, request=IClusterpoliseeLayer, widget=ILinkWidget
)
