"""The platform's event details (topics, organiser, EU initiative, audience, meeting link, and
where the event belongs)."""

from clusterpolisee.core.fields import safe_link
from clusterpolisee.core.fields import WEB_SCHEMES
from clusterpolisee.core.vocabularies import vocabulary_title
from clusterpolisee.repository.event_details import IEventDetails
from clusterpolisee.repository.views.items import topic_links
from plone.app.layout.viewlets import ViewletBase


class EventDetailsViewlet(ViewletBase):
    """Shown below an event's body, next to Plone's own event details."""

    def available(self):
        return IEventDetails.providedBy(self.context) and bool(
            self.topics() or self.facts() or self.meeting_url()
        )

    def meeting_url(self):
        """The online meeting's web address; a link stored before links were checked and that a
        browser would run is no link."""
        return safe_link(self.context.online_meeting_url, WEB_SCHEMES)

    def topics(self):
        return topic_links(self.context, getattr(self.context, "topics", None))

    def facts(self):
        context = self.context
        audience = [
            vocabulary_title("clusterpolisee.vocabularies.Audiences", value, context)
            for value in context.audience or ()
        ]
        rows = [
            ("organiser", context.organiser),
            (
                "eu_initiative",
                vocabulary_title(
                    "clusterpolisee.vocabularies.EUInitiatives", context.eu_initiative, context
                ),
            ),
            ("audience", audience),
        ]
        for name, vocabulary in (
            ("country", "clusterpolisee.vocabularies.Countries"),
            ("region", "clusterpolisee.vocabularies.Regions"),
            ("governance_level", "clusterpolisee.vocabularies.GovernanceLevels"),
            ("working_group", "clusterpolisee.vocabularies.WorkingGroups"),
        ):
            rows.append((name, vocabulary_title(vocabulary, getattr(context, name, None), context)))
        return {name: value for name, value in rows if value}
