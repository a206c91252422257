"""``/author/<id>``: Plone's page about a member, for those who may see members' names only."""

from clusterpolisee.members.directory import may_see_member
from pathlib import Path
from Products.CMFPlone.browser import author
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound


class AuthorView(author.AuthorView):
    """Plone's author page behind the member directory's permission (zcml): approved members
    only. A hidden profile, or an account in no tier, is not found, but by the coordinator and
    by its owner."""

    index = ViewPageTemplateFile("templates/author.pt", _prefix=str(Path(author.__file__).parent))

    def __call__(self):
        if self.username and not may_see_member(self.username):
            raise NotFound(self.username)
        return super().__call__()

    def page_title(self):
        """As its heading: the member's name, else their user id."""
        info = self.author.get("info") or {}
        return info.get("fullname") or self.username
