"""Load the demo dataset and N generated items into an existing site (for benchmarks).

Run inside Zope: ``bin/instance run scripts/demo-content.py --items 20000 [--site-id Plone]``.
"""

from clusterpolisee.demo.site import ensure_site
import argparse
import os
import sys
import time


parser = argparse.ArgumentParser(prog="demo-content")
parser.add_argument("--site-id", default=os.environ.get("SITE_ID", "Plone"))
parser.add_argument("--items", type=int, default=0, help="how many generated items to add")
options = parser.parse_args(sys.argv[3:] if sys.argv[1:2] == ["-c"] else sys.argv[1:])
if options.items < 0:
    parser.error("--items must be zero or more")

started = time.monotonic()
site, created = ensure_site(
    app,  # noqa: F821 - provided by "bin/instance run"
    site_id=options.site_id,
    items=options.items,
)
elapsed = time.monotonic() - started
rate = f" in {elapsed:.0f} s ({options.items / elapsed:.0f} per second)" if options.items else ""
print(f"Site {site.getId()!r}: demo content loaded with {options.items} generated items{rate}.")
