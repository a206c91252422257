"""The byline under an item's title, and its contributors, name the platform's members as the
member directory would: a name and a link to ``/author/<id>`` only for those who may see that
member (members/directory.py); anyone else reads "a member of the platform", and no link leads to
a page they cannot open. Names that are no account (a contributor typed in) stay as written."""

from clusterpolisee import _
from clusterpolisee.members.directory import may_see_member
from pathlib import Path
from plone import api
from plone.app.layout.viewlets.content import DocumentBylineViewlet
from plone.memoize.view import memoize
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
import plone.app.layout.viewlets


class MemberAwareByline(DocumentBylineViewlet):
    @memoize
    def hidden(self, user_id):
        return self.get_member_info(user_id) is not None and not may_see_member(user_id)

    def get_url_path(self, user_id):
        return "" if self.hidden(user_id) else super().get_url_path(user_id)

    def get_fullname(self, user_id):
        if self.hidden(user_id):
            return api.portal.translate(_("a member of the platform"))
        return super().get_fullname(user_id)


class MemberAwareContributors(MemberAwareByline):
    # plone.app.layout's own template for the contributors.
    index = ViewPageTemplateFile(
        "document_contributors.pt", _prefix=str(Path(plone.app.layout.viewlets.__file__).parent)
    )

    def render(self):
        # The template's own condition, asked before it looks anything else up (most items
        # name no contributor).
        contributors = getattr(self.context, "Contributors", None)
        if callable(contributors) and not contributors():
            return ""
        return self.index()
