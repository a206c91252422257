"""Benchmark the platform at scale, beside stock Plone pages in the same run.

    python3 scripts/benchmark-repository.py [--items 20000] [--requests 200] [--keep]

Empties the benchmark instance's database (bin/benchmark, instance/benchmark-var/; --keep
goes on with what it holds, at one size), fills it through the demo-content command with
generated practices, loaded in bulk (repository/bulk.py), and at each size on the way (2,000,
20,000 and 200,000 practices, up to --items) starts it and prints the median and 95th percentile
of requests to each page, the pages taken in turn, one request at a time:

- a BestPractice view against a stock Document view of the same size;
- the topic page, the faceted search (topic and country; words), @facets, @search by topic, the
  indicators dashboard and @indicators, a region page and the matchmaking, against stock
  Plone's search pages and a plain @search;
- the stock pages the platform keeps (accessibility, contact, site map) against the same pages
  of a stock Plone site in the same instance;
- as a signed-in demo member: the landing page, a working group's dashboard, its wiki, the
  messages and a search, each against a stock Plone page of the same size seen by a signed-in
  stock member; the dashboard and the wiki, where the demo member leads the group and the
  toolbar offers adding, editing and reviewing, also against a stock member with those rights
  on the page.

At the largest size it then restarts the instance twice and reports its memory (resident set)
after the same requests to the stock site's pages only, then to the platform's, with the same
object cache size (the instance's cache-size).
"""

from benchmarking import patch_json
from benchmarking import set_caching
from benchmarking import wait_for
from pathlib import Path
import argparse
import base64
import http.cookiejar
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request


ROOT = Path(__file__).resolve().parents[1]
INSTANCE = ROOT / "bin" / "benchmark"
VAR = ROOT / "instance" / "benchmark-var"
STAGES = (2000, 20000, 200000)
TOPIC = "innovation-rd"
TOPIC_TITLE = "Innovation and R&D driven cluster development"
# A full member of the innovation group without a second factor (demo/data.py).
MEMBER = ("nikos.papadopoulos", "clusterpolisee-demo")
STOCK_MEMBER = ("stock.member", "stock-member-benchmark")  # benchmark-fixtures.py
# A stock member with the rights the demo member has on its group's dashboard and wiki, where it
# leads: Contributor, Editor and Reviewer on those pages (benchmark-fixtures.py).
STOCK_EDITOR = ("stock.editor", "stock-editor-benchmark")


def run(*args):
    subprocess.run([str(INSTANCE), "run", *args], cwd=ROOT, check=True)


def get(url, accept="text/html", cookie=None, auth=None):
    headers = {"Accept": accept}
    if cookie:
        headers["Cookie"] = cookie
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(auth.encode()).decode()
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=60) as response:
        body = response.read()
        # A redirect would time another page (a page refused leads to the sign-in page).
        if response.status != 200 or response.geturl() != url:
            raise RuntimeError(f"{url}: HTTP {response.status} at {response.geturl()}")
        return body


def log_in(site_url, login, password):
    """The session cookie a person gets from the login form."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = urllib.parse.urlencode(
        {"__ac_name": login, "__ac_password": password, "buttons.login": "Log in"}
    ).encode()
    opener.open(f"{site_url}/login", data=form, timeout=60).read()
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "__ac" not in cookies:
        raise RuntimeError(f"{login} could not log in on {site_url}")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def measure(pages, requests, warmup=20):
    """Time every page ``requests`` times, taking them in turn so drift hits all alike."""
    for _ in range(warmup):
        for url, accept, cookie in pages.values():
            get(url, accept, cookie)
    timings = {label: [] for label in pages}
    for _ in range(requests):
        for label, (url, accept, cookie) in pages.items():
            start = time.perf_counter()
            get(url, accept, cookie)
            timings[label].append((time.perf_counter() - start) * 1000)
    results = {}
    for label, values in timings.items():
        values.sort()
        url, accept, cookie = pages[label]
        results[label] = {
            "median": statistics.median(values),
            "p95": values[int(0.95 * (len(values) - 1))],
            "bytes": len(get(url, accept, cookie)),
        }
    return results


def match_size(reference, document_url, reference_cookie=None, document_cookie=None):
    """Add or take paragraphs of a stock Document until its page, as ``document_cookie`` sees
    it, weighs what ``reference`` does as ``reference_cookie`` sees it."""
    target = len(get(reference, cookie=reference_cookie))
    paragraph = "<p>" + "Cluster policy makers compare their support schemes. " * 4 + "</p>"
    for _ in range(5):
        missing = target - len(get(document_url, cookie=document_cookie))
        if abs(missing) <= 0.01 * target:
            return
        text = json.loads(get(document_url, "application/json", auth=admin))["text"]["data"]
        if missing > 0:
            text += paragraph * max(1, round(missing / len(paragraph)))
        else:
            text = text[: len(text) + missing]
            text = text[: text.rfind("</p>") + 4] if "</p>" in text else paragraph
        patch_json(document_url, {"text": {"data": text, "content-type": "text/html"}}, admin)


def generated_count(site_url):
    body = get(
        f"{site_url}/@search?portal_type=BestPractice&path=/{SITE_ID}/repository&b_size=1",
        "application/json",
    )
    return json.loads(body)["items_total"]


def resident_mb(pid):
    """The largest resident set of ``pid`` and its descendants (the server runs in a child)."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    largest, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        largest = max(largest, int(match.group(1)) // 1024 if match else 0)
    return largest


