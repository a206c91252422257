"""A region's page (``@@region/<code>``, also the view of its profile) and the regions' index."""

from clusterpolisee.core.geography import REGION_NAMES
from clusterpolisee.matchmaking.suggestions import suggest
from clusterpolisee.regions.profiles import region_data
from clusterpolisee.regions.profiles import region_list
from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


SUGGESTIONS_SHOWN = 5


class RegionPage(BrowserView):
    """What the platform knows about one region; ``code`` is set by the subclasses."""

    code = None
    region_names = REGION_NAMES
    suggestion_macros = ViewPageTemplateFile("../matchmaking/templates/suggestion_macros.pt")

    def __call__(self):
        if self.code not in REGION_NAMES:
            raise NotFound(self.code)
        return self.index()

    @memoize
    def data(self):
        return region_data(self.code, self.context, self.request)

    def page_title(self):
        data = self.data()
        return f"{data['name']} ({data['code']})"

    @memoize
    def suggestions(self):
        return suggest(self.code, self.request, limit=SUGGESTIONS_SHOWN)

    def root_url(self):
        return api.portal.get_navigation_root(self.context).absolute_url()

    def may_express_interest(self):
        return not api.user.is_anonymous() and api.user.has_permission(
            "clusterpolisee: Express interest", obj=api.portal.get()
        )

    def search_url(self, portal_type):
        return f"{self.root_url()}/@@platform-search?region={self.code}&portal_type={portal_type}"


@implementer(IPublishTraverse)
class RegionView(RegionPage):
    """``@@region/<NUTS 2 code>`` on the site and on every language home."""

    def publishTraverse(self, request, name):
        if self.code is None:
            self.code = name.upper() if isinstance(name, str) else None
            return self
        raise NotFound(name)

    def __call__(self):
        if self.code is None:
            # No region named: the index of all of them.
            self.request.response.redirect(f"{api.portal.get().absolute_url()}/regions")
            return ""
        return super().__call__()


class RegionProfileView(RegionPage):
    """The region profile's own page is its region's page."""

    @property
    def code(self):
        return self.context.region


class RegionsIndexView(BrowserView):
    """Every region of the platform by country, with its smart-specialisation priorities; a
    member's own region first."""

    def own_region(self):
        if api.user.is_anonymous():
            return None
        code = api.user.get_current().getProperty("region", None)
        if code not in REGION_NAMES:
            return None
        return {
            "code": code,
            "name": REGION_NAMES[code],
            "url": f"{self.root_url()}/@@region/{code}",
        }

    def root_url(self):
        return api.portal.get_navigation_root(self.context).absolute_url()

    @memoize
    def countries(self):
        countries = []
        for region in region_list(self.context, self.request):
            if not countries or countries[-1]["code"] != region["country"]:
                countries.append(
                    {"code": region["country"], "title": region["country_title"], "regions": []}
                )
            countries[-1]["regions"].append(region)
        return sorted(countries, key=lambda country: country["title"])
