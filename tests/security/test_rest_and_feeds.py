"""The security levels seen through plone.restapi, search, an RSS feed and iCal."""

from clusterpolisee.core.security import assign_policy
from clusterpolisee.core.security import PUBLIC_POLICY
from clusterpolisee.core.security import WORKSPACE_POLICY
from datetime import timedelta
from plone import api
from Products.CMFPlone.interfaces.syndication import IFeedSettings
from tests.authentication.codes import password_only
import pytest
import requests
import transaction


PASSWORD = "secret-pass-1"
# login -> (tier group, local roles on the workspace)
USERS = {
    "outsider": ("full-members", ()),
    "wg-associated": ("associated-members", ("WorkingGroupMember",)),
    "wg-full": ("full-members", ("WorkingGroupMember",)),
    "stc-member": ("stc", ()),
}


@pytest.fixture
def site(functional, clock):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        workspace = api.content.create(container=portal, type="Folder", id="wg", title="WG")
        assign_policy(workspace, WORKSPACE_POLICY)
        public = api.content.create(container=portal, type="Folder", id="pub", title="Public")
        assign_policy(public, PUBLIC_POLICY)
        for transition in ("submit", "publish"):
            api.content.transition(public, transition=transition)
        IFeedSettings(public).enabled = True
        for login, (group, local_roles) in USERS.items():
            api.user.create(username=login, email=f"{login}@example.org", password=PASSWORD)
            api.group.add_user(groupname=group, username=login)
            if local_roles:
                api.user.grant_roles(username=login, obj=workspace, roles=list(local_roles))
        api.content.create(
            container=workspace, type="Document", id="draft-paper", title="Draft paper Zeta"
        )
        review = api.content.create(
            container=workspace, type="Document", id="paper", title="Paper in review Zeta"
        )
        api.content.transition(review, transition="submit")
        published = api.content.create(
            container=public, type="Document", id="guide", title="Published guide Zeta"
        )
        pending = api.content.create(
            container=public, type="Document", id="pending", title="Pending guide Zeta"
        )
        for transition in ("submit", "publish"):
            api.content.transition(published, transition=transition)
        api.content.transition(pending, transition="submit")
        start = clock.at(days=10, hour=10)
        for event_id, publish in (("open-day", True), ("closed-meeting", False)):
            event = api.content.create(
                container=public,
                type="Event",
                id=event_id,
                title=event_id.replace("-", " ").title(),
                start=start,
                end=start + timedelta(hours=2),
            )
            if publish:
                for transition in ("submit", "publish"):
                    api.content.transition(event, transition=transition)
    password_only()  # what people may do, not how they sign in (tests/authentication)
    transaction.commit()
    return portal.absolute_url()


def session(login=None):
    client = requests.Session()
    client.headers["Accept"] = "application/json"
    if login:
        client.auth = (login, PASSWORD)
    return client


def titles(response):
    return sorted(item["title"] for item in response.json()["items"])


class TestRestAndFeeds:
    def test_workspace_items_only_for_the_roster(self, site):
        url = f"{site}/wg/draft-paper"
        assert session().get(url).status_code == 401
        assert session("outsider").get(url).status_code in (401, 403)
        assert session("wg-associated").get(url).status_code == 200
        assert session("stc-member").get(url).status_code == 200

    def test_only_full_members_of_the_group_approve(self, site):
        url = f"{site}/wg/paper"
        refused = session("wg-associated").post(f"{url}/@workflow/approve")
        assert refused.status_code in (400, 401, 403), refused.text
        assert session("wg-associated").get(url).json()["review_state"] == "group_review"
        accepted = session("wg-full").post(f"{url}/@workflow/approve")
        assert accepted.status_code == 200, accepted.text
        assert session("wg-full").get(url).json()["review_state"] == "approved"

    def test_search_shows_each_user_only_what_they_may_see(self, site):
        query = {"SearchableText": "Zeta", "portal_type": "Document"}
        search = f"{site}/@search"
        assert titles(session().get(search, params=query)) == ["Published guide Zeta"]
        assert titles(session("outsider").get(search, params=query)) == ["Published guide Zeta"]
        assert titles(session("stc-member").get(search, params=query)) == [
            "Draft paper Zeta",
            "Paper in review Zeta",
            "Pending guide Zeta",
            "Published guide Zeta",
        ]
        assert titles(session("wg-associated").get(search, params=query)) == [
            "Draft paper Zeta",
            "Paper in review Zeta",
            "Published guide Zeta",
        ]

    def test_rss_feed_shows_anonymous_only_published_items(self, site):
        feed = requests.get(f"{site}/pub/RSS")
        assert feed.status_code == 200
        assert "Published guide Zeta" in feed.text
        for hidden in ("Pending guide Zeta", "Draft paper Zeta", "Paper in review Zeta"):
            assert hidden not in feed.text

    def test_ical_feed_shows_anonymous_only_published_events(self, site):
        feed = requests.get(f"{site}/pub/ics_view")
        assert feed.status_code == 200
        assert "BEGIN:VCALENDAR" in feed.text
        assert "SUMMARY:Open Day" in feed.text
        assert "Closed Meeting" not in feed.text
