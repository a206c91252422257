"""An address whose typed field Zope cannot read (``?b_start:int=abc``) is a 400 with a message
on the platform's error page, not a 500.

Zope converts a field named ``name:int``, ``name:date``... (and recodes ``name:ascii``...)
while it reads the request's form, before the request reaches the site: a value that does not
convert failed there with a 500 and a bare page, on every page of the platform (Plone's own
batch links carry ``b_start:int``). Before Zope reads the form, the address's fields it would
fail on are set aside, read with Zope's own functions; the request goes on without them, and
when it enters the platform it is refused with a 400 whose message names the field, in the
visitor's language, on the error page of the place it asked for (core/errors.py). A form sent
in a request's body is left to Zope.
"""

from clusterpolisee import _
from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone import api
from plone.browserlayer.utils import registered_layers
from Products.CMFCore.interfaces import ISiteRoot
from urllib.parse import unquote_plus
from zExceptions import BadRequest
from zope.component import adapter
from zope.i18nmessageid import Message
from zope.traversing.interfaces import IBeforeTraverseEvent
from ZPublisher.Converters import get_converter
from ZPublisher.HTTPRequest import has_codec
from ZPublisher.HTTPRequest import search_type
from ZPublisher.interfaces import IPubStart


# Where the fields set aside wait for the site, in the request's environment.
SET_ASIDE = "clusterpolisee.unconverted_fields"

WHOLE_NUMBER = _("The address gives “${name}” a value that is not a whole number.")
NUMBER = _("The address gives “${name}” a value that is not a number.")
DATE = _("The address gives “${name}” a value that is not a date.")
UNREADABLE = _("The address gives “${name}” a value the platform cannot read.")
MESSAGES = {
    "int": WHOLE_NUMBER,
    "long": WHOLE_NUMBER,
    "float": NUMBER,
    "date": DATE,
    "date_international": DATE,
}
# Flags Zope reads before it looks for an encoding of that name.
ZOPE_FLAGS = frozenset(
    (
        *("list", "tuple", "method", "action", "default_method", "default_action"),
        *("default", "record", "records", "ignore_empty"),
    )
)
# A field's name as the message quotes it: a name this long is no form's.
NAME_SHOWN = 60


def field_flags(key):
    """The field's name and its flags, as Zope reads them (with its own ``search_type``): from
    the end, while they look like flags (``("page", ["list", "int"])`` for ``page:int:list``)."""
    flags = []
    while match := search_type(key):
        flags.append(key[match.start() + 1 :])
        key = key[: match.start()]
    return key, flags


def read_as_zope_does(value, flags):
    """Recode and convert the value as Zope's ``processInputs`` does; raises what it raises.
    Returns the type it was converted to, or None."""
    type_name = None
    encoding = "utf-8"
    for flag in flags:
        if get_converter(flag) is not None:
            type_name = flag  # of several types (``name:int:date``), Zope takes the first
        elif flag not in ZOPE_FLAGS and has_codec(flag):
            value = value.encode(encoding, "surrogateescape").decode(flag)
            encoding = flag
    if type_name is not None:
        get_converter(type_name)(value)
    return type_name


def unconverted_fields(query_string):
    """The pairs of the query string Zope would fail to read, as ``(raw pair, name, type)``:
    a typed value that does not convert, or one its encoding flag (``name:ascii``) does not
    decode. An empty value is Zope's to handle when a default came before it
    (``name:default``), as Zope reads the pairs in order, or when it is to be ignored
    (``name:ignore_empty``)."""
    with_defaults = set()
    failed = []
    for raw in query_string.split("&"):
        key, _sep, value = raw.partition("=")
        name, flags = field_flags(unquote_plus(key))
        if not flags or (not value and "ignore_empty" in flags):
            continue
        try:
            read_as_zope_does(unquote_plus(value, errors="surrogateescape"), flags)
        except Exception:
            if value or "default" in flags or name not in with_defaults:
                types = [flag for flag in flags if get_converter(flag) is not None]
                failed.append((raw, name, types[-1] if types else None))
                continue
        if "default" in flags:
            with_defaults.add(name)
    return failed


@adapter(IPubStart)
def set_aside_unconverted_fields(event):
    """Subscriber of Zope's ``IPubStart``: take the address's fields Zope would fail to convert
    out of its query string, and note them for the site (``refuse_unconverted_fields``)."""
    environ = event.request.environ
    query_string = environ.get("QUERY_STRING", "")
    if ":" not in query_string and "%3a" not in query_string.lower():
        return  # no typed field: every page pays this much only
    failed = unconverted_fields(query_string)
    if not failed:
        return
    dropped = {raw for raw, _name, _type in failed}
    environ["QUERY_STRING"] = "&".join(raw for raw in query_string.split("&") if raw not in dropped)
    environ[SET_ASIDE] = [(name, type_name) for _raw, name, type_name in failed]


@adapter(ISiteRoot, IBeforeTraverseEvent)
def refuse_unconverted_fields(site, event):
    """A request entering the platform whose address had a field set aside is a 400 naming it."""
    set_aside = event.request.environ.get(SET_ASIDE)
    if not set_aside or IClusterpoliseeLayer not in registered_layers():
        return
    name, type_name = set_aside[0]
    if len(name) > NAME_SHOWN:
        name = name[:NAME_SHOWN] + "…"
    message = MESSAGES.get(type_name, UNREADABLE)
    raise BadRequest(api.portal.translate(Message(message, mapping={"name": name})))
