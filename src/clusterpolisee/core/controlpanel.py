"""The platform's settings control panel, on the registry records of IPlatformSettings."""

from clusterpolisee import _
from clusterpolisee.interfaces import IPlatformSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from Products.CMFPlone.RegistrationTool import checkEmailAddress
from Products.CMFPlone.RegistrationTool import EmailAddressInvalid
from z3c.form import validator
from zope import schema
from zope.interface import Invalid


class PlatformSettingsEditForm(RegistryEditForm):
    schema = IPlatformSettings
    schema_prefix = "clusterpolisee"
    label = _("label_platform_settings", default="ClusterPoliSEE platform settings")
    description = _(
        "help_platform_settings",
        default="What the public landing page says, where the platform's mail goes and which "
        "video-conference service hosts the working groups' meetings.",
    )


class PlatformSettingsControlPanel(ControlPanelFormWrapper):
    form = PlatformSettingsEditForm


class CoordinatorEmailValidator(validator.SimpleFieldValidator):
    """Registry records cannot carry constraints, so the form checks the address."""

    def validate(self, value):
        super().validate(value)
        try:
            checkEmailAddress(value)
        except EmailAddressInvalid:
            raise Invalid(
                _("error_invalid_email", default="Please enter a valid e-mail address.")
            ) from None


# Discriminate by form and field class, not by the field itself: marking the schema's field
# would leak into the persistent copy the registry stores. coordinator_email is the form's only
# ASCIILine.
validator.WidgetValidatorDiscriminators(
    CoordinatorEmailValidator, view=PlatformSettingsEditForm, field=schema.ASCIILine
)
