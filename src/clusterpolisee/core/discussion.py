"""Who may reply, told the same way by the pages and by the REST API.

plone.app.discussion takes a reply when the item's discussion is on (the registry, the item's
own setting, its type's ``allow_discussion``) and the member has "Reply to item"; plone.restapi's
``@comments`` answers ``can_reply`` from the permission alone. A workflow gives the permission
by state for every type it governs, the public one to approved members on anything published,
so ``@comments`` said ``can_reply: true`` on items whose replies the form then refused (401,
"Discussion is not enabled"). Here ``can_reply`` asks both, as the comment form does.

The comments below an item are not worked out where there are none to show: plone.app.
discussion's template asks who may reply, review and delete, and reads the replies, before its
condition finds that the item takes no replies and has none, as on a working group's dashboard
(1 ms of that page).
"""

from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone.app.discussion.browser import comments
from plone.app.discussion.interfaces import IComment
from plone.app.discussion.interfaces import IConversation
from plone.memoize.instance import memoize
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.discussion import CommentSerializer
from plone.restapi.serializer.discussion import ConversationSerializer
from zope.component import adapter
from zope.interface import implementer


def discussion_enabled(conversation):
    """True if the item of this conversation takes replies (plone.app.discussion's own test)."""
    return bool(conversation.enabled())


@implementer(ISerializeToJson)
@adapter(IConversation, IClusterpoliseeLayer)
class PlatformConversationSerializer(ConversationSerializer):
    def __call__(self):
        result = super().__call__()
        permissions = result["permissions"]
        permissions["can_reply"] = permissions["can_reply"] and discussion_enabled(self.context)
        return result


@implementer(ISerializeToJson)
@adapter(IComment, IClusterpoliseeLayer)
class PlatformCommentSerializer(CommentSerializer):
    def __call__(self, include_items=True):
        result = super().__call__(include_items=include_items)
        if result["can_reply"]:
            result["can_reply"] = discussion_enabled(self.context.__parent__)
        return result


class CommentsViewlet(comments.CommentsViewlet):
    """plone.app.discussion's comments viewlet, shown on the condition its template puts on
    everything it shows, asked first."""

    def update(self):
        self.shown = self.is_discussion_allowed() or self.has_replies(self.can_review())
        if self.shown:
            super().update()

    # Asked by the update and again by the template.
    @memoize
    def is_discussion_allowed(self):
        return super().is_discussion_allowed()

    @memoize
    def can_review(self):
        return super().can_review()

    def has_replies(self, workflow_actions=False):
        # plone.app.discussion's reads the replies twice.
        replies = self.get_replies(workflow_actions)
        return replies is not None and next(replies, None) is not None

    def render(self):
        return super().render() if self.shown else ""
