"""Every page's ``<link rel="alternate" hreflang>`` (alternates.py): in place of
plone.app.multilingual's, which announced every translation its viewer may see (an editor's
private drafts, then served from its cache to every visitor), without ``x-default``, and on every
view of the item (a search on a language home claimed the other homes as its translations)."""

from clusterpolisee.languages.alternates import alternates
from pathlib import Path
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getMultiAdapter
import plone.app.multilingual.browser


class AlternateLanguagesViewlet(ViewletBase):
    # plone.app.multilingual's own template: a <link> per item of ``alternates``.
    index = ViewPageTemplateFile(
        "alternate-languages.pt",
        _prefix=str(Path(plone.app.multilingual.browser.__file__).parent / "templates"),
    )
    alternates = ()

    def update(self):
        super().update()
        context_state = getMultiAdapter((self.context, self.request), name="plone_context_state")
        # The item's own page only: its other views (a search, a form) are not its translations'.
        if context_state.is_view_template():
            self.alternates = [
                {"lang": hreflang, "url": url} for hreflang, url in alternates(self.context)
            ]

    def render(self):
        return self.index() if self.alternates else ""
