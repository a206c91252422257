"""Which translations need updating: their English source changed after they were last made.

plone.app.multilingual bumps a translation's modification date whenever it copies the
language-independent fields over from its source, so the modification dates cannot tell.
Instead each item keeps when a person last changed it, and each translation keeps that moment
of its source as it was when the translation was made or last edited. The catalog index
``translation_outdated`` compares the two.
"""

from clusterpolisee.languages.homes import DEFAULT_LANGUAGE
from plone.app.multilingual.browser.utils import is_language_independent
from plone.app.multilingual.interfaces import ILanguageIndependentFieldsManager
from plone.app.multilingual.interfaces import ILanguageRootFolder
from plone.app.multilingual.interfaces import ITranslatable
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.multilingual.interfaces import LANGUAGE_INDEPENDENT
from plone.base.interfaces import ILanguage
from plone.indexer import indexer
from zope.annotation.interfaces import IAnnotations
from zope.container.interfaces import IContainerModifiedEvent
import time


CHANGED_KEY = "clusterpolisee.content_changed"
TRANSLATED_FROM_KEY = "clusterpolisee.translated_from"


def translatable(obj):
    """Whether ``obj`` is content in a language, to translate into the others: what
    plone.app.multilingual's Translate menu offers to translate (not a language home, nothing
    language-independent)."""
    return (
        ITranslatable.providedBy(obj)
        and ILanguage(obj).get_language() != LANGUAGE_INDEPENDENT
        and not ILanguageRootFolder.providedBy(obj)
        and not is_language_independent(obj)
    )


def source_of(obj):
    """The English item a translation was made from (None for English items and lone items)."""
    if not ITranslatable.providedBy(obj) or obj.Language() in ("", DEFAULT_LANGUAGE):
        return None
    return ITranslationManager(obj).get_translation(DEFAULT_LANGUAGE)


def content_changed(obj):
    """When a person last changed the item (its modification date until we know better)."""
    changed = IAnnotations(obj).get(CHANGED_KEY)
    return changed if changed is not None else obj.modified().timeTime()


def is_outdated(obj):
    source = source_of(obj)
    if source is None:
        return False
    translated_from = IAnnotations(obj).get(TRANSLATED_FROM_KEY)
    if translated_from is None:
        translated_from = obj.modified().timeTime()
    return translated_from < content_changed(source)


def mark_translated(translation, source):
    changed = content_changed(source)
    # From now on only a person's change moves the source's moment, not a reindex.
    IAnnotations(source).setdefault(CHANGED_KEY, changed)
    IAnnotations(translation)[TRANSLATED_FROM_KEY] = changed
    translation.reindexObject(idxs=["translation_outdated"])


def _synced_by_multilingual(obj, event):
    # plone.app.multilingual's copy of language-independent fields passes the translation group
    # as the event's second description (and recognises its own events the same way:
    # plone.app.multilingual.dx.subscriber).
    descriptions = getattr(event, "descriptions", ())
    return len(descriptions) > 1 and descriptions[1] == ITranslationManager(obj).query_canonical()


def content_modified(obj, event):
    """A person changed an item: stamp it; a changed source makes its translations outdated."""
    if (
        not ITranslatable.providedBy(obj)
        or _synced_by_multilingual(obj, event)
        # An item added to or removed from a folder changes nothing to translate in it.
        or IContainerModifiedEvent.providedBy(event)
    ):
        return
    IAnnotations(obj)[CHANGED_KEY] = time.time()
    language = obj.Language()
    if language == DEFAULT_LANGUAGE:
        for code, translation in ITranslationManager(obj).get_translations().items():
            if code != DEFAULT_LANGUAGE:
                translation.reindexObject(idxs=["translation_outdated"])
        return
    source = source_of(obj)
    if source is not None:
        mark_translated(obj, source)


def translation_registered(source, event):
    """A new translation starts up to date with its source, with the facts that do not change
    with the language (plone.app.multilingual copies them when its form makes the translation,
    not when an existing item is linked: the translator's first edit would copy her empty ones
    back to the source)."""
    english = ITranslationManager(source).get_translation(DEFAULT_LANGUAGE)
    target = event.target
    if english is not None and target is not None and target is not english:
        fields = ILanguageIndependentFieldsManager(english, None)
        if fields is not None and fields.copy_fields(target):
            target.reindexObject()
        mark_translated(target, english)


@indexer(ITranslatable)
def translation_outdated(obj):
    return is_outdated(obj)
