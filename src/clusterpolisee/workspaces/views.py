"""Pages of the working groups: the list of groups, a workspace's dashboard and roster, its wiki,
forum, planning (calendar, meetings, tasks) and decisions."""

from clusterpolisee import _
from clusterpolisee.core import dates
from clusterpolisee.core.calendars import MONTH_GRID
from clusterpolisee.core.calendars import MonthGrid
from clusterpolisee.core.pagecache import brains_of
from clusterpolisee.core.pagecache import kept_records
from clusterpolisee.core.pagecache import shared_key
from clusterpolisee.core.people import fullname
from clusterpolisee.core.states import item_state_title
from clusterpolisee.core.vocabularies import vocabulary_title
from clusterpolisee.members.tiers import tier_memberships
from clusterpolisee.workspaces.decisions import cast_vote
from clusterpolisee.workspaces.decisions import votes
from clusterpolisee.workspaces.decisions import VotingError
from clusterpolisee.workspaces.forms import InvitationForm
from clusterpolisee.workspaces.forms import JoinRequestForm
from clusterpolisee.workspaces.forms import PersonForm
from clusterpolisee.workspaces.forms import RemovalForm
from clusterpolisee.workspaces.forms import WIKI_PAGE_TITLE
from clusterpolisee.workspaces.groups import find_workspace
from clusterpolisee.workspaces.groups import join_requests
from clusterpolisee.workspaces.groups import LEADER
from clusterpolisee.workspaces.groups import roster
from clusterpolisee.workspaces.meetings import answer
from clusterpolisee.workspaces.meetings import answers
from clusterpolisee.workspaces.subscribers import follow
from clusterpolisee.workspaces.subscribers import followers
from DateTime import DateTime
from datetime import timedelta
from html import escape
from plone import api
from plone.memoize import ram
from plone.memoize.instance import memoize as instance_memoize
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from urllib.parse import quote
from zExceptions import Unauthorized
import re


MANAGE_ROSTER = "clusterpolisee: Manage working group roster"
OPEN_TASK = ["open", "in-progress"]


def _path(obj):
    return "/".join(obj.getPhysicalPath())


def addable(container, portal_type):
    """True if the current user may add this type here: the add permission, the workflow's
    "Add portal content" and the container's type constraints all agree."""
    return portal_type in {fti.getId() for fti in container.allowedContentTypes()}


def is_overdue(brain_or_obj):
    """Open and due before today, in the platform's zone."""
    due = dates.day_of(getattr(brain_or_obj, "due_date", None))
    status = getattr(brain_or_obj, "task_status", None) or getattr(brain_or_obj, "status", None)
    return bool(due) and status != "done" and due < dates.today()


class PostView(BrowserView):
    """A page with a form of its own that changes something. A POST is that form's only when
    it carries the form's submit button (``submit_name``): the form token is required (CSRF),
    then back to the page with a message. Any other POST, such as the comment form of
    plone.app.discussion that posts to the same page, renders the page, and the form it
    belongs to handles it."""

    submit_name = None

    def __call__(self):
        if self.request.method == "POST" and self.submit_name in self.request.form:
            CheckAuthenticator(self.request)
            message, kind = self.handle(self.request.form)
            api.portal.show_message(message, request=self.request, type=kind)
            self.request.response.redirect(self.redirect_url())
            return ""
        return self.index()

    def redirect_url(self):
        return f"{self.context.absolute_url()}/@@{self.__name__}"

    def handle(self, form):
        raise NotImplementedError


