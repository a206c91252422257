"""The translators' pages: the report of translations whose English source changed after they
were made, and the source beside the side-by-side translation form."""

from clusterpolisee import _
from clusterpolisee.core import dates
from clusterpolisee.languages.homes import DEFAULT_LANGUAGE
from clusterpolisee.languages.translations import translatable
from pathlib import Path
from plone import api
from plone.app.multilingual.browser.view import DexterityBabelView
from plone.app.multilingual.dx.interfaces import ILanguageIndependentField
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
import plone.app.multilingual.browser


class TranslationsToUpdateView(BrowserView):
    page_title = _("heading_translations_to_update", default="Translations to update")

    def items(self):
        """The outdated translations the user may view, with their source; two catalog queries."""
        catalog = api.portal.get_tool("portal_catalog")
        outdated = catalog(translation_outdated=True, sort_on="sortable_title")
        groups = [brain.TranslationGroup for brain in outdated if brain.TranslationGroup]
        sources = {}
        if groups:
            for brain in catalog(TranslationGroup=groups, Language=DEFAULT_LANGUAGE):
                sources[brain.TranslationGroup] = brain
        languages = api.portal.get_tool("portal_languages").getAvailableLanguages()
        items = []
        for brain in outdated:
            source = sources.get(brain.TranslationGroup)
            language = languages.get(brain.Language, {})
            items.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "edit_url": f"{brain.getURL()}/edit",
                    "language": language.get("native", brain.Language),
                    "modified": dates.format_time(brain.modified, long_format=True),
                    "source_title": source.Title if source else None,
                    "source_url": source.getURL() if source else None,
                    "source_modified": source
                    and dates.format_time(source.modified, long_format=True),
                }
            )
        return items


class TranslatableView(BrowserView):
    """Whether the context is content to translate (the toolbar's Translations tab asks)."""

    def __call__(self):
        return translatable(self.context)


class SourceView(DexterityBabelView):
    """The source beside the side-by-side translation form: plone.app.multilingual's display of
    an item's fields, for whoever may view the item. Stock Plone asks for the right to edit it,
    so a translator, who translates what she may not change, read "Insufficient Privileges"
    where the English text should be.

    It shows what there is to translate: the language-independent fields are copied to the
    translation and shown in its form as they are. (plone.app.multilingual's script pairs each
    source field with the form's field of the same name and fails on such a field, which has
    no input: an error in the browser, the fields after it left unpaired.)
    """

    index = ViewPageTemplateFile(
        "dx_babel_view.pt",
        _prefix=str(Path(plone.app.multilingual.browser.__file__).parent / "templates"),
    )

    def updateFieldsFromSchemata(self):
        super().updateFieldsFromSchemata()
        self.fields = to_translate(self.fields)
        for group in self.groups:
            group.fields = to_translate(group.fields)


def to_translate(fields):
    """The form fields that change with the language."""
    return fields.omit(
        *(
            name
            for name, field in fields.items()
            if ILanguageIndependentField.providedBy(field.field)
        )
    )
