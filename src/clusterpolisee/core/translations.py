"""The platform's catalogs of another package's domain come first.

zope.i18n asks a domain's catalogs for a language in the order they were registered and takes the
first translation it finds; plone.app.locales registers before any add-on. The platform's
``plonelocales.po`` and ``plone.po`` (locales/<language>/LC_MESSAGES) fill in what
plone.app.locales lacks for a partner language (Macedonian has no catalog, Croatian and Albanian
no date formats, Greek and Hungarian half the messages visitors meet) and correct what a page
would show wrongly (Slovenian times with AM/PM, Serbian times before the date, Romanian dates
written as ISO; a ``${variable}`` shown as is, a sentence cut short, English in the German
footer): for those corrections to count, its catalogs must be asked first.
The ZCML directive ``<platform:translationsFirst domain="..." directory="locales" />`` does so,
once every package has registered its catalogs.
"""

from zope.component import queryUtility
from zope.configuration.fields import Path
from zope.i18n.interfaces import ITranslationDomain
from zope.interface import Interface
from zope.schema import TextLine
import os


class ITranslationsFirstDirective(Interface):
    domain = TextLine(title="The i18n domain (another package's) whose catalogs to reorder")
    directory = Path(title="The platform's locales directory, registered with registerTranslations")


def put_first(domain, directory):
    """For every language, ``directory``'s catalogs of ``domain`` before the others."""
    utility = queryUtility(ITranslationDomain, name=domain)
    if utility is None:
        return
    prefix = os.path.join(os.path.normpath(directory), "")
    for names in utility.getCatalogsInfo().values():
        ours = [name for name in names if name.startswith(prefix)]
        if ours:
            names[:] = ours + [name for name in names if not name.startswith(prefix)]


def translations_first(_context, domain, directory):
    # After every package's registerTranslations (order 0): those register their catalogs.
    _context.action(
        discriminator=("clusterpolisee:translationsFirst", domain),
        callable=put_first,
        args=(domain, directory),
        order=1,
    )
