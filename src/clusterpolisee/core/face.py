"""The platform's face on every page (identity.py): its footer in place of Plone's copyright
notice and "Powered by Plone", no byline on its own pages, and its privacy notice."""

from plone import api
from plone.app.layout.viewlets.content import DocumentBylineViewlet
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


# IPlatformSettings is registered with the prefix "clusterpolisee" (registry.xml).
COORDINATOR_EMAIL_RECORD = "clusterpolisee.coordinator_email"


class FooterView(BrowserView):
    """The footer's first card (Plone's footer portlet, a classic portlet, renders
    ``@@footer``): the platform's name, the project, and how to reach the coordinator."""

    index = ViewPageTemplateFile("templates/footer.pt")

    def __call__(self):
        return self.index()

    def site_title(self):
        return api.portal.get_registry_record("plone.site_title", default="") or ""

    def coordinator_email(self):
        return api.portal.get_registry_record(COORDINATOR_EMAIL_RECORD, default=None) or None

    def root_url(self):
        return api.portal.get_navigation_root(self.context).absolute_url()


class ColophonView(FooterView):
    """The footer's last card: who funds the platform, in place of "Powered by Plone"."""

    index = ViewPageTemplateFile("templates/colophon.pt")


class PlatformPageByline(DocumentBylineViewlet):
    """The platform's own pages were written by nobody: no "by admin — last modified" on its
    home and the pages called on it (indicators, open data, search...), its sections
    (IPlatformSection) and its workspaces' dashboards."""

    def render(self):
        return ""


class PrivacyNoticeView(BrowserView):
    """``@@privacy-notice``: what the platform keeps about people, why, for how long, and
    their rights."""

    index = ViewPageTemplateFile("templates/privacy_notice.pt")

    def __call__(self):
        return self.index()

    def coordinator_email(self):
        return api.portal.get_registry_record(COORDINATOR_EMAIL_RECORD, default=None) or None

    def root_url(self):
        return api.portal.get_navigation_root(self.context).absolute_url()
