"""``@@map``: the map of the repository, region by region, with its table (public/map/)."""

from clusterpolisee import _
from clusterpolisee.core.geography import COUNTRIES
from clusterpolisee.core.topics import TOPICS
from clusterpolisee.public.map.drawing import map_svg
from clusterpolisee.public.map.drawing import MAP_TYPES
from clusterpolisee.public.map.drawing import regions
from clusterpolisee.public.map.drawing import TYPE_IDS
from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from zope.i18n import translate


COUNTRY_NAMES = dict(COUNTRIES)


class MapView(BrowserView):
    """The map, filtered by topic and type (a form that works without script), and the same
    figures as a table for screen readers and keyboards."""

    page_title = _("heading_map", default="Map of the repository")

    def __call__(self):
        self.error = None
        self.topic = self._choice("topic", {key for key, *_rest in TOPICS})
        self.portal_type = self._choice("type", set(TYPE_IDS))
        return self.index()

    def _choice(self, name, allowed):
        value = self.request.form.get(name, "")
        if value == "":
            return None
        if not isinstance(value, str) or value not in allowed:
            self.error = _("Choose a topic and a type from the lists.")
            self.request.response.setStatus(400)
            return None
        return value

    def text(self, message):
        return translate(message, context=self.request)

    def root_url(self):
        return api.portal.get_navigation_root(self.context).absolute_url()

    @memoize
    def regions(self):
        found = regions(self.root_url(), self.topic, self.portal_type)
        for region in found:
            region["country_title"] = self.text(COUNTRY_NAMES.get(region["country"], ""))
        return found

    def held(self):
        """The regions holding items, most first: the table's rows."""
        return sorted(
            (region for region in self.regions() if region["total"]),
            key=lambda region: (-region["total"], region["title"]),
        )

    def columns(self):
        types = [self.portal_type] if self.portal_type else TYPE_IDS
        return [(name, title) for name, title in MAP_TYPES if name in types]

    def label(self, region):
        return self.text(
            _(
                "${region} (${country}): ${count} items",
                mapping={
                    "region": region["title"],
                    "country": region["country_title"],
                    "count": region["total"],
                },
            )
        )

    def svg(self):
        return map_svg(
            self.regions(),
            self.text(_("Map of South East Europe")),
            self.text(
                _(
                    "Each circle is a region: the larger and darker, the more published items "
                    "it holds. Select a circle to list them. The table below gives the same "
                    "figures."
                )
            ),
            self.label,
        )

    def small_svg(self):
        """The map as one picture, for the home page (a link to this page around it)."""
        self.topic = self.portal_type = None
        return map_svg(
            self.regions(),
            self.text(_("Map of South East Europe")),
            self.text(_("Where the platform's published items come from, region by region.")),
            self.label,
            links=False,
        )

    def topic_options(self):
        return [
            {"value": key, "title": title, "selected": key == self.topic}
            for key, title, _h in TOPICS
        ]

    def type_options(self):
        return [
            {"value": name, "title": title, "selected": name == self.portal_type}
            for name, title in MAP_TYPES
        ]
