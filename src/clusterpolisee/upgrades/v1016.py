"""1015 -> 1016: levels of security in authentication (issue 22).

- The sign-in plugin in front of the site's passwords: the lock after wrong passwords and the
  code of a second factor after the password (authentication/signin.py).
- The sign-in security settings (which groups must use a second factor, the lock, the idle
  time of sessions, which the session ticket and the REST token follow) and their control
  panel; the "Two-factor sign-in" personal action.
- Single sign-on through OpenID Connect (pas.plugins.oidc), its defaults, and its settings in
  Site Setup under the platform's name.
- Logins in any case: the user folder lowercases logins; existing logins are converted unless
  two differ only by case (then nothing changes and the clash is logged, to be fixed by hand
  and the step run again).
"""

from clusterpolisee.authentication import sessions
from clusterpolisee.authentication import signin
from clusterpolisee.authentication import sso
from clusterpolisee.authentication.accounts import lowercase_logins
from clusterpolisee.upgrades import import_missing
from clusterpolisee.upgrades import reimport_steps
from plone import api
import logging


logger = logging.getLogger(__name__)


def upgrade(context):
    context.runAllImportStepsFromProfile("profile-pas.plugins.oidc:default")
    import_missing(context, "plone.app.registry", "actions")
    reimport_steps(context, "controlpanel")
    portal = api.portal.get()
    signin.install_plugin(portal)
    sso.setup_plugin()
    sessions.apply_idle_time(portal)
    report = lowercase_logins(portal)
    logger.info("Logins in any case: %s", report)
