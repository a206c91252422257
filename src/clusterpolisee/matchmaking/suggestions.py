"""Practices from other regions suggested for a region's needs (``@@matchmaking``,
``@matchmaking``, the region's page).

A region's needs are its smart-specialisation priorities and sectors (its profile) and what the
respondents from the region said they need in the closed consultations (each consultation is
on one central topic). Every published best practice the visitor may see from another region
scores:

- 3 for each smart-specialisation domain it shares with the region's priorities,
- 2 for each sector it shares with the region's sectors,
- 2 when its topic is one on which the region's respondents named needs,

and, once it shares something, its transferability score (1 to 5) and 1 for linked evidence of
its results. The scores are summed over the catalog's indexes (record ids and their sets, no
object and no brain woken), then only the best ``limit`` become brains: the same cost at 200
practices as at 200,000, but for the sets' sizes.
"""

from BTrees.IIBTree import difference
from BTrees.IIBTree import IIBucket
from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import weightedUnion
from clusterpolisee import _
from clusterpolisee.consultations.questionnaires import region_needs
from clusterpolisee.core.pagecache import shared_key
from clusterpolisee.core.topics import TOPICS
from clusterpolisee.core.vocabularies import vocabulary_title
from clusterpolisee.languages.platform import in_language
from clusterpolisee.languages.platform import visitor_language
from clusterpolisee.public.search import record_ids
from clusterpolisee.regions.profiles import profile_of
from plone import api
from plone.memoize import ram
from zope.i18n import translate
import copy
import heapq
import itertools


DOMAIN_WEIGHT = 3
SECTOR_WEIGHT = 2
NEED_WEIGHT = 2
EVIDENCE_BONUS = 1
DEFAULT_LIMIT = 10
MAX_LIMIT = 50
TOPIC_TITLES = {topic_id: title for topic_id, title, *_rest in TOPICS}


def _records(index, value):
    """The record ids an index holds for one value, as a set."""
    records = index._index.get(value)
    if records is None:
        return IISet()
    return IISet([records]) if isinstance(records, int) else records


def region_needs_of(code, language):
    """What the region needs: (priorities, sectors, {topic: [need titles]}). Only needs that
    five or more respondents of the region chose count (see questionnaires.region_needs)."""
    profile = profile_of(code)
    priorities = list(profile.specialisation_domains or ()) if profile is not None else []
    sectors = list(profile.sectors or ()) if profile is not None else []
    topics = {}
    for found in region_needs(code, language):
        named = [title for _value, title, count in found["needs"] if count]
        if named and found["topic"]:
            topics.setdefault(found["topic"], []).extend(named)
    return priorities, sectors, topics


def scores(code, priorities, sectors, topics, language):
    """{record id: overlap score} of the published practices from other regions that the
    visitor may see and that share at least one need."""
    catalog = api.portal.get_tool("portal_catalog")
    indexes = catalog._catalog.indexes
    visible = record_ids(
        catalog(portal_type="BestPractice", review_state="published", **in_language(language))
    )
    candidates = difference(visible, _records(indexes["region"], code))
    total = IIBucket()
    for index_name, values, weight in (
        ("specialisation_domains", priorities, DOMAIN_WEIGHT),
        ("sectors", sectors, SECTOR_WEIGHT),
        ("topics", list(topics), NEED_WEIGHT),
    ):
        for value in values:
            matching = intersection(candidates, _records(indexes[index_name], value))
            if matching:
                _weight, total = weightedUnion(total, matching, 1, weight)
    return total


def rank(total, limit):
    """The best ``limit`` record ids: overlap, then transferability, then evidence."""
    indexes = api.portal.get_tool("portal_catalog")._catalog.indexes
    transferability = indexes["transferability_score"]._unindex
    evidence = indexes["has_evidence"]._unindex

    def worth(item):
        rid, overlap = item
        bonus = EVIDENCE_BONUS if evidence.get(rid) else 0
        return (overlap + float(transferability.get(rid) or 0) + bonus, -rid)

    # Sorted by overlap in C, best first. A record whose overlap falls short of the limit-th
    # best by more than the most a transferability and the evidence can add cannot rank:
    # only the others are weighed one by one (all of them took 40% of a region's page at
    # 200,000 practices).
    by_overlap = total.byValue(0)
    if len(by_overlap) > limit:
        scores = indexes["transferability_score"]._index
        most_added = (float(scores.maxKey()) if len(scores) else 0) + EVIDENCE_BONUS
        floor = by_overlap[limit - 1][0] - most_added
        by_overlap = itertools.takewhile(lambda pair: pair[0] >= floor, by_overlap)
    return heapq.nlargest(limit, ((rid, overlap) for overlap, rid in by_overlap), key=worth)


def suggest(code, request, limit=DEFAULT_LIMIT):
    """The practices suggested for region ``code``, best first, each a JSON-ready dict with the
    reasons it was suggested, in the visitor's language.

    Worked out once per person and language until the catalog changes (core/pagecache.py):
    what they rank on (practices, region profiles, closed consultations) is all catalogued,
    and ranking 200,000 practices took half of a region's page. A copy is given out."""
    return copy.deepcopy(_kept_suggestions(code, request, min(limit, MAX_LIMIT)))


def _suggestions_key(function, code, request, limit):
    return shared_key("suggestions", code, limit)


@ram.cache(_suggestions_key)
def _kept_suggestions(code, request, limit):
    language = visitor_language(request)
    priorities, sectors, topics = region_needs_of(code, language)
    total = scores(code, priorities, sectors, topics, language)
    if not total:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    suggestions = []
    for rid, overlap in rank(total, limit):
        brain = catalog._catalog[rid]
        suggestions.append(_suggestion(brain, overlap, priorities, sectors, topics, request))
    return suggestions


def _titles(vocabulary, values, request):
    return ", ".join(
        translate(vocabulary_title(vocabulary, value), context=request) for value in values
    )


def _suggestion(brain, overlap, priorities, sectors, topics, request):
    reasons = []
    shared = [value for value in brain.specialisation_domains or () if value in priorities]
    if shared:
        reasons.append(
            _(
                "Shares your smart-specialisation priorities: ${domains}",
                mapping={
                    "domains": _titles(
                        "clusterpolisee.vocabularies.SpecialisationDomains", shared, request
                    )
                },
            )
        )
    shared = [value for value in brain.sectors or () if value in sectors]
    if shared:
        reasons.append(
            _(
                "Works in your clusters' sectors: ${sectors}",
                mapping={
                    "sectors": _titles("clusterpolisee.vocabularies.NaceSections", shared, request)
                },
            )
        )
    for topic in brain.topics or ():
        if topic in topics:
            reasons.append(
                _(
                    "On ${topic}, where your region's respondents asked for: ${needs}",
                    mapping={
                        "topic": translate(TOPIC_TITLES.get(topic, topic), context=request),
                        "needs": "; ".join(topics[topic]),
                    },
                )
            )
    score = brain.transferability_score
    if score:
        reasons.append(
            _("Transferability ${score} out of 5", mapping={"score": f"{float(score):.1f}"})
        )
    if brain.has_evidence:
        reasons.append(_("Evidence of its results is linked"))
    return {
        "uid": brain.UID,
        "title": brain.Title,
        "url": brain.getURL(),
        "description": brain.Description,
        "region": brain.region[0] if brain.region else None,
        "country": brain.country[0]
        if isinstance(brain.country, (list, tuple)) and brain.country
        else brain.country,
        "overlap": overlap,
        "transferability": float(score) if score else None,
        "evidence": bool(brain.has_evidence),
        "reasons": [translate(reason, context=request) for reason in reasons],
    }
