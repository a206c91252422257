"""Fixtures: the Plone test layers as pytest fixtures, and a headless Chromium for browser tests."""

from aiosmtpd.controller import Controller
from clusterpolisee.demo.loader import load_demo
from clusterpolisee.testing import FUNCTIONAL_TESTING
from clusterpolisee.testing import INTEGRATION_TESTING
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from pathlib import Path
from plone import api
from plone.app.testing import PLONE_SITE_ID
from plone.app.testing import SITE_OWNER_NAME
from plone.testing import Layer
from plone.testing import zope as zope_testing
from tests.authentication.codes import forget_codes
from ZODB.blob import BlobStorage
from ZODB.DB import DB
from ZODB.DemoStorage import DemoStorage
from ZODB.MappingStorage import MappingStorage
from zope.component.hooks import setSite
from zope.pytestlayer import fixture
import datetime
import os
import pytest
import shutil
import socket
import sys
import tempfile
import time
import transaction


pytest_plugins = ["tests.clock"]


# pytest-xdist starts its second test process with this Python: give it the eggs that buildout's
# bin/pytest put on our path.
os.environ["PYTHONPATH"] = os.pathsep.join(path for path in sys.path if path)


def pytest_configure(config):
    """Compile the gettext catalogs once, in the controlling process, before the test processes
    start: each would otherwise compile them at Zope's start and could read a .mo file another
    is still writing (struct.error in registerTranslations). The platform's, and those of every
    package on the path (a clean clone's eggs come without their .mo files)."""
    if hasattr(config, "workerinput"):
        return
    from pathlib import Path
    from zope.i18n.compile import compile_mo_file
    import clusterpolisee

    packages = [Path(clusterpolisee.__file__).parent]
    packages += [Path(entry) for entry in sys.path if entry.endswith(".egg")]
    for package in packages:
        for po in package.glob("**/locales/*/LC_MESSAGES/*.po"):
            compile_mo_file(po.stem, str(po.parent))


# The longest test files first: two test processes take files in this order, and one long file
# left to the end keeps one process busy while the other waits (pytest-xdist, --dist loadfile).
LONGEST_FIRST = ("operations", "browser", "security", "public")


def pytest_collection_modifyitems(config, items):
    def rank(item):
        folder = item.path.parent.name
        return LONGEST_FIRST.index(folder) if folder in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: each file's tests keep their order


def _layer_fixtures(layer, name):
    return fixture.create(
        layer,
        session_fixture_name=f"{name}_session",
        class_fixture_name=f"{name}_class",
        function_fixture_name=f"{name}_test",
    )


globals().update(_layer_fixtures(INTEGRATION_TESTING, "integration"))
globals().update(_layer_fixtures(FUNCTIONAL_TESTING, "functional"))


# Asking for the session fixture first keeps the layer (and the Plone site under it) for the
# whole run: zope.pytestlayer otherwise tears it down after each class of plain pytest tests.
# Each test stays isolated by the layer's own per-test DemoStorage, rolled back after it.
@pytest.fixture
def integration(integration_session, integration_test):
    return integration_test


@pytest.fixture
def functional(functional_session, functional_test):
    return functional_test


# The demo content each layer got, by hour: loaded once per test process and hour, stacked again
# for every module that reads it (it takes seconds to make; the tests only ever write above it).
_DEMO_CHANGES = {}


def _push_demo_content(layer):
    """Push a DemoStorage holding the demo content that ``make start`` loads onto the layers'
    database stack. Each test stacks its own storage on top and rolls it back, as usual."""
    owner = Layer(bases=(layer,), name=f"DemoContent({layer.__name__})")
    base = owner.get("zodbDB")
    # The demo's dates count from the current hour (loader.py: "now" without minutes): reused
    # within that hour only, whatever day, zone or moment (--at) the process is in. The
    # platform's zone is a whole number of hours from UTC, so its hours are UTC's.
    hour = datetime.datetime.now(datetime.UTC).replace(minute=0, second=0, microsecond=0)
    key = (layer.__name__, id(base.storage), hour)
    loaded = key in _DEMO_CHANGES
    # Kept open for the next module (close_changes_on_close), with room for the demo's files.
    changes = _DEMO_CHANGES[key] if loaded else BlobStorage(tempfile.mkdtemp(), MappingStorage())
    owner["zodbDB"] = DB(
        DemoStorage(
            name="DemoContent", base=base.storage, changes=changes, close_changes_on_close=False
        )
    )
    if loaded:
        return owner
    with zope_testing.zopeApp(owner["zodbDB"]) as app:  # commits on leaving
        portal = app[PLONE_SITE_ID]
        setSite(portal)
        try:
            with api.env.adopt_user(username=SITE_OWNER_NAME):
                load_demo(portal)
                # Committed with the site set, as `make start` does (demo/site.py): the catalog
                # indexes what is queued on commit, through the site's components (behaviors).
                transaction.commit()
        finally:
            setSite(None)
    _DEMO_CHANGES[key] = changes
    return owner


def _pop_demo_content(owner):
    owner["zodbDB"].close()
    del owner["zodbDB"]


