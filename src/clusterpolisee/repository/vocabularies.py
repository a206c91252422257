"""The institutions of the database, for members' profiles and the repository's relations; the
outcomes of a practice's transfer to another region."""

from clusterpolisee import _
from clusterpolisee.core.geography import COUNTRIES
from clusterpolisee.core.vocabularies import vocabulary_factory
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@provider(IVocabularyFactory)
def Institutions(context=None):
    """The institutions of the database the current user may view, by UID, titled with their
    country: a member links their organisation to one of them."""
    catalog = api.portal.get_tool("portal_catalog")
    countries = dict(COUNTRIES)
    terms = []
    for brain in catalog(portal_type="Institution", sort_on="sortable_title"):
        names = [countries[code] for code in brain.country or () if code in countries]
        title = f"{brain.Title} ({', '.join(names)})" if names else brain.Title
        terms.append(SimpleTerm(brain.UID, token=brain.UID, title=title))
    return SimpleVocabulary(terms)


# How a practice's transfer to another region turned out (content/transfer.py).
TRANSFER_OUTCOMES = (
    ("adopted", _("Adopted")),
    ("adapted", _("Adapted")),
    ("under-way", _("Under way")),
    ("abandoned", _("Abandoned")),
)

TransferOutcomes = vocabulary_factory(TRANSFER_OUTCOMES)
