"""1014 -> 1015: one platform in thirteen languages (issue 19).

- The language homes reach the whole platform: the catalog's ``shown_in_language`` index
  (one item per translation group in each language), filled for every item.
- The interface language: the language home in the address, else the visitor's choice (a
  cookie set by the language bar and by visiting a language home), else the browser's; no
  longer the content's.
- Forms are called consultations in every language (the EasyForm type's title).
- Members whose country was written "EL" (NUTS's code for Greece, which the demo gave two
  members) have Greece as the countries vocabulary writes it, "GR".
- The six topics have their titles in every partner language (the taxonomy's captions, added
  to those the site has); the Serbian home is titled in Cyrillic like its interface.
- The repository section lists its items with the search's facets, newest first, each in the
  visitor's language (its view, unless the site chose another).
"""

from clusterpolisee.core.geography import NUTS_COUNTRY
from clusterpolisee.languages.homes import retitle_language_homes
from clusterpolisee.languages.platform import index_every_item
from clusterpolisee.upgrades import reimport_steps
from plone import api


# (record, the value the profile shipped before, the value it ships now): changed only where the
# site still has the value shipped before (a site that chose otherwise keeps its choice).
LANGUAGE_NEGOTIATION = (
    ("plone.use_content_negotiation", True, False),
    ("plone.use_path_negotiation", False, True),
)


GREECE_NUTS = "EL"
STOCK_FOLDER_VIEWS = ("listing_view", "folder_listing", "summary_view", "tabular_view", None)


def upgrade(context):
    reimport_steps(context, "catalog", "collective.taxonomy")
    portal = api.portal.get()
    retitle_language_homes(portal)
    index_every_item(portal)
    for name, before, now in LANGUAGE_NEGOTIATION:
        if api.portal.get_registry_record(name, default=None) == before:
            api.portal.set_registry_record(name, now)
    repository = portal.get("repository")
    if repository is not None and repository.getLayout() in STOCK_FOLDER_VIEWS:
        repository.setLayout("repository-listing")
    for member in api.user.get_users():
        if member.getProperty("country", None) == GREECE_NUTS:
            member.setMemberProperties({"country": NUTS_COUNTRY[GREECE_NUTS]})
    easyform = api.portal.get_tool("portal_types").get("EasyForm")
    if easyform is not None and easyform.title == "EasyForm":
        easyform.title = "Consultation"
        easyform.i18n_domain = "clusterpolisee"
