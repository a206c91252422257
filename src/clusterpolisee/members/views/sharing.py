"""The sharing tab's search for people (``@@sharing``, and plone.restapi's ``@sharing``, which
asks it) finds only whom the searcher may see: Plone searches every account by login, name and
e-mail for anyone who may share an item, hidden profiles and registrants included."""

from clusterpolisee.members.directory import listed_member_ids
from plone.app.workflow.browser.sharing import SharingView


class ListedSharingView(SharingView):
    def user_search_results(self):
        results = super().user_search_results()
        listed = listed_member_ids()
        if listed is None:
            return results
        return [entry for entry in results if entry["id"] in listed]