class WorkingGroupsView(BrowserView):
    """The list of working groups, for every approved member: open your groups, ask to join
    others. Titles and descriptions of groups are shown to all members on purpose; nothing
    inside a workspace is."""

    def __call__(self):
        catalog = api.portal.get_tool("portal_catalog")
        self.join_forms = {}
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Workspace", path=_path(self.context)
        ):
            join = JoinRequestForm(self.context, self.request, brain._unrestrictedGetObject())
            join.update()
            if join.redirected:
                return ""
            self.join_forms[brain.UID] = join
        return self.index()

    def groups(self):
        catalog = api.portal.get_tool("portal_catalog")
        path = _path(self.context)
        visible = {brain.UID for brain in catalog(portal_type="Workspace", path=path)}
        user_id = api.user.get_current().getId()
        rows = []
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Workspace", path=path, sort_on="sortable_title"
        ):
            workspace = brain._unrestrictedGetObject()
            rows.append(
                {
                    "uid": brain.UID,
                    "title": brain.Title,
                    "description": brain.Description,
                    "url": brain.getURL() if brain.UID in visible else None,
                    "form": self.join_forms.get(brain.UID),
                    "asked": user_id in join_requests(workspace),
                    "leaders": [
                        fullname(member)
                        for member, role in roster(workspace).items()
                        if role == LEADER
                    ],
                }
            )
        return rows

    def can_ask(self):
        return bool(api.user.has_permission("clusterpolisee: Ask to join a working group"))


def _dashboard_key(method, self):
    # What a dashboard lists: the same for a person in a workspace until the catalog changes
    # (core/pagecache.py): approving, voting, a new page or a roster change all reindex.
    return shared_key("workspace-dashboard", self.context.getPhysicalPath())


def _members_key(method, self):
    # Who is in: a roster change reindexes the workspace; a changed name shows within the minute.
    return shared_key("workspace-members", self.context.getPhysicalPath())


class WorkspaceDashboardView(BrowserView):
    """A workspace's front page: what happened, what comes, what waits for me, who is in.

    Its seven lists are catalog queries under the workspace; they are worked out once per
    person and catalog change and kept as record ids (``_listed``): at 200,000 practices they
    were a sixth of the page."""

    def _query(self, **query):
        catalog = api.portal.get_tool("portal_catalog")
        return catalog(path=_path(self.context), **query)

    def parts(self):
        return [
            {"title": obj.Title(), "url": obj.absolute_url(), "type": obj.portal_type}
            for obj in self.context.contentValues()
            if obj.portal_type in ("Folder", "Wiki", "Forum", "Planning", "Decisions")
        ]

    @instance_memoize
    def _lists(self):
        return self._listed()

    @ram.cache(_dashboard_key)
    def _listed(self):
        return {
            name: kept_records(find())
            for name, find in (
                ("recent", self._find_recent),
                ("meetings", self._find_meetings),
                ("milestones", self._find_milestones),
                ("my_tasks", self._find_my_tasks),
                ("topics", self._find_topics),
                ("waiting_for_me", self._find_waiting_for_me),
                ("open_decisions", self._find_open_decisions),
            )
        }

    def _brains(self, name):
        return brains_of(self._lists()[name])

    def recent(self):
        return self._brains("recent")

    def meetings(self):
        return self._brains("meetings")

    def milestones(self):
        return [
            {"brain": brain, "overdue": is_overdue(brain)} for brain in self._brains("milestones")
        ]

    def my_tasks(self):
        return [
            {"brain": brain, "overdue": is_overdue(brain)} for brain in self._brains("my_tasks")
        ]

    def topics(self):
        return self._brains("topics")

    def waiting_for_me(self):
        return self._brains("waiting_for_me")

    def open_decisions(self):
        return self._brains("open_decisions")

    def _find_recent(self):
        parts = ("Wiki", "Forum", "Planning", "Decisions", "Workspace")
        brains = self._query(sort_on="modified", sort_order="descending", sort_limit=15)
        return [brain for brain in brains if brain.portal_type not in parts][:10]

    def _find_meetings(self):
        return self._query(
            portal_type="Meeting",
            end={"query": DateTime(), "range": "min"},
            sort_on="start",
            sort_limit=5,
        )[:5]

    def _find_milestones(self):
        return self._query(
            portal_type="Milestone", task_status=OPEN_TASK, sort_on="due_date", sort_limit=5
        )[:5]

    def _find_my_tasks(self):
        return self._query(
            portal_type="Task",
            assignee=api.user.get_current().getId(),
            task_status=OPEN_TASK,
            sort_on="due_date",
        )

    def _find_topics(self):
        return self._query(
            portal_type="ForumTopic", sort_on="modified", sort_order="descending", sort_limit=5
        )[:5]

    def _find_waiting_for_me(self):
        """Items in group review the current member may approve: the workflow's own guard
        (the Approve permission and a roster role) decides, each item woken once."""
        workflow_tool = api.portal.get_tool("portal_workflow")
        return [
            brain
            for brain in self._query(review_state="group_review", sort_on="modified")[:50]
            if "approve"
            in {
                transition["id"]
                for transition in workflow_tool.getTransitionsFor(brain.getObject())
            }
        ]

    def _find_open_decisions(self):
        return self._query(portal_type="Decision", review_state="open", sort_on="modified")

    @ram.cache(_members_key)
    def members(self):
        """The roster by name, leaders first: kept like the lists (each name is a look-up of
        the whole account, its groups and roles included: 2 ms for a group of six)."""
        return sorted(
            (
                {"name": fullname(user_id), "leader": role == LEADER}
                for user_id, role in roster(self.context).items()
            ),
            key=lambda row: (not row["leader"], row["name"].lower()),
        )

    def welcome(self):
        return self.context.welcome.output if self.context.welcome else ""

    def can_manage(self):
        return bool(api.user.has_permission(MANAGE_ROSTER, obj=self.context))


