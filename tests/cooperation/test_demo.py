"""The demo's cooperation requests: posted by demo members in their own name, one public."""

from clusterpolisee.cooperation import requests
from clusterpolisee.demo.cooperation import load_cooperation_requests
from clusterpolisee.demo.cooperation import REQUESTS
from plone import api
from plone.app.testing import SITE_OWNER_NAME


def test_demo_requests_by_their_authors_one_public(portal, demo_integration):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        load_cooperation_requests(portal)
        assert load_cooperation_requests(portal) == 0  # idempotent
        brains = requests.open_requests()
    assert len(brains) == len(REQUESTS)
    by_title = {brain.Title: brain for brain in brains}
    for login, title, _text, topic, region, _days, public in REQUESTS:
        brain = by_title[title]
        obj = brain._unrestrictedGetObject()
        author = api.user.get(username=login).getId()
        assert brain.Creator == author
        assert "Owner" in obj.get_local_roles_for_userid(author)
        assert brain.topics == [topic]
        assert brain.region == [region]
        assert brain.review_state == (requests.PUBLIC_STATE if public else requests.MEMBERS_STATE)
        assert requests.is_open(obj)
    assert sum(public for *_rest, public in REQUESTS) == 1
