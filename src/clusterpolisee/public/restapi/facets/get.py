"""``GET @facets``: how many results each facet value would give, for the parameters of ``@search``.

The parameters are those of the search page (``SearchableText``, ``portal_type``, ``topics``,
``country``, ``region``, ``sectors`` (NACE Rev. 2 sections), ``specialisation_domains``,
``policy_type``, ``policy_cycle_stage``, ``governance_level``, ``Language``, ``year``).
Values are titled in the request's language. The answer names the ``@search`` address that lists
the same results.
"""

from clusterpolisee.core.vocabularies import VocabularyTitles
from clusterpolisee.languages.platform import platform_path
from clusterpolisee.languages.platform import platform_root
from clusterpolisee.languages.platform import visitor_language
from clusterpolisee.public import search
from plone.restapi.services import Service
from Products.ZCTextIndex.ParseTree import ParseError
from urllib.parse import urlencode
from zope.i18n import translate


class FacetsGet(Service):
    def reply(self):
        try:
            # The whole platform, one result per translation group in the visitor's language.
            query = search.FacetedQuery(
                self.request.form,
                search.SEARCH_FACETS,
                platform_path(),
                default_types=search.searchable_types(),
                language=visitor_language(self.request),
            )
            found = search.FacetedSearch(query)
            total = len(found)
            counts = found.facet_counts()
        except search.SearchError as error:
            return self._error(translate(error.args[0], context=self.request))
        except ParseError:
            return self._error("The search text could not be understood. Try plain words.")
        titles = VocabularyTitles(self.context)
        params = []
        for name, value in query.catalog_query().items():
            if name == "path":
                continue  # @search looks below the object it is called on: call it on the site
            if name == "portal_type" and isinstance(value, dict):
                value = query.default_types  # @search takes the types to list, not to leave out
            for item in value if isinstance(value, (list, tuple)) else [value]:
                params.append((name, item))
        return {
            "@id": f"{self.request['ACTUAL_URL']}",
            "items_total": total,
            "search": f"{platform_root().absolute_url()}/@search?{urlencode(params)}",
            "facets": [
                {
                    "name": facet.index,
                    "title": translate(facet.title, context=self.request),
                    "values": [
                        {
                            "value": value,
                            "title": translate(
                                facet.value_title(value, titles), context=self.request
                            ),
                            "count": count,
                            "selected": value in query.selections.get(facet.index, []),
                        }
                        for value, count in values
                    ],
                }
                for facet, values in counts
            ],
        }

    def _error(self, message):
        self.request.response.setStatus(400)
        return {"error": {"type": "BadRequest", "message": message}}
