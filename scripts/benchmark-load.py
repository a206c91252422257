"""Load benchmark: requests per second and latency of public pages, with and without caching.

    python3 scripts/benchmark-load.py [--seconds 10] [--connections 8]     (make benchmark-load)

Runs on the benchmark instance (bin/benchmark, filled by make benchmark; loopback only). With
wrk (Debian's package), each for the same time and the same number of connections, one after
another, it loads:

- the platform's landing page with plone.app.caching off;
- the same page with plone.app.caching on (its RAM cache);
- the same page through Varnish (deploy/varnish.vcl) in front of the instance;
- stock Plone's front page (a stock site in the same instance, without the add-on), caching off;
- a static file of the landing page's size served by waitress, the same WSGI server with the
  same number of threads: the upper bound.
"""

from benchmarking import set_caching
from benchmarking import wait_for
from pathlib import Path
import argparse
import importlib.util
import os
import re
import socket
import subprocess
import sys
import tempfile


ROOT = Path(__file__).resolve().parents[1]
INSTANCE = ROOT / "bin" / "benchmark"


def load_script(name):
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), ROOT / "scripts" / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(url, seconds, connections, threads=2):
    """wrk's requests per second and latency percentiles (ms) for one URL."""
    subprocess.run(["wrk", "-t1", "-c2", "-d2s", url], capture_output=True, check=True)  # warm up
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for percentile in ("50", "90", "99"):
        match = re.search(rf"\s{percentile}%\s+([\d.]+)(us|ms|s)\b", output)
        value, unit = float(match.group(1)), match.group(2)
        figures[f"p{percentile}"] = (
            value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
        )
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["errors"] = int(errors.group(1)) if errors else 0
    return figures


STATIC_APP = """
import sys, waitress
body = open(sys.argv[1], "rb").read()
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]
waitress.serve(app, host="127.0.0.1", port=int(sys.argv[2]), threads=int(sys.argv[3]), _quiet=True)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--address", default=os.environ.get("BENCHMARK_ADDRESS", "127.0.0.1:8089"))
    parser.add_argument("--admin", default="admin:" + (os.environ.get("ADMIN_PASSWORD") or "admin"))
    options = parser.parse_args()
    site_id = os.environ.get("SITE_ID", "Plone")
    site_url = f"http://{options.address}/{site_id}"
    stock_url = f"http://{options.address}/stock"

    subprocess.run(
        [str(INSTANCE), "run", "scripts/setup-site.py", "--site-id", site_id], cwd=ROOT, check=True
    )
    subprocess.run([str(INSTANCE), "run", "scripts/benchmark-fixtures.py"], cwd=ROOT, check=True)
    wsgi = (ROOT / "instance" / "benchmark" / "etc" / "wsgi.ini").read_text()
    threads = int(re.search(r"threads = (\d+)", wsgi).group(1))
    server = subprocess.Popen(
        [str(INSTANCE), "console"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    varnish = static = None
    results = {}
    try:
        page = wait_for(site_url)
        wait_for(stock_url)
        with tempfile.TemporaryDirectory() as folder:
            body = Path(folder) / "page.html"
            body.write_bytes(page)
            static_port = free_port()
            python = ROOT / "instance" / "benchmark" / "bin" / "interpreter"
            script = Path(folder) / "static.py"
            script.write_text(STATIC_APP)
            static = subprocess.Popen(
                [
                    sys.executable,
                    str(python),
                    str(script),
                    str(body),
                    str(static_port),
                    str(threads),
                ],
                cwd=ROOT,
            )
            static_url = f"http://127.0.0.1:{static_port}/"
            wait_for(static_url)
            varnish_port = free_port()
            argv = load_script("varnish.py").command(
                f"127.0.0.1:{varnish_port}", options.address, Path(folder) / "varnish", "128m"
            )
            varnish = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            varnish_url = f"http://127.0.0.1:{varnish_port}/{site_id}"
            wait_for(varnish_url)

            # Stock Plone has no caching policy installed: its pages are never cached.
            set_caching(site_url, options.admin, False)
            run = lambda url: wrk(url, options.seconds, options.connections)  # noqa: E731
            results["landing page, caching off"] = run(site_url)
            results["stock Plone front page, caching off"] = run(f"{stock_url}")
            set_caching(site_url, options.admin, True)
            results["landing page, RAM cache"] = run(site_url)
            results["landing page, behind Varnish"] = run(varnish_url)
            results["static file, same size, waitress"] = run(static_url)
    finally:
        for process in (varnish, static, server):
            if process is not None:
                process.terminate()
                process.wait()

    print()
    print(
        f"wrk, {options.connections} connections, {options.seconds} s each, loopback; the instance "
        f"has {threads} threads; page {len(page) / 1024:.1f} KB."
    )
    print()
    print(f"{'page':<40} {'req/s':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for label, figures in results.items():
        print(
            f"{label:<40} {figures['rps']:>9.1f} {figures['p50']:>8.1f} {figures['p90']:>8.1f} "
            f"{figures['p99']:>8.1f} {figures['errors']:>7}"
        )
    stock = results["stock Plone front page, caching off"]["rps"]
    ram = results["landing page, RAM cache"]["rps"]
    proxied = results["landing page, behind Varnish"]["rps"]
    static_rps = results["static file, same size, waitress"]["rps"]
    print()
    print(f"RAM cache / stock uncached: {ram / stock:.1f}x (goal: 10x or more)")
    print(f"Varnish / static file: {proxied / static_rps:.2f} (goal: 0.5 or more)")


if __name__ == "__main__":
    main()
