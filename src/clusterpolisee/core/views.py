"""``@@platform-dates``: dates for templates, in the platform's declared zone (dates.py).

Plone's ``@@plone/toLocalizedTime`` writes the server process's local time; these write the wall
time of the site's zone, or of an event's or meeting's own zone, named.
"""

from clusterpolisee.core import dates
from Products.Five.browser import BrowserView
from zExceptions import NotFound


class PlatformDatesView(BrowserView):
    def __call__(self):
        # A helper for templates, not a page.
        raise NotFound(self.__name__)

    def format(self, value, long_format=False):
        """A moment (or a date) in the platform's zone."""
        return dates.format_time(value, long_format, context=self.context, request=self.request)

    def event_time(self, value, long_format=True):
        """An event's or meeting's start or end, on its own clock, its zone named (or its day
        only, without ``long_format``)."""
        if not long_format:
            return dates.format_time(
                value, False, context=self.context, request=self.request, keep_own_zone=True
            )
        return dates.format_event_time(value, context=self.context, request=self.request)
