"""Create the platform site if it does not exist yet, with demo content; keep it otherwise.

Run inside Zope: ``bin/instance run scripts/setup-site.py [--site-id Plone] [--no-demo]``.
The admin password comes from the ADMIN_PASSWORD environment variable (default "admin").
"""

from clusterpolisee.demo.site import ensure_site
import argparse
import os
import sys


parser = argparse.ArgumentParser(prog="setup-site")
parser.add_argument("--site-id", default=os.environ.get("SITE_ID", "Plone"))
parser.add_argument("--no-demo", action="store_true", help="create the site without demo content")
options = parser.parse_args(sys.argv[3:] if sys.argv[1:2] == ["-c"] else sys.argv[1:])

site, created = ensure_site(
    app,  # noqa: F821 - provided by "bin/instance run"
    site_id=options.site_id,
    admin_password=os.environ.get("ADMIN_PASSWORD") or "admin",
    demo=not options.no_demo,
)
print(f"Site {site.getId()!r} {'created' if created else 'kept'}: {site.absolute_url_path()}")
