"""The upcoming events portlet, rendered once per person, language and minute until the catalog
changes (core/pagecache.py): plone.app.event keeps the events it finds, not the page it makes of
them, which is what costs (every date formatted in the visitor's language)."""

from clusterpolisee.core.pagecache import shared_key
from plone import api
from plone.app.event.portlets.portlet_events import Renderer
from plone.memoize import ram


def _events_key(method, self):
    if self.request.get("contentFilter"):
        raise ram.DontCache
    return shared_key(
        "events-portlet",
        self.manager.__name__,
        self.data.__name__,
        getattr(self.data, "_p_mtime", None),
        api.portal.get_navigation_root(self.context).getPhysicalPath(),
    )


class PlatformEventsRenderer(Renderer):
    @ram.cache(_events_key)
    def render(self):
        return super().render()
