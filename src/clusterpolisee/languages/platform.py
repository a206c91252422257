"""One platform in every language.

The platform's sections (``/repository``, ``/institutions``, ``/events``, ``/working-groups``...)
are language-neutral folders at the site root, the place plone.app.multilingual gives content
shared by every language; the language homes (``/en`` ... ``/de``) hold the questionnaires and
the translations. Whichever home a visitor comes through, the platform's pages cover the whole
platform, with the interface in the visitor's language.

Each listing shows one item per translation group: the visitor's language when a published
translation exists, else the original. The catalog's ``shown_in_language`` index says, for
each item, in which interface languages it stands for its group ("*": in every one), so that
listings, counts and facets need one more criterion, not a walk through the results.
"""

from Acquisition import aq_base
from clusterpolisee.languages.homes import DEFAULT_LANGUAGE
from clusterpolisee.languages.homes import LANGUAGE_CODES
from plone import api
from plone.app.multilingual.interfaces import ILanguageRootFolder
from plone.app.multilingual.interfaces import ITG
from plone.app.multilingual.interfaces import ITranslatable
from plone.app.multilingual.interfaces import NOTG
from plone.base.interfaces import ILanguage
from plone.indexer import indexer
from zope.globalrequest import getRequest
from zope.interface import Interface


SHOWN_IN_LANGUAGE = "shown_in_language"
EVERY_LANGUAGE = "*"
PUBLISHED = "published"


def platform_root():
    """The platform's root, whichever language home a page is called on: the site."""
    return api.portal.get()


def platform_path():
    return "/".join(platform_root().getPhysicalPath())


def visitor_language(request=None):
    """The interface language of this request (plone.i18n's negotiation), one of the
    platform's languages."""
    request = request if request is not None else getRequest()
    language = (request.get("LANGUAGE") if request is not None else None) or DEFAULT_LANGUAGE
    language = language.split("-")[0]
    return language if language in LANGUAGE_CODES else DEFAULT_LANGUAGE


def in_visitor_language(request=None):
    """The catalog criteria that keep one item per translation group, in the visitor's
    language when it has one."""
    return in_language(visitor_language(request))


def in_language(language):
    """The catalog criteria that keep one item per translation group, in ``language`` when it
    has one (counted in the default language, every group counts once, in every language)."""
    return {SHOWN_IN_LANGUAGE: [language, EVERY_LANGUAGE]}


# Set (volatile, so never stored) on an item that is known to be alone in its translation
# group until its indexing (repository/bulk.py): its value needs no catalog search, which would
# index every item queued before it, one by one.
ALONE_IN_GROUP = "_v_alone_in_translation_group"


def translation_group(obj):
    group = ITG(obj, None) if ITranslatable.providedBy(obj) else None
    return group if group and group != NOTG else None


def _group_members(obj, group):
    """The other items of ``obj``'s translation group, whoever may see them."""
    catalog = api.portal.get_tool("portal_catalog")
    own_uid = api.content.get_uuid(obj)
    for brain in catalog.unrestrictedSearchResults(TranslationGroup=group):
        if own_uid != brain.UID:
            member = brain._unrestrictedGetObject()
            if member is not None:
                yield member


def shown_in(obj):
    """The interface languages in which ``obj`` stands for its translation group."""
    language = ILanguage(obj).get_language() if ITranslatable.providedBy(obj) else ""
    group = translation_group(obj)
    if (
        language not in LANGUAGE_CODES
        or group is None
        or getattr(aq_base(obj), ALONE_IN_GROUP, False)
    ):
        return [EVERY_LANGUAGE]
    # Which other languages have a version, and which of those visitors find published (the
    # state is read from the object: its catalog entry may lag behind a transition's event).
    versions = {}
    for member in _group_members(obj, group):
        member_language = ILanguage(member).get_language()
        if member_language in LANGUAGE_CODES and member_language != language:
            is_published = api.content.get_state(member, default=None) == PUBLISHED
            versions[member_language] = versions.get(member_language, False) or is_published
    published = {code for code, is_published in versions.items() if is_published}
    if language == DEFAULT_LANGUAGE:
        stands_in = True  # the original
    elif versions.get(DEFAULT_LANGUAGE):
        stands_in = False  # the published English original stands in for the others
    else:
        # No published English: the first published language (the platform's order) stands in.
        order = LANGUAGE_CODES.index
        stands_in = not any(order(code) < order(language) for code in published)
    if not stands_in:
        return [language]
    if not published:
        return [EVERY_LANGUAGE]
    return [code for code in LANGUAGE_CODES if code not in published]


@indexer(Interface)
def shown_in_language(obj):
    return shown_in(obj)


def reindex_translation_group(obj, event=None):
    """When an item of a translation group is published, retracted or removed, the others may
    stand for other languages than before (its own value depends on the others only)."""
    group = translation_group(obj)
    if group is None:
        return
    for member in _group_members(obj, group):
        member.reindexObject(idxs=[SHOWN_IN_LANGUAGE])


def translation_linked(obj, event):
    """A translation registered with ``obj``: the group, ``obj`` included, has a new member."""
    reindex_translation_group(obj)
    obj.reindexObject(idxs=[SHOWN_IN_LANGUAGE])


def translation_unlinked(obj, event):
    """A translation taken out of its group (plone.app.multilingual's removal or replacement)
    stands alone again; the group's others take over."""
    translation_linked(event.object, event)
    event.old_object.reindexObject(idxs=[SHOWN_IN_LANGUAGE])


def index_every_item(portal):
    """Fill ``shown_in_language`` for every item (for sites made before the index)."""
    catalog = api.portal.get_tool("portal_catalog")
    catalog.manage_reindexIndex(ids=[SHOWN_IN_LANGUAGE])


def interface_in_member_language(user, event):
    """At sign-in, a member who chose a language in their preferences gets the interface in it
    (the cookie the language bar sets), wherever the browser's languages point."""
    request = getRequest()
    member = api.user.get(userid=user.getId()) if request is not None else None
    language = (member.getProperty("language", "") or "").split("-")[0] if member else ""
    if language in LANGUAGE_CODES:
        request.response.setCookie("I18N_LANGUAGE", language, path="/")


def remember_language_home(event):
    """A visitor who comes through a language home keeps its language in the sections outside
    the homes (the cookie the language bar sets). Only there: a cookie on every answer would
    keep the caching proxy from storing any page for visitors who have none yet.

    Called after traversal, and again before an aborted answer: plone.app.caching answers
    "not modified" (the browser's copy) or from its RAM cache by raising in its own
    after-traversal hook, before this one, so a visitor whose cookie said another language kept
    it, and read the sections in that language."""
    request = event.request
    for parent in request.get("PARENTS", ()):
        if ILanguageRootFolder.providedBy(parent):
            language = ILanguage(parent).get_language()
            if language in LANGUAGE_CODES and request.cookies.get("I18N_LANGUAGE") != language:
                request.response.setCookie("I18N_LANGUAGE", language, path="/")
            return


def interface_follows_saved_language(event):
    """A member who saves a language on their own Personal Preferences gets the interface in it
    from the next page on (not only at their next sign-in); a manager editing someone else's
    preferences (``?userid=``) keeps their own."""
    from plone.app.users.browser.personalpreferences import PersonalPreferencesPanel

    form = event.context
    if not isinstance(form, PersonalPreferencesPanel) or form.request.get("userid"):
        return
    language = ((event.data or {}).get("language") or "").split("-")[0]
    if language in LANGUAGE_CODES:
        form.request.response.setCookie("I18N_LANGUAGE", language, path="/")
