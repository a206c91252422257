"""The targets of each central topic, set by the coordinator together with the working groups'
leaders (concept paper, "How we measure the performance of our platform?").

A leader proposes a target for an indicator on their group's topic (``propose``); the proposal
waits on the workspace (an annotation, one per indicator) until the coordinator accepts it,
possibly with another figure, or declines it. An accepted target is the topic's target: the
registry record ``clusterpolisee.indicator_topic_targets``, {"indicator id/topic id": target},
beside the platform-wide targets of ``clusterpolisee.indicator_targets``.

Who may do what is the views' permissions: "clusterpolisee: Propose indicator targets" (the
leader's local role on the workspace), "clusterpolisee: Manage indicator targets" (the
coordinator). Shared by the pages of the workspace and of the indicators.
"""

from BTrees.OOBTree import OOBTree
from clusterpolisee import _
from clusterpolisee.core.numbers import whole_number
from clusterpolisee.core.people import fullname
from clusterpolisee.core.vocabularies import vocabulary_title
from clusterpolisee.indicators.report import INDICATORS
from clusterpolisee.messaging.notifications import notify
from plone import api
from zope.annotation.interfaces import IAnnotations


TOPIC_TARGETS_RECORD = "clusterpolisee.indicator_topic_targets"
PROPOSALS_KEY = "clusterpolisee.target_proposals"
MAX_TARGET = 1_000_000
MAX_NOTE = 1000
INDICATOR_IDS = tuple(indicator.id for indicator in INDICATORS)
TOPICS_VOCABULARY = "clusterpolisee.vocabularies.Topics"


class TargetError(ValueError):
    """A proposal or a decision that cannot be saved; ``args[0]`` says why (translatable)."""


TARGET_ERROR = _(
    "error_target",
    default="A target is a whole number from 0 to ${max}.",
    mapping={"max": f"{MAX_TARGET:,}"},
)


def parse_target(raw):
    """A target as typed (text) as a whole number from 0 to MAX_TARGET; TargetError otherwise."""
    text = raw.strip().replace(",", "").replace(" ", "") if isinstance(raw, str) else ""
    target = whole_number(text)
    if target is None or target > MAX_TARGET:
        raise TargetError(TARGET_ERROR)
    return target


def topic_of(workspace):
    """The central topic a workspace's group works on, or None."""
    return getattr(workspace, "working_group", None) or None


def topic_title(topic):
    return vocabulary_title(TOPICS_VOCABULARY, topic) or topic


def indicator_title(indicator_id):
    for indicator in INDICATORS:
        if indicator.id == indicator_id:
            return indicator.title
    return indicator_id


def topic_targets():
    """{(indicator id, topic id): target} as the coordinator accepted them."""
    stored = api.portal.get_registry_record(TOPIC_TARGETS_RECORD, default=None) or {}
    targets = {}
    for key, value in stored.items():
        indicator_id, _sep, topic = key.partition("/")
        targets[(indicator_id, topic)] = value
    return targets


def set_topic_target(indicator_id, topic, value):
    stored = dict(api.portal.get_registry_record(TOPIC_TARGETS_RECORD, default=None) or {})
    stored[f"{indicator_id}/{topic}"] = value
    api.portal.set_registry_record(TOPIC_TARGETS_RECORD, stored)


def waiting(workspace):
    """{indicator id: {"value", "note", "proposer", "date"}} proposed for the group's topic."""
    return IAnnotations(workspace).get(PROPOSALS_KEY, {})


def _coordinators():
    return [user.getId() for user in api.user.get_users(groupname="coordinators")]


def propose(workspace, indicator_id, value, note=""):
    """The current user (a leader of ``workspace``'s group) proposes ``value`` as the target of
    ``indicator_id`` for the group's topic; the coordinators are told. A new proposal for the
    same indicator replaces the one waiting."""
    topic = topic_of(workspace)
    if topic is None:
        raise TargetError(
            _("This group has no central topic: there is no topic to set a target for.")
        )
    if indicator_id not in INDICATOR_IDS:
        raise TargetError(_("Choose an indicator."))
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_TARGET:
        raise TargetError(TARGET_ERROR)
    annotations = IAnnotations(workspace)
    proposals = annotations.get(PROPOSALS_KEY)
    if proposals is None:
        proposals = annotations[PROPOSALS_KEY] = OOBTree()
    proposer = api.user.get_current().getId()
    proposals[indicator_id] = {
        "value": value,
        "note": (note or "")[:MAX_NOTE],
        "proposer": proposer,
        "date": api.portal.get_tool("portal_catalog").ZopeTime().ISO8601(),
    }
    mapping = {
        "name": fullname(proposer),
        "group": workspace.Title(),
        # Messages: each recipient reads them in their own language.
        "indicator": indicator_title(indicator_id),
        "topic": topic_title(topic),
        "value": value,
    }
    notify(
        _coordinators(),
        _("Target proposed: ${indicator}, ${topic}", mapping=mapping),
        _(
            '${name} (${group}) proposes ${value} as the target of "${indicator}" for the '
            "topic ${topic}. Accept or decline it among the proposed targets.",
            mapping=mapping,
        ),
        f"{api.portal.get().absolute_url()}/@@target-proposals",
        exclude=[proposer],
    )


