"""The working groups' vocabularies: the groups, a group's roster, tasks, votes, answers."""

from clusterpolisee import _
from clusterpolisee.core.vocabularies import vocabulary_factory
from clusterpolisee.members.directory import listed_member_ids
from clusterpolisee.members.tiers import tier_memberships
from clusterpolisee.workspaces.groups import find_workspace
from clusterpolisee.workspaces.groups import roster
from clusterpolisee.workspaces.groups import WORKING_GROUPS
from plone import api
from plone.app.content.browser.vocabulary import PERMISSIONS
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


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

WorkingGroups = vocabulary_factory(WORKING_GROUPS)
TaskStatuses = vocabulary_factory(TASK_STATUSES)
DecisionResults = vocabulary_factory(DECISION_RESULTS)
Votes = vocabulary_factory(VOTES)
RsvpAnswers = vocabulary_factory(RSVP_ANSWERS)


@provider(IVocabularyFactory)
def Roster(context=None):
    """The members of the working group whose workspace holds ``context``, by full name."""
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
def MyWorkingGroups(context=None):
    """The working groups the current member is in, by UID: those they may write to."""
    catalog = api.portal.get_tool("portal_catalog")
    me = api.user.get_current().getId()
    return SimpleVocabulary(
        [
            SimpleTerm(brain.UID, token=brain.UID, title=brain.Title)
            for brain in catalog(portal_type="Workspace", sort_on="sortable_title")
            if me in roster(brain.getObject())
        ]
    )


# Who may list the candidates: who manages a roster (plone.app.content's map of vocabulary
# permissions, checked by @vocabularies and @@getVocabulary on the context).
PERMISSIONS["clusterpolisee.vocabularies.RosterCandidates"] = (
    "clusterpolisee: Manage working group roster"
)


@provider(IVocabularyFactory)
def RosterCandidates(context=None):
    """Approved members (partner members included: they join where invited) not yet in the
    working group whose workspace holds ``context``, by full name; hidden profiles only for
    those who see every account (the coordinator), as in the member directory."""
    workspace = find_workspace(context) if context is not None else None
    if workspace is None:
        return SimpleVocabulary([])
    current = set(roster(workspace))
    listed = listed_member_ids()
    terms = []
    for user_id, tiers in tier_memberships().items():
        if user_id in current or not set(tiers) - {"public-followers"}:
            continue
        if listed is not None and user_id not in listed:
            continue
        user = api.user.get(userid=user_id)
        title = (user.getProperty("fullname", "") if user else "") or user_id
        terms.append(SimpleTerm(user_id, token=user_id, title=title))
    return SimpleVocabulary(sorted(terms, key=lambda term: term.title.lower()))