class RosterView(BrowserView):
    """Who is in the group. The leader (and the coordinator) invites, removes, appoints the
    leader and answers requests to join (forms.py).

    A removal takes two steps, without scripts: a person's "Remove" shows this page asking to
    confirm (``removing``), whose own form (RemovalForm) removes them or cancels."""

    removing = None

    def page_title(self):
        group = self.context.Title()
        if self.removing:
            return _(
                "heading_confirm_removal",
                default="Remove ${name} from ${group}?",
                mapping={"name": self.removing["name"], "group": group},
            )
        return _("heading_roster_of", default="Members of ${group}", mapping={"group": group})

    def __call__(self):
        group = roster(self.context)
        self.invitation = InvitationForm(self.context, self.request)
        self.removal = RemovalForm(self.context, self.request)
        self.person_forms = {
            ("member", user_id): PersonForm(
                self.context, self.request, user_id, "member", leader=role == LEADER
            )
            for user_id, role in group.items()
        }
        for user_id in join_requests(self.context):
            self.person_forms[("request", user_id)] = PersonForm(
                self.context, self.request, user_id, "request"
            )
        for each in (self.invitation, self.removal, *self.person_forms.values()):
            each.update()
            if each.redirected:
                return ""
        for each in self.person_forms.values():
            if each.confirm_removal:
                self.removing = {"id": each.user_id, "name": fullname(each.user_id)}
                self.removal = RemovalForm(self.context, self.request, each.user_id)
                self.removal.update()
                break
        return self.index()

    def person_form(self, kind, user_id):
        return self.person_forms[(kind, user_id)].render()

    def can_manage(self):
        return bool(api.user.has_permission(MANAGE_ROSTER, obj=self.context))

    def members(self):
        memberships = tier_memberships()
        rows = []
        for user_id, role in roster(self.context).items():
            user = api.user.get(userid=user_id)
            rows.append(
                {
                    "id": user_id,
                    "name": fullname(user_id),
                    "leader": role == LEADER,
                    "organisation": user.getProperty("organisation", "") if user else "",
                    "country": vocabulary_title(
                        "clusterpolisee.vocabularies.Countries",
                        user.getProperty("country", "") if user else "",
                        self.context,
                    ),
                    "full": "full-members" in memberships.get(user_id, ()),
                }
            )
        return sorted(rows, key=lambda row: (not row["leader"], row["name"].lower()))

    def requests(self):
        return sorted(
            (
                {"id": user_id, "name": fullname(user_id), "asked": asked[:10], "message": message}
                for user_id, (asked, message) in join_requests(self.context).items()
            ),
            key=lambda row: row["asked"],
        )

    def candidates(self):
        """Approved members (partner members included: they join where invited) not yet in."""
        current = set(roster(self.context))
        memberships = tier_memberships()
        return sorted(
            (
                {"id": user_id, "name": fullname(user_id)}
                for user_id, tiers in memberships.items()
                if user_id not in current and set(tiers) - {"public-followers"}
            ),
            key=lambda row: row["name"].lower(),
        )


WIKI_LINK = re.compile(r"\[\[([^\[\]|]{1,200})\]\]")


