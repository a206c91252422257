"""What every page shows the same way to the same person: worked out once, then kept.

The main navigation, the upcoming events and the language bar's list of languages are the
same on every page of a language home for a given person, until the catalog changes. Worked out
on each page, they cost a third of a stock page again (scripts/benchmark-repository.py). They
are kept in plone.memoize's RAM cache under a key made of:

- the catalog's counter, which every indexing, reindexing and removal moves on, and the
  transaction that last moved it;
- the person (their user id, or none for visitors) and the roles and groups the catalog's
  security filter reads for them, so nobody sees what another may see, nor what they no
  longer may;
- the interface language and the site's address (virtual hosting, language homes);
- the minute, so that what the catalog does not record (a changed action, a registry setting,
  the passing of time for "upcoming") shows within a minute.
"""

from plone import api
from zope.globalrequest import getRequest
import time


def person_key():
    """The visitor or the member, with what the catalog lets them see (their roles and groups,
    as its security filter reads them): a member's new or withdrawn role counts at once."""
    catalog = api.portal.get_tool("portal_catalog")
    user = api.user.get_current()
    user_id = None if api.user.is_anonymous() else user.getId()
    return user_id, tuple(sorted(catalog._listAllowedRolesAndUsers(user)))


def shared_key(*parts):
    """The key of something every page shows alike to this person, until the catalog or the
    minute changes; ``parts`` add what else it depends on."""
    # Imported here: the languages' modules import the core's.
    from clusterpolisee.languages.platform import visitor_language

    catalog = api.portal.get_tool("portal_catalog")
    counter = getattr(catalog._catalog, "_counter", None)
    request = getRequest()
    return (
        catalog.getCounter(),
        # The transaction that last moved it: an undo or a restored backup brings an old
        # count back, never an old transaction.
        getattr(counter, "_p_serial", None),
        person_key(),
        visitor_language(request),
        api.portal.get().absolute_url(),
        int(time.time() // 60),
        *parts,
    )
