"""Site creation as ``make start`` does it: the admin user, and keeping an existing site."""

from clusterpolisee.demo.site import ensure_admin
from clusterpolisee.demo.site import ensure_site


def test_admin_password_is_set_when_given(integration):
    app = integration["app"]
    ensure_admin(app, "first-secret")
    assert app.acl_users.authenticate("admin", "first-secret", integration["request"])
    ensure_admin(app, "second-secret")
    assert app.acl_users.authenticate("admin", "second-secret", integration["request"])
    assert not app.acl_users.authenticate("admin", "first-secret", integration["request"])


def test_admin_keeps_its_password_when_none_is_given(integration):
    app = integration["app"]
    ensure_admin(app, "kept-secret")
    ensure_admin(app)
    assert app.acl_users.authenticate("admin", "kept-secret", integration["request"])
    assert "Manager" in app.acl_users.getUser("admin").getRoles()


def test_existing_site_is_kept_without_demo_content(integration, monkeypatch):
    # The layer's transaction is rolled back after the test: keep ensure_site from committing.
    monkeypatch.setattr("transaction.commit", lambda: None)
    site, created = ensure_site(integration["app"], site_id="plone", admin_password="secret")
    assert not created
    assert site.getPhysicalPath() == integration["portal"].getPhysicalPath()
    # The profile's empty sections are there; the demo's content is not.
    assert site["institutions"].contentIds() == []


def test_existing_site_gets_pending_upgrades(integration, monkeypatch):
    monkeypatch.setattr("transaction.commit", lambda: None)
    setup = integration["portal"].portal_setup
    setup.setLastVersionForProfile("clusterpolisee:default", "1000")
    ensure_site(integration["app"], site_id="plone")
    assert setup.getLastVersionForProfile("clusterpolisee:default") == (
        setup.getVersionForProfile("clusterpolisee:default"),
    )
