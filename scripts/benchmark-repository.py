"""Benchmark the repository at scale, beside stock Plone pages in the same run.

    python3 scripts/benchmark-repository.py [--items 20000] [--requests 200]

Fills the benchmark instance (bin/benchmark, its own Data.fs in instance/benchmark-var/) through
the demo-content command until it holds --items generated practices, starts it, and prints the
median and 95th percentile of anonymous requests to each page, one after another:

- a BestPractice view against a stock Document view of the same size (the Document carries the
  same paragraphs, facts and scores, topped up until both pages weigh the same);
- a topic page against stock Plone's search page for the same items (by keyword);
- @search by topic against stock @search by keyword, both REST;
- the faceted search page (@@platform-search: topic and country chosen, eight facets counted)
  and the same search by words, against stock Plone's search page for the same words;
- the performance indicators (@@indicators, every figure and chart; @indicators in REST)
  against a plain @search over the same site.
"""

from benchmarking import patch_json
from benchmarking import set_caching
from benchmarking import wait_for
from pathlib import Path
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request


ROOT = Path(__file__).resolve().parents[1]
INSTANCE = ROOT / "bin" / "benchmark"
TOPIC = "innovation-rd"
TOPIC_TITLE = "Innovation and R&D driven cluster development"


def run(*args):
    subprocess.run([str(INSTANCE), "run", *args], cwd=ROOT, check=True)


def get(url, accept="text/html"):
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=60) as response:
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: HTTP {response.status}")
        return body


def measure(pages, requests, warmup=20):
    """Time every page ``requests`` times, taking them in turn so drift hits all alike."""
    for _ in range(warmup):
        for url, accept in pages.values():
            get(url, accept)
    timings = {label: [] for label in pages}
    for _ in range(requests):
        for label, (url, accept) in pages.items():
            start = time.perf_counter()
            get(url, accept)
            timings[label].append((time.perf_counter() - start) * 1000)
    results = {}
    for label, values in timings.items():
        values.sort()
        url, accept = pages[label]
        results[label] = {
            "median": statistics.median(values),
            "p95": values[int(0.95 * (len(values) - 1))],
            "bytes": len(get(url, accept)),
        }
    return results


def match_document_size(site_url, auth):
    """Add paragraphs to the stock Document until its page weighs what the practice page does."""
    practice_url, document_url = f"{site_url}/benchmark/practice", f"{site_url}/benchmark/document"
    for _ in range(5):
        missing = len(get(practice_url)) - len(get(document_url))
        if missing <= 0.01 * len(get(practice_url)):
            return
        text = json.loads(get(document_url, "application/json"))["text"]["data"]
        paragraph = "<p>" + "Cluster policy makers compare their support schemes. " * 4 + "</p>"
        text += paragraph * max(1, round(missing / len(paragraph)))
        patch_json(document_url, {"text": {"data": text, "content-type": "text/html"}}, auth)


def generated_count(site_url):
    body = get(
        f"{site_url}/@search?portal_type=BestPractice&path=/{SITE_ID}/repository&b_size=1",
        "application/json",
    )
    return json.loads(body)["items_total"]


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--items", type=int, default=20000)
parser.add_argument("--requests", type=int, default=200)
parser.add_argument("--address", default=os.environ.get("BENCHMARK_ADDRESS", "127.0.0.1:8089"))
parser.add_argument(
    "--admin",
    default="admin:" + os.environ.get("ADMIN_PASSWORD", "admin"),
    help="login:password of the benchmark instance's admin, to size the stock page",
)
options = parser.parse_args()
SITE_ID = os.environ.get("SITE_ID", "Plone")
site_url = f"http://{options.address}/{SITE_ID}"

# Fill through the demo-content command (it creates the site and the dataset first).
run("scripts/demo-content.py", "--items", "0")
server = subprocess.Popen([str(INSTANCE), "console"], cwd=ROOT)
try:
    wait_for(site_url)
    missing = options.items - generated_count(site_url)
finally:
    server.terminate()
    server.wait()
if missing > 0:
    started = time.monotonic()
    run("scripts/demo-content.py", "--items", str(missing))
    elapsed = time.monotonic() - started
    print(f"Added {missing} practices in {elapsed:.0f} s ({missing / elapsed:.0f} per second).")
