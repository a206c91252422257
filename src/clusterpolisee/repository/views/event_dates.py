"""plone.app.event's event page, event listing and events portlet, with the platform's dates
(core/dates.py): an event's time on its own clock, its zone named, as the page's language writes
it, the same words as on the events calendar, the landing page and a meeting's page."""

from clusterpolisee.core import dates
from html import escape
from plone.app.event.browser.event_summary import EventSummaryView as BaseEventSummaryView
from plone.event.interfaces import IEventAccessor
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
import os
import plone.app.event.browser


def _accessor(occurrence):
    return occurrence if IEventAccessor.providedBy(occurrence) else IEventAccessor(occurrence)


def _time_element(css_class, moment, text):
    return (
        f'<time class="{css_class}" datetime="{escape(moment.isoformat())}">{escape(text)}</time>'
    )


class FormattedDate:
    """The ``formatted_date`` content provider of plone.app.event's pages (the event's summary,
    its listing): from start to end, the zone named once. On the event's page, which says
    nothing else of its zone, the zone's name too ("(Europe/Bucharest)")."""

    def __init__(self, context, request, view):
        self.context = context
        self.request = request
        self.__parent__ = view

    def __call__(self, occurrence):
        event = _accessor(occurrence)
        if event.start is None:
            return ""
        start = dates.own(event.start)
        text = dates.format_event_span(
            start,
            event.end,
            whole_day=event.whole_day,
            open_end=event.open_end,
            context=self.context,
            request=self.request,
        )
        html = _time_element("dtstart", start, text)
        if getattr(self.__parent__, "names_the_zone", False) and not event.whole_day:
            html += f' <span class="timezone text-muted">({escape(dates.zone_name(start))})</span>'
        return html


class FormattedStartDate(FormattedDate):
    """``formatted_date`` in a portlet (the events portlet): when the event starts; the portlet
    names the zone after it."""

    def __call__(self, occurrence):
        event = _accessor(occurrence)
        if event.start is None:
            return ""
        start = dates.own(event.start)
        if event.whole_day:
            text = dates.format_time(start, context=self.context, keep_own_zone=True)
        else:
            text = dates.format_event_time(start, context=self.context, request=self.request)
        return _time_element("dtstart", start, text)


class _ZoneNamedByTheDate:
    """An event's accessor whose ``timezone`` the summary does not repeat: its time
    (FormattedDate) names the zone already, where the stock line would add it with a broken
    offset ("Europe/Bucharest / UTC200")."""

    timezone = None

    def __init__(self, accessor):
        object.__setattr__(self, "_accessor", accessor)

    def __getattr__(self, name):
        return getattr(self._accessor, name)


class EventSummaryView(BaseEventSummaryView):
    """plone.app.event's summary of an event (its template), with the platform's dates."""

    index = ViewPageTemplateFile(
        "event_summary.pt", _prefix=os.path.dirname(plone.app.event.browser.__file__)
    )
    names_the_zone = True

    def __init__(self, context, request):
        super().__init__(context, request)
        self.data = _ZoneNamedByTheDate(self.data)

    def __call__(self):
        return self.index()
