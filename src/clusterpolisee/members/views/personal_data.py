"""What members do with their own data, and the member directory."""

from clusterpolisee import _
from clusterpolisee.core import exports
from clusterpolisee.core.vocabularies import vocabulary_title
from clusterpolisee.members.tiers import TIER_GROUPS
from clusterpolisee.members.tiers import tier_memberships
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory
import json


# The profile properties a member gives (profiles/default/userschema.xml), in that order.
PROFILE_PROPERTIES = (
    "fullname",
    "email",
    "organisation",
    "institution",
    "position",
    "country",
    "region",
    "governance_level",
    "requested_tier",
    "working_groups",
    "languages",
    "expertise",
    "description",
    "home_page",
    "location",
    "profile_visible",
    "notification_frequency",
    "privacy_consent",
)
DELETED_MEMBER = "deleted-member"
TIER_TITLES = {group_id: title for group_id, title, _roles in TIER_GROUPS}


def _plain(value):
    if isinstance(value, (set, tuple, list)):
        return sorted(value)
    return value


def tiers_of(user):
    return tier_memberships().get(user.getId(), [])


class MyDataView(BrowserView):
    """``@@my-data``: everything the platform keeps about the member, as a JSON download."""

    def __call__(self):
        user = api.user.get_current()
        catalog = api.portal.get_tool("portal_catalog")
        contributions = [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "type": brain.portal_type,
                # Files and images have no workflow of their own: no state (not Missing).
                "state": brain.review_state or None,
                "created": exports.iso(brain.created),
            }
            for brain in catalog(Creator=user.getId(), sort_on="created")
        ]
        data = {
            "id": user.getId(),
            "username": user.getUserName(),
            "profile": {name: _plain(user.getProperty(name, None)) for name in PROFILE_PROPERTIES},
            "tiers": tiers_of(user),
            "contributions": contributions,
        }
        response = self.request.response
        response.setHeader("Content-Type", exports.JSON_CONTENT_TYPE)
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{user.getId()}-personal-data.json"'
        )
        return json.dumps(data, ensure_ascii=False, indent=2)


class DeleteMyAccountView(BrowserView):
    """``@@delete-my-account``: a member removes their account; contributions stay."""

    page_title = _("heading_delete_account", default="Delete my account")

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if not self.request.form.get("confirm"):
                api.portal.show_message(
                    _("Tick the box to confirm that you want to delete your account."),
                    request=self.request,
                    type="error",
                )
                return self.index()
            self.delete(api.user.get_current())
            self.request.response.expireCookie("__ac", path="/")
            api.portal.show_message(
                _(
                    "Your account is deleted. Your contributions stay, attributed to a deleted member."
                ),
                request=self.request,
            )
            self.request.response.redirect(api.portal.get().absolute_url())
            return ""
        return self.index()

    def delete(self, user):
        user_id = user.getId()
        if {"Manager", "Site Administrator"} & set(user.getRoles()):
            raise BadRequest(_("Site administrators cannot delete their own account here."))
        catalog = api.portal.get_tool("portal_catalog")
        for brain in catalog.unrestrictedSearchResults(Creator=user_id):
            obj = brain._unrestrictedGetObject()
            obj.setCreators(
                [
                    DELETED_MEMBER if creator == user_id else creator
                    for creator in obj.listCreators()
                ]
            )
            obj.reindexObject(idxs=["Creator", "listCreators"])
        # Members may not manage users; the view lets them remove only themselves.
        with api.env.adopt_roles(["Manager"]):
            api.user.delete(username=user.getUserName())


class MemberDirectoryView(BrowserView):
    """``@@member-directory``: approved members who show their profile, with filters."""

    page_title = _("heading_member_directory", default="Member directory")

    filters = ("country", "tier", "working_group", "topic")

    def selected(self, name):
        value = self.request.form.get(name, "")
        return value if isinstance(value, str) else ""

    def tiers(self):
        return [
            {"id": group_id, "title": title}
            for group_id, title, _roles in TIER_GROUPS
            if group_id != "public-followers"
        ]

    def options(self, vocabulary_name):
        factory = getUtility(IVocabularyFactory, name=vocabulary_name)
        return [{"id": term.value, "title": term.title} for term in factory(self.context)]

    def members(self):
        can_see_hidden = api.user.has_permission("clusterpolisee: Approve members")
        country, tier = self.selected("country"), self.selected("tier")
        group, topic = self.selected("working_group"), self.selected("topic")
        memberships = tier_memberships()
        catalog = api.portal.get_tool("portal_catalog")
        # Linked only where the viewer may see the institution.
        institutions = {brain.UID: brain.getURL() for brain in catalog(portal_type="Institution")}
        rows = []
        for user in api.user.get_users():
            tiers = memberships.get(user.getId(), [])
            if not tiers or tiers == ["public-followers"]:
                continue
            if not user.getProperty("profile_visible", True) and not can_see_hidden:
                continue
            groups = set(user.getProperty("working_groups", ()) or ())
            topics = set(user.getProperty("expertise", ()) or ())
            if (
                (country and user.getProperty("country", "") != country)
                or (tier and tier not in tiers)
                or (group and group not in groups)
                or (topic and topic not in topics)
            ):
                continue
            rows.append(
                {
                    "fullname": user.getProperty("fullname", "") or user.getId(),
                    "organisation": user.getProperty("organisation", ""),
                    "institution_url": institutions.get(user.getProperty("institution", "")),
                    "position": user.getProperty("position", ""),
                    "country": vocabulary_title(
                        "clusterpolisee.vocabularies.Countries",
                        user.getProperty("country", ""),
                        self.context,
                    ),
                    "tiers": [TIER_TITLES[group_id] for group_id in tiers],
                    "topics": [
                        vocabulary_title("collective.taxonomy.topics", value, self.context)
                        for value in sorted(topics)
                    ],
                }
            )
        return sorted(rows, key=lambda row: row["fullname"].lower())
