"""``@@matchmaking``: practices from other regions for a region's needs; and the "Express
interest" button of a practice (``@@express-interest``)."""

from clusterpolisee import _
from clusterpolisee.core.geography import NUTS2_REGIONS
from clusterpolisee.core.geography import REGION_NAMES
from clusterpolisee.matchmaking.interests import express_interest_in
from clusterpolisee.matchmaking.interests import interest_message
from clusterpolisee.matchmaking.interests import InterestError
from clusterpolisee.matchmaking.interests import member_region
from clusterpolisee.matchmaking.suggestions import suggest
from clusterpolisee.regions.profiles import region_data
from plone import api
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


SUGGESTIONS_SHOWN = 20


class MatchmakingView(BrowserView):
    """Choose a region (by default one's own); read the practices suggested for it and why."""

    page_title = _("heading_matchmaking", default="Matchmaking")

    suggestion_macros = ViewPageTemplateFile("templates/suggestion_macros.pt")
    region_names = REGION_NAMES

    def __call__(self):
        self.error = None
        asked = self.request.form.get("region", "")
        if asked == "":
            self.code = member_region()
        elif isinstance(asked, str) and asked.upper() in REGION_NAMES:
            self.code = asked.upper()
        else:
            self.code = None
            self.error = _("Choose a region from the list.")
            self.request.response.setStatus(400)
        return self.index()

    def root_url(self):
        return api.portal.get_navigation_root(self.context).absolute_url()

    def region_options(self):
        return [
            {"value": code, "title": f"{name} ({code})", "selected": code == self.code}
            for code, name in NUTS2_REGIONS
        ]

    @memoize
    def region(self):
        return region_data(self.code, self.context, self.request) if self.code else None

    @memoize
    def suggestions(self):
        return suggest(self.code, self.request, limit=SUGGESTIONS_SHOWN) if self.code else []

    def may_express_interest(self):
        return not api.user.is_anonymous() and api.user.has_permission(
            "clusterpolisee: Express interest", obj=api.portal.get()
        )


class ExpressInterestView(BrowserView):
    """``@@express-interest`` on a practice or a cooperation request (POST, with the form's
    authenticator): record the member's interest, send its people a private message, and go
    back to the page the button was on; a region or a note that cannot be used shows the
    item's page again with the reason (400)."""

    def __call__(self):
        PostOnly(self.request)
        CheckAuthenticator(self.request)
        form = self.request.form
        try:
            record, created = express_interest_in(
                self.context, form.get("region") or None, form.get("note") or ""
            )
        except InterestError as error:
            api.portal.show_message(error.message, self.request, type="error")
            self.request.response.setStatus(400)
            return self.context.restrictedTraverse("@@view")()
        api.portal.show_message(
            interest_message(self.context, record, created),
            self.request,
            type="info" if created else "warning",
        )
        self.request.response.redirect(self._back(form.get("came_from")))
        return ""

    def _back(self, came_from):
        """The page the button was on, if it is one of the site's; else the item's page."""
        portal_url = api.portal.get_tool("portal_url")
        if isinstance(came_from, str) and came_from and portal_url.isURLInPortal(came_from):
            return came_from
        return self.context.absolute_url()
