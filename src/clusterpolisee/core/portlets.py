"""The upcoming events portlet, rendered once per person, language and minute until the catalog
changes (core/pagecache.py): plone.app.event keeps the events it finds, not the page it makes of
them, which is what costs (every date formatted in the visitor's language)."""

from clusterpolisee.core.pagecache import shared_key
from plone import api
from plone.app.event.portlets.portlet_events import Renderer
from plone.memoize import ram
from plone.memoize.instance import memoize


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
    @property
    @memoize
    def events(self):
        # plone.app.event keeps the events it found from one request to the next: objects of a
        # connection another request has closed since. Once the object cache had let them go
        # (200,000 practices), the portlet failed (ConnectionStateError). Found in the request
        # that shows them; what is kept between requests is the page (render, below).
        return Renderer.events.fget.__wrapped__(self)

    @property
    @ram.cache(_events_key)
    def available(self):
        return super().available

    @ram.cache(_events_key)
    def render(self):
        return super().render()
