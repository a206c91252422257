"""1018 -> 1019: the sections that grow by the thousand keep no order of their own (issue 23).

The repository, the institutions and the events become plone.folder "unordered" folders: the
default ordering kept a list of every id, rewritten whole whenever an item was added (17 MB at
200,000 practices). Their stored order is dropped. No profile file changed: nothing is imported.
"""

from clusterpolisee.core.sections import stop_ordering
from clusterpolisee.core.sections import UNORDERED_SECTIONS
from plone import api
import logging


logger = logging.getLogger(__name__)


def upgrade(context):
    portal = api.portal.get()
    for section_id in UNORDERED_SECTIONS:
        folder = portal.get(section_id)
        if folder is not None:
            stop_ordering(folder)
            logger.info("/%s keeps no order of its own now", section_id)
