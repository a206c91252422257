"""Serbian in Cyrillic, on every machine.

plone.app.locales translates Plone into Serbian four times over: ``sr`` and ``sr@Latn`` in Latin
script, ``sr@Cyrl`` (and ``sr@cyrl``) in Cyrillic, the same messages each. zope.i18n files them
all under the language ``sr``, in the order the file system happens to list their folders, and
answers from the first catalog that has the message: Plone's header and footer came out in Latin
or in Cyrillic depending on the machine. The platform writes Serbian in Cyrillic (its own
catalogs, the Serbian home): once every package has registered its catalogs, the Latin ones
answer last, only for a message none of the others has.
"""

from zope.component import getGlobalSiteManager
from zope.i18n.interfaces import ITranslationDomain
from zope.interface import Interface
import re


SERBIAN = "sr"
VARIABLE = re.compile(r"\$\{[^}]*\}")


def in_latin_script(catalog):
    """Whether most letters of the catalog's translations (their ``${variables}`` aside) are
    Latin, not Cyrillic. A gettext catalog's messages, read as plone.app.content's
    ``plonejsi18n`` reads them."""
    messages = getattr(getattr(catalog, "_catalog", None), "_catalog", None) or {}
    letters = [
        letter
        for msgid, text in messages.items()
        if msgid and isinstance(text, str)
        for letter in VARIABLE.sub("", text)
        if letter.isalpha()
    ]
    cyrillic = sum(1 for letter in letters if "\u0400" <= letter <= "\u04ff")
    return cyrillic * 2 < len(letters)


def serbian_in_cyrillic(domains=None):
    """Put the Latin-script catalogs last among each translation domain's Serbian ones (every
    domain registered, or ``domains``); the others keep their order (core/translations.py may
    have put the platform's own first)."""
    if domains is None:
        domains = [
            utility for _name, utility in getGlobalSiteManager().getUtilitiesFor(ITranslationDomain)
        ]
    for domain in domains:
        names = getattr(domain, "_catalogs", {}).get(SERBIAN)
        if names and len(names) > 1:
            names.sort(key=lambda name: in_latin_script(domain._data[name]))


class ISerbianInCyrillicDirective(Interface):
    """``<platform:serbianInCyrillic />``: no attributes."""


def serbian_in_cyrillic_directive(_context):
    # After every package's registerTranslations (order 0) and the platform's
    # translationsFirst (order 1).
    _context.action(
        discriminator="clusterpolisee:serbianInCyrillic",
        callable=serbian_in_cyrillic,
        order=2,
    )
