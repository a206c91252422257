"""Create the platform site in a Zope application root (used by ``make start``)."""

from AccessControl.SecurityManagement import newSecurityManager
from clusterpolisee.demo.loader import load_demo
from clusterpolisee.setuphandlers import SITE_PROFILE
from plone.base.utils import get_installer
from Products.CMFPlone.factory import addPloneSite
from Products.PluggableAuthService.interfaces.plugins import IUserAdderPlugin
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
import transaction


SITE_TITLE = "SEE Cluster Policy Learning Platform"
SITE_DESCRIPTION = (
    "Cooperative learning, policy transfer and information exchange between cluster policy "
    "makers in South East Europe."
)


PROFILE_ID = "clusterpolisee:default"


def ensure_admin(app, password=None, login="admin"):
    """Make sure the Zope root has a Manager ``login``; return the user.

    A given ``password`` is set on it; without one, an existing user keeps its password and a
    new one gets "admin".
    """
    user_folder = app.acl_users
    user_manager = getattr(user_folder, "users", None)
    if IUserAdderPlugin.providedBy(user_manager):
        # Zope's root PluggableAuthService: its user and role manager plugins.
        if login not in user_manager.listUserIds():
            user_manager.addUser(login, login, password or "admin")
            user_folder.roles.assignRoleToPrincipal(login, "Manager")
        elif password:
            user_manager.updateUserPassword(login, password)
    elif user_folder.getUser(login) is None:
        user_folder.userFolderAddUser(login, password or "admin", ["Manager"], [])
    elif password:
        user_folder.userFolderEditUser(login, password, ["Manager"], [])
    return user_folder.getUser(login).__of__(user_folder)


def upgrade_platform(site):
    """Run the platform's pending upgrade steps, so that a kept site matches the code."""
    setup = site.portal_setup
    if setup.listUpgrades(PROFILE_ID):
        setup.upgradeProfile(PROFILE_ID)
        transaction.commit()


def ensure_site(app, site_id="Plone", admin_password=None, demo=True, items=0, stream=None):
    """Create the site with the platform installed unless it exists; load the demo into a new one.

    Returns ``(site, created)``. Commits its work.
    """
    admin = ensure_admin(app, admin_password)
    transaction.commit()
    newSecurityManager(None, admin)
    app = makerequest(app)
    site = app.get(site_id)
    created = site is None
    if created:
        site = addPloneSite(
            app,
            site_id,
            title=SITE_TITLE,
            description=SITE_DESCRIPTION,
            distribution_name="classic",
            setup_content=False,
            default_language="en",
            portal_timezone="Europe/Bucharest",
        )
        setSite(site)
        get_installer(site).install_product("clusterpolisee")
        site.portal_setup.runAllImportStepsFromProfile(f"profile-{SITE_PROFILE}")
        transaction.commit()
    setSite(site)
    if not created:
        upgrade_platform(site)
    if (created and demo) or items:
        load_demo(site, items=items, stream=stream)
        transaction.commit()
    return site, created
