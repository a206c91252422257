"""The tiers a registrant may ask for, and Plone's vocabularies of users as the platform offers
them: naming only the members the current user may see."""

from clusterpolisee import _
from clusterpolisee.core.vocabularies import vocabulary_factory
from clusterpolisee.members.directory import listed_member_ids
from plone.app.vocabularies.principals import PrincipalsFactory
from plone.app.vocabularies.principals import PrincipalsVocabulary
from plone.app.vocabularies.principals import UsersFactory
from zope.interface import implementer
from zope.schema.interfaces import IVocabularyFactory


REQUESTED_TIERS = (
    (
        "associated-members",
        _("Associated member (public institution, academia, cluster association)"),
    ),
    ("partner-members", _("Partner member (admitted case by case)")),
    ("public-follower", _("Public follower")),
)

RequestedTiers = vocabulary_factory(REQUESTED_TIERS)


def _shown(value, source, listed):
    """Whether a term of a principal vocabulary may be shown: a user among ``listed`` (None:
    every user), or a group (groups are named for whoever may see names at all)."""
    if listed is None:
        return True
    kind, _colon, principal_id = value.rpartition(":")
    if source == "principal" and kind == "group":
        return bool(listed)
    return principal_id in listed


class ListedPrincipalsVocabulary(PrincipalsVocabulary):
    """Plone's vocabulary of users (or of users and groups) holding only those the current user
    may see; a value outside them is not found either, so a known id gives no name."""

    listed = None

    def __contains__(self, value):
        # Plone's answers True for any account PAS knows: whether an id exists is a name too.
        return _shown(value, self.principal_source, self.listed) and super().__contains__(value)

    def _get_term_from_source(self, value=None, token=None):
        term = super()._get_term_from_source(value=value, token=token)
        if not _shown(term.value, self.principal_source, self.listed):
            raise LookupError(f"Principal {value or token} not found")
        return term


class ListedPrincipalsMixin:
    """A factory of Plone's principal vocabularies that names only whom the current user may
    see (members.directory). Registered in the site in place of Plone's own
    (componentregistry.xml), so every route that offers these vocabularies follows it:
    @vocabularies, @@getVocabulary (with or without a field), @@qsOptions, @querystring."""

    def __call__(self, context, query=""):
        listed = listed_member_ids()
        # Who may see no name gets no search at all.
        found = super().__call__(context, query) if listed is None or listed else ()
        vocabulary = ListedPrincipalsVocabulary(
            [term for term in found if _shown(term.value, self.source, listed)]
        )
        vocabulary.principal_source = self.source
        vocabulary.listed = listed
        return vocabulary


@implementer(IVocabularyFactory)
class ListedUsersFactory(ListedPrincipalsMixin, UsersFactory):
    """``plone.app.vocabularies.Users`` on the platform."""


@implementer(IVocabularyFactory)
class ListedPrincipalsFactory(ListedPrincipalsMixin, PrincipalsFactory):
    """``plone.app.vocabularies.Principals`` on the platform."""


ListedUsers = ListedUsersFactory()
ListedPrincipals = ListedPrincipalsFactory()
