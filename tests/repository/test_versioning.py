"""Versions of repository items: history and a diff that shows what changed."""

from plone import api
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent


def edit(obj, **changes):
    for name, value in changes.items():
        setattr(obj, name, value)
    notify(ObjectModifiedEvent(obj))


class TestVersioning:
    def test_edit_twice_keeps_history_and_diff_shows_the_change(self, portal, practice):
        repository = api.portal.get_tool("portal_repository")
        edit(practice, title="Cluster innovation vouchers (2022)", costs_score=2)
        edit(practice, funding_source="ERDF regional programme")
        history = repository.getHistoryMetadata(practice)
        assert history.getLength(countPurged=False) == 3
        first = repository.retrieve(practice, 0).object
        last = repository.retrieve(practice, 2).object
        assert first.title == "Cluster innovation vouchers"
        assert last.funding_source == "ERDF regional programme"
        diff = api.portal.get_tool("portal_diff").createChangeSet(first, last, id1="0", id2="2")
        changed = {d.field for d in diff.getDiffs() if not d.same}
        assert {"title", "costs_score", "funding_source"} <= changed
        html = api.content.get_view("history", practice, practice.REQUEST)()
        assert "Compare" in html or "compare" in html

    def test_revert_restores_an_earlier_version(self, portal, practice):
        repository = api.portal.get_tool("portal_repository")
        edit(practice, title="Changed title")
        repository.revert(practice, 0)
        assert practice.title == "Cluster innovation vouchers"
