"""Private messages: only the sender and the recipients ever read them."""

from clusterpolisee.messaging.mailbox import send
from clusterpolisee.messaging.views import unread_count
from plone import api
from tests.workspaces.conftest import as_user
from tests.workspaces.test_roster import post
from tests.workspaces.test_roster import render
from zExceptions import Forbidden
import json
import pytest


def compose(login, **fields):
    """Send the compose form (z3c.form) as a browser does, with the given fields."""
    form = {"form.buttons.send": "Send"}
    for name, value in fields.items():
        form[name if name.startswith("_") else f"form.widgets.{name}"] = value
    return post(api.portal.get(), "compose-message", login, **form)


def write(login, recipients, subject="Budget", body="See the figures.", **kwargs):
    with as_user(login):
        return send(login, recipients, subject, body, **kwargs)


class TestReading:
    def test_only_sender_and_recipients_read_a_message(self, group):
        message = write(
            "full", ["associated"], attachments=[("figures.csv", "text/csv", b"a,b\n1,2\n")]
        )
        attachment = message.contentValues()[0]
        catalog = api.portal.get_tool("portal_catalog")
        for login, reads in (
            ("full", True),
            ("associated", True),
            ("leader", False),
            ("coordinator", False),
            ("outsider", False),
        ):
            with as_user(login):
                assert bool(api.user.has_permission("View", obj=message)) is reads, login
                assert bool(api.user.has_permission("View", obj=attachment)) is reads, login
                assert bool(catalog(UID=message.UID())) is reads, login
                assert bool(catalog(SearchableText="Budget", portal_type="Message")) is reads

    def test_site_administrators_do_not_read_messages_either(self, group):
        message = write("full", ["associated"])
        api.user.create(username="admin-two", email="a2@example.org", password="secret-pass-1")
        api.user.grant_roles(username="admin-two", roles=["Site Administrator"])
        with as_user("admin-two"):
            assert not api.user.has_permission("View", obj=message)

    def test_nobody_changes_a_sent_message(self, group):
        message = write("full", ["associated"])
        for login in ("full", "associated", "coordinator"):
            with as_user(login):
                assert not api.user.has_permission("Modify portal content", obj=message)

    def test_unread_until_opened(self, group):
        message = write("full", ["associated", "full-two"])
        with as_user("associated"):
            assert unread_count() == 1
        html = render(message, "view", "associated")
        assert "See the figures." in html
        with as_user("associated"):
            assert unread_count() == 0
        with as_user("full-two"):
            assert unread_count() == 1
        with as_user("full"):
            assert unread_count() == 0  # senders never count as unread

    def test_replies_form_a_conversation(self, group):
        first = write("full", ["associated"], subject="Budget")
        reply = write("associated", ["full"], subject="Re: Budget", in_reply_to=first.UID())
        assert reply.thread == first.UID()
        html = render(reply, "view", "full")
        assert html.index("See the figures.") > 0
        assert html.count('class="card mb-3') == 2

    def test_a_reply_to_a_message_one_cannot_read_starts_a_new_conversation(self, group):
        secret = write("full", ["associated"])
        other = write("outsider", ["full"], in_reply_to=secret.UID())
        assert other.thread == other.UID()
        assert other.in_reply_to is None


class TestMailbox:
    def test_received_and_sent(self, group):
        write("full", ["associated"], subject="To associated")
        write("associated", ["full"], subject="To full")
        inbox = render(api.portal.get(), "messages", "associated")
        assert "To associated" in inbox
        assert "To full" not in inbox
        assert "1 unread" in inbox
        sent = render(api.portal.get(), "messages", "associated", box="sent")
        assert "To full" in sent
        assert "To associated" not in sent

    def test_the_mailbox_folder_lists_nothing(self, group):
        write("full", ["associated"])
        mailbox = api.portal.get()["messages"]
        with as_user("associated"):
            assert not api.user.has_permission("View", obj=mailbox)


