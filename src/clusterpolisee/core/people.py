"""Members as pages and mails name them."""

from plone import api
from Products.CMFCore.utils import getToolByName
from zope.component.hooks import getSite


def fullname(user_id):
    """The member's full name; their id when they gave none or no longer exist."""
    if not user_id:
        return user_id or ""
    # The site's user folder first: the membership tool (plone.api) also searches the Zope
    # root's and wraps the account as member data, which doubled the cost of a name.
    user = getToolByName(getSite(), "acl_users").getUserById(user_id) or api.user.get(
        userid=user_id
    )
    if user is None:
        return user_id or ""
    return user.getProperty("fullname", "") or user_id
