"""Meetings (room, RSVP, minutes), milestones and tasks, the group calendar and its iCal feed."""

from clusterpolisee.workspaces.calendar_feed import feed_url
from clusterpolisee.workspaces.calendar_feed import token
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from tests.clock import Clock
from tests.workspaces.conftest import as_user
from tests.workspaces.test_roster import post
from tests.workspaces.test_roster import render
import pytest
import pytz


ATHENS = pytz.timezone("Europe/Athens")


def meeting(group, days=7, **fields):
    start = Clock().at(days=days, hour=10, zone=ATHENS)
    with as_user("leader"):
        return api.content.create(
            container=group["planning"],
            type="Meeting",
            title=fields.pop("title", "Steering meeting"),
            start=start,
            end=start + timedelta(hours=2),
            agenda=RichTextValue("<p>Vouchers</p>", "text/html", "text/x-html-safe"),
            participants=fields.pop("participants", ["full", "associated"]),
            **fields,
        )


class TestMeetings:
    def test_each_meeting_has_its_own_room_on_the_configured_service(self, group):
        first, second = meeting(group), meeting(group, title="Second")
        assert first.room_url().startswith("https://meet.jit.si/ClusterPoliSEE-innovation-rd-")
        assert first.room_url() != second.room_url()
        api.portal.set_registry_record(
            "clusterpolisee.videoconference_base_url", "https://video.example.org/rooms/"
        )
        assert first.room_url().startswith("https://video.example.org/rooms/ClusterPoliSEE-")
        html = render(first, "view", "associated")
        assert "Join the meeting" in html
        assert f'src="{first.room_url()}"' in html  # embeddable
        assert 'loading="lazy"' in html

    def test_a_meeting_without_a_room(self, group):
        offline = meeting(group, online=False)
        assert offline.room_url() is None
        assert "Join the meeting" not in render(offline, "view", "associated")

    def test_participants_answer(self, group):
        steering = meeting(group)
        post(steering, "view", "associated", answer="maybe", answer_meeting="1")
        post(steering, "view", "full", answer="yes", answer_meeting="1")
        html = render(steering, "view", "leader")
        assert "May attend" in html
        assert "Attends" in html

    def test_only_participants_answer_and_answers_are_checked(self, group):
        from clusterpolisee.workspaces.meetings import answers
        from zExceptions import Unauthorized
        import pytest

        steering = meeting(group)
        with pytest.raises(Unauthorized):
            post(steering, "view", "leader", answer="yes", answer_meeting="1")
        post(steering, "view", "full", answer="perhaps", answer_meeting="1")
        assert "full" not in answers(steering)

    def test_minutes_are_filed_after_the_meeting(self, group):
        past = meeting(group, days=-2)
        assert "File the minutes" in render(past, "view", "leader")
        assert "File the minutes" not in render(past, "view", "associated")
        assert "File the minutes" not in render(meeting(group), "view", "leader")


@pytest.mark.dates
class TestTasks:
    def test_overdue_tasks_are_marked_and_the_assignee_may_update(self, group, clock):
        with as_user("leader"):
            late = api.content.create(
                container=group["planning"],
                type="Task",
                title="Collect figures",
                due_date=clock.today() - timedelta(days=2),
                assignee="associated",
            )
            done = api.content.create(
                container=group["planning"],
                type="Task",
                title="Finished work",
                due_date=clock.today() - timedelta(days=2),
                status="done",
            )
        assert "Overdue" in render(late, "view", "full")
        assert "Overdue" not in render(done, "view", "full")
        with as_user("associated"):
            assert api.user.has_permission("Modify portal content", obj=late)
        with as_user("full"):
            assert not api.user.has_permission("Modify portal content", obj=late)
        html = render(group, "workspace-dashboard", "associated")
        assert "My tasks" in html
        assert "Collect figures" in html

    def test_a_task_due_today_is_not_overdue_yesterday_is(self, group, clock):
        from clusterpolisee.workspaces.views import is_overdue

        with as_user("leader"):
            today, yesterday = (
                api.content.create(
                    container=group["planning"],
                    type="Task",
                    title=title,
                    due_date=clock.today() - timedelta(days=days),
                )
                for title, days in (("Today", 0), ("Yesterday", 1))
            )
        assert not is_overdue(today)
        assert is_overdue(yesterday)

    def test_reassigning_moves_the_right_to_update(self, group, clock):
        with as_user("leader"):
            task = api.content.create(
                container=group["planning"],
                type="Task",
                title="Draft",
                due_date=clock.today(),
                assignee="associated",
            )
            task.assignee = "full"
            from zope.event import notify
            from zope.lifecycleevent import ObjectModifiedEvent

            notify(ObjectModifiedEvent(task))
        assert "Editor" in dict(task.get_local_roles())["full"]
        assert "associated" not in dict(task.get_local_roles())


@pytest.mark.dates
class TestCalendar:
    def test_month_and_list_show_meetings_milestones_and_tasks(self, group, clock):
        meeting(group, days=3)
        with as_user("leader"):
            api.content.create(
                container=group["planning"],
                type="Milestone",
                title="Report due",
                due_date=clock.today() + timedelta(days=3),
            )
        month = clock.month(days=3)
        html = render(group["planning"], "group-calendar", "associated", month=month)
        assert "Steering meeting" in html
        assert "Report due" in html
        listing = render(group["planning"], "group-calendar", "associated", mode="list")
        assert listing.index("Steering meeting") > 0
        assert "Report due" in listing

    @pytest.mark.parametrize("month", ["2026-13", "9999-12", "0001-01"])
    def test_a_bad_month_falls_back_to_this_month(self, group, clock, month):
        html = render(group["planning"], "group-calendar", "associated", month=month)
        assert str(clock.today().year) in html

    def test_this_month_and_today_are_the_platforms_whatever_the_servers_zone(self, group, clock):
        from clusterpolisee.workspaces.views import GroupCalendarView

        view = GroupCalendarView(group["planning"], group.REQUEST)
        group.REQUEST.form.clear()
        assert view.month() == clock.today().replace(day=1)
        marked = [day["date"] for week in view.weeks() for day in week if day["today"]]
        assert marked == [clock.today()]

    def test_ical_feed_with_the_members_token(self, group):
        meeting(group, title="Feed meeting")
        planning = group["planning"]
        url = feed_url(planning, "associated")
        assert token(planning, "associated") in url
        request = planning.REQUEST
        request.form.clear()
        request.form.update({"member": "associated", "token": token(planning, "associated")})
        body = api.content.get_view("group-calendar.ics", planning, request)()
        assert b"SUMMARY:Feed meeting" in body
        assert b"meet.jit.si" in body

    def test_ical_feed_refuses_a_wrong_token(self, group):
        planning = group["planning"]
        request = planning.REQUEST
        request.form.clear()
        request.form.update({"member": "associated", "token": token(planning, "full")})
        body = api.content.get_view("group-calendar.ics", planning, request)()
        assert request.response.getStatus() == 403
        assert "not valid" in body

    def test_ical_feed_of_someone_who_left_is_empty(self, group):
        from clusterpolisee.workspaces.groups import set_roster_role

        meeting(group, title="Secret meeting")
        planning = group["planning"]
        set_roster_role(group, "associated", None)
        request = planning.REQUEST
        request.form.clear()
        request.form.update({"member": "associated", "token": token(planning, "associated")})
        body = api.content.get_view("group-calendar.ics", planning, request)()
        assert b"Secret meeting" not in body