class Server:
    def __enter__(self):
        self.process = subprocess.Popen(
            [str(INSTANCE), "console"], cwd=ROOT, stdout=subprocess.DEVNULL
        )
        wait_for(site_url)
        wait_for(stock_url)
        # Rendering is measured, not plone.app.caching's RAM cache: caching off for this run
        # (scripts/benchmark-load.py measures the caches).
        set_caching(site_url, options.admin, False)
        return self

    def __exit__(self, *exc):
        try:
            set_caching(site_url, options.admin, True)
        finally:
            self.process.terminate()
            self.process.wait()


def pages_at(member_cookie, stock_cookie, editor_cookie):
    keyword = urllib.parse.quote(TOPIC_TITLE)
    html, data = "text/html", "application/json"
    group = f"{site_url}/working-groups/{TOPIC}"
    rows = [
        ("BestPractice view", f"{site_url}/benchmark/practice", html, None),
        ("stock Document view, same size", f"{site_url}/benchmark/document", html, None),
        (f"topic page @@topic/{TOPIC}", f"{site_url}/@@topic/{TOPIC}", html, None),
        ("stock search page, same items", f"{site_url}/@@search?Subject={keyword}", html, None),
        ("@search by topic", f"{site_url}/@search?topics={TOPIC}", data, None),
        (
            "faceted search, topic + country",
            f"{site_url}/@@platform-search?topics={TOPIC}&country=RO",
            html,
            None,
        ),
        (
            "faceted search, words",
            f"{site_url}/@@platform-search?SearchableText=vouchers",
            html,
            None,
        ),
        (
            "stock search page, same words",
            f"{site_url}/@@search?SearchableText=vouchers",
            html,
            None,
        ),
        ("@facets, topic + country", f"{site_url}/@facets?topics={TOPIC}&country=RO", data, None),
        ("indicators dashboard", f"{site_url}/@@indicators", html, None),
        ("@indicators", f"{site_url}/@indicators", data, None),
        ("region page @@region/RO21", f"{site_url}/@@region/RO21", html, None),
        ("@regions/RO21", f"{site_url}/@regions/RO21", data, None),
        ("matchmaking @@matchmaking HR03", f"{site_url}/@@matchmaking?region=HR03", html, None),
        ("@matchmaking HR03", f"{site_url}/@matchmaking?region=HR03", data, None),
        ("plain @search", f"{site_url}/@search", data, None),
        ("stock @search by keyword", f"{site_url}/@search?Subject={keyword}", data, None),
    ]
    for name in STOCK_PAGES:
        rows.append((f"{name} (platform)", f"{site_url}/{name}", html, None))
        rows.append((f"{name} (stock Plone)", f"{stock_url}/{name}", html, None))
    for key, url in (
        ("landing", site_url),
        ("workspace", group),
        ("wiki", f"{group}/wiki"),
        # The page the toolbar links to (/messages is the folder of every message, and led
        # the member to the sign-in page until it led to this one).
        ("messages", f"{site_url}/@@messages"),
        ("search", f"{site_url}/@@platform-search?SearchableText=vouchers"),
    ):
        rows.append((f"member {key} page", url, html, member_cookie))
        rows.append(
            (f"stock member, {key} size", f"{stock_url}/benchmark/member-{key}", html, stock_cookie)
        )
        if key in EDITOR_KEYS:
            rows.append(
                (
                    f"stock editor, {key} size",
                    f"{stock_url}/benchmark/editor-{key}",
                    html,
                    editor_cookie,
                )
            )
    # The same search on Plone's own search page, as the same member: the same catalog, the
    # same words and the same rights, without the facets.
    rows.append(
        (MEMBER_PLONE_SEARCH, f"{site_url}/@@search?SearchableText=vouchers", html, member_cookie)
    )
    return {label: (url, accept, cookie) for label, url, accept, cookie in rows}


