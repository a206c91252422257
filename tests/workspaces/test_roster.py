"""Joining a working group: members ask, the leader accepts; the leader invites and removes."""

from AccessControl.SpecialUsers import nobody
from clusterpolisee.core import dates
from clusterpolisee.interfaces import IClusterpoliseeLayer
from clusterpolisee.workspaces.forms import person_prefix
from clusterpolisee.workspaces.groups import join_requests
from clusterpolisee.workspaces.groups import roster
from datetime import timedelta
from plone import api
from plone.protect.authenticator import createToken
from Products.statusmessages.interfaces import IStatusMessage
from tests.workspaces.conftest import as_user
from zExceptions import Forbidden
from zExceptions import Unauthorized
from zope.interface import alsoProvides
import pytest


def post(context, view_name, login, **form):
    request = context.REQUEST
    alsoProvides(request, IClusterpoliseeLayer)
    request.method = request.environ["REQUEST_METHOD"] = "POST"
    request.form.clear()
    request.form.update(form)
    with as_user(login):
        request.form.setdefault("_authenticator", createToken())
        return api.content.get_view(view_name, context, request)()


def roster_action(group, login, userid, action):
    """Press a roster form's button as the page does (forms.py): invite, or a person's; a
    removal is confirmed on the page that asks."""
    if action == "invite":
        form = {"invite.widgets.member": userid, "invite.buttons.invite": "Invite"}
    else:
        kind = "request" if action in ("accept", "decline") else "member"
        prefix = person_prefix(kind, userid)
        form = {f"{prefix}.widgets.userid": userid, f"{prefix}.buttons.{action}": action}
    html = post(group, "roster", login, **form)
    if action == "remove" and "removal.buttons.confirm" in html:
        return confirm_removal(group, login, userid)
    return html


def confirm_removal(group, login, userid, button="confirm"):
    """The second step of a removal: the confirmation page's button."""
    form = {"removal.widgets.userid": userid, f"removal.buttons.{button}": button}
    return post(group, "roster", login, **form)


def ask_to_join(group, login, message="", **form):
    """Send the list of groups' form of ``group`` as the page does."""
    prefix = f"join-{group.UID()}"
    form.update({f"{prefix}.widgets.message": message, f"{prefix}.buttons.ask": "Ask to join"})
    return post(group.aq_parent, "working-groups", login, **form)


def render(context, view_name, login, **form):
    request = context.REQUEST
    alsoProvides(request, IClusterpoliseeLayer)
    request.method = request.environ["REQUEST_METHOD"] = "GET"
    request.form.clear()
    request.form.update(form)
    with as_user(login):
        return api.content.get_view(view_name, context, request)()


class TestJoining:
    def test_member_asks_and_leader_accepts(self, group):
        section = group.aq_parent
        html = render(section, "working-groups", "outsider")
        assert "Ask to join" in html
        assert group.absolute_url() not in html  # no way in before joining
        ask_to_join(group, "outsider", message="I run vouchers")
        assert "outsider" in join_requests(group)
        assert "You asked to join" in render(section, "working-groups", "outsider")
        assert "I run vouchers" in render(group, "roster", "leader")
        roster_action(group, "leader", "outsider", "accept")
        assert roster(group)["outsider"] == "WorkingGroupMember"
        assert "outsider" not in join_requests(group)
        assert group.absolute_url() in render(section, "working-groups", "outsider")

    def test_the_list_of_groups_needs_no_membership_of_them(self, group):
        html = render(group.aq_parent, "working-groups", "outsider")
        assert html.count('class="card mb-3"') == 6

    def test_the_list_of_groups_is_for_approved_members_only(self, group):
        portal = api.portal.get()
        for who in ("anonymous", "partner"):
            context = api.env.adopt_user(user=nobody) if who == "anonymous" else as_user(who)
            with context:
                assert not api.user.has_permission(
                    "clusterpolisee: Ask to join a working group", obj=group.aq_parent
                )
        with as_user("outsider"):
            assert api.user.has_permission(
                "clusterpolisee: Ask to join a working group", obj=portal
            )

    def test_a_registrant_not_yet_approved_cannot_ask(self, group):
        api.user.create(username="newcomer", email="n@example.org", password="secret-pass-1")
        with pytest.raises(Unauthorized):
            ask_to_join(group, "newcomer")

    def test_asking_needs_the_form_token(self, group):
        with pytest.raises(Forbidden):
            ask_to_join(group, "outsider", _authenticator="x")


