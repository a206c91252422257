"""The wiki (every member edits, history, diff, links between pages, index) and the forum."""

from plone import api
from plone.app.discussion.interfaces import IConversation
from plone.app.discussion.interfaces import IReplies
from plone.app.textfield.value import RichTextValue
from tests.workspaces.conftest import as_user
from tests.workspaces.test_roster import post
from tests.workspaces.test_roster import render
from zope.component import createObject
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent


def rich(text):
    return RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe")


def comment_on(obj, login, text, parent=None):
    with as_user(login):
        comment = createObject("plone.Comment")
        comment.text = text
        comment.author_username = login
        comment.author_name = login.title()
        conversation = IConversation(obj)
        if parent is None:
            return conversation.addComment(comment)
        return IReplies(conversation[parent]).addComment(comment)


class TestWiki:
    def test_any_member_of_the_group_edits_a_page_and_it_keeps_versions(self, group):
        with as_user("full"):
            page = api.content.create(
                container=group["wiki"], type="WikiPage", title="Vouchers", text=rich("One")
            )
        with as_user("associated"):
            assert api.user.has_permission("Modify portal content", obj=page)
            page.text = rich("Two")
            notify(ObjectModifiedEvent(page))
            repository = api.portal.get_tool("portal_repository")
            history = repository.getHistoryMetadata(page)
            assert history.getLength(countPurged=False) == 2
        with as_user("outsider"):
            assert not api.user.has_permission("Modify portal content", obj=page)

    def test_diff_names_the_changed_text(self, group):
        with as_user("full"):
            page = api.content.create(
                container=group["wiki"], type="WikiPage", title="Diff me", text=rich("alpha")
            )
        with as_user("associated"):
            page.text = rich("omega")
            notify(ObjectModifiedEvent(page))
            repository = api.portal.get_tool("portal_repository")
            diff_tool = api.portal.get_tool("portal_diff")
            old = repository.retrieve(page, 0).object
            diffs = diff_tool.createChangeSet(old, page, id1="0", id2="current")
            changed = [d.field for d in diffs.getDiffs() if not d.same]
        assert "text" in changed

    def test_double_bracket_links_resolve_or_offer_the_page(self, group):
        with as_user("full"):
            api.content.create(container=group["wiki"], type="WikiPage", title="Vouchers")
            home = api.content.create(
                container=group["wiki"],
                type="WikiPage",
                title="Home",
                text=rich("See [[Vouchers]] and [[Missing page]] and [[<b>x</b>]]."),
            )
        html = render(home, "view", "associated")
        assert f'href="{group["wiki"]["vouchers"].absolute_url()}"' in html
        assert "++add++WikiPage?title=Missing%20page" in html
        assert "page not written yet" in html
        assert "<b>x</b>" not in html  # titles in brackets are text, never markup
        assert "&lt;b&gt;x&lt;/b&gt;" in html

    def test_index_lists_pages_alphabetically(self, group):
        with as_user("full"):
            for title in ("Zeta", "Alpha", "Mu"):
                api.content.create(container=group["wiki"], type="WikiPage", title=title)
        html = render(group["wiki"], "wiki-index", "associated")
        assert html.index(">Alpha<") < html.index(">Mu<") < html.index(">Zeta<")
        assert "New page" in html


class TestForum:
    def test_threaded_replies_and_followers(self, group):
        with as_user("full"):
            topic = api.content.create(
                container=group["forum"],
                type="ForumTopic",
                title="Digital vouchers?",
                text=rich("?"),
            )
        from clusterpolisee.workspaces.subscribers import followers

        assert list(followers(topic)) == ["full"]
        first = comment_on(topic, "associated", "Yes, in Styria.")
        comment_on(topic, "leader", "Which budget?", parent=first)
        conversation = IConversation(topic)
        threads = list(conversation.getThreads())
        assert [thread["depth"] for thread in threads] == [0, 1]
        assert sorted(followers(topic)) == ["associated", "full", "leader"]
        html = render(group["forum"], "forum-view", "associated")
        assert "Digital vouchers?" in html

    def test_follow_and_unfollow(self, group):
        with as_user("full"):
            topic = api.content.create(
                container=group["forum"], type="ForumTopic", title="T", text=rich("t")
            )
        from clusterpolisee.workspaces.subscribers import followers

        post(topic, "view", "associated", follow="1", follow_topic="1")
        assert "associated" in followers(topic)
        post(topic, "view", "associated", follow="0", follow_topic="1")
        assert "associated" not in followers(topic)

    def test_roster_replies_outsiders_cannot(self, group):
        with as_user("full"):
            topic = api.content.create(
                container=group["forum"], type="ForumTopic", title="T", text=rich("t")
            )
        for login, may in (
            ("associated", True),
            ("leader", True),
            ("outsider", False),
            ("partner", False),
        ):
            with as_user(login):
                assert bool(api.user.has_permission("Reply to item", obj=topic)) is may, login

    def test_the_leader_moderates_replies(self, group):
        with as_user("full"):
            topic = api.content.create(
                container=group["forum"], type="ForumTopic", title="T", text=rich("t")
            )
        comment_id = comment_on(topic, "associated", "Off topic")
        comment = IConversation(topic)[comment_id]
        for login, may in (("leader", True), ("coordinator", True), ("full", False)):
            with as_user(login):
                assert bool(api.user.has_permission("Delete comments", obj=comment)) is may, login