# The stock pages the platform keeps, at the same address in both sites.
STOCK_PAGES = ("accessibility-info", "contact-info", "sitemap")
MEMBER_KEYS = ("landing", "workspace", "wiki", "messages", "search")
# The member pages where the demo member may add, edit and review, as its stock reference may.
EDITOR_KEYS = ("workspace", "wiki")
MEMBER_PLONE_SEARCH = "Plone's search page, same words, member"


def measure_stage(stage):
    with Server():
        match_size(f"{site_url}/benchmark/practice", f"{site_url}/benchmark/document")
        member_cookie = log_in(site_url, *MEMBER)
        stock_cookie = log_in(stock_url, *STOCK_MEMBER)
        editor_cookie = log_in(stock_url, *STOCK_EDITOR)
        pages = pages_at(member_cookie, stock_cookie, editor_cookie)
        for key in MEMBER_KEYS:
            # The member's page as the member sees it, against a stock page as a stock member
            # (and, where the member may edit, as a stock member with the same rights).
            references = [(f"member-{key}", stock_cookie)]
            if key in EDITOR_KEYS:
                references.append((f"editor-{key}", editor_cookie))
            for page_id, cookie in references:
                match_size(
                    pages[f"member {key} page"][0],
                    f"{stock_url}/benchmark/{page_id}",
                    member_cookie,
                    cookie,
                )
        total = json.loads(get(f"{site_url}/@search?b_size=1", "application/json"))["items_total"]
        on_topic = json.loads(
            get(f"{site_url}/@search?topics={TOPIC}&b_size=1", "application/json")
        )["items_total"]
        on_topic_and_country = json.loads(
            get(f"{site_url}/@search?topics={TOPIC}&country=RO&b_size=1", "application/json")
        )["items_total"]
        results = measure(pages, options.requests)
    print()
    print(
        f"== {stage} generated practices: {total} catalogued items, {on_topic} on topic {TOPIC}, "
        f"{on_topic_and_country} of them in Romania; "
        f"{options.requests} sequential requests per page, the pages taken in turn, after 20 "
        "rounds to warm up."
    )
    print()
    print(f"{'page':<40} {'median ms':>10} {'p95 ms':>10} {'KB':>8}")
    for label, figures in results.items():
        print(
            f"{label:<40} {figures['median']:>10.1f} {figures['p95']:>10.1f} "
            f"{figures['bytes'] / 1024:>8.1f}"
        )
    return results


def memory_after(pages):
    """The instance's resident memory after a fresh start and the ``pages``, warmed up."""
    with Server() as server:
        measure(pages, options.requests, warmup=5)
        return resident_mb(server.process.pid)


def ratio(results, label, reference):
    return results[label]["median"] / results[reference]["median"]


