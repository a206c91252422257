"""The time a person gives an event or a meeting is the time every page shows, its zone named
(core/dates.py): the coordinator's event at 09:30 Bucharest time on its page, the events calendar
(list and month), the landing page and the events portlet; a working group's meeting at 10:00 on
its page, the group's calendar (list and month) and its dashboard. Whatever zone the server
process runs in (make test runs the dated tests in UTC and in Bucharest's zone)."""

from playwright.sync_api import expect
from tests.browser.steps import fill_rich_text
from tests.browser.steps import log_in
from tests.browser.steps import save
from tests.conftest import SCREENSHOTS
import pytest
import re


# At today's date only: the fixed moments and both process zones are the formatter's tests'
# (tests/public/test_event_times.py); this journey steps to the next month itself when the event
# falls there, and a browser journey ten times over would cost CI a few minutes.
pytestmark = [pytest.mark.browser]

EVENT = "Cluster policy breakfast"
MEETING = "Voucher figures review"
GROUP = "/working-groups/innovation-rd"


def change_state(page, transition):
    page.get_by_role("link", name=re.compile("^State:")).click()
    page.get_by_role("link", name=re.compile(transition)).click()
    expect(page.get_by_text("Item state changed.")).to_be_visible()


def enter_times(page, start, end):
    """The date and time widgets, as a person sets them (the browser's own date picker)."""
    page.get_by_label("Event Starts").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Event Ends").fill(end.strftime("%Y-%m-%dT%H:%M"))


def snapshot(page, request, step):
    page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}-{step}.png"), full_page=True)


def test_every_page_shows_the_time_an_event_and_a_meeting_were_given(
    page, site_url, demo_functional, clock, request
):
    start = clock.at(days=3, hour=9, minute=30)  # Europe/Bucharest, the site's zone
    day, zone = start.strftime("%b %d, %Y"), start.tzname()  # "Dec 03, 2026", "EET" or "EEST"
    starts_at = f"{day} 09:30 AM {zone}"

    # The coordinator adds the event on the events section's add form and asks the STC to
    # validate it; an STC member publishes it.
    log_in(page, site_url, "platform.coordinator")
    page.goto(f"{site_url}/events/++add++Event")
    page.get_by_label("Title").fill(EVENT)
    enter_times(page, start, start.replace(hour=11, minute=0))
    page.get_by_label("Financial framework improvement").check()
    save(page)
    expect(page.get_by_text("Item created")).to_be_visible()
    event_url = page.url.removesuffix("/view")
    change_state(page, "Submit")
    log_in(page, site_url, "sofia.dimitriou")
    page.goto(event_url)
    change_state(page, "^Publish$")

    # A visitor: the event's page, the events calendar, the landing page and the events portlet.
    page.context.clear_cookies()
    page.goto(event_url)
    when = page.locator(".event-summary .event-when")
    expect(when).to_contain_text(f"{day} 09:30 AM – 11:00 AM {zone}")
    expect(when).to_contain_text("(Europe/Bucharest)")
    snapshot(page, request, "event")
    page.goto(f"{site_url}/events")
    result = page.locator(".faceted-result").filter(has=page.get_by_role("link", name=EVENT))
    expect(result).to_contain_text(starts_at)
    page.get_by_role("link", name="Month", exact=True).click()
    if start.month != clock.today().month:
        page.get_by_role("link", name="Next month").click()
    grid_day = page.locator(".month-grid td").filter(has=page.get_by_role("link", name=EVENT))
    expect(grid_day).to_contain_text(f"09:30 AM {zone}")
    snapshot(page, request, "events-calendar")
    page.goto(site_url)
    upcoming = page.locator(".platform-events li").filter(has=page.get_by_role("link", name=EVENT))
    expect(upcoming).to_contain_text(starts_at)
    portlet = page.locator(".portletEvents li").filter(has=page.get_by_role("link", name=EVENT))
    expect(portlet).to_contain_text(f"{starts_at} (Europe/Bucharest)")
    snapshot(page, request, "landing")

    # The group's leader calls a meeting at 10:00 on the planning's add form.
    meeting_start = clock.at(days=4, hour=10, minute=0)
    meeting_day, meeting_zone = meeting_start.strftime("%b %d, %Y"), meeting_start.tzname()
    log_in(page, site_url, "nikos.papadopoulos")
    page.goto(f"{site_url}{GROUP}/planning/++add++Meeting")
    page.get_by_label("Title").fill(MEETING)
    fill_rich_text(page, "agenda", "1. The figures from Romania.")
    enter_times(page, meeting_start, meeting_start.replace(hour=12))
    save(page)
    expect(page.locator(".meeting-facts")).to_contain_text(
        f"{meeting_day} 10:00 AM – 12:00 PM {meeting_zone} (Europe/Bucharest)"
    )
    snapshot(page, request, "meeting")
    page.goto(f"{site_url}{GROUP}/planning?mode=list")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=MEETING))
    expect(row).to_contain_text(f"{meeting_day} 10:00 AM {meeting_zone}")
    page.get_by_role("link", name="Month", exact=True).click()
    if meeting_start.month != clock.today().month:
        page.get_by_role("link", name="Next month").click()
    grid_day = page.locator(".month-grid td").filter(has=page.get_by_role("link", name=MEETING))
    expect(grid_day).to_contain_text(f"10:00 AM {meeting_zone}")
    snapshot(page, request, "group-calendar")
    page.goto(f"{site_url}{GROUP}")
    meetings = page.get_by_role("heading", name="Upcoming meetings").locator("xpath=..")
    upcoming = meetings.locator("li").filter(has=page.get_by_role("link", name=MEETING))
    expect(upcoming).to_contain_text(f"{meeting_day} 10:00 AM {meeting_zone}")
