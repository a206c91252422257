"""The tiers a registrant may ask for."""

from clusterpolisee import _
from clusterpolisee.core.vocabularies import vocabulary_factory


REQUESTED_TIERS = (
    (
        "associated-members",
        _("Associated member (public institution, academia, cluster association)"),
    ),
    ("partner-members", _("Partner member (admitted case by case)")),
    ("public-follower", _("Public follower")),
)

RequestedTiers = vocabulary_factory(REQUESTED_TIERS)