def _wiki_index_key(method, self):
    return shared_key("wiki-index", self.context.getPhysicalPath())


class WikiIndexView(BrowserView):
    """The wiki's pages from A to Z, with who changed each last and when."""

    def pages(self):
        return brains_of(self._page_records())

    @ram.cache(_wiki_index_key)
    def _page_records(self):
        # Kept per person until the catalog changes (core/pagecache.py), as the dashboard's.
        catalog = api.portal.get_tool("portal_catalog")
        return kept_records(
            catalog(portal_type="WikiPage", path=_path(self.context), sort_on="sortable_title")
        )

    def can_add(self):
        return addable(self.context, "WikiPage")


class WikiPageView(BrowserView):
    """A wiki page; [[Title]] links to the page of that title, or offers to write it."""

    def text(self):
        html = self.context.text.output if self.context.text else ""
        wiki = self.context.aq_parent
        catalog = api.portal.get_tool("portal_catalog")
        pages = {
            brain.Title.strip().lower(): brain.getURL()
            for brain in catalog(portal_type="WikiPage", path=_path(wiki))
        }
        can_add = addable(wiki, "WikiPage")
        missing_label = escape(api.portal.translate(_("page not written yet")))

        def link(match):
            title = match.group(1).strip()
            shown = escape(title)
            url = pages.get(title.lower())
            if url:
                return f'<a class="wiki-link" href="{escape(url)}">{shown}</a>'
            if can_add:
                add = f"{wiki.absolute_url()}/++add++WikiPage?{WIKI_PAGE_TITLE}={quote(title)}"
                return (
                    f'<a class="wiki-link wiki-missing" href="{escape(add)}">{shown}'
                    f'<span class="visually-hidden"> ({missing_label})</span></a>'
                )
            return f'<span class="wiki-missing">{shown}</span>'

        return WIKI_LINK.sub(link, html)


class ForumView(BrowserView):
    """The forum's topics, latest activity first."""

    def topics(self):
        catalog = api.portal.get_tool("portal_catalog")
        rows = []
        for brain in catalog(portal_type="ForumTopic", path=_path(self.context)):
            last = brain.last_comment_date or brain.created
            rows.append(
                {
                    "brain": brain,
                    "author": fullname(brain.Creator),
                    "replies": brain.total_comments or 0,
                    "last": DateTime(last) if not isinstance(last, DateTime) else last,
                }
            )
        return sorted(rows, key=lambda row: row["last"], reverse=True)

    def can_add(self):
        return addable(self.context, "ForumTopic")


class ForumTopicView(PostView):
    """A topic's opening post and its followers; the replies follow (plone.app.discussion)."""

    submit_name = "follow_topic"

    def text(self):
        return self.context.text.output if self.context.text else ""

    def following(self):
        return api.user.get_current().getId() in followers(self.context)

    def follower_count(self):
        return len(followers(self.context))

    def can_follow(self):
        return not api.user.is_anonymous() and bool(
            api.user.has_permission("Reply to item", obj=self.context)
        )

    def redirect_url(self):
        return self.context.absolute_url()

    def handle(self, form):
        if not self.can_follow():
            raise Unauthorized(_("Only members of the group follow its topics."))
        user_id = api.user.get_current().getId()
        if form.get("follow") == "1":
            follow(self.context, user_id, True)
            return _("You follow this topic: replies come to you by e-mail."), "info"
        follow(self.context, user_id, False)
        return _("You no longer follow this topic."), "info"


