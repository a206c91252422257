"""1009 -> 1010: count items in the year and quarter of the platform's zone (issue 24).

The indexers now work in the site's time zone, not the server's: an item published in the last
hours of a year or quarter may move to the next.
"""

from plone import api


def upgrade(context):
    api.portal.get_tool("portal_catalog").manage_reindexIndex(ids=["year", "quarter"])
