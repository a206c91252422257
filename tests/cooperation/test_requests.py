"""Cooperation requests: the section, who may post, who sees what, deadlines, and interest."""

from clusterpolisee.cooperation import requests
from clusterpolisee.cooperation.content import DeadlineInThePast
from clusterpolisee.cooperation.content import ICooperationRequest
from clusterpolisee.cooperation.setup import ensure_partner_search
from clusterpolisee.interfaces import IPlatformSection
from clusterpolisee.matchmaking.interests import InterestError
from clusterpolisee.messaging.mailbox import MAILBOX_ID
from plone import api
from plone.api.exc import InvalidParameterError
from plone.app.testing import logout
from plone.app.testing import SITE_OWNER_NAME
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from tests.cooperation.conftest import as_user
from tests.cooperation.conftest import in_days
from tests.cooperation.conftest import post_request
from zExceptions import Unauthorized
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent
import pytest


ADD = "clusterpolisee: Add CooperationRequest"


def titles(brains):
    return sorted(brain.Title for brain in brains)


def anonymous():
    logout()
    return api.env.adopt_roles(["Anonymous"])


def can_view(login, obj):
    if login is None:
        with anonymous():
            return api.user.has_permission("View", obj=obj)
    return api.user.has_permission("View", username=login, obj=obj)


class TestSection:
    def test_folder_is_published_marked_and_holds_requests_only(self, portal, folder):
        assert folder.getId() == "partner-search"
        assert api.content.get_state(folder) == "published"
        assert IPlatformSection.providedBy(folder)
        assert folder.getLayout() == "partner-search"
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            allowed = ISelectableConstrainTypes(folder).getLocallyAllowedTypes()
        assert allowed == ["CooperationRequest"]
        # Outside every placeful policy: the global binding of the request's workflow applies.
        placeful = api.portal.get_tool("portal_placeful_workflow")
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            assert placeful.getWorkflowPolicyConfig(folder) is None
        request = post_request(folder, "author")
        chain = api.portal.get_tool("portal_workflow").getChainFor(request)
        assert chain == ("clusterpolisee_cooperation_workflow",)
        assert can_view(None, folder)

    def test_ensure_is_idempotent(self, portal, folder):
        folder.setTitle("Partner search (renamed)")
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            again = ensure_partner_search(portal)
        assert again.getPhysicalPath() == folder.getPhysicalPath()
        assert again.Title() == "Partner search (renamed)"
        assert api.content.get_state(again) == "published"

    def test_approved_members_may_post_others_may_not(self, portal, folder):
        for login in ("author", "colleague", "coordinator"):
            assert api.user.has_permission(ADD, username=login, obj=folder), login
            assert api.user.has_permission("Add portal content", username=login, obj=folder)
            with as_user(login):
                addable = [fti.getId() for fti in folder.allowedContentTypes()]
            assert addable == ["CooperationRequest"], login
        for login in ("registrant", "partner"):
            assert not api.user.has_permission(ADD, username=login, obj=folder), login
        with anonymous():
            assert not api.user.has_permission(ADD, obj=folder)
            assert not api.user.has_permission("Add portal content", obj=folder)

    def test_a_registrant_cannot_create_one(self, portal, folder):
        with pytest.raises((Unauthorized, InvalidParameterError)):
            post_request(folder, "registrant")
        assert not folder.objectIds()


class TestVisibility:
    def test_public_choice_is_the_state_both_ways(self, portal, folder):
        request = post_request(folder, "author", public=True)
        assert api.content.get_state(request) == requests.PUBLIC_STATE
        request.public = False
        with as_user("author"):
            notify(ObjectModifiedEvent(request))
        assert api.content.get_state(request) == requests.MEMBERS_STATE
        # The owner's own transition from the state menu: the field follows.
        with as_user("author"):
            api.content.transition(request, transition="make_public")
        assert request.public is True

    def test_who_sees_a_members_only_request(self, portal, folder):
        request = post_request(folder, "author", public=False)
        assert api.content.get_state(request) == requests.MEMBERS_STATE
        for login in ("author", "colleague", "coordinator", "wanderer"):
            assert can_view(login, request), login
        for login in ("registrant", "partner", None):
            assert not can_view(login, request), login

    def test_anyone_sees_a_public_request(self, portal, folder):
        request = post_request(folder, "author", public=True)
        for login in ("colleague", "registrant", "partner", None):
            assert can_view(login, request), login

    def test_only_its_author_and_coordinators_edit_it(self, portal, folder):
        request = post_request(folder, "author")
        for login in ("author", "coordinator"):
            assert api.user.has_permission("Modify portal content", username=login, obj=request)
        for login in ("colleague", "wanderer"):
            assert not api.user.has_permission("Modify portal content", username=login, obj=request)
        assert request.Creator() == "author"
        assert not request.allowedContentTypes() or not api.user.has_permission(
            "Add portal content", username="author", obj=request
        )

    def test_listing_anonymous_public_only_members_all(self, portal, folder):
        post_request(folder, "author", title="Open to everyone", public=True)
        post_request(folder, "colleague", title="For members", public=False)
        with anonymous():
            assert titles(requests.open_requests()) == ["Open to everyone"]
        with as_user("wanderer"):
            assert titles(requests.open_requests()) == ["For members", "Open to everyone"]

    def test_sorted_by_deadline_and_filtered(self, portal, folder):
        post_request(folder, "author", title="Later", deadline=in_days(40), region="HR03")
        post_request(
            folder,
            "colleague",
            title="Sooner",
            deadline=in_days(3),
            region="RO21",
            topics=["skills-jobs"],
        )
        with as_user("wanderer"):
            assert [b.Title for b in requests.open_requests()] == ["Sooner", "Later"]
            assert titles(requests.open_requests(region="RO21")) == ["Sooner"]
            assert titles(requests.open_requests(topic="international-cooperation")) == ["Later"]
            for bad in ({"topic": "no-such-topic"}, {"region": "XX99"}, {"topic": ["skills-jobs"]}):
                with pytest.raises(requests.FilterError):
                    requests.open_requests(**bad)


