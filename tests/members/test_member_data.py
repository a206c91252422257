"""A member's own data (download, delete) and the member directory."""

from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.protect.authenticator import createToken
from zExceptions import Forbidden
from zope.component import getUtility
from zope.interface import alsoProvides
from zope.schema.interfaces import IVocabularyFactory
import json
import pytest


PROFILES = {
    # login: (tier group, properties)
    "elena": (
        "full-members",
        {
            "fullname": "Elena Popescu",
            "organisation": "ADR Nord-Est",
            "country": "RO",
            "working_groups": ("financial-framework",),
            "languages": ("ro", "en"),
            "expertise": ("financial-framework", "innovation-rd"),
            "profile_visible": True,
        },
    ),
    "marco": (
        "associated-members",
        {
            "fullname": "Marco Bianchi",
            "organisation": "Veneto Innovation Agency",
            "country": "IT",
            "working_groups": ("specialisation",),
            "expertise": ("specialisation",),
            "profile_visible": True,
        },
    ),
    "hidden": (
        "associated-members",
        {"fullname": "Hidden Person", "country": "RO", "profile_visible": False},
    ),
    "waiting": (None, {"fullname": "Waiting Registrant", "country": "RO"}),
}


@pytest.fixture
def members(portal, request_):
    alsoProvides(request_, IClusterpoliseeLayer)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for login, (group, properties) in PROFILES.items():
        api.user.create(
            username=login,
            email=f"{login}@example.org",
            password="secret-pass-1",
            properties=properties,
        )
        if group:
            api.group.add_user(groupname=group, username=login)
    api.user.create(username="coordinator", email="c@example.org", password="secret-pass-1")
    api.group.add_user(groupname="coordinators", username="coordinator")
    # Her contribution, where she may add (a contributor of the site root, for the test: a
    # member may add nothing there).
    api.user.grant_roles(username="elena", obj=portal, roles=["Contributor"])
    with api.env.adopt_user(username="elena"):
        api.content.create(container=portal, type="Document", id="elena-notes", title="Notes")
    api.user.revoke_roles(username="elena", obj=portal, roles=["Contributor"])
    setRoles(portal, TEST_USER_ID, ["Member"])
    return portal


class TestMyData:
    def test_download_holds_profile_tiers_and_contributions(self, members):
        with api.env.adopt_user(username="elena"):
            data = json.loads(api.content.get_view("my-data", members, members.REQUEST)())
        assert data["username"] == "elena"
        assert data["profile"]["organisation"] == "ADR Nord-Est"
        assert data["profile"]["expertise"] == ["financial-framework", "innovation-rd"]
        assert data["profile"]["languages"] == ["en", "ro"]
        assert data["tiers"] == ["full-members"]
        assert [item["title"] for item in data["contributions"]] == ["Notes"]
        disposition = members.REQUEST.response.getHeader("Content-Disposition")
        assert disposition == 'attachment; filename="elena-personal-data.json"'


class TestDeleteAccount:
    def test_needs_the_form_token(self, members):
        request = members.REQUEST
        request.method = "POST"
        with api.env.adopt_user(username="elena"):
            request.form.update({"confirm": "1"})
            with pytest.raises(Forbidden):
                api.content.get_view("delete-my-account", members, request)()
        assert api.user.get(username="elena") is not None

    def test_needs_confirmation(self, members):
        request = members.REQUEST
        request.method = "POST"
        with api.env.adopt_user(username="elena"):
            request.form.update({"_authenticator": createToken()})
            html = api.content.get_view("delete-my-account", members, request)()
        assert "Tick the box to confirm" in html
        assert api.user.get(username="elena") is not None

    def test_deletes_the_account_and_keeps_contributions(self, members):
        request = members.REQUEST
        request.method = "POST"
        with api.env.adopt_user(username="elena"):
            request.form.update({"_authenticator": createToken(), "confirm": "1"})
            api.content.get_view("delete-my-account", members, request)()
        assert api.user.get(username="elena") is None
        notes = members["elena-notes"]
        assert notes.listCreators() == ("deleted-member",)
        catalog = api.portal.get_tool("portal_catalog")
        assert len(catalog.unrestrictedSearchResults(Creator="elena")) == 0


