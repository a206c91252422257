"""The registration form: a registrant must agree to the privacy notice."""

from clusterpolisee import _
from plone.app.users.browser.register import BaseRegistrationForm
from z3c.form import validator
from zope import schema
from zope.interface import Invalid


CONSENT_FIELD = "privacy_consent"  # from profiles/default/userschema.xml


class PrivacyConsentValidator(validator.SimpleFieldValidator):
    """A required checkbox: Plone's Bool field would accept it unticked."""

    def validate(self, value):
        super().validate(value)
        if self.field.__name__ == CONSENT_FIELD and not value:
            raise Invalid(
                _(
                    "Please agree to the privacy notice: the platform cannot register you without it."
                )
            )


# The member schema is built from userschema.xml at run time: discriminate by form and field type.
validator.WidgetValidatorDiscriminators(
    PrivacyConsentValidator, view=BaseRegistrationForm, field=schema.Bool
)