class GroupCalendarView(BrowserView):
    """The group's meetings, milestones and tasks: a month grid or a list; and the iCal feed."""

    def mode(self):
        return "list" if self.request.form.get("mode") == "list" else "month"

    def month(self):
        value = self.request.form.get("month", "")
        first = dates.parse_month(value) if isinstance(value, str) and value else None
        return first or dates.month_start(dates.today())

    grid_template = MONTH_GRID

    @memoize
    def grid(self):
        first = self.month()
        grid = MonthGrid(first, {}, self.request, css_class="group-calendar-month")
        for entry in self.entries(grid.first_shown(), grid.last_shown()):
            entry["css_class"] = f"entry-{entry['kind']}"
            grid.by_day.setdefault(entry["day"], []).append(entry)
        return grid

    def month_title(self):
        return self.grid().title()

    def neighbours(self):
        first = self.month()
        return tuple(dates.shift_month(first, months).strftime("%Y-%m") for months in (-1, 1))

    def entries(self, start, end):
        """Everything of the group between two dates, as dicts sorted by day.

        A meeting is on the day and at the time of its own clock; a due date has no zone."""
        catalog = api.portal.get_tool("portal_catalog")
        path = _path(find_workspace(self.context) or self.context)
        rows = []
        # A day more on each side: a meeting's own clock may be ahead of or behind the
        # platform's; the rows outside the dates asked for are left out below.
        for brain in catalog(
            portal_type="Meeting",
            path=path,
            start={
                "query": (
                    dates.day_start(start - timedelta(days=1)),
                    dates.day_start(end + timedelta(days=2)),
                ),
                "range": "min:max",
            },
        ):
            begins = dates.own(brain.start)
            if not start <= begins.date() <= end:
                continue
            rows.append(
                {
                    "day": begins.date(),
                    "date": dates.format_time(begins, context=self.context, keep_own_zone=True),
                    "clock": begins.strftime("%H:%M"),
                    "time": dates.format_event_clock(begins, context=self.context),
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "kind": "meeting",
                    "overdue": False,
                }
            )
        # Due dates have no zone; the DateIndex compares dates given as dates as they are.
        for brain in catalog(
            portal_type=["Milestone", "Task"],
            path=path,
            due_date={"query": (start, end), "range": "min:max"},
        ):
            rows.append(
                {
                    "day": dates.day_of(brain.due_date),
                    "date": dates.format_time(brain.due_date, context=self.context),
                    "clock": "",
                    "time": "",
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "kind": brain.portal_type.lower(),
                    "overdue": is_overdue(brain),
                }
            )
        return sorted(rows, key=lambda row: (row["day"], row["clock"], row["title"]))

    def weeks(self):
        return self.grid().weeks()

    def upcoming(self):
        today = dates.today()
        # Open overdue tasks first, then the next six months.
        return self.entries(today - timedelta(days=365), today + timedelta(days=183))

    def feed_url(self):
        from clusterpolisee.workspaces.calendar_feed import feed_url

        return feed_url(self.context, api.user.get_current().getId())

    def addable_types(self):
        return {
            portal_type: addable(self.context, portal_type)
            for portal_type in ("Meeting", "Milestone", "Task")
        }


class MeetingView(PostView):
    """A meeting: when, where, the room, the agenda, who comes, the minutes, the papers."""

    submit_name = "answer_meeting"

    def redirect_url(self):
        return self.context.absolute_url()

    def participants(self):
        given = answers(self.context)
        labels = {
            "yes": _("Attends"),
            "maybe": _("May attend"),
            "no": _("Cannot attend"),
        }
        return [
            {
                "name": fullname(user_id),
                "answer": labels.get(given.get(user_id), _("No answer yet")),
            }
            for user_id in self.context.participants or ()
        ]

    def my_answer(self):
        user_id = api.user.get_current().getId()
        if user_id not in (self.context.participants or ()):
            return None
        return answers(self.context).get(user_id, "")

    def room_url(self):
        return self.context.room_url()

    def papers(self):
        return [
            {"title": obj.Title(), "url": obj.absolute_url()}
            for obj in self.context.contentValues()
        ]

    def rich(self, name):
        value = getattr(self.context, name, None)
        return value.output if value else ""

    def when(self):
        """When the meeting is, on its own clock, and the name of its zone."""
        start = self.context.start
        if start is None:
            return None
        return {
            "text": dates.format_event_span(
                start,
                self.context.end,
                whole_day=getattr(self.context, "whole_day", False),
                open_end=getattr(self.context, "open_end", False),
                context=self.context,
                request=self.request,
            ),
            "zone": dates.zone_name(dates.own(start)),
        }

    def is_past(self):
        end = self.context.end
        return end is not None and dates.own(end) < dates.now()

    def can_edit(self):
        return bool(api.user.has_permission("Modify portal content", obj=self.context))

    def handle(self, form):
        user_id = api.user.get_current().getId()
        if user_id not in (self.context.participants or ()):
            raise Unauthorized(_("Only invited participants answer."))
        value = form.get("answer", "")
        if value not in ("yes", "maybe", "no"):
            return _("Choose whether you attend."), "error"
        answer(self.context, user_id, value)
        return _("Thank you: your answer is saved."), "info"