class TestMemberDirectory:
    def names(self, portal, login, **filters):
        request = portal.REQUEST
        request.form.clear()
        request.form.update(filters)
        with api.env.adopt_user(username=login):
            directory = api.content.get_view("member-directory", portal, request)
            return [row["fullname"] for row in directory.members()]

    def test_lists_approved_visible_members(self, members):
        assert self.names(members, "marco") == ["Elena Popescu", "Marco Bianchi"]

    def test_coordinator_also_sees_hidden_profiles(self, members):
        assert "Hidden Person" in self.names(members, "coordinator")
        assert "Waiting Registrant" not in self.names(members, "coordinator")

    @pytest.mark.parametrize(
        ("filters", "expected"),
        [
            ({"country": "IT"}, ["Marco Bianchi"]),
            ({"tier": "full-members"}, ["Elena Popescu"]),
            ({"working_group": "specialisation"}, ["Marco Bianchi"]),
            ({"topic": "innovation-rd"}, ["Elena Popescu"]),
            ({"country": "RO", "tier": "associated-members"}, []),
        ],
    )
    def test_filters(self, members, filters, expected):
        assert self.names(members, "elena", **filters) == expected

    def test_only_approved_members_may_browse_it(self, members):
        for login in ("elena", "marco", "coordinator"):
            with api.env.adopt_user(username=login):
                assert api.user.has_permission("clusterpolisee: View member directory")
        with api.env.adopt_user(username="waiting"):
            assert not api.user.has_permission("clusterpolisee: View member directory")

    def test_page_renders_filters_and_members(self, members):
        members.REQUEST.form.update({"country": "IT"})
        with api.env.adopt_user(username="elena"):
            html = api.content.get_view("member-directory", members, members.REQUEST)()
        assert 'for="filter-country"' in html
        assert "Marco Bianchi" in html
        assert "Veneto Innovation Agency" in html
        assert "ADR Nord-Est" not in html  # Elena is in Romania


class TestMemberMenu:
    def test_member_menu_links_the_pages(self, members):
        actions = api.portal.get_tool("portal_actions")
        with api.env.adopt_user(username="elena"):
            ids = {action["id"] for action in actions.listActionInfos(categories=["user"])}
        assert {"member-directory", "my-data", "delete-my-account"} <= ids
        assert "member-approvals" not in ids
        with api.env.adopt_user(username="coordinator"):
            ids = {action["id"] for action in actions.listActionInfos(categories=["user"])}
        assert "member-approvals" in ids
        with api.env.adopt_user(username="waiting"):
            ids = {action["id"] for action in actions.listActionInfos(categories=["user"])}
        assert "member-directory" not in ids

    def test_members_edit_their_profile_fields(self, members):
        with api.env.adopt_user(username="elena"):
            html = api.content.get_view("personal-information", members, members.REQUEST)()
        for field in (
            "organisation",
            "institution",
            "country",
            "working_groups",
            "languages",
            "expertise",
            "profile_visible",
            "notification_frequency",
        ):
            assert f"form.widgets.{field}" in html


class TestInstitutionLink:
    @pytest.fixture
    def linked(self, members):
        setRoles(members, TEST_USER_ID, ["Manager"])
        agency = api.content.create(
            container=members, type="Institution", id="adr", title="ADR Nord-Est", country="RO"
        )
        api.content.transition(agency, to_state="published")
        api.user.get(username="elena").setMemberProperties({"institution": agency.UID()})
        setRoles(members, TEST_USER_ID, ["Member"])
        return agency

    def test_vocabulary_offers_institutions_with_their_country(self, linked):
        factory = getUtility(IVocabularyFactory, name="clusterpolisee.vocabularies.Institutions")
        with api.env.adopt_user(username="elena"):
            terms = [(term.value, term.title) for term in factory(linked)]
        assert terms == [(linked.UID(), "ADR Nord-Est (Romania)")]

    def test_directory_links_the_organisation_to_its_institution(self, linked):
        portal = api.portal.get()
        with api.env.adopt_user(username="marco"):
            html = api.content.get_view("member-directory", portal, portal.REQUEST)()
        assert f'href="{linked.absolute_url()}"' in html

    def test_directory_shows_no_link_to_an_institution_the_viewer_may_not_see(self, linked):
        portal = api.portal.get()
        setRoles(portal, TEST_USER_ID, ["Manager"])
        api.content.transition(linked, to_state="private")
        setRoles(portal, TEST_USER_ID, ["Member"])
        with api.env.adopt_user(username="marco"):
            html = api.content.get_view("member-directory", portal, portal.REQUEST)()
        assert "ADR Nord-Est" in html
        assert linked.absolute_url() not in html

    def test_personal_data_names_the_institution(self, linked):
        portal = api.portal.get()
        with api.env.adopt_user(username="elena"):
            data = json.loads(api.content.get_view("my-data", portal, portal.REQUEST)())
        assert data["profile"]["institution"] == linked.UID()
