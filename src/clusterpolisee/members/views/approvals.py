"""The coordinator approves registrants: approval puts a member in a tier group."""

from clusterpolisee import _
from clusterpolisee.members.tiers import TIER_GROUP_IDS
from clusterpolisee.members.tiers import TIER_GROUPS
from clusterpolisee.members.tiers import tier_memberships
from clusterpolisee.members.vocabularies import REQUESTED_TIERS
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest


# Requested "public follower" maps onto the public-followers group.
REQUEST_TO_GROUP = {"public-follower": "public-followers"}


class MemberApprovalsView(BrowserView):
    """``@@member-approvals``: registrants in no tier group yet, each with approve and reject."""

    page_title = _("heading_member_approvals", default="Membership requests")

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)  # no form token, no change (CSRF)
            self.decide()
            self.request.response.redirect(f"{self.context.absolute_url()}/@@member-approvals")
            return ""
        return self.index()

    def tiers(self):
        return [{"id": group_id, "title": title} for group_id, title, _roles in TIER_GROUPS]

    def pending(self):
        """Registrants awaiting a decision, oldest first; site administrators left out."""
        approved = tier_memberships()
        requested = dict(REQUESTED_TIERS)
        rows = []
        for user in api.user.get_users():
            user_id = user.getId()
            if user_id in approved or {"Manager", "Site Administrator"} & set(user.getRoles()):
                continue
            asked = user.getProperty("requested_tier", "") or ""
            rows.append(
                {
                    "id": user_id,
                    "fullname": user.getProperty("fullname", "") or user_id,
                    "email": user.getProperty("email", ""),
                    "organisation": user.getProperty("organisation", ""),
                    "country": user.getProperty("country", ""),
                    "asked": requested.get(asked, ""),
                    # Only a tier a registrant may ask for is proposed: whatever else the
                    # account holds (coordinators, the STC), the coordinator chooses.
                    "proposed_group": REQUEST_TO_GROUP.get(asked, asked)
                    if asked in requested
                    else "",
                }
            )
        return sorted(rows, key=lambda row: row["fullname"].lower())

    def decide(self):
        form = self.request.form
        user_id = form.get("userid", "")
        user = api.user.get(userid=user_id) if user_id else None
        if user is None or user_id in tier_memberships():
            raise BadRequest(_("There is no registrant waiting with that name."))
        if "form.button.approve" in form:
            group_id = form.get("tier", "")
            if group_id not in TIER_GROUP_IDS:
                raise BadRequest(_("Choose one of the membership tiers."))
            api.group.add_user(groupname=group_id, username=user.getUserName())
            message = _("${name} is now approved.", mapping={"name": user_id})
        elif "form.button.reject" in form:
            api.user.delete(user=user)
            message = _(
                "${name} was not approved; the account is removed.", mapping={"name": user_id}
            )
        else:
            raise BadRequest(_("Approve or reject the registrant."))
        api.portal.show_message(message, request=self.request)
