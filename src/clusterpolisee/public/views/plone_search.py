"""Plone's own search page (``@@search``) and the search box's live results (``@@ajax-search``)
search the whole platform from every language home, one item per translation group in the
visitor's language (languages/platform.py), like the platform's search page: stock Plone looks
below the navigation root only, so from ``/bg`` it found nothing but the consultations, and from
the site root it listed each questionnaire thirteen times, Romanian first for an English
visitor. Parameters Plone cannot use (a list for the text, letters for a page number, bytes that
are not UTF-8) get HTTP 400 and a message, not Plone's server error."""

from clusterpolisee import _
from clusterpolisee.core.numbers import whole_number
from clusterpolisee.languages.platform import in_visitor_language
from clusterpolisee.languages.platform import platform_path
from clusterpolisee.public import search
from DateTime import DateTime
from DateTime.interfaces import DateTimeError
from pathlib import Path
from plone import api
from Products.CMFPlone.browser.search import AjaxSearch
from Products.CMFPlone.browser.search import Search
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.ZCatalog.Catalog import CatalogError
from zope.i18n import translate
from ZPublisher.HTTPRequest import record
import json
import Products.CMFPlone.browser


# Plone's search reads these as one line of text or a whole number.
TEXT_PARAMETERS = ("SearchableText", "sort_on", "sort_order", "created", "advanced_search")
# The ranges of its form's "created" criterion.
CREATED_RANGES = ("min", "max")
NUMBER_PARAMETERS = ("b_start", "b_size", "perPage", "page")
# The sorts Plone's search page offers.
SORTS = ("", "relevance", "Date", "sortable_title")
# What a catalog index raises on a value it cannot read (a date that is not one, say).
UNREADABLE = (CatalogError, DateTimeError, SyntaxError, ValueError, TypeError)


def _plone_created(name, value):
    """Whether ``value`` is the "created" criterion Plone's search form sends with every search
    and page link (``created.query:record:date``, ``created.range:record``)."""
    return (
        name == "created"
        and isinstance(value, record)
        and set(value.keys()) <= {"query", "range"}
        and isinstance(value.get("query"), DateTime)
        and value.get("range", "min") in CREATED_RANGES
    )


def parameter_error(form):
    """Why Plone's search cannot use the request's parameters, or None."""
    if not all(search._is_text(name) and search._is_text(value) for name, value in form.items()):
        return _(
            "The search address holds characters that are not UTF-8 text. Type the search again."
        )
    if any(
        name in form and not (isinstance(form[name], str) or _plone_created(name, form[name]))
        for name in TEXT_PARAMETERS
    ):
        return _("The search text must be a single line of text.")
    if form.get("sort_on", "") not in SORTS:
        return _("Results can be sorted by relevance, date or title only.")
    for name in NUMBER_PARAMETERS:
        value = form.get(name)
        # The search form and its page links send b_start:int, a number.
        if value is not None and whole_number(value) is None:
            return _(
                "error_search_number",
                default="${name} must be a whole number.",
                mapping={"name": name},
            )
    return None


class PlatformFilter:
    def filter_query(self, query):
        query = super().filter_query(query)
        if query is None:
            return None
        if "path" not in self.request.form:
            # The whole platform: Plone's own search keeps to the language home it is called on
            # (its navigation root).
            query.pop("path", None)
            query.update(search.within(platform_path()))
        query.update(in_visitor_language(self.request))
        return query


class PlatformSearch(PlatformFilter, Search):
    # Plone's own template.
    index = ViewPageTemplateFile(
        "search.pt", _prefix=str(Path(Products.CMFPlone.browser.__file__).parent / "templates")
    )

    def __call__(self):
        error = parameter_error(self.request.form)
        if error is None:
            try:
                return self.index()
            except UNREADABLE:
                error = _("The search could not read its parameters. Search again from the form.")
        # Said on the page; the search starts again from an empty form.
        self.request.response.setStatus(400)
        self.request.form.clear()
        api.portal.show_message(error, request=self.request, type="error")
        return self.index()


class PlatformAjaxSearch(PlatformFilter, AjaxSearch):
    def __call__(self):
        error = parameter_error(self.request.form)
        if error is None:
            try:
                return super().__call__()
            except UNREADABLE:
                error = _("The search could not read its parameters. Search again from the form.")
        response = self.request.response
        response.setStatus(400)
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        return json.dumps({"error": translate(error, context=self.request)})
