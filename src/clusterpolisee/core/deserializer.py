"""Field deserializers that turn every bad value into an HTTP 400 naming the field."""

from clusterpolisee import _
from clusterpolisee.interfaces import IClusterpoliseeLayer
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.deserializer.dxfields import ChoiceFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.interface import implementer
from zope.schema import ValidationError
from zope.schema.interfaces import IChoice


class UnknownValue(ValidationError):
    """The value is not one of the vocabulary's terms."""

    def __init__(self, value):
        super().__init__(value)
        self.value = value

    def doc(self):
        return _("'${value}' is not one of the allowed values.", mapping={"value": str(self.value)})


@implementer(IFieldDeserializer)
@adapter(IChoice, IDexterityContent, IClusterpoliseeLayer)
class StrictChoiceFieldDeserializer(ChoiceFieldDeserializer):
    """collective.taxonomy's vocabularies raise KeyError for an unknown token, which plone.restapi
    would answer with a server error; answer it as the validation error it is."""

    def __call__(self, value):
        try:
            return super().__call__(value)
        except KeyError:
            raise UnknownValue(value) from None
