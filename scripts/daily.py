"""Daily duties of the platform: close votes past their deadline, send the digests.

Run inside Zope, for example from cron: ``bin/instance run scripts/daily.py [--site-id Plone]``
(``make daily`` does this).
"""

from AccessControl.SecurityManagement import newSecurityManager
from clusterpolisee.demo.site import ensure_admin
from clusterpolisee.operations.daily import run_daily
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
import argparse
import os
import sys
import transaction


parser = argparse.ArgumentParser(prog="daily")
parser.add_argument("--site-id", default=os.environ.get("SITE_ID", "Plone"))
options = parser.parse_args(sys.argv[3:] if sys.argv[1:2] == ["-c"] else sys.argv[1:])

root = makerequest(app)  # noqa: F821 - provided by "bin/instance run"
site = root.get(options.site_id)
if site is None:
    sys.exit(f"There is no site {options.site_id!r}: run make start first.")
newSecurityManager(None, ensure_admin(root))
setSite(site)
figures = run_daily(site)
transaction.commit()
print(f"Votes closed: {figures['votes_closed']}; digests sent: {figures['digests_sent']}.")
