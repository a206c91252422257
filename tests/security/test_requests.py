"""Requests an attacker or a careless program sends, over real HTTP on the demo site.

- The roster's roles go only to approved members, by the roster's forms and by the sharing
  tab or its REST route (@sharing).
- REST registration (``POST @users``) follows the registration form's rules, and the approvals
  page never proposes a tier a registrant may not ask for.
- A cookie session (the browser's ``__ac``) writes over REST only with a JSON body from the
  site's own pages: another site's page cannot vote, write or register for the member.
"""

from clusterpolisee.demo.data import DEMO_PASSWORD
from clusterpolisee.workspaces.decisions import votes
from clusterpolisee.workspaces.forms import person_prefix
from clusterpolisee.workspaces.groups import MEMBER
from clusterpolisee.workspaces.groups import roster
from clusterpolisee.workspaces.groups import set_roster_role
from clusterpolisee.workspaces.meetings import answers
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.authentication.codes import form_sign_in
from tests.authentication.codes import login_body
import json
import pytest
import re
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
PLAIN = {"Accept": "application/json", "Content-Type": "text/plain"}


@pytest.fixture
def site(demo_functional, functional):
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        # A registrant the coordinator has not approved yet, and a Manager of the site.
        api.user.create(
            username="registrant", email="registrant@example.org", password=DEMO_PASSWORD
        )
        api.user.create(username="webmaster", email="webmaster@example.org", password=DEMO_PASSWORD)
        api.user.grant_roles(username="webmaster", roles=["Manager"])
    transaction.commit()
    return portal


def cookie_session(portal, login):
    """A browser's session: the login form's ``__ac`` cookie, no Authorization header."""
    session = requests.Session()
    response = form_sign_in(session, portal.absolute_url(), login, DEMO_PASSWORD)
    assert "__ac" in session.cookies, response.text[:500]
    return session


def token_session(portal, login):
    """A program's session: a JWT from @login in the Authorization header."""
    session = requests.Session()
    response = session.post(
        f"{portal.absolute_url()}/@login",
        json=login_body(login, DEMO_PASSWORD),
        headers=JSON,
    )
    session.headers["Authorization"] = f"Bearer {response.json()['token']}"
    return session


def api_url(portal, obj=None, name=""):
    path = "/".join(obj.getPhysicalPath()[len(portal.getPhysicalPath()) :]) if obj else ""
    base = f"{portal.absolute_url()}/++api++"
    return "/".join(part for part in (base, path, name) if part)


def form_token(session, url):
    """The plone.protect token of a form the page at ``url`` draws for this session."""
    page = session.get(url)
    return re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)


def votes_of(decision):
    transaction.begin()
    return dict(votes(decision))


def error_message(response):
    body = response.json()
    message = body.get("message") or body.get("error", {}).get("message")
    assert message, body
    return message


