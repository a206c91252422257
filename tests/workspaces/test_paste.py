"""Paste from the Actions menu (``object_paste``) in a workspace: what a member may add there is
pasted; anything else is refused with a message that says why, never an error page."""

from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone import api
from plone.protect.authenticator import createToken
from Products.statusmessages.interfaces import IStatusMessage
from tests.workspaces.conftest import as_user
from zope.interface import alsoProvides


def paste(container, login, *items):
    """Copy ``items`` and press Paste in ``container`` as ``login``: the message it shows, and
    its type."""
    request = container.REQUEST
    alsoProvides(request, IClusterpoliseeLayer)
    with as_user(login):
        request["__cp"] = items[0].aq_parent.manage_copyObjects([item.getId() for item in items])
        request.form["_authenticator"] = createToken()
        api.content.get_view("object_paste", container, request)()
    assert request.response.getStatus() == 302
    # The page shows the last message (those of a previous paste in the test are kept).
    message = IStatusMessage(request).show()[-1]
    return message.message, message.type


def test_a_member_pastes_a_copy_in_the_documents(group):
    documents = group["documents"]
    with as_user("associated"):
        paper = api.content.create(container=documents, type="Document", title="Paper")
        folder = api.content.create(container=documents, type="Folder", title="Drafts")
    assert paste(folder, "associated", paper) == ("Item(s) pasted.", "info")
    assert folder.objectIds() == ["paper"]
    assert paste(documents, "associated", paper) == ("Item(s) pasted.", "info")
    assert "copy_of_paper" in documents.objectIds()


def test_a_paste_where_the_type_does_not_belong_says_so(group):
    with as_user("associated"):
        paper = api.content.create(container=group["documents"], type="Document", title="Paper")
    assert paste(group["wiki"], "associated", paper) == (
        'You cannot paste "Paper" here: you may not add an item of the type "Page" in "Wiki".',
        "error",
    )
    assert group["wiki"].objectIds() == []


def test_a_paste_of_what_the_member_may_not_add_says_so(group):
    with as_user("leader"):
        meeting = api.content.create(container=group["planning"], type="Meeting", title="Kick-off")
    before = list(group["planning"].objectIds())
    message = paste(group["planning"], "associated", meeting)
    assert message[1] == "error"
    assert 'You cannot paste "Kick-off" here' in message[0]
    assert group["planning"].objectIds() == before
    # The leader may add meetings: the copy is made.
    assert paste(group["planning"], "leader", meeting) == ("Item(s) pasted.", "info")


def test_a_forged_clipboard_names_nothing_the_member_may_not_see(group):
    """The clipboard is a cookie: a member who puts another group's paper in it learns neither
    its title nor gets a copy."""
    other = api.portal.get()["working-groups"]["financial-framework"]
    with api.env.adopt_roles(["Manager"]):
        secret = api.content.create(
            container=other["documents"], type="Document", title="Secret plan"
        )
        cookie = other["documents"].manage_copyObjects([secret.getId()])
    request = group.REQUEST
    alsoProvides(request, IClusterpoliseeLayer)
    with as_user("associated"):
        assert not api.user.has_permission("View", obj=secret)
        request["__cp"] = cookie
        request.form["_authenticator"] = createToken()
        api.content.get_view("object_paste", group["wiki"], request)()
    message = IStatusMessage(request).show()[-1]
    assert (message.message, message.type) == ("The copied items cannot be pasted here.", "error")
    assert "Secret plan" not in message.message
    assert group["wiki"].objectIds() == []
