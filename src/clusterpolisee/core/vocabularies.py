"""The platform's named vocabularies, registered in vocabularies.zcml and served by @vocabularies.

The six central topics are a collective.taxonomy taxonomy (profiles/default/taxonomies), so that
they can be translated and extended through the web; everything else is fixed by the domain.
"""

from clusterpolisee import _
from clusterpolisee.core.geography import COUNTRIES
from clusterpolisee.core.geography import NUTS2_REGIONS
from clusterpolisee.core.topics import TOPICS
from plone import api
from zope.component import getUtility
from zope.i18nmessageid import Message
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


GOVERNANCE_LEVELS = (
    ("european", _("European")),
    ("transnational", _("Transnational or cross-border")),
    ("national", _("National")),
    ("regional", _("Regional")),
    ("local", _("Local")),
)

POLICY_TYPES = (
    ("cluster-development", _("Cluster development")),
    ("cluster-leveraging", _("Cluster leveraging")),
    ("cluster-facilitating", _("Cluster facilitating")),
)

POLICY_CYCLE_STAGES = (
    ("preparation", _("Preparation")),
    ("implementation", _("Implementation")),
    ("monitoring-evaluation", _("Monitoring and evaluation")),
)

# The sections of the statistical classification of economic activities, NACE Rev. 2.
NACE_SECTIONS = (
    ("A", _("A - Agriculture, forestry and fishing")),
    ("B", _("B - Mining and quarrying")),
    ("C", _("C - Manufacturing")),
    ("D", _("D - Electricity, gas, steam and air conditioning supply")),
    ("E", _("E - Water supply; sewerage, waste management and remediation activities")),
    ("F", _("F - Construction")),
    ("G", _("G - Wholesale and retail trade; repair of motor vehicles and motorcycles")),
    ("H", _("H - Transportation and storage")),
    ("I", _("I - Accommodation and food service activities")),
    ("J", _("J - Information and communication")),
    ("K", _("K - Financial and insurance activities")),
    ("L", _("L - Real estate activities")),
    ("M", _("M - Professional, scientific and technical activities")),
    ("N", _("N - Administrative and support service activities")),
    ("O", _("O - Public administration and defence; compulsory social security")),
    ("P", _("P - Education")),
    ("Q", _("Q - Human health and social work activities")),
    ("R", _("R - Arts, entertainment and recreation")),
    ("S", _("S - Other service activities")),
    ("T", _("T - Activities of households as employers")),
    ("U", _("U - Activities of extraterritorial organisations and bodies")),
)

# Smart-specialisation priority domains, after the S3 Platform's EU priority areas.
SPECIALISATION_DOMAINS = (
    ("agri-food", _("Agri-food and bioeconomy")),
    ("advanced-manufacturing", _("Advanced manufacturing and materials")),
    ("digital", _("ICT and digital transformation")),
    ("energy", _("Sustainable energy")),
    ("health", _("Health and life sciences")),
    ("mobility", _("Transport, mobility and logistics")),
    ("blue-growth", _("Blue growth and marine technology")),
    ("tourism-creative", _("Tourism, culture and creative industries")),
    ("environment", _("Environment and circular economy")),
    ("construction", _("Construction and wood")),
    ("textiles", _("Textiles and fashion")),
    ("public-services", _("Public sector and social innovation")),
)

INSTITUTION_KINDS = (
    ("national-authority", _("National public authority")),
    ("regional-authority", _("Regional public authority")),
    ("local-authority", _("Local public authority")),
    ("cluster-association", _("Cluster association")),
    ("cluster-organisation", _("Cluster organisation")),
    ("rtd-body", _("R&D or technology-transfer body")),
    ("university", _("University")),
    ("financing-institution", _("Financing institution")),
    ("international-organisation", _("International organisation")),
    ("civil-society", _("Civil society organisation")),
)

PUBLICATION_KINDS = (
    ("guideline", _("Guideline")),
    ("report", _("Report")),
    ("recommendation", _("Recommendation")),
    ("deliverable", _("Deliverable")),
    ("interest-group-paper", _("Interest-group paper")),
)