class TestCookieSessions:
    def test_rest_writes_need_json_from_the_sites_own_pages(self, site):
        portal = site
        group = portal["working-groups"]["innovation-rd"]
        decision = group["decisions"].objectValues()[0]
        meeting = next(
            item for item in group["planning"].objectValues() if item.portal_type == "Meeting"
        )
        draft = group["documents"].objectValues()[0]
        elena = cookie_session(portal, "elena.popescu")
        vote = json.dumps({"vote": "no"})
        origin = re.sub(
            r":(\d+)", lambda match: f":{int(match.group(1)) + 1}", portal.absolute_url()
        )
        origin = "/".join(origin.split("/")[:3])  # the same host on another port

        # What another site's page can send without a preflight: text/plain, any Origin.
        refused = {
            "vote": elena.post(api_url(portal, decision, "@vote"), data=vote, headers=PLAIN),
            "rsvp": elena.post(
                api_url(portal, meeting, "@rsvp"), data='{"answer": "no"}', headers=PLAIN
            ),
            "message": elena.post(
                api_url(portal, portal["messages"]),
                data=json.dumps(
                    {
                        "@type": "Message",
                        "title": "Forged",
                        "recipients": ["nikos.papadopoulos"],
                        "body": "Sent by another site.",
                    }
                ),
                headers=PLAIN,
            ),
            "workflow": cookie_session(portal, "nikos.papadopoulos").post(
                api_url(portal, draft, "@workflow/approve"), data="{}", headers=PLAIN
            ),
            "form-encoded vote": elena.post(
                api_url(portal, decision, "@vote"),
                data={"vote": "no"},
                headers={"Accept": "application/json"},
            ),
            "vote from another origin": elena.post(
                api_url(portal, decision, "@vote"), data=vote, headers={**JSON, "Origin": origin}
            ),
        }
        webmaster = cookie_session(portal, "webmaster")
        refused["users"] = webmaster.post(
            api_url(portal, name="@users"),
            data=json.dumps(
                {
                    "username": "forged",
                    "email": "forged@example.org",
                    "password": "forged-pass-1",
                    "roles": ["Manager"],
                }
            ),
            headers=PLAIN,
        )
        acted = {
            what: r.status_code for what, r in refused.items() if r.status_code not in (400, 403)
        }
        assert acted == {}, acted
        for what, response in refused.items():
            assert error_message(response), what
        assert "elena.popescu" not in votes_of(decision)
        assert answers(meeting).get("elena.popescu") is None
        assert api.content.get_state(draft) == "group_review"
        assert api.user.get(username="forged") is None
        assert "Forged" not in [item.Title() for item in portal["messages"].objectValues()]

        # The site's own page sends JSON (with its own Origin, or none): the member votes.
        own = "/".join(portal.absolute_url().split("/")[:3])
        cast = elena.post(
            api_url(portal, decision, "@vote"), data=vote, headers={**JSON, "Origin": own}
        )
        assert cast.status_code == 200, cast.text
        assert votes_of(decision)["elena.popescu"] == "no"
        cast = elena.post(
            api_url(portal, decision, "@vote"), data=json.dumps({"vote": "yes"}), headers=JSON
        )
        assert cast.status_code == 200, cast.text
        assert votes_of(decision)["elena.popescu"] == "yes"

        # A page's own upload asks a browser view for JSON (Dropzone): no REST, not refused.
        documents = group["documents"]
        upload = elena.post(
            f"{documents.absolute_url()}/@@fileUpload",
            data={
                "_authenticator": form_token(
                    elena, f"{portal.absolute_url()}/@@personal-information"
                )
            },
            files={"file": ("notes.txt", b"Notes of the meeting", "text/plain")},
            headers={"Accept": "application/json"},
        )
        assert upload.status_code == 200, upload.text
        transaction.begin()
        assert "notes.txt" in documents

        # HTTP Basic, which a browser remembers and sends by itself: not from another site.
        basic = ("ana.kovac", DEMO_PASSWORD)
        foreign = requests.post(
            api_url(portal, decision, "@vote"),
            data=vote,
            headers={**PLAIN, "Origin": origin},
            auth=basic,
        )
        assert foreign.status_code == 403, foreign.text
        assert "ana.kovac" not in votes_of(decision)

        # A program keeps sending what it sent before, text/plain included: with HTTP Basic
        # (no Origin), or with a token.
        cast = requests.post(
            api_url(portal, decision, "@vote"), data=vote, headers=PLAIN, auth=basic
        )
        assert cast.status_code == 200, cast.text
        assert votes_of(decision)["ana.kovac"] == "no"
        marko = token_session(portal, "marko.jovanovic")
        cast = marko.post(api_url(portal, decision, "@vote"), data=vote, headers=PLAIN)
        assert cast.status_code == 200, cast.text
        assert votes_of(decision)["marko.jovanovic"] == "no"