class TestDeadline:
    def test_deadline_is_the_expiration_at_the_end_of_that_day(self, portal, folder):
        request = post_request(folder, "author", deadline=in_days(10))
        assert requests.deadline_of(request.expires()) == in_days(10)
        assert request.expires() > requests.end_of_day(in_days(9))
        request.deadline = in_days(20)
        with as_user("author"):
            notify(ObjectModifiedEvent(request))
        catalog = api.portal.get_tool("portal_catalog")
        brain = catalog.unrestrictedSearchResults(UID=request.UID())[0]
        assert requests.deadline_of(brain.expires) == in_days(20)

    def test_past_deadline_refused_with_a_message(self, portal):
        field = ICooperationRequest["deadline"]
        field.validate(in_days(0))
        with pytest.raises(DeadlineInThePast) as refused:
            field.validate(in_days(-1))
        assert "cannot be in the past" in api.portal.translate(refused.value.doc())

    def test_expired_request_drops_out_of_listing_and_search(self, portal, folder):
        request = post_request(folder, "author", title="Benchmarking partners wanted", public=True)
        post_request(folder, "colleague", title="Still open")
        # Time passes: the deadline is yesterday (the form would not take it, time does).
        request.deadline = in_days(-1)
        requests.follow_deadline(request)
        assert not requests.is_open(request)
        catalog = api.portal.get_tool("portal_catalog")
        for login in ("wanderer", "colleague"):
            with as_user(login):
                assert titles(requests.open_requests()) == ["Still open"]
                assert not catalog(SearchableText="Benchmarking")
        with anonymous():
            assert titles(requests.open_requests()) == []
            assert not catalog(SearchableText="Benchmarking")

    def test_expired_request_takes_no_interest(self, portal, folder):
        request = post_request(folder, "author")
        request.deadline = in_days(-1)
        requests.follow_deadline(request)
        with as_user("colleague"), pytest.raises(InterestError):
            requests.express_interest_in(request)


def messages_to(login):
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Message", message_recipients=login
        )
    ]


class TestInterest:
    def test_recorded_once_and_the_author_gets_a_message(self, portal, folder):
        request = post_request(folder, "author", title="Exchange of cluster managers")
        with as_user("colleague"):
            record, created = requests.express_interest_in(request, note="We host in Iasi.")
            message = requests.interest_message(request, record, created)
        assert created
        assert record["region"] == "RO21"  # the profile's region
        assert record["kind"] == "request"
        assert "Author" in api.portal.translate(message)
        [sent] = messages_to("author")
        assert sent.aq_parent.getId() == MAILBOX_ID
        assert sent.recipients == ["author"]
        assert sent.Creator() == "colleague"
        assert "Exchange of cluster managers" in sent.Title()
        assert "We host in Iasi." in sent.body
        assert request.absolute_url() in sent.body

        with as_user("colleague"):
            again, created_again = requests.express_interest_in(request, region="HR03")
            message = requests.interest_message(request, again, created_again)
        assert not created_again
        assert again == record
        assert "You expressed interest on" in api.portal.translate(message)
        assert len(messages_to("author")) == 1

    def test_region_from_the_form_when_the_profile_has_none(self, portal, folder):
        request = post_request(folder, "author")
        with as_user("wanderer"):
            with pytest.raises(InterestError):
                requests.express_interest_in(request)
            record, created = requests.express_interest_in(request, region="SK04")
        assert created
        assert record["region"] == "SK04"

    def test_bad_input_and_the_author_themselves(self, portal, folder):
        request = post_request(folder, "author")
        with as_user("colleague"):
            for region, note in (("XX99", ""), (["RO21"], ""), ("RO21", "x" * 2001)):
                with pytest.raises(InterestError):
                    requests.express_interest_in(request, region=region, note=note)
        with as_user("author"), pytest.raises(InterestError):
            requests.express_interest_in(request)
        assert messages_to("author") == []

    def test_may_express(self, portal, folder):
        request = post_request(folder, "author", public=True)
        with as_user("colleague"):
            assert requests.may_express_interest(request, "author", "colleague")
        with as_user("author"):
            assert not requests.may_express_interest(request, "author", "author")
        with as_user("registrant"):
            assert not requests.may_express_interest(request, "author", "registrant")
        with anonymous():
            assert not requests.may_express_interest(request, "author", None)