PILOT_STATUSES = (
    ("planned", _("Planned")),
    ("running", _("Running")),
    ("completed", _("Completed")),
    ("evaluated", _("Evaluated")),
)

ASSESSMENT_APPROACHES = (
    ("qualitative", _("Qualitative")),
    ("quantitative", _("Quantitative")),
)

EU_INITIATIVES = (
    ("s3-platform", _("S3 Platform")),
    ("eccp", _("European Cluster Collaboration Platform")),
    ("interreg", _("Interreg")),
    ("pro-inno-europe", _("Pro-INNO Europe")),
    ("european-cluster-alliance", _("European Cluster Alliance")),
    ("other", _("Other")),
)

# What a registrant may ask for; full members and the STC are appointed by the coordinator.

AUDIENCES = (
    ("policy-makers", _("Policy makers")),
    ("cluster-managers", _("Cluster managers")),
    ("companies", _("Companies")),
    ("researchers", _("Researchers and academia")),
    ("public", _("General public")),
)


def make_vocabulary(items):
    return SimpleVocabulary([SimpleTerm(value, token=value, title=title) for value, title in items])


def vocabulary_factory(items):
    vocabulary = make_vocabulary(items)

    @provider(IVocabularyFactory)
    def factory(context=None):
        return vocabulary

    return factory


Countries = vocabulary_factory(COUNTRIES)
Topics = vocabulary_factory(tuple((topic_id, title) for topic_id, title, _help in TOPICS))
GovernanceLevels = vocabulary_factory(GOVERNANCE_LEVELS)
PolicyTypes = vocabulary_factory(POLICY_TYPES)
PolicyCycleStages = vocabulary_factory(POLICY_CYCLE_STAGES)
NaceSections = vocabulary_factory(NACE_SECTIONS)
SpecialisationDomains = vocabulary_factory(SPECIALISATION_DOMAINS)
InstitutionKinds = vocabulary_factory(INSTITUTION_KINDS)
PublicationKinds = vocabulary_factory(PUBLICATION_KINDS)
PilotStatuses = vocabulary_factory(PILOT_STATUSES)
AssessmentApproaches = vocabulary_factory(ASSESSMENT_APPROACHES)
EUInitiatives = vocabulary_factory(EU_INITIATIVES)
Audiences = vocabulary_factory(AUDIENCES)


# Made once, as the other fixed vocabularies: its 75 terms were made on each call, twice on every
# practice's page.
_REGIONS = SimpleVocabulary(
    [SimpleTerm(code, token=code, title=f"{name} ({code})") for code, name in NUTS2_REGIONS]
)


@provider(IVocabularyFactory)
def Regions(context=None):
    """NUTS 2 regions titled with their name and code, for example "Nord-Est (RO21)"."""
    return _REGIONS


def vocabulary_title(vocabulary_name, value, context=None):
    """The (translatable) title of ``value`` in a named vocabulary, or the value itself."""
    if value in (None, ""):
        return None
    vocabulary = getUtility(IVocabularyFactory, name=vocabulary_name)(context)
    try:
        return vocabulary.getTerm(value).title
    except LookupError:
        return value


def type_title(portal_type):
    """A content type's title as a message of its FTI's own domain (translated where shown), or
    the type's name for a type the site does not have."""
    fti = api.portal.get_tool("portal_types").get(portal_type)
    if fti is None:
        return portal_type
    return Message(fti.Title(), domain=fti.getProperty("i18n_domain") or "plone")


class VocabularyTitles:
    """``titles(vocabulary name, value)``: like vocabulary_title, for pages that name hundreds of
    values: each vocabulary is made once and each title looked up once."""

    def __init__(self, context):
        self.context = context
        self._vocabularies = {}
        self._titles = {}

    def __call__(self, vocabulary_name, value):
        if value in (None, ""):
            return None
        key = (vocabulary_name, value)
        if key not in self._titles:
            if vocabulary_name not in self._vocabularies:
                factory = getUtility(IVocabularyFactory, name=vocabulary_name)
                self._vocabularies[vocabulary_name] = factory(self.context)
            try:
                self._titles[key] = self._vocabularies[vocabulary_name].getTerm(value).title
            except LookupError:
                self._titles[key] = value
        return self._titles[key]
