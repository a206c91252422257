"""Whether a best practice links evidence of its results: the matchmaking ranks it higher."""

from clusterpolisee.repository.content.best_practice import IBestPractice
from plone.indexer import indexer


@indexer(IBestPractice)
def has_evidence(obj):
    return bool(getattr(obj, "evidence_links", None))
