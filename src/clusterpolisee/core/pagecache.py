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
  the passing of time for "upcoming") shows within a minute;
- while a transaction has changed the catalog and not committed yet, that transaction: what
  it sees is its own until it commits (another one may reach the same count with other
  changes, and an aborted one leaves the count where it found it).
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from collections import OrderedDict
from Products.CMFCore.utils import getToolByName
from Products.CMFPlone.CatalogTool import CatalogTool
from uuid import uuid4
from zope.component.hooks import getSite
from zope.globalrequest import getRequest
import threading
import time
import transaction
import weakref


# A token for each transaction that has changed the catalog and not committed yet, set as Plone
# moves its count: the counter's own flags do not tell (a savepoint clears them, and its serial
# stays the committed one).
_uncommitted = weakref.WeakKeyDictionary()
_increment_counter = CatalogTool._increment_counter


def _increment_counter_and_mark(self):
    _increment_counter(self)
    _uncommitted.setdefault(transaction.get(), uuid4().hex)


def apply():
    CatalogTool._increment_counter = _increment_counter_and_mark


def _uncommitted_token():
    return _uncommitted.get(transaction.get())


# The key is made several times on every page: its parts are read directly, without plone.api's
# checks of its arguments (a tenth of a member's landing page at 200,000 practices).


def _catalog():
    return getToolByName(getSite(), "portal_catalog")


def person_key():
    """The visitor or the member, with what the catalog lets them see (their roles and groups,
    as its security filter reads them): a member's new or withdrawn role counts at once."""
    user = getSecurityManager().getUser()
    # As the membership tool's isAnonymousUser reads it.
    anonymous = user is None or user.getUserName() == "Anonymous User"
    user_id = None if anonymous else user.getId()
    return user_id, tuple(sorted(_catalog()._listAllowedRolesAndUsers(user)))


def shared_key(*parts):
    """The key of something every page shows alike to this person, until the catalog or the
    minute changes; ``parts`` add what else it depends on."""
    # Imported here: the languages' modules import the core's.
    from clusterpolisee.languages.platform import visitor_language

    catalog = _catalog()
    # Plone's count indexes what waits to be indexed first, as the catalog's searches do.
    count = catalog.getCounter()
    counter = getattr(aq_base(catalog), "_counter", None)
    request = getRequest()
    return (
        count,
        # The transaction that last moved it: an undo or a restored backup brings an old
        # count back, never an old transaction.
        getattr(counter, "_p_serial", None),
        _uncommitted_token(),
        person_key(),
        visitor_language(request),
        getToolByName(catalog, "portal_url")(),
        int(time.time() // 60),
        *parts,
    )


def kept_records(brains):
    """The record ids of catalog results, in their order: what a page may keep between requests
    under ``shared_key`` (brains belong to the request that found them)."""
    return tuple(brain.getRID() for brain in brains)


def brains_of(records):
    """Record ids kept by ``kept_records`` as the catalog's brains in this request; a record
    the catalog no longer holds is left out (ZCatalog's "Clear catalog" does not move the
    count)."""
    catalog = _catalog()._catalog
    return [catalog[rid] for rid in records if rid in catalog.data]


class KeptPages:
    """A store for plone.memoize's ``volatile.cache`` (``get_cache``) that holds at most
    ``size`` values, the least recently used going first. Plone's RAM cache holds a thousand
    entries, but trims to them only every five minutes: parts of pages kept per person and
    minute could pile up before (a crawler reading every practice)."""

    def __init__(self, size):
        self.size = size
        self._values = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, default=None):
        with self._lock:
            if key not in self._values:
                return default
            self._values.move_to_end(key)
            return self._values[key]

    def __setitem__(self, key, value):
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def __len__(self):
        return len(self._values)

    def kept_in(self, fun, *args, **kwargs):
        """``get_cache`` for ``volatile.cache``: this store."""
        return self