run("scripts/benchmark-fixtures.py")

server = subprocess.Popen([str(INSTANCE), "console"], cwd=ROOT)
try:
    wait_for(site_url)
    # Rendering is measured, not plone.app.caching's RAM cache: caching off for this run
    # (scripts/benchmark-load.py measures the caches).
    set_caching(site_url, options.admin, False)
    match_document_size(site_url, options.admin)
    total = json.loads(get(f"{site_url}/@search?b_size=1", "application/json"))["items_total"]
    on_topic = json.loads(get(f"{site_url}/@search?topics={TOPIC}&b_size=1", "application/json"))
    keyword = urllib.request.quote(TOPIC_TITLE)
    rows = [
        ("BestPractice view", f"{site_url}/benchmark/practice", "text/html"),
        ("stock Document view, same size", f"{site_url}/benchmark/document", "text/html"),
        (f"topic page @@topic/{TOPIC}", f"{site_url}/@@topic/{TOPIC}", "text/html"),
        ("stock search page, same items", f"{site_url}/@@search?Subject={keyword}", "text/html"),
        ("@search by topic", f"{site_url}/@search?topics={TOPIC}", "application/json"),
        (
            "faceted search, topic + country",
            f"{site_url}/@@platform-search?topics={TOPIC}&country=RO",
            "text/html",
        ),
        (
            "faceted search, words",
            f"{site_url}/@@platform-search?SearchableText=vouchers",
            "text/html",
        ),
        (
            "stock search page, same words",
            f"{site_url}/@@search?SearchableText=vouchers",
            "text/html",
        ),
        (
            "@facets, topic + country",
            f"{site_url}/@facets?topics={TOPIC}&country=RO",
            "application/json",
        ),
        ("indicators dashboard", f"{site_url}/@@indicators", "text/html"),
        ("@indicators", f"{site_url}/@indicators", "application/json"),
        ("region page @@region/RO21", f"{site_url}/@@region/RO21", "text/html"),
        ("@regions/RO21", f"{site_url}/@regions/RO21", "application/json"),
        ("matchmaking @@matchmaking HR03", f"{site_url}/@@matchmaking?region=HR03", "text/html"),
        ("@matchmaking HR03", f"{site_url}/@matchmaking?region=HR03", "application/json"),
        ("plain @search", f"{site_url}/@search", "application/json"),
        ("stock @search by keyword", f"{site_url}/@search?Subject={keyword}", "application/json"),
    ]
    results = measure({label: (url, accept) for label, url, accept in rows}, options.requests)
    set_caching(site_url, options.admin, True)
finally:
    server.terminate()
    server.wait()

print()
print(
    f"{total} catalogued items, {options.items} generated practices, "
    f"{on_topic['items_total']} on topic {TOPIC}; {options.requests} sequential anonymous "
    "requests per page, the pages taken in turn, after 20 rounds to warm up."
)
print()
print(f"{'page':<36} {'median ms':>10} {'p95 ms':>10} {'KB':>8}")
for label, figures in results.items():
    print(
        f"{label:<36} {figures['median']:>10.1f} {figures['p95']:>10.1f} "
        f"{figures['bytes'] / 1024:>8.1f}"
    )
ratio = results["BestPractice view"]["median"] / results["stock Document view, same size"]["median"]
print()
print(f"BestPractice view / stock Document view (median): {ratio:.2f}x (target 1.1x or less)")
topic_p95 = results[f"topic page @@topic/{TOPIC}"]["p95"]
print(f"Topic page p95: {topic_p95:.0f} ms (target under 150 ms)")
for label in ("faceted search, topic + country", "faceted search, words"):
    print(f"{label.capitalize()} p95: {results[label]['p95']:.0f} ms (target under 150 ms)")
for label in (
    "indicators dashboard",
    "@indicators",
    "region page @@region/RO21",
    "matchmaking @@matchmaking HR03",
):
    print(f"{label.capitalize()} p95: {results[label]['p95']:.0f} ms (target under 200 ms)")
sys.exit(0)
