"""The platform's named vocabularies, registered in vocabularies.zcml and served by @vocabularies.

The six central topics are a collective.taxonomy taxonomy (profiles/default/taxonomies), so that
they can be translated and extended through the web; everything else is fixed by the domain.
"""

from clusterpolisee import _
from clusterpolisee.geography import COUNTRIES
from clusterpolisee.geography import NUTS2_REGIONS
from clusterpolisee.topics import TOPICS
from plone import api
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
    ("other", _("Other")),
)

# What a registrant may ask for; full members and the STC are appointed by the coordinator.
REQUESTED_TIERS = (
    (
        "associated-members",
        _("Associated member (public institution, academia, cluster association)"),
    ),
    ("partner-members", _("Partner member (admitted case by case)")),
    ("public-follower", _("Public follower")),
)

AUDIENCES = (
    ("policy-makers", _("Policy makers")),
    ("cluster-managers", _("Cluster managers")),
    ("companies", _("Companies")),
    ("researchers", _("Researchers and academia")),
    ("public", _("General public")),
)

# One thematic working group per central topic; the token is the topic id.
WORKING_GROUP_TITLES = {
    "international-cooperation": _("WG1 International cluster cooperation"),
    "financial-framework": _("WG2 Financial framework"),
    "sustainability": _("WG3 Sustainable cluster development"),
    "innovation-rd": _("WG4 Innovation and R&D"),
    "skills-jobs": _("WG5 Skills and jobs"),
    "specialisation": _("WG6 Regional specialisation"),
}
WORKING_GROUPS = tuple((topic_id, WORKING_GROUP_TITLES[topic_id]) for topic_id, _t, _h in TOPICS)


TASK_STATUSES = (
    ("open", _("Open")),
    ("in-progress", _("In progress")),
    ("done", _("Done")),
)

DECISION_RESULTS = (
    ("adopted", _("Adopted")),
    ("rejected", _("Rejected")),
    ("no-quorum", _("Not decided: quorum not reached")),
)

VOTES = (
    ("yes", _("Yes")),
    ("no", _("No")),
    ("abstain", _("Abstain")),
)

RSVP_ANSWERS = (
    ("yes", _("I will attend")),
    ("maybe", _("I may attend")),
    ("no", _("I cannot attend")),
)

NOTIFICATION_FREQUENCIES = (
    ("immediate", _("Immediately, one e-mail per notification")),
    ("daily", _("Once a day, in a digest")),
    ("off", _("Never")),
)


def make_vocabulary(items):
    return SimpleVocabulary([SimpleTerm(value, token=value, title=title) for value, title in items])


def _factory(items):
    vocabulary = make_vocabulary(items)

    @provider(IVocabularyFactory)
    def factory(context=None):
        return vocabulary

    return factory


Countries = _factory(COUNTRIES)
Topics = _factory(tuple((topic_id, title) for topic_id, title, _help in TOPICS))
GovernanceLevels = _factory(GOVERNANCE_LEVELS)
PolicyTypes = _factory(POLICY_TYPES)
PolicyCycleStages = _factory(POLICY_CYCLE_STAGES)
NaceSections = _factory(NACE_SECTIONS)
SpecialisationDomains = _factory(SPECIALISATION_DOMAINS)
InstitutionKinds = _factory(INSTITUTION_KINDS)
PublicationKinds = _factory(PUBLICATION_KINDS)
PilotStatuses = _factory(PILOT_STATUSES)
AssessmentApproaches = _factory(ASSESSMENT_APPROACHES)
EUInitiatives = _factory(EU_INITIATIVES)
Audiences = _factory(AUDIENCES)
RequestedTiers = _factory(REQUESTED_TIERS)
WorkingGroups = _factory(WORKING_GROUPS)
TaskStatuses = _factory(TASK_STATUSES)
DecisionResults = _factory(DECISION_RESULTS)
Votes = _factory(VOTES)
RsvpAnswers = _factory(RSVP_ANSWERS)
NotificationFrequencies = _factory(NOTIFICATION_FREQUENCIES)


@provider(IVocabularyFactory)
def Regions(context=None):
    """NUTS 2 regions titled with their name and code, for example "Nord-Est (RO21)"."""
    return SimpleVocabulary(
        [SimpleTerm(code, token=code, title=f"{name} ({code})") for code, name in NUTS2_REGIONS]
    )


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


@provider(IVocabularyFactory)
def Roster(context=None):
    """The members of the working group whose workspace holds ``context``, by full name."""
    from clusterpolisee.workspaces import find_workspace
    from clusterpolisee.workspaces import roster

    workspace = find_workspace(context) if context is not None else None
    if workspace is None:
        return SimpleVocabulary([])
    terms = []
    for user_id in roster(workspace):
        user = api.user.get(userid=user_id)
        if user is not None:
            terms.append(
                SimpleTerm(user_id, token=user_id, title=user.getProperty("fullname") or user_id)
            )
    return SimpleVocabulary(sorted(terms, key=lambda term: term.title.lower()))


@provider(IVocabularyFactory)
def MessageRecipients(context=None):
    """Members who may receive private messages: approved members of every tier, partner
    members included, public followers not."""
    from clusterpolisee.security import tier_memberships

    terms = []
    for user_id, tiers in tier_memberships().items():
        if not set(tiers) - {"public-followers"}:
            continue
        user = api.user.get(userid=user_id)
        if user is not None:
            title = user.getProperty("fullname", "") or user_id
            terms.append(SimpleTerm(user_id, token=user_id, title=title))
    return SimpleVocabulary(sorted(terms, key=lambda term: term.title.lower()))
