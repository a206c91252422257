"""1019 -> 1020: rich-text forms every reader can use (WCAG 2.2 AA).

Rich text is HTML only (``plone.allowed_types``): with Plone's second format, Textile, every
rich-text field had a format menu without a label and a text area its label did not reach.
TinyMCE's resize handle, a separator without the value ARIA requires, is off
(``plone.resizing``). Each is changed only where the site still has Plone's default, so a
choice made in Site Setup stays; the registry file is not imported again.
"""

from plone import api
import logging


logger = logging.getLogger(__name__)

# (record, Plone's default, the platform's value)
CHANGES = (
    ("plone.allowed_types", ("text/html", "text/x-web-textile"), ("text/html",)),
    ("plone.resizing", True, False),
)


def upgrade(context):
    for name, plones_default, value in CHANGES:
        current = api.portal.get_registry_record(name, default=None)
        if current is None:
            continue
        if (tuple(current) if isinstance(current, (list, tuple)) else current) == plones_default:
            api.portal.set_registry_record(name, value)
            logger.info("%s set to %r", name, value)
        else:
            logger.info("%s left as the site set it: %r", name, current)
