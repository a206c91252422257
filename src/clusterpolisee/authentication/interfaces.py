"""The sign-in security settings, stored in the registry and edited in the control panel."""

from clusterpolisee import _
from zope import schema
from zope.interface import Interface


# The groups whose members must use a second factor unless the coordinator decides otherwise:
# those who can change the platform or judge its content.
DEFAULT_TWO_FACTOR_GROUPS = ["Administrators", "Site Administrators", "coordinators", "stc"]


class IAuthenticationSettings(Interface):
    """How members sign in: the second factor, the lock after wrong passwords, idle sessions."""

    two_factor_groups = schema.List(
        title=_("label_two_factor_groups", default="Groups that must use a second factor"),
        description=_(
            "help_two_factor_groups",
            default="Members of these groups enrol an authenticator app at their next sign-in, "
            "before anything else, and enter a code from it at every sign-in. Any other member "
            "may enrol on the Two-factor sign-in page.",
        ),
        value_type=schema.Choice(vocabulary="plone.app.vocabularies.Groups"),
        default=list(DEFAULT_TWO_FACTOR_GROUPS),
        required=False,
    )

    lockout_attempts = schema.Int(
        title=_("label_lockout_attempts", default="Wrong passwords before an account waits"),
        description=_(
            "help_lockout_attempts",
            default="After this many wrong passwords or codes for one account within the "
            "waiting time, signing in to that account waits, whatever the password.",
        ),
        default=5,
        min=3,
        max=50,
    )

    lockout_minutes = schema.Int(
        title=_("label_lockout_minutes", default="Waiting time after too many wrong passwords"),
        description=_("help_lockout_minutes", default="In minutes."),
        default=15,
        min=1,
        max=1440,
    )

    session_idle_minutes = schema.Int(
        title=_("label_session_idle_minutes", default="Sign out after this long without activity"),
        description=_(
            "help_session_idle_minutes",
            default="In minutes. A member who opens no page for this long signs in again.",
        ),
        default=60,
        min=5,
        max=7 * 24 * 60,
    )
