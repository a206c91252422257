"""The "Sign-in security" control panel, on the registry records of IAuthenticationSettings."""

from clusterpolisee import _
from clusterpolisee.authentication.interfaces import IAuthenticationSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm


class AuthenticationSettingsEditForm(RegistryEditForm):
    schema = IAuthenticationSettings
    schema_prefix = "clusterpolisee.authentication"
    label = _("label_authentication_settings", default="Sign-in security")
    description = _(
        "help_authentication_settings",
        default="Who must use a second factor, how long an account waits after wrong passwords "
        "and when idle sessions end. Single sign-on has its own page: "
        "Single sign-on (OpenID Connect).",
    )


class AuthenticationSettingsControlPanel(ControlPanelFormWrapper):
    form = AuthenticationSettingsEditForm