class TestRosterManagement:
    def test_leader_invites_appoints_and_removes(self, group):
        roster_action(group, "leader", "outsider", "invite")
        assert roster(group)["outsider"] == "WorkingGroupMember"
        roster_action(group, "leader", "outsider", "lead")
        assert roster(group)["outsider"] == "WorkingGroupLeader"
        roster_action(group, "leader", "outsider", "remove")
        assert "outsider" not in roster(group)

    def test_inviting_a_leader_again_keeps_them_leader(self, group):
        roster_action(group, "coordinator", "leader", "invite")
        assert roster(group)["leader"] == "WorkingGroupLeader"
        messages = IStatusMessage(group.REQUEST).show()
        assert [m.message for m in messages] == ["Leader is already in the group."]

    def test_partner_members_join_where_invited(self, group):
        # Another object before: borg.localrole caches roles per request and object.
        with as_user("partner"):
            assert not api.user.has_permission("View", obj=group["forum"])
        roster_action(group, "coordinator", "partner", "invite")
        assert roster(group)["partner"] == "WorkingGroupMember"
        with as_user("partner"):
            assert api.user.has_permission("View", obj=group["wiki"])

    def test_members_may_not_manage_the_roster(self, group):
        for login in ("full", "associated"):
            with pytest.raises(Unauthorized):
                roster_action(group, login, "outsider", "invite")
        assert "outsider" not in roster(group)

    def test_unknown_member_gets_a_message(self, group):
        roster_action(group, "leader", "nobody-here", "invite")
        assert "nobody-here" not in roster(group)
        messages = IStatusMessage(group.REQUEST).show()
        assert [(m.message, m.type) for m in messages] == [("Choose a member.", "error")]

    def test_the_last_leader_cannot_be_removed(self, group):
        roster_action(group, "coordinator", "leader", "remove")
        assert roster(group)["leader"] == "WorkingGroupLeader"
        messages = IStatusMessage(group.REQUEST).show()
        assert [m.type for m in messages] == ["error"]
        assert "The group needs a leader" in messages[0].message

    def test_removing_asks_to_confirm_first(self, group):
        prefix = person_prefix("member", "full")
        html = post(
            group,
            "roster",
            "leader",
            **{f"{prefix}.widgets.userid": "full", f"{prefix}.buttons.remove": "Remove"},
        )
        assert "full" in roster(group)  # nothing removed yet
        assert "Remove Full from WG4 Innovation and R&amp;D?" in html
        assert 'name="removal.widgets.userid" value="full"' in html
        assert "Remove from the group" in html
        assert "Cancel" in html
        assert "Invite a member" not in html  # the question alone
        confirm_removal(group, "leader", "full", button="cancel")
        assert "full" in roster(group)
        assert IStatusMessage(group.REQUEST).show()[-1].message == "Nobody was removed."
        confirm_removal(group, "leader", "full")
        assert "full" not in roster(group)
        assert IStatusMessage(group.REQUEST).show()[-1].message == "Full is no longer in the group."

    def test_a_confirmed_removal_is_still_the_leaders_alone(self, group):
        with pytest.raises(Unauthorized):
            confirm_removal(group, "associated", "full")
        assert "full" in roster(group)
        with pytest.raises(Forbidden):
            render(
                group,
                "roster",
                "leader",
                **{"removal.widgets.userid": "full", "removal.buttons.confirm": "confirm"},
            )
        assert "full" in roster(group)
        confirm_removal(group, "leader", "outsider")  # not in the group
        assert IStatusMessage(group.REQUEST).show()[-1].type == "error"

    def test_a_roster_change_by_get_is_refused(self, group):
        prefix = person_prefix("member", "full")
        with pytest.raises(Forbidden):
            render(
                group,
                "roster",
                "leader",
                **{f"{prefix}.widgets.userid": "full", f"{prefix}.buttons.remove": "Remove"},
            )
        assert "full" in roster(group)

    def test_roster_page_lists_members_with_their_role(self, group):
        html = render(group, "roster", "associated")
        assert "Leader" in html
        assert "Full Two" in html
        assert "Invite a member" not in html  # not for plain members
        assert "Invite a member" in render(group, "roster", "leader")


class TestDashboard:
    def test_waiting_for_review_lists_items_only_for_those_who_approve(self, group):
        with as_user("associated"):
            paper = api.content.create(container=group["documents"], type="Document", title="Paper")
            api.content.transition(paper, transition="submit")
        assert "Waiting for your review" in render(group, "workspace-dashboard", "full")
        assert "Waiting for your review" not in render(group, "workspace-dashboard", "associated")

    def test_the_lists_follow_each_change_and_each_person(self, group):
        """The lists are kept per person until the catalog changes (core/pagecache.py)."""
        assert "Fresh minutes" not in render(group, "workspace-dashboard", "full")
        with as_user("leader"):
            api.content.create(container=group["documents"], type="Document", title="Fresh minutes")
            api.content.create(
                container=group["planning"],
                type="Task",
                title="Count SMEs",
                assignee="full",
                # A week ahead in the platform's zone: open, not overdue, on any day.
                due_date=dates.today() + timedelta(days=7),
            )
        html = render(group, "workspace-dashboard", "full")
        assert "Fresh minutes" in html
        assert "Count SMEs" in html.split("My tasks")[1]
        # Another member of the group sees the same activity, and no task of hers.
        html = render(group, "workspace-dashboard", "associated")
        assert "Fresh minutes" in html
        assert "My tasks" not in html

    def test_the_dashboards_members_follow_the_roster(self, group):
        """The members' names are kept between pages (workspaces/views.py): a roster change
        shows on the next page all the same."""

        def members(html):
            return html.split("Members of the group")[1].split("</section>")[0]

        assert "Outsider" not in members(render(group, "workspace-dashboard", "leader"))
        roster_action(group, "leader", "outsider", "invite")
        assert "Outsider" in members(render(group, "workspace-dashboard", "leader"))
        roster_action(group, "leader", "outsider", "remove")
        assert "Outsider" not in members(render(group, "workspace-dashboard", "leader"))

    def test_dashboard_links_the_parts_and_the_roster(self, group):
        html = render(group, "workspace-dashboard", "associated")
        for part in ("documents", "wiki", "forum", "planning", "decisions"):
            assert f'href="{group[part].absolute_url()}"' in html
        assert "Members of the group" in html
        assert "Leader" in html