class TestRoster:
    def test_roster_roles_go_only_to_approved_members(self, site):
        portal = site
        group = portal["working-groups"]["innovation-rd"]
        sharing = f"{group.absolute_url()}/@sharing"

        def share(session, url, principal, role):
            entry = {"id": principal, "type": "user", "roles": {role: True}}
            return session.post(url, json={"entries": [entry]}, headers=JSON)

        # The sharing tab's REST route, by a Manager on the workspace and by the leader on a
        # folder of his own in it: a registrant, or every signed-in user, is no roster member.
        webmaster = token_session(portal, "webmaster")
        nikos = token_session(portal, "nikos.papadopoulos")
        folder = nikos.post(
            f"{group.absolute_url()}/documents",
            json={"@type": "Folder", "title": "Leader's notes"},
            headers=JSON,
        )
        assert folder.status_code == 201, folder.text
        refused = {
            "leader by a Manager": share(webmaster, sharing, "registrant", "WorkingGroupLeader"),
            "member by a Manager": share(webmaster, sharing, "registrant", "WorkingGroupMember"),
            "every user": share(webmaster, sharing, "AuthenticatedUsers", "WorkingGroupMember"),
            "leader on the leader's folder": share(
                nikos, f"{folder.json()['@id']}/@sharing", "registrant", "WorkingGroupLeader"
            ),
        }
        acted = {what: r.status_code for what, r in refused.items() if r.status_code != 400}
        assert acted == {}, acted
        assert "not an approved member" in error_message(refused["leader by a Manager"])
        transaction.begin()
        notes = group["documents"][folder.json()["id"]]
        assert "registrant" not in roster(group)
        assert "AuthenticatedUsers" not in roster(group)
        assert "registrant" not in dict(notes.get_local_roles())
        # The sharing tab's page: back to it, told why, nothing saved.
        browser = cookie_session(portal, "webmaster")
        page_url = f"{group.absolute_url()}/@@sharing"
        page = browser.post(
            page_url,
            data={
                "_authenticator": form_token(browser, page_url),
                "form.submitted": "1",
                "entries.id:records": "registrant",
                "entries.type:records": "user",
                "entries.role_WorkingGroupLeader:records": "True",
                "form.button.Save": "Save",
            },
        )
        assert page.status_code == 200, page.text
        assert page.url == page_url
        assert "registrant is not an approved member of the platform" in page.text
        transaction.begin()
        assert "registrant" not in roster(group)
        # An approved member is still given a roster role on the sharing tab.
        given = share(webmaster, sharing, "petra.novak", "WorkingGroupLeader")
        assert given.status_code == 204, given.text
        transaction.begin()
        assert roster(group)["petra.novak"] == "WorkingGroupLeader"

        # The roster's own form: a registrant already on the roster (put there before this
        # rule) is not made leader; the leader is told why.
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            set_roster_role(group, "registrant", MEMBER)
        transaction.commit()
        leader = cookie_session(portal, "nikos.papadopoulos")
        roster_url = f"{group.absolute_url()}/@@roster"
        prefix = person_prefix("member", "registrant")
        answer = leader.post(
            roster_url,
            data={
                "_authenticator": form_token(leader, roster_url),
                f"{prefix}.widgets.userid": "registrant",
                f"{prefix}.buttons.lead": "Make leader",
            },
        )
        assert answer.status_code == 200, answer.text
        assert "is not an approved member of the platform" in answer.text
        transaction.begin()
        assert roster(group)["registrant"] == MEMBER
        # Someone on the roster from before who is not approved does not stop a change about
        # somebody else on the sharing tab.
        given = share(webmaster, sharing, "maria.hofer", "Reader")
        assert given.status_code == 204, given.text


REGISTRANT = {
    "username": "mallory",
    "email": "mallory@example.org",
    "fullname": "Mallory Registrant",
    "organisation": "Nowhere Agency",
    "country": "RO",
    "requested_tier": "associated-members",
    "privacy_consent": True,
}


def proposed_tiers(html):
    """{user id: the tier preselected on the approvals page} (None when none is)."""
    rows = {}
    for form in re.findall(r"<form.*?</form>", html, re.S):
        user_id = re.search(r'name="userid" value="([^"]*)"', form)
        if user_id is None:
            continue
        selected = re.search(r'<option[^>]*value="([^"]*)"[^>]*selected', form)
        selected = selected or re.search(r'<option[^>]*selected[^>]*value="([^"]*)"', form)
        rows[user_id.group(1)] = selected.group(1) if selected and selected.group(1) else None
    return rows


