"""The partner search's pages: ``@@partner-search`` (the folder's layout: the open requests as
cards, filtered by topic and region), a request's own page, and ``@@express-interest`` (the
button's form), which sends the author a private message (matchmaking/interests.py)."""

from clusterpolisee.cooperation import requests
from clusterpolisee.core import dates
from clusterpolisee.core.geography import REGION_NAMES
from clusterpolisee.core.people import fullname
from clusterpolisee.core.vocabularies import VocabularyTitles
from clusterpolisee.matchmaking.interests import MAX_NOTE
from clusterpolisee.matchmaking.interests import member_region
from clusterpolisee.matchmaking.interests import region_url
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode


class RequestCards:
    """What the cards and a request's page show, from catalog brains (or the object's own
    values): each vocabulary looked up once per page."""

    def __init__(self, context, request):
        self.context = context
        self.request = request
        self.titles = VocabularyTitles(context)
        self.user_id = None if api.user.is_anonymous() else api.user.get_current().getId()
        self.own_region = member_region()
        self.portal_url = api.portal.get().absolute_url()

    def card(self, uid, url, title, description, topics, region, expires, creator, state, target):
        """``target``: the object or brain the permission to express interest is checked on."""
        deadline = requests.deadline_of(expires)
        record = requests.interest_of(uid, self.user_id)
        return {
            "uid": uid,
            "url": url,
            "title": title,
            "description": description,
            "topics": [self.titles(requests.TOPICS_VOCABULARY, topic) for topic in topics or ()],
            "region": region,
            "region_name": REGION_NAMES.get(region, region),
            "region_url": region_url(region) if region in REGION_NAMES else None,
            "deadline": dates.format_time(deadline) if deadline else "",
            "deadline_iso": deadline.isoformat() if deadline else "",
            "author": fullname(creator),
            "public": state == requests.PUBLIC_STATE,
            "interest_date": requests.interest_date(record) if record else None,
            "may_express": record is None
            and requests.may_express_interest(target, creator, self.user_id),
            "ask_region": self.own_region is None,
        }

    def from_brain(self, brain, folder):
        return self.card(
            brain.UID,
            brain.getURL(),
            brain.Title,
            brain.Description,
            brain.topics,
            brain.region[0] if brain.region else None,
            brain.expires,
            brain.Creator,
            brain.review_state,
            folder,
        )

    def from_object(self, obj):
        return self.card(
            obj.UID(),
            obj.absolute_url(),
            obj.Title(),
            obj.Description(),
            getattr(obj, "topics", None),
            obj.region,
            obj.expires(),
            obj.Creator(),
            api.content.get_state(obj, default=None),
            obj,
        )

    def region_options(self):
        return sorted(REGION_NAMES.items(), key=lambda item: item[1])


class PartnerSearchView(BrowserView):
    """``@@partner-search``: the open requests the visitor may see, by topic and region."""

    interest_form = ViewPageTemplateFile("templates/interest_form.pt")

    def __call__(self):
        self.error = None
        self.topic = self.request.form.get("topic") or ""
        self.region = self.request.form.get("region") or ""
        self.cards = RequestCards(self.context, self.request)
        try:
            brains = requests.open_requests(self.topic, self.region, self.context)
        except requests.FilterError as error:
            self.error = error.message
            self.request.response.setStatus(400)
            brains = []
            self.topic = self.region = ""
        self.items = [self.cards.from_brain(brain, self.context) for brain in brains]
        return self.index()

    def topic_options(self):
        return [
            (topic_id, self.cards.titles(requests.TOPICS_VOCABULARY, topic_id))
            for topic_id in requests.topic_ids(self.context)
        ]

    def region_options(self):
        return self.cards.region_options()

    def filtered(self):
        return bool(self.topic or self.region)

    def can_post(self):
        return api.user.has_permission(
            requests.ADD_REQUEST, obj=self.context
        ) and api.user.has_permission("Add portal content", obj=self.context)

    def add_url(self):
        return f"{self.context.absolute_url()}/++add++{requests.PORTAL_TYPE}"

    def is_anonymous(self):
        return api.user.is_anonymous()

    def login_url(self):
        portal_url = api.portal.get().absolute_url()
        return f"{portal_url}/login?{urlencode({'came_from': self.context.absolute_url()})}"

    def came_from(self):
        query = {
            key: value for key, value in (("topic", self.topic), ("region", self.region)) if value
        }
        url = self.context.absolute_url()
        return f"{url}?{urlencode(query)}" if query else url


class RequestView(BrowserView):
    """A request's own page: its facts, its text, and the button to express interest."""

    interest_form = ViewPageTemplateFile("templates/interest_form.pt")
    # The cards' facts, the same on the request's page (a macro of the listing).
    listing_template = ViewPageTemplateFile("templates/partner_search.pt")

    def __call__(self):
        self.cards = RequestCards(self.context, self.request)
        self.item = self.cards.from_object(self.context)
        self.open = requests.is_open(self.context)
        if not self.open:
            self.item["may_express"] = False
        return self.index()

    def region_options(self):
        return self.cards.region_options()

    def is_anonymous(self):
        return api.user.is_anonymous()

    def login_url(self):
        portal_url = api.portal.get().absolute_url()
        return f"{portal_url}/login?{urlencode({'came_from': self.context.absolute_url()})}"

    def came_from(self):
        return self.context.absolute_url()

    def max_note(self):
        return MAX_NOTE
