"""1016 -> 1017: the platform's own face (issue 20).

- The platform's logo and favicon in Plone's site settings, where the site has none of its own;
  every host name themed, where the site kept Plone's list of unthemed hosts (127.0.0.1).
- The privacy notice among the footer's site actions.
- The platform's sections marked as its pages (no byline).
"""

from clusterpolisee.core.identity import apply_identity
from clusterpolisee.core.sections import mark_section
from clusterpolisee.core.sections import SECTIONS
from clusterpolisee.upgrades import import_missing
from plone import api
import logging


logger = logging.getLogger(__name__)


def upgrade(context):
    import_missing(context, "actions")
    portal = api.portal.get()
    for section_id, *_rest in SECTIONS:
        if section_id in portal:
            mark_section(portal[section_id])
    logger.info("The platform's face: %s", apply_identity() or "nothing to change")
