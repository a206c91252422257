"""Members as pages and mails name them."""

from plone import api


def fullname(user_id):
    """The member's full name; their id when they gave none or no longer exist."""
    user = api.user.get(userid=user_id) if user_id else None
    if user is None:
        return user_id or ""
    return user.getProperty("fullname", "") or user_id