class PlanningItemView(BrowserView):
    """A milestone or a task."""

    def status(self):
        return vocabulary_title(
            "clusterpolisee.vocabularies.TaskStatuses", self.context.status, self.context
        )

    def assignee(self):
        return fullname(getattr(self.context, "assignee", None))

    def overdue(self):
        return is_overdue(self.context)


class DecisionsView(BrowserView):
    """The group's decisions, newest first, with their state and result."""

    def decisions(self):
        catalog = api.portal.get_tool("portal_catalog")
        return catalog(
            portal_type="Decision",
            path=_path(self.context),
            sort_on="created",
            sort_order="descending",
        )

    def can_add(self):
        return addable(self.context, "Decision")

    def state_title(self, brain):
        return item_state_title(brain, self.request)


class DecisionView(PostView):
    """A decision: the proposal, its documents, the vote while open, the result once closed."""

    submit_name = "cast_vote"

    def redirect_url(self):
        return self.context.absolute_url()

    def state(self):
        return api.content.get_state(self.context)

    def can_vote(self):
        return (
            self.state() == "open"
            and not self.context.voting_is_over()
            and bool(api.user.has_permission("clusterpolisee: Vote", obj=self.context))
        )

    def my_vote(self):
        return votes(self.context).get(api.user.get_current().getId(), "")

    def votes_cast(self):
        return len(votes(self.context))

    def tally(self):
        if self.state() == "closed":
            return self.context.tally or {}
        return None

    def result(self):
        if self.context.result:
            return vocabulary_title(
                "clusterpolisee.vocabularies.DecisionResults", self.context.result, self.context
            )
        return ""

    def documents(self):
        rows = []
        for relation in self.context.documents or ():
            obj = relation.to_object
            if obj is not None and api.user.has_permission("View", obj=obj):
                rows.append({"title": obj.Title(), "url": obj.absolute_url()})
        return rows

    def deadline(self):
        """The deadline in the platform's zone, named, as the page's language writes it."""
        return dates.format_time(
            self.context.deadline_aware(),
            long_format=True,
            context=self.context,
            request=self.request,
            with_zone=True,
        )

    def proposal(self):
        return self.context.proposal.output if self.context.proposal else ""

    def handle(self, form):
        if not api.user.has_permission("clusterpolisee: Vote", obj=self.context):
            raise Unauthorized(_("Only full members of the group vote."))
        try:
            cast_vote(self.context, api.user.get_current().getId(), form.get("vote", ""))
        except VotingError as error:
            return error.args[0], "error"
        return _("Your vote is recorded. You may change it until the vote closes."), "info"


class GroupCalendarFeedView(BrowserView):
    """``@@group-calendar.ics``: the feed, for a signed-in member or through a member's token.

    Public on purpose (calendar applications do not sign in); the token decides whose view of
    the calendar is built, and a wrong token gets 403.
    """

    def __call__(self):
        from clusterpolisee.workspaces.calendar_feed import build
        from clusterpolisee.workspaces.calendar_feed import valid

        form = self.request.form
        user_id, given = form.get("member", ""), form.get("token", "")
        response = self.request.response
        if given or user_id:
            # The token first: only then is the member's id text worth looking up.
            user = api.user.get(userid=user_id) if valid(self.context, user_id, given) else None
            if user is None:
                response.setStatus(403)
                response.setHeader("Content-Type", "text/plain; charset=utf-8")
                return api.portal.translate(
                    _("This calendar address is not valid. Copy it again from the group calendar.")
                )
            with api.env.adopt_user(user=user):
                data = build(self.context)
        else:
            if not api.user.has_permission("View", obj=self.context):
                raise Unauthorized(_("Sign in, or use your calendar address."))
            data = build(self.context)
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader("Content-Disposition", 'inline; filename="group-calendar.ics"')
        return data
