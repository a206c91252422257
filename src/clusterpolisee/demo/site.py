"""Create the platform site in a Zope application root (used by ``make start``)."""

from AccessControl.SecurityManagement import newSecurityManager
from clusterpolisee.demo.loader import load_demo
from clusterpolisee.setuphandlers import SITE_PROFILE
from plone.base.interfaces import IMailSchema
from plone.base.utils import get_installer
from plone.registry.interfaces import IRegistry
from Products.CMFPlone.factory import addPloneSite
from Products.PluggableAuthService.interfaces.plugins import IUserAdderPlugin
from Testing.makerequest import makerequest
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
from zope.component.hooks import setSite
import transaction


SITE_TITLE = "SEE Cluster Policy Learning Platform"
SITE_DESCRIPTION = (
    "Cooperative learning, policy transfer and information exchange between cluster policy "
    "makers in South East Europe."
)


PROFILE_ID = "clusterpolisee:default"

# The local mail catcher (operations/mailcatcher.py) that ``make start`` runs beside the site.
MAIL_CATCHER_HOST = "127.0.0.1"
MAIL_CATCHER_SENDER = "platform@example.org"
# Where the site's mail went the last time ``use_mail_catcher`` pointed it at the catcher.
MAIL_CATCHER_KEY = "clusterpolisee.mail_catcher"


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


def use_mail_catcher(site, port, host=MAIL_CATCHER_HOST):
    """Send the site's mail to the local mail catcher on ``host``:``port``, with a sender, when
    the site has no SMTP server of its own: Plone's settings as a new site has them (no sender,
    localhost:25, no login), or the catcher's as this function left them (its port may change
    between starts). Any other setting is kept: it is a real mail server, set in Site Setup.

    Returns whether the site's mail now goes to the catcher. Commits nothing.
    """
    settings = getUtility(IRegistry).forInterface(IMailSchema, prefix="plone")
    current = (settings.smtp_host or "", settings.smtp_port)
    untouched = (
        current[0] in ("", "localhost")
        and current[1] in (None, 25)
        and not settings.email_from_address
        and not settings.smtp_userid
    )
    annotations = IAnnotations(site)
    ours = annotations.get(MAIL_CATCHER_KEY)
    if not untouched and (ours is None or tuple(ours) != current):
        return False
    settings.smtp_host = host
    settings.smtp_port = port
    settings.email_from_address = settings.email_from_address or MAIL_CATCHER_SENDER
    settings.email_from_name = settings.email_from_name or site.Title()
    # Plone's mailer reads the registry; the MailHost object shows the same in the ZMI.
    site.MailHost.smtp_host, site.MailHost.smtp_port = host, port
    annotations[MAIL_CATCHER_KEY] = (host, port)
    return True
