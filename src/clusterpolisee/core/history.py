"""Plone's comparison of two versions of an item (CMFEditions' ``@@history``), with a clear
answer for what it cannot compare: an item that keeps no versions (a folder, a language home) is
not found, and a version that is not one the item keeps is a bad request. CMFEditions failed with
a server error (500) for each."""

from clusterpolisee import _
from pathlib import Path
from Products.CMFEditions.browser.diff import DiffView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import BadRequest
from zExceptions import NotFound
from zope.i18n import translate
import Products.CMFEditions.browser


CURRENT = "current"


def kept_version_ids(repository, item):
    """The ids of the versions ``item`` keeps (purged ones left out); None if it keeps none."""
    history = repository.getHistoryMetadata(item)
    # CMFEditions answers an empty list, not its history object, for an item never versioned.
    if not hasattr(history, "getVersionId"):
        return None
    return {
        str(history.getVersionId(index, countPurged=False))
        for index in range(history.getLength(countPurged=False))
    }


class HistoryDiffView(DiffView):
    """``@@history?one=<version>&two=<version>`` (``current`` for the item as it is)."""

    # CMFEditions' own template.
    index = ViewPageTemplateFile(
        "templates/diff.pt", _prefix=str(Path(Products.CMFEditions.browser.__file__).parent)
    )

    def __call__(self):
        kept = kept_version_ids(self.repo_tool, self.context)
        if kept is None:
            raise NotFound()
        for name in ("one", "two"):
            version = self.request.form.get(name, CURRENT)
            # A name given twice comes as a list.
            if version != CURRENT and (not isinstance(version, str) or version not in kept):
                raise BadRequest(
                    translate(
                        _(
                            "error_no_such_version",
                            default="This item has no version ${version}.",
                            mapping={"version": str(version)[:40]},
                        ),
                        context=self.request,
                    )
                )
        return super().__call__()
