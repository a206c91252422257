"""Run Varnish in front of a Zope instance with the platform's VCL (deploy/varnish.vcl).

    python3 scripts/varnish.py [--listen 127.0.0.1:6081] [--backend 127.0.0.1:8080]
                               [--workdir instance/varnish] [--memory 256m]

Writes the VCL with the backend's address into the work folder and runs varnishd in the
foreground (make varnish). Set the proxy's address in Plone's caching control panel (purging) so
that changed pages leave the cache at once.
"""

from pathlib import Path
import argparse
import os
import shutil
import sys


ROOT = Path(__file__).resolve().parents[1]


def render(backend, workdir):
    host, port = backend.rsplit(":", 1)
    vcl = (ROOT / "deploy" / "varnish.vcl").read_text()
    vcl = vcl.replace("BACKEND_HOST", host).replace("BACKEND_PORT", port)
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "varnish.vcl"
    path.write_text(vcl)
    return path


def command(listen, backend, workdir, memory="256m"):
    """The varnishd command line: foreground, this folder, no privilege separation (one user)."""
    workdir = Path(workdir).resolve()
    vcl = render(backend, workdir)
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    return [
        varnishd,
        "-F",
        "-j",
        "none",
        "-a",
        listen,
        "-f",
        str(vcl),
        "-n",
        str(workdir / "state"),
        "-s",
        f"malloc,{memory}",
    ]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", default="127.0.0.1:6081")
    parser.add_argument("--backend", default="127.0.0.1:8080")
    parser.add_argument("--workdir", type=Path, default=ROOT / "instance" / "varnish")
    parser.add_argument("--memory", default="256m")
    options = parser.parse_args(argv)
    argv = command(options.listen, options.backend, options.workdir, options.memory)
    print(f"Varnish on http://{options.listen}/ in front of {options.backend}", file=sys.stderr)
    os.execv(argv[0], argv)


if __name__ == "__main__":
    main()
