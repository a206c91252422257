"""The tests' clock: tests compute the dates they need from a moment they control.

A test that depends on the date asks for ``clock`` and is marked ``dates``. ``make test`` runs
every test at today's date, then runs the tests marked ``dates`` again with ``--moments``: once
at each of ``MOMENTS`` (local wall times in the process's zone, ``TZ``), in Bucharest's zone
and in UTC. time-machine moves the whole test process, the WSGI server's thread included, and
the browser's clock follows (``page``). The layers of such a run are built at ``EPOCH``, before
every moment, so that what they create (sections, questionnaires) is never in the future.
"""

from clusterpolisee.testing import PORTAL_TIMEZONE
from datetime import datetime
from datetime import time
from datetime import timedelta
import pytest
import pytz
import time_machine


MOMENTS = {
    # The last day of a month, half an hour before midnight: "three days from now" is next
    # month, and in Bucharest it is already tomorrow in UTC's reckoning of the evening.
    "month-end": datetime(2026, 11, 30, 23, 30),
    "year-end": datetime(2026, 12, 31, 23, 30),
    "leap-day": datetime(2028, 2, 29, 23, 30),
    # Europe's clocks change at 01:00 UTC on these days: at half past midnight the day is
    # still to change, and UTC's date is another than Bucharest's.
    "spring-forward": datetime(2027, 3, 28, 0, 30),
    "fall-back": datetime(2027, 10, 31, 0, 30),
}
EPOCH = datetime(2026, 11, 1, 12, 0)


def _instant(wall_time):
    """A local wall time of this process (its TZ) as an aware moment."""
    return wall_time.astimezone()


class Clock:
    """Today's date and the wall times a test needs, in the platform's zone (the site's time
    zone, as ``make start`` sets it), at the moment the test runs."""

    zone = pytz.timezone(PORTAL_TIMEZONE)

    def __init__(self, moment=None):
        self.moment = moment

    def now(self):
        return datetime.now(self.zone)

    def today(self):
        return self.now().date()

    def at(self, days=0, hour=9, minute=30, zone=None):
        """A wall time ``days`` from today (in ``zone``, default the platform's), localized
        on its own day, so that it is right across a change of the clocks."""
        zone = zone or self.zone
        day = datetime.now(zone).date() + timedelta(days=days)
        return zone.localize(datetime.combine(day, time(hour, minute)))

    def wall(self, days=0, hours=0):
        """The platform's wall time ``days`` and ``hours`` from now, without its zone: what
        Plone's forms store for a date and time field."""
        return self.now().replace(tzinfo=None) + timedelta(days=days, hours=hours)

    def month(self, days=0):
        """The month ``days`` from today as ``YYYY-MM``, as the calendars' ``month`` takes it."""
        return (self.today() + timedelta(days=days)).strftime("%Y-%m")


def pytest_addoption(parser):
    parser.addoption(
        "--moments",
        action="store_true",
        help="run only the tests marked 'dates', once at each of the fixed moments",
    )
    parser.addoption(
        "--at",
        metavar="MOMENT",
        help="run the tests with the whole process at a local wall time, for example "
        "2026-12-31T23:30 or month-end (one of the fixed moments): to look for a test that "
        "depends on the date without saying so",
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "dates: depends on the date; run again at fixed moments by --moments"
    )
    if config.getoption("--moments"):
        time_machine.travel(_instant(EPOCH), tick=True).start()
    elif config.getoption("--at"):
        moment = config.getoption("--at")
        wall_time = MOMENTS.get(moment) or datetime.fromisoformat(moment)
        time_machine.travel(_instant(wall_time), tick=True).start()


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--moments"):
        return
    selected = [item for item in items if item.get_closest_marker("dates")]
    deselected = [item for item in items if not item.get_closest_marker("dates")]
    # A mark on one parameter set only is invisible to pytest_generate_tests: such a test
    # would run once, at no fixed moment. Mark the test (or its class or module) instead.
    unmoved = [
        item.nodeid
        for item in selected
        if "clock" not in getattr(getattr(item, "callspec", None), "params", {})
    ]
    if unmoved:
        raise pytest.UsageError(f"marked 'dates' but not run at the moments: {unmoved}")
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected


def pytest_generate_tests(metafunc):
    if metafunc.config.getoption("--moments") and metafunc.definition.get_closest_marker("dates"):
        metafunc.parametrize("clock", list(MOMENTS), indirect=True, scope="function")


@pytest.fixture(autouse=True)
def clock(request):
    """The moment the test runs at: today, or with ``--moments`` one of ``MOMENTS``.

    Autouse, so that the moment is set before any other fixture of the test creates content.
    """
    name = getattr(request, "param", None)
    if name is None:
        yield Clock()
        return
    with time_machine.travel(_instant(MOMENTS[name]), tick=True):
        yield Clock(name)
