"""An item's publication date is the moment it is published, by any route: submitted through
plone.restapi's ``@workflow`` (which dates an undated item at every transition) and published
by the STC hours later, the RSS feed (read as XML) and the open data date it by its publication;
a date its author chose (in the future: a scheduled publication) is kept."""

from clusterpolisee.demo.data import DEMO_PASSWORD
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from email.utils import parsedate_to_datetime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.authentication.codes import DemoAuth
from tests.authentication.codes import password_only
from xml.etree import ElementTree
import requests
import time_machine
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
STC, AUTHOR = "sofia.dimitriou", "luca.bianchi"
NOW_TITLE, LATER_TITLE = "Cluster vouchers published by REST", "Scheduled cluster mapping"


def rest(login):
    session = requests.Session()
    session.auth = DemoAuth(login, DEMO_PASSWORD)
    session.headers.update(JSON)
    return session


def moment(text):
    value = datetime.fromisoformat(text)
    assert value.tzinfo is not None, text
    return value


def test_the_publication_date_is_the_moment_of_publication(demo_functional, functional):
    portal = functional["portal"]
    site = portal.absolute_url()
    repository = portal["repository"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.grant_roles(username=AUTHOR, obj=repository, roles=["Contributor"])
    items = {}
    with api.env.adopt_user(username=AUTHOR):
        for title in (NOW_TITLE, LATER_TITLE):
            items[title] = api.content.create(
                container=repository, type="BestPractice", title=title
            ).absolute_url()
    password_only()  # what people may do, not how they sign in (tests/authentication)
    transaction.commit()
    author, stc = rest(AUTHOR), rest(STC)

    with time_machine.travel(datetime.now(UTC), tick=True) as clock:
        # The author schedules one practice for a week after today (the Dates tab, here through
        # the REST API), then submits both through plone.restapi.
        scheduled = (datetime.now(UTC) + timedelta(days=7)).replace(second=0, microsecond=0)
        patched = author.patch(items[LATER_TITLE], json={"effective": scheduled.isoformat()})
        assert patched.status_code == 204, patched.text
        for url in items.values():
            submitted = author.post(f"{url}/@workflow/submit")
            assert submitted.status_code == 200, submitted.text
        submitted_at = moment(submitted.json()["time"])

        # Three hours later the STC publishes both; the feed and the open data are read then
        # (the clock stays three hours ahead).
        clock.shift(timedelta(hours=3))
        published = {}
        for title, url in items.items():
            answer = stc.post(f"{url}/@workflow/publish")
            assert answer.status_code == 200, answer.text
            assert answer.json()["review_state"] == "published"
            published[title] = moment(answer.json()["time"])
        publish_moment = published[NOW_TITLE]
        assert publish_moment - submitted_at >= timedelta(hours=3)

        # plone.restapi's own view of the item.
        effective = moment(stc.get(items[NOW_TITLE]).json()["effective"])
        assert abs(effective - publish_moment) <= timedelta(seconds=1)
        # The date the author chose is kept.
        kept = stc.get(items[LATER_TITLE]).json()["effective"]
        assert moment(kept) == scheduled, (kept, scheduled)

        # The RSS feed, read as XML: the practice's pubDate is its publication.
        feed = requests.get(f"{site}/@@repository-feed")
        assert feed.status_code == 200
        entries = {
            item.findtext("title"): parsedate_to_datetime(item.findtext("pubDate"))
            for item in ElementTree.fromstring(feed.content).iter("item")
        }
        assert NOW_TITLE in entries, sorted(entries)
        assert abs(entries[NOW_TITLE] - publish_moment) <= timedelta(seconds=1), entries[NOW_TITLE]
        # Scheduled for next week: not in the public feed yet.
        assert LATER_TITLE not in entries

        # The open data: the same moment, ISO 8601 with its offset.
        rows = requests.get(f"{site}/@@open-data/repository.json").json()["items"]
        (row,) = [row for row in rows if row["title"] == NOW_TITLE]
        assert abs(moment(row["published"]) - publish_moment) <= timedelta(seconds=1), row
