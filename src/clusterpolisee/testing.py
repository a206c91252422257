"""Test layers: a Plone site with the platform installed, for integration and functional tests.

FUNCTIONAL_TESTING serves the site through a real WSGI server, so browser tests (headless
Chromium) and HTTP clients reach it at ``layer["host"]``/``layer["port"]``.
"""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE
import clusterpolisee


# The site's time zone, as ``make start`` sets it (demo/site.py): the platform's declared zone.
PORTAL_TIMEZONE = "Europe/Bucharest"


class ClusterpoliseeLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # The package's configure.zcml pulls in every add-on the profile depends on.
        self.loadZCML(package=clusterpolisee)

    def setUpPloneSite(self, portal):
        # Here, not at the top: the demo's modules import the content schemas, which need the
        # ZCML loaded above.
        from clusterpolisee.demo.site import SITE_TITLE

        # Named as "make start" names it: the home's heading, the pages' titles, the mails.
        portal.setTitle(SITE_TITLE)
        portal.portal_registry["plone.site_title"] = SITE_TITLE
        # PLONE_FIXTURE has no workflow; a site made by "make start" publishes with this one.
        portal.portal_workflow.setDefaultChain("simple_publication_workflow")
        portal.portal_registry["plone.portal_timezone"] = PORTAL_TIMEZONE
        applyProfile(portal, "clusterpolisee:default")
        # As `make start` makes it: the platform's sections, homes and consultations.
        applyProfile(portal, "clusterpolisee:site")


FIXTURE = ClusterpoliseeLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="ClusterpoliseeLayer:IntegrationTesting",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="ClusterpoliseeLayer:FunctionalTesting",
)
