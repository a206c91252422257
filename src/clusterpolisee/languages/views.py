"""The translators' report: translations whose English source changed after they were made."""

from clusterpolisee.core import dates
from clusterpolisee.languages.homes import DEFAULT_LANGUAGE
from plone import api
from Products.Five import BrowserView


class TranslationsToUpdateView(BrowserView):
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
