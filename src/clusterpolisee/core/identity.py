"""The platform's own face in Plone's own settings: its logo and favicon (Site Setup, "Site",
where a site may replace them) and themed pages on every host name.

Plone leaves ``127.0.0.1`` unthemed (plone.app.theming's "Unthemed host names"), so that the
platform served by ``make start`` at ``http://127.0.0.1:8080`` showed no styles at all.
"""

from pathlib import Path
from plone import api
from plone.formwidget.namedfile.converter import b64encode_file


STATIC = Path(__file__).parent / "static"
LOGO = "clusterpolisee-logo.svg"
FAVICON = "clusterpolisee-favicon.svg"
SVG = "image/svg+xml"
UNTHEMED_HOSTS = "plone.app.theming.interfaces.IThemeSettings.hostnameBlacklist"
# What Plone ships; a site that listed its own host names keeps them.
PLONE_UNTHEMED_HOSTS = ["127.0.0.1"]


def logo_bytes():
    return (STATIC / "logo.svg").read_bytes()


def favicon_bytes():
    return (STATIC / "favicon.svg").read_bytes()


def apply_identity():
    """The platform's logo and favicon where the site has none of its own, and every host
    themed where the site kept Plone's list. Returns the names of the settings changed."""
    changed = []
    if not api.portal.get_registry_record("plone.site_logo", default=None):
        api.portal.set_registry_record("plone.site_logo", b64encode_file(LOGO, logo_bytes()))
        changed.append("plone.site_logo")
    if not api.portal.get_registry_record("plone.site_favicon", default=None):
        api.portal.set_registry_record(
            "plone.site_favicon", b64encode_file(FAVICON, favicon_bytes())
        )
        api.portal.set_registry_record("plone.site_favicon_mimetype", SVG)
        changed.append("plone.site_favicon")
    hosts = api.portal.get_registry_record(UNTHEMED_HOSTS, default=None)
    if hosts is not None and list(hosts) == PLONE_UNTHEMED_HOSTS:
        api.portal.set_registry_record(UNTHEMED_HOSTS, [])
        changed.append(UNTHEMED_HOSTS)
    return changed