def report(results, memory):
    print()
    print("Goals (medians as ratios to stock Plone in the same run; p95 in ms):")
    lines = [
        (
            "BestPractice view / stock Document",
            ratio(results, "BestPractice view", "stock Document view, same size"),
            1.1,
        )
    ]
    for name in STOCK_PAGES:
        lines.append(
            (f"{name} / stock", ratio(results, f"{name} (platform)", f"{name} (stock Plone)"), 1.15)
        )
    for key in MEMBER_KEYS:
        if key == "search":
            # A search over every item against a page that searches nothing measures the
            # catalog, not the page: the goal is judged against Plone's own search for the same
            # words; the static page of the same size shown beside it.
            lines.append(
                (
                    "member search page / stock member",
                    ratio(results, "member search page", "stock member, search size"),
                    None,
                )
            )
            reference, label = MEMBER_PLONE_SEARCH, "member search page / Plone's search"
        elif key in EDITOR_KEYS:
            # The goal is judged against the same rights; the plain member shown beside it.
            lines.append(
                (
                    f"member {key} page / stock member",
                    ratio(results, f"member {key} page", f"stock member, {key} size"),
                    None,
                )
            )
            reference, label = f"stock editor, {key} size", f"member {key} page / stock editor"
        else:
            reference, label = f"stock member, {key} size", f"member {key} page / stock member"
        lines.append((label, ratio(results, f"member {key} page", reference), 1.2))
    for label, value, target in lines:
        if target is None:
            print(f"  {label:<44} {value:>5.2f}x  (not the same work or rights; for comparison)")
            continue
        verdict = "met" if value <= target else "NOT met"
        print(f"  {label:<44} {value:>5.2f}x  (target {target}x or less: {verdict})")
    for label, target in (
        (f"topic page @@topic/{TOPIC}", 150),
        ("faceted search, topic + country", 150),
        ("faceted search, words", 150),
        ("@facets, topic + country", 150),
        ("indicators dashboard", 200),
        ("region page @@region/RO21", 200),
        ("matchmaking @@matchmaking HR03", 200),
    ):
        value = results[label]["p95"]
        verdict = "met" if value < target else "NOT met"
        print(f"  {label + ' p95':<44} {value:>5.0f} ms (target under {target} ms: {verdict})")
    if memory:
        print()
        print(
            f"Memory (resident, cache-size as in instance/benchmark/etc/zope.conf): the instance "
            f"after the stock site's pages {memory['stock']} MB, after the platform's pages "
            f"{memory['platform']} MB ({memory['platform'] / memory['stock']:.2f}x)."
        )


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--items", type=int, default=20000)
parser.add_argument("--requests", type=int, default=200)
parser.add_argument(
    "--keep", action="store_true", help="measure the database as it is, at --items, no growth"
)
parser.add_argument("--address", default=os.environ.get("BENCHMARK_ADDRESS", "127.0.0.1:8089"))
parser.add_argument(
    "--admin",
    default="admin:" + (os.environ.get("ADMIN_PASSWORD") or "admin"),
    help="login:password of the benchmark instance's admin, to size the stock pages",
)
options = parser.parse_args()
if options.items < 1 or options.requests < 1:
    parser.error("--items and --requests must be 1 or more")
admin = options.admin
SITE_ID = os.environ.get("SITE_ID", "Plone")
site_url = f"http://{options.address}/{SITE_ID}"
stock_url = f"http://{options.address}/stock"

if not options.keep:
    # Growth is measured from an empty database, the load timed on the way.
    shutil.rmtree(VAR / "filestorage", ignore_errors=True)
    shutil.rmtree(VAR / "blobstorage", ignore_errors=True)
    (VAR / "filestorage").mkdir(parents=True)
    (VAR / "blobstorage").mkdir(parents=True)
# The site, the demo dataset and the pages compared (benchmark-fixtures.py).
run("scripts/demo-content.py", "--items", "0")
run("scripts/benchmark-fixtures.py")
stages = (
    [options.items]
    if options.keep
    else sorted({s for s in STAGES if s < options.items} | {options.items})
)
filled, all_results, memory = 0, {}, {}
if options.keep:
    with Server():
        filled = generated_count(site_url)
for stage in stages:
    if stage > filled:
        started = time.monotonic()
        run("scripts/demo-content.py", "--items", str(stage - filled))
        elapsed = time.monotonic() - started
        print(
            f"Added {stage - filled} practices in {elapsed:.0f} s, Zope's start included "
            f"({(stage - filled) / elapsed:.0f} per second)."
        )
        filled = stage
    all_results[stage] = measure_stage(stage)
pages = pages_at(None, None, None)
stock_only = {label: page for label, page in pages.items() if page[0].startswith(stock_url)}
# The platform's anonymous pages: the member pages, asked without a session, led to the sign-in
# page (get() now refuses a redirect).
member_pages = {f"member {key} page" for key in MEMBER_KEYS} | {MEMBER_PLONE_SEARCH}
platform_only = {
    label: page
    for label, page in pages.items()
    if not page[0].startswith(stock_url) and label not in member_pages
}
memory = {"stock": memory_after(stock_only), "platform": memory_after(platform_only)}

if len(all_results) > 1:
    print()
    print("Growth: p95 in ms at each size")
    print(f"{'page':<40}" + "".join(f"{stage:>10}" for stage in all_results))
    for label in all_results[stages[-1]]:
        print(f"{label:<40}" + "".join(f"{r[label]['p95']:>10.1f}" for r in all_results.values()))
report(all_results[stages[-1]], memory)
sys.exit(0)