@pytest.fixture(scope="module")
def demo_functional(functional_session):
    """The demo content, loaded once for the tests of a module that use ``functional``."""
    owner = _push_demo_content(FUNCTIONAL_TESTING)
    yield
    _pop_demo_content(owner)


@pytest.fixture(scope="module")
def demo_integration(integration_session):
    """The demo content, loaded once for the tests of a module that use ``integration``."""
    owner = _push_demo_content(INTEGRATION_TESTING)
    yield
    _pop_demo_content(owner)


@pytest.fixture(autouse=True)
def _fresh_ram_cache():
    """Each test starts with an empty RAM cache: its database is rolled back after it, and the
    next test's catalog counts from the same number again (core/pagecache.py keys on it)."""
    from zope.component import queryUtility
    from zope.ramcache.interfaces.ram import IRAMCache

    cache = queryUtility(IRAMCache)
    if cache is not None:
        cache.invalidateAll()


@pytest.fixture(autouse=True)
def _codes_seen_per_test():
    """Each test's writes are rolled back, the second-factor codes the platform saw with them:
    the demo members' codes start again from the current time step (tests/authentication)."""
    forget_codes()


@pytest.fixture
def portal(integration):
    return integration["portal"]


@pytest.fixture
def request_(integration):
    return integration["request"]


SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path():
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright (no browser download: executable_path)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


BROWSER_OPTIONS = {"viewport": {"width": 1280, "height": 900}, "locale": "en-GB"}


@pytest.fixture(scope="session")
def browsing(chromium):
    """One browser context for the run: its HTTP cache keeps Plone's scripts and styles between
    tests, as a person's browser does; each test starts without cookies or storage."""
    context = chromium.new_context(**BROWSER_OPTIONS)
    yield context
    context.close()


@pytest.fixture
def page(chromium, browsing, functional, request, clock):
    """A fresh browser page; fails the test on any script error in the console.

    The page's screenshot is saved under tests/screenshots/ after the test, so a person can look.
    At a fixed moment (``--moments``) the browser's clock shows that moment too, in a context of
    its own.
    """
    if clock.moment:
        context = chromium.new_context(**BROWSER_OPTIONS)
        context.clock.install(time=time.time())
    else:
        context = browsing
        context.clear_cookies()
    page = context.new_page()
    page.script_errors = []
    page.on("pageerror", lambda error: page.script_errors.append(str(error)))
    # With the address it is about: "Failed to load resource" names no resource itself.
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and page.script_errors.append(f"{message.text} ({message.location.get('url')})")
        ),
    )
    yield page
    SCREENSHOTS.mkdir(exist_ok=True)
    # Runs at fixed moments go on in two zones at once: one screenshot each.
    zone = f"@{os.environ.get('TZ', 'local').replace('/', '-')}" if clock.moment else ""
    page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}{zone}.png"), full_page=True)
    # What the page kept in the browser goes with it (the context, and its cache, stay).
    page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
    page.close()
    if context is not browsing:
        context.close()
    assert page.script_errors == [], f"script errors in the browser: {page.script_errors}"


@pytest.fixture
def site_url(functional):
    return f"http://{functional['host']}:{functional['port']}/plone"


AXE = Path(__file__).parents[1] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 A and AA: axe's rules of 2.0 and 2.1, and those 2.2 adds (target sizes).
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Stock Plone's editing toolbar (plone.app.layout 6.0.2, toolbar.pt) labels its pin/unpin
# anchors, which have no href, with aria-label; an upstream defect shown to editors only.
# Its "History" tab, on a busy machine, can be checked before the toolbar script has given it its
# label: the same upstream toolbar, editors only.
AXE_EXCLUDE = [[".toolbar-collapse"], [".toolbar-expand"], ["#contentview-history > .nav-link"]]


@pytest.fixture
def wcag_violations():
    """Run axe-core on a page; return its WCAG 2.2 A/AA violations as readable lines."""

    def check(page):
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """([tags, exclude]) => axe.run(
                {include: [["html"]], exclude: exclude},
                {runOnly: {type: "tag", values: tags}}
            )""",
            [WCAG_22_AA, AXE_EXCLUDE],
        )
        return [
            f"{violation['id']}: {node['target']}: {node['failureSummary']}"
            for violation in result["violations"]
            for node in violation["nodes"]
        ]

    return check


class Inbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content)
        message.envelope_recipients = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def wait(self, count=1, seconds=10):
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages

    @staticmethod
    def subject(message):
        """The Subject header, decoded (non-ASCII subjects arrive RFC 2047-encoded)."""
        return str(make_header(decode_header(message["Subject"])))

    def to(self, address):
        """The messages sent to one address."""
        return [message for message in self.messages if address in message["To"]]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_inbox(functional):
    """A real SMTP server on loopback, and the site's mail settings pointing at it."""
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    portal = functional["portal"]
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", controller.port)
    api.portal.set_registry_record("plone.email_from_address", "platform@example.org")
    api.portal.set_registry_record("plone.email_from_name", "ClusterPoliSEE")
    portal.MailHost.smtp_host = "127.0.0.1"
    portal.MailHost.smtp_port = controller.port
    transaction.commit()
    yield handler
    controller.stop()