class TestRegistration:
    def test_rest_registration_follows_the_forms_rules(self, site, smtp_inbox):
        portal = site
        users = api_url(portal, name="@users")
        anonymous = requests.Session()
        cases = {
            "the attack": {
                **REGISTRANT,
                "privacy_consent": False,
                "requested_tier": "coordinators",
            },
            "no consent": {**REGISTRANT, "privacy_consent": False},
            "consent left out": {k: v for k, v in REGISTRANT.items() if k != "privacy_consent"},
            "coordinator": {**REGISTRANT, "requested_tier": "coordinators"},
            "STC": {**REGISTRANT, "requested_tier": "stc"},
            "no tier": {k: v for k, v in REGISTRANT.items() if k != "requested_tier"},
            "no organisation": {k: v for k, v in REGISTRANT.items() if k != "organisation"},
            "unknown country": {**REGISTRANT, "country": "XX"},
            "a field of the profile only": {**REGISTRANT, "location": "Elsewhere"},
            "a login in use but for case": {**REGISTRANT, "username": "Elena.Popescu"},
        }
        answers_ = {}
        for number, (what, data) in enumerate(cases.items()):
            # Each its own login and address, unless the case is about them.
            own = {"username": f"mallory{number}", "email": f"mallory{number}@example.org"}
            data = {
                **data,
                **{key: value for key, value in own.items() if data[key] == REGISTRANT[key]},
            }
            answers_[what] = anonymous.post(users, json=data, headers=JSON)
        created = {what: r.status_code for what, r in answers_.items() if r.status_code != 400}
        assert created == {}, created
        for what, response in answers_.items():
            assert error_message(response), what
        assert "privacy notice" in error_message(answers_["no consent"])
        transaction.begin()
        # Logins match in any case: "Elena.Popescu" is the demo's elena.popescu, and only hers.
        assert api.user.get(username="Elena.Popescu").getId() == "elena.popescu"
        assert [
            u.getId() for u in api.user.get_users() if "elena.popescu" in u.getId().lower()
        ] == ["elena.popescu"]
        assert [user for user in api.user.get_users() if user.getId().startswith("mallory")] == []

        # A registration as the form would take it is welcome; it waits for approval.
        welcome = anonymous.post(users, json=REGISTRANT, headers=JSON)
        assert welcome.status_code == 201, welcome.text
        transaction.begin()
        mallory = api.user.get(username="mallory")
        assert mallory.getProperty("requested_tier") == "associated-members"
        assert mallory.getProperty("privacy_consent") is True
        assert api.group.get_groups(user=mallory) == [api.group.get(groupname="AuthenticatedUsers")]

        # The registration form keeps the same rules on logins. (An address in use is answered as
        # any registration, and makes no account: tests/authentication/test_accounts.py.)
        browser = requests.Session()
        register = f"{portal.absolute_url()}/@@register"
        for field, value, message in (("username", "NIKOS.Papadopoulos", "login name"),):
            values = {
                "username": "newcomer",
                "email": "newcomer@example.org",
                "fullname": "New Comer",
                "organisation": "Agency",
                field: value,
            }
            form = {f"form.widgets.{name}": value for name, value in values.items()}
            form.update(
                {
                    "form.widgets.country:list": "RO",
                    "form.widgets.requested_tier:list": "associated-members",
                    "form.widgets.privacy_consent:list": "selected",
                    "form.buttons.register": "Register",
                    "_authenticator": form_token(browser, register),
                }
            )
            page = browser.post(register, data=form)
            assert message in page.text, (field, page.text[-3000:])
            transaction.begin()
            made = [u for u in api.user.get_users() if u.getProperty("email") == values["email"]]
            assert made == []

        # Whatever a registrant asked for, the approvals page proposes only what they may ask.
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            for login, tier in (("asks-coordinator", "coordinators"), ("asks-stc", "stc")):
                api.user.create(
                    username=login,
                    email=f"{login}@example.org",
                    password=DEMO_PASSWORD,
                    properties={"requested_tier": tier},
                )
        transaction.commit()
        coordinator = cookie_session(portal, "platform.coordinator")
        page = coordinator.get(f"{portal.absolute_url()}/@@member-approvals")
        proposed = proposed_tiers(page.text)
        assert proposed["asks-coordinator"] is None
        assert proposed["asks-stc"] is None
        assert proposed["mallory"] == "associated-members"