def topic_counts(report, indicator, topic):
    """What ``report`` (an IndicatorReport) counts for ``indicator`` on the central topic
    ``topic``: items on the topic, or the connected members in its working group."""
    index = "working_group" if indicator.kind == "members" else "topics"
    return report.counts(indicator, index).get(topic, 0)


def topic_rows(report, topic, proposals=None):
    """Every indicator on one topic: its count, its agreed target, the proposal waiting."""
    targets = topic_targets()
    rows = []
    for indicator in INDICATORS:
        target = targets.get((indicator.id, topic))
        value = topic_counts(report, indicator, topic)
        rows.append(
            {
                "id": indicator.id,
                "title": indicator.title,
                "value": value,
                "target": target,
                "progress": min(100, round(100 * value / target)) if target else None,
                "proposal": (proposals or {}).get(indicator.id),
            }
        )
    return rows


def agreed_rows(report):
    """Every target agreed for a topic, by topic then indicator, with its progress."""
    by_id = {indicator.id: indicator for indicator in INDICATORS}
    rows = []
    for (indicator_id, topic), target in topic_targets().items():
        indicator = by_id.get(indicator_id)
        if indicator is None:
            continue
        value = topic_counts(report, indicator, topic)
        rows.append(
            {
                "topic": topic_title(topic),
                "indicator": indicator.title,
                "value": value,
                "target": target,
                "progress": min(100, round(100 * value / target)) if target else None,
                "order": (topic, INDICATOR_IDS.index(indicator_id)),
            }
        )
    return sorted(rows, key=lambda row: row["order"])


def proposal_rows():
    """Every proposal waiting, oldest first, as the coordinator's page lists them."""
    catalog = api.portal.get_tool("portal_catalog")
    current = topic_targets()
    rows = []
    for brain in catalog.unrestrictedSearchResults(portal_type="Workspace"):
        workspace = brain._unrestrictedGetObject()
        topic = topic_of(workspace)
        for indicator_id, proposal in waiting(workspace).items():
            rows.append(
                {
                    "uid": brain.UID,
                    "group": workspace.Title(),
                    "group_url": workspace.absolute_url(),
                    "topic": topic_title(topic),
                    "indicator_id": indicator_id,
                    "indicator": indicator_title(indicator_id),
                    "value": proposal["value"],
                    "note": proposal["note"],
                    "proposer": fullname(proposal["proposer"]),
                    "date": proposal["date"][:10],
                    "sort": proposal["date"],
                    "current": current.get((indicator_id, topic)),
                }
            )
    return sorted(rows, key=lambda row: (row["sort"], row["group"]))


def _workspace(uid):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Workspace", UID=uid) if uid else ()
    return brains[0]._unrestrictedGetObject() if brains else None


def decide(uid, indicator_id, accept, value=None):
    """The coordinator accepts (with ``value``, by default the proposed one) or declines the
    proposal for ``indicator_id`` of the workspace ``uid``; its proposer is told. Returns the
    message for the page."""
    workspace = _workspace(uid if isinstance(uid, str) else None)
    proposals = waiting(workspace) if workspace is not None else {}
    if not isinstance(indicator_id, str) or indicator_id not in proposals:
        raise TargetError(_("This proposal is no longer waiting: it may have been decided."))
    proposal = proposals[indicator_id]
    topic = topic_of(workspace)
    if topic is None:
        raise TargetError(
            _("This group has no central topic: there is no topic to set a target for.")
        )
    mapping = {
        # Messages: each recipient reads them in their own language.
        "indicator": indicator_title(indicator_id),
        "topic": topic_title(topic),
        "group": workspace.Title(),
        "proposed": proposal["value"],
    }
    url = f"{workspace.absolute_url()}/@@topic-targets"
    if accept:
        value = proposal["value"] if value is None else value
        mapping["value"] = value
        set_topic_target(indicator_id, topic, value)
        del proposals[indicator_id]
        notify(
            [proposal["proposer"]],
            _("Target set: ${indicator}, ${topic}", mapping=mapping),
            _(
                'The coordinator set ${value} as the target of "${indicator}" for the topic '
                "${topic} (proposed: ${proposed}).",
                mapping=mapping,
            ),
            url,
            exclude=[api.user.get_current().getId()],
        )
        return _('The target of "${indicator}" for ${topic} is now ${value}.', mapping=mapping)
    del proposals[indicator_id]
    notify(
        [proposal["proposer"]],
        _("Target declined: ${indicator}, ${topic}", mapping=mapping),
        _(
            'The coordinator declined ${proposed} as the target of "${indicator}" for the '
            "topic ${topic}. Talk it over with the coordinator, and propose again.",
            mapping=mapping,
        ),
        url,
        exclude=[api.user.get_current().getId()],
    )
    return _('The proposed target of "${indicator}" for ${topic} is declined.', mapping=mapping)