class TestCompose:
    def test_write_to_a_working_group(self, group):
        compose("leader", group=group.UID(), subject="Meeting moved", body="To Thursday.")
        catalog = api.portal.get_tool("portal_catalog")
        with as_user("leader"):
            (brain,) = catalog(portal_type="Message", Title="Meeting moved")
        assert sorted(brain.message_recipients) == ["associated", "full", "full-two"]

    def test_only_to_ones_own_groups(self, group):
        html = compose("outsider", group=group.UID(), subject="Hello", body="Hi")
        assert "only to working groups you are in" in html

    @pytest.mark.parametrize(
        ("form", "error"),
        [
            ({"subject": "S", "body": "B"}, "Choose at least one recipient"),
            ({"recipients": ["associated"], "body": "B"}, "Give the message a subject"),
            ({"recipients": ["associated"], "subject": "S"}, "Write the message"),
            (
                {"recipients": ["nobody-like-this"], "subject": "S", "body": "B"},
                "among the platform",
            ),
            ({"recipients": ["associated"], "subject": "S" * 201, "body": "B"}, "under 200"),
        ],
    )
    def test_bad_input_gets_a_clear_message_and_sends_nothing(self, group, form, error):
        html = compose("full", **form)
        assert error in html
        catalog = api.portal.get_tool("portal_catalog")
        assert len(catalog.unrestrictedSearchResults(portal_type="Message")) == 0

    def test_sending_needs_the_form_token(self, group):
        with pytest.raises(Forbidden):
            compose(
                "full", recipients=["associated"], subject="S", body="B", _authenticator="forged"
            )

    def test_a_reply_is_prefilled(self, group):
        first = write("full", ["associated", "full-two"], subject="Budget")
        html = render(api.portal.get(), "compose-message", "associated", in_reply_to=first.UID())
        assert 'value="Re: Budget"' in html
        recipients = html[html.index('<input name="form.widgets.recipients"') :]
        recipients = recipients[: recipients.index(">")]
        # The sender and the other recipient, as the type-ahead's value (tokens and a ";").
        assert 'value="full;full-two"' in recipients


class TestRecipientTypeAhead:
    """The compose form's type-ahead asks the site's ``@@getVocabulary`` as a person types."""

    def suggest(self, login, query):
        answer = render(
            api.portal.get(),
            "getVocabulary",
            login,
            name="clusterpolisee.vocabularies.MessageRecipients",
            field="recipients",
            query=query,
        )
        return json.loads(answer)

    def test_part_of_a_name_finds_the_member(self, group):
        found = self.suggest("full", "TWO")["results"]
        assert found == [{"id": "full-two", "text": "Full Two"}]
        # Every word typed counts; the writer is not offered to themselves.
        assert [item["id"] for item in self.suggest("full", "full")["results"]] == ["full-two"]
        assert self.suggest("full", "full associated")["results"] == []

    def test_accents_and_case_do_not_matter(self, group):
        api.user.get(userid="associated").setMemberProperties({"fullname": "Ana Kovač"})
        assert [item["id"] for item in self.suggest("full", "kovac")["results"]] == ["associated"]

    def test_only_for_who_may_write(self, group):
        api.user.create(username="newcomer", email="n@example.org", password="secret-pass-1")
        assert self.suggest("newcomer", "full") == {"error": "Vocabulary lookup not allowed"}


class TestComposeRefuses:
    def test_a_send_by_get_is_refused(self, group):
        from zExceptions import Forbidden as Refused

        with pytest.raises(Refused):
            render(
                api.portal.get(),
                "compose-message",
                "full",
                **{
                    "form.widgets.recipients": ["associated"],
                    "form.widgets.subject": "S",
                    "form.widgets.body": "B",
                    "form.buttons.send": "Send",
                },
            )
        catalog = api.portal.get_tool("portal_catalog")
        assert len(catalog.unrestrictedSearchResults(portal_type="Message")) == 0

    def test_a_structured_value_is_a_bad_request(self, group):
        from zExceptions import BadRequest

        with pytest.raises(BadRequest):
            compose("full", recipients=[["associated"]], subject="S", body="B")
