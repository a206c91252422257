"""Create the platform site if it does not exist yet, with demo content; keep it otherwise.

Run inside Zope: ``bin/instance run scripts/setup-site.py [--site-id Plone] [--no-demo]
[--mail-port 8025]``. The admin password comes from the ADMIN_PASSWORD environment variable
(default "admin"). With ``--mail-port`` (``make start``), a site without an SMTP server of its own
sends its mail to the local mail catcher on that port (``use_mail_catcher``); a site whose SMTP
server is set in Site Setup keeps it.
"""

from clusterpolisee.demo.site import ensure_site
from clusterpolisee.demo.site import use_mail_catcher
import argparse
import os
import sys
import transaction


parser = argparse.ArgumentParser(prog="setup-site")
parser.add_argument("--site-id", default=os.environ.get("SITE_ID", "Plone"))
parser.add_argument("--no-demo", action="store_true", help="create the site without demo content")
parser.add_argument("--mail-port", type=int, help="the local mail catcher's SMTP port")
options = parser.parse_args(sys.argv[3:] if sys.argv[1:2] == ["-c"] else sys.argv[1:])

site, created = ensure_site(
    app,  # noqa: F821 - provided by "bin/instance run"
    site_id=options.site_id,
    admin_password=os.environ.get("ADMIN_PASSWORD") or "admin",
    demo=not options.no_demo,
)
print(f"Site {site.getId()!r} {'created' if created else 'kept'}: {site.absolute_url_path()}")
if options.mail_port:
    if use_mail_catcher(site, options.mail_port):
        transaction.commit()
        print(f"The site's mail goes to the local mail catcher (SMTP port {options.mail_port}).")
    else:
        print("The site's mail goes to the SMTP server set in Site Setup, Mail.")
