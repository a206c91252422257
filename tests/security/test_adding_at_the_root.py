"""What a person may add at the site root (core/addmenu.py): the types' add permissions go to
every tier, the workflows' "Add portal content" decides where; at the root, Plone's list of
addable types asks both, so a member is offered nothing there and the site's administrators
everything Plone allows."""

from plone import api
from plone.api.exc import InvalidParameterError
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.base.interfaces.constrains import IConstrainTypes
import pytest


def test_a_member_may_add_nothing_at_the_root_an_administrator_may(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.user.create(username="full-member", email="full@example.org", password="secret-pass-1")
    api.group.add_user(groupname="full-members", username="full-member")
    with api.env.adopt_user(username="full-member"):
        # Each type's own add permission the member holds (they add practices elsewhere) ...
        assert api.user.has_permission("clusterpolisee: Add BestPractice", obj=portal)
        # ... but not the root's: no type is offered there.
        assert not api.user.has_permission("Add portal content", obj=portal)
        assert portal.allowedContentTypes() == []
        assert IConstrainTypes(portal).getLocallyAllowedTypes() == []
        # Nor by code acting for them (plone.api, Dexterity's invokeFactory).
        with pytest.raises(InvalidParameterError, match="disallowed"):
            api.content.create(container=portal, type="Document", id="notes", title="Notes")
    assert "notes" not in portal
    addable = {fti.getId() for fti in portal.allowedContentTypes()}
    assert {"Folder", "Document", "BestPractice"} <= addable
    assert set(IConstrainTypes(portal).getImmediatelyAddableTypes()) == addable
