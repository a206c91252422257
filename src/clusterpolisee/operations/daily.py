"""What the platform does once a day (``make daily``, from cron): close votes whose deadline
has passed, then send the daily digests."""

from clusterpolisee.messaging.notifications import send_digests
from clusterpolisee.workspaces.decisions import close_due


def run_daily(portal):
    """Returns ``{"votes_closed": n, "digests_sent": m}``; the caller commits."""
    closed = close_due(portal)
    # After closing, so that the results are in today's digests.
    return {"votes_closed": closed, "digests_sent": send_digests()}
