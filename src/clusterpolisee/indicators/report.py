"""The concept paper's performance indicators, computed live from the catalog and the members.

Every figure is a count of catalog records: an indicator's queries run through
``portal_catalog`` (which adds Plone's security filter), and its breakdowns intersect the
result's record ids with an index's own sets (search.value_counts). No object is woken and no
title is read, so a count never reveals what a viewer may not see.

``published_only`` reports count only published items (the public summary); otherwise the
report counts everything the viewer may view (the members' detail).
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import union
from clusterpolisee import _
from clusterpolisee.core.pagecache import shared_key
from clusterpolisee.core.vocabularies import VocabularyTitles
from clusterpolisee.languages.homes import DEFAULT_LANGUAGE
from clusterpolisee.languages.platform import in_language
from clusterpolisee.matchmaking.interests import interest_count
from clusterpolisee.members.tiers import TIER_GROUPS
from clusterpolisee.public.search import record_ids
from clusterpolisee.public.search import value_counts
from plone import api
from plone.memoize import ram
from zope.i18n import translate
import copy


TARGETS_RECORD = "clusterpolisee.indicator_targets"
AUTHORITY_KINDS = ("national-authority", "regional-authority", "local-authority")
# Approved tiers whose members count as connected (translators and followers do not decide policy).
CONNECTED_TIERS = tuple(
    group_id for group_id, _title, roles in TIER_GROUPS if roles and group_id != "translators"
)

# (index, title, vocabulary of its values)
BREAKDOWNS = (
    ("topics", _("Topic"), "collective.taxonomy.topics"),
    ("working_group", _("Working group"), "clusterpolisee.vocabularies.WorkingGroups"),
    ("country", _("Country"), "clusterpolisee.vocabularies.Countries"),
    (
        "policy_cycle_stage",
        _("Policy-cycle stage"),
        "clusterpolisee.vocabularies.PolicyCycleStages",
    ),
    ("quarter", _("Quarter"), None),
)
BREAKDOWN_INDEXES = tuple(index for index, _title, _vocabulary in BREAKDOWNS)


class Indicator:
    """One indicator: what it counts (catalog queries, their results joined) and how it reads.

    ``detail`` names an index whose values the indicator is mainly read by (pilot actions by
    status), with its vocabulary; ``marked`` names indexes of which a record must hold some value;
    ``kind`` is "content" (catalog records), "members" (approved members), "transfers" (the
    records of the best practices that hold a transfer) or "interests" (interests expressed in
    practices and cooperation requests, matchmaking/interests.py).
    """

    def __init__(self, id, title, definition, queries=(), detail=None, marked=(), kind="content"):
        self.id = id
        self.title = title
        self.definition = definition
        self.queries = queries
        self.detail = detail
        self.marked = marked
        self.kind = kind


INDICATORS = (
    Indicator(
        "assessments-qualitative",
        _("Qualitative policy assessments"),
        _("Policy assessments with a qualitative approach, collected or produced by the partners."),
        ({"portal_type": "PolicyAssessment", "assessment_approach": "qualitative"},),
    ),
    Indicator(
        "assessments-quantitative",
        _("Quantitative policy assessments"),
        _(
            "Policy assessments with a quantitative approach, collected or produced by the partners."
        ),
        ({"portal_type": "PolicyAssessment", "assessment_approach": "quantitative"},),
    ),
    Indicator(
        "pilot-actions",
        _("Pilot actions"),
        _("Pilot actions in the repository, by status: planned, running, completed, evaluated."),
        ({"portal_type": "PilotAction"},),
        detail=("pilot_status", "clusterpolisee.vocabularies.PilotStatuses"),
    ),
    Indicator(
        "guidance",
        _("Guidelines, reports and recommendations"),
        _("Publications of the kinds guideline, report and recommendation."),
        (
            {
                "portal_type": "Publication",
                "publication_kind": ["guideline", "report", "recommendation"],
            },
        ),
        detail=("publication_kind", "clusterpolisee.vocabularies.PublicationKinds"),
    ),
    Indicator(
        "best-practices",
        _("Best practices identified"),
        _("Best practices in the repository, in all and per central topic."),
        ({"portal_type": "BestPractice"},),
    ),
    Indicator(
        "policy-makers",
        _("Cluster policy makers connected"),
        _(
            "Approved members (full, associated, partner, STC, coordinators) whose organisation in "
            "the institutions database is a national, regional or local authority, by their country."
        ),
        kind="members",
    ),
    Indicator(
        "networks",
        _("International cooperation networks"),
        _(
            "Cooperation networks in the repository; their size is the number of member "
            "institutions and of countries they span."
        ),
        ({"portal_type": "CooperationNetwork"},),
    ),
    Indicator(
        "excellence-sectors",
        _("Competitive-advantage sectors based on excellence"),
        _(
            "Best practices and policy assessments that mark economic sectors or smart "
            "specialisation domains as areas of excellence; read by region."
        ),
        ({"portal_type": ["BestPractice", "PolicyAssessment"]},),
        marked=("sectors", "specialisation_domains"),
    ),
    Indicator(
        "innovative-services",
        _("Capacity to provide innovative services"),
        _(
            "Measured as services proven and ready to travel: pilot actions completed or "
            "evaluated, plus best practices whose transferability scores 4 or 5 out of 5."
        ),
        (
            {"portal_type": "PilotAction", "pilot_status": ["completed", "evaluated"]},
            {"portal_type": "BestPractice", "transferability_score": {"query": 4, "range": "min"}},
        ),
    ),
    Indicator(
        "quality-management",
        _("Quality management of cluster policy"),
        _(
            "Measured as policies whose results are checked: best practices and policy assessments "
            "at the monitoring and evaluation stage of the policy cycle."
        ),
        (
            {
                "portal_type": ["BestPractice", "PolicyAssessment"],
                "policy_cycle_stage": "monitoring-evaluation",
            },
        ),
    ),
    Indicator(
        "practices-transferred",
        _("Practices transferred"),
        _(
            "Best practices recorded as transferred to at least one other region (the learning "
            "chain), whatever the number of their transfers."
        ),
        kind="transfers",
    ),
    Indicator(
        "interests-expressed",
        _("Interests expressed"),
        _(
            "Interests that approved members expressed in a best practice or a cooperation "
            "request through the matchmaking and the partner search."
        ),
        kind="interests",
    ),
)
# Indicators whose records are not catalogued in the quarter they count (a practice transferred
# counts under its own publication, not its transfer's): no growth over time.
TIMELESS_KINDS = ("members", "transfers", "interests")


def targets():
    """{indicator id: target} as the coordinator set them."""
    return dict(api.portal.get_registry_record(TARGETS_RECORD, default=None) or {})


class IndicatorReport:
    """The indicators as one viewer may see them, on the platform (``root``: the site or a
    language home)."""

    def __init__(self, root, published_only=True):
        self.root = root
        # The whole platform, from whichever language home it is asked (languages/platform.py),
        # each translation group counted once: the figures are the same in every language.
        self.scope = in_language(DEFAULT_LANGUAGE)
        self.published_only = published_only
        self.catalog = api.portal.get_tool("portal_catalog")
        self._rids = {}

    def rids(self, indicator):
        """The record ids the indicator counts, the viewer's security and scope applied."""
        key = indicator.id
        if key not in self._rids and indicator.kind == "transfers":
            self._rids[key] = self.transferred_practices()
        if key not in self._rids:
            found = IISet()
            for query in indicator.queries:
                criteria = dict(query, **self.scope)
                if self.published_only:
                    criteria["review_state"] = "published"
                found = union(found, record_ids(self.catalog.searchResults(**criteria)))
            if indicator.marked:
                holders = IISet()
                for name in indicator.marked:
                    values = list(self.index(name).uniqueValues())
                    if values:
                        criteria = {name: values, **self.scope}
                        holders = union(holders, record_ids(self.catalog.searchResults(**criteria)))
                found = intersection(found, holders)
            self._rids[key] = found
        return self._rids[key]

    def transferred_practices(self):
        """The record ids of the best practices (published ones, for a published-only report)
        holding a transfer the viewer may see: transfers have no workflow of their own, they are
        visible where their practice is."""
        transfers = self.catalog.searchResults(portal_type="Transfer")
        paths = {brain.getPath().rpartition("/")[0] for brain in transfers}
        if not paths:
            return IISet()
        criteria = {
            "portal_type": "BestPractice",
            "path": {"query": sorted(paths), "depth": 0},
            **self.scope,
        }
        if self.published_only:
            criteria["review_state"] = "published"
        return record_ids(self.catalog.searchResults(**criteria))

    def index(self, name):
        return self.catalog._catalog.indexes[name]

    def value_counts(self, index, rids):
        return value_counts(index, rids, len(self.catalog._catalog))

    def counts(self, indicator, index_name):
        """{value of the index: count} over the indicator's records."""
        if indicator.kind == "members":
            return self.member_counts(index_name)
        if indicator.kind == "interests":
            return {}  # not catalogued: a total only
        if indicator.kind in TIMELESS_KINDS and index_name == "quarter":
            return {}
        return self.value_counts(self.index(index_name), self.rids(indicator))

    def value(self, indicator):
        if indicator.kind == "members":
            return len(self.policy_makers())
        if indicator.kind == "interests":
            # Recorded on the site without the people or items behind them: one figure for all.
            return interest_count(api.portal.get())
        return len(self.rids(indicator))

    # The members indicator: members are not catalogued; their properties are read once.

    def policy_makers(self):
        if "_members" not in self.__dict__:
            authorities = {
                brain.UID
                for brain in self.catalog.unrestrictedSearchResults(
                    portal_type="Institution", institution_kind=list(AUTHORITY_KINDS)
                )
            }
            members = {}
            for group_id in CONNECTED_TIERS:
                for user in api.user.get_users(groupname=group_id):
                    if user.getProperty("institution", None) in authorities:
                        members[user.getId()] = user
            self._members = members
        return self._members

    def member_counts(self, index_name):
        counts = {}
        for user in self.policy_makers().values():
            if index_name == "country":
                values = [user.getProperty("country", None)]
            elif index_name == "working_group":
                values = list(user.getProperty("working_groups", ()) or ())
            else:
                continue
            for value in values:
                if value:
                    counts[value] = counts.get(value, 0) + 1
        return counts

    # What some indicators add to their count.

    def network_size(self, indicator):
        """(member institutions in all networks, countries they span)."""
        sizes = self.index("network_size").documentToKeyMap()
        rids = self.rids(indicator)
        members = sum(sizes.get(rid, 0) for rid in rids)
        return members, len(self.value_counts(self.index("country"), rids))

    def excellence_by_region(self, indicator, limit=3):
        """{region: [(sector or domain, count)]}: what each region's items mark as excellence."""
        rids = self.rids(indicator)
        domains = self.index("specialisation_domains")
        sectors = self.index("sectors")
        result = {}
        for region in self.value_counts(self.index("region"), rids):
            in_region = self.index("region")._index.get(region)
            in_region = IISet([in_region]) if isinstance(in_region, int) else in_region
            subset = intersection(rids, in_region)
            marked = {
                ("domain", key): count for key, count in self.value_counts(domains, subset).items()
            }
            marked.update(
                {
                    ("sector", key): count
                    for key, count in self.value_counts(sectors, subset).items()
                }
            )
            result[region] = sorted(marked.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return result

    def share_of_practices_and_assessments(self, indicator):
        """The indicator's count as a percentage of all best practices and assessments."""
        every = Indicator("all", "", "", ({"portal_type": ["BestPractice", "PolicyAssessment"]},))
        total = len(self.rids(every))
        return round(100 * self.value(indicator) / total) if total else 0

    def series(self, indicator):
        """[(quarter, items that quarter, items up to it)], oldest first."""
        if indicator.kind in TIMELESS_KINDS:
            return []
        running = 0
        rows = []
        for quarter, count in sorted(self.counts(indicator, "quarter").items()):
            running += count
            rows.append((quarter, count, running))
        return rows

    def per_topic(self):
        """{topic: {indicator id: count}} for the small multiples."""
        result = {}
        for indicator in INDICATORS:
            if indicator.kind not in ("content", "transfers"):
                continue
            for topic, count in self.counts(indicator, "topics").items():
                result.setdefault(topic, {})[indicator.id] = count
        return result


DETAIL_PERMISSION = "clusterpolisee: View indicator detail"


# The indicators counted from the catalog alone, and those the catalog does not hold.
CATALOG_KINDS = ("content", "transfers")
LIVE_KINDS = ("members", "interests")


def indicator_data(root, request, detail):
    """Every indicator as plain data, for the page, the CSV and ``@indicators``.

    Without ``detail`` everything counts published items only; with it, ``value`` counts what
    the viewer may view and ``published`` what is published.

    The rows counted from the catalog are worked out once per catalog change for a person
    (core/pagecache.py; at 200,000 practices they took over a second); the members and the
    interests, which the catalog does not hold, are counted on each call.
    """
    goals = targets()
    kept = _catalog_rows(root, request, detail, tuple(sorted(goals.items())))
    live = _rows(root, request, detail, goals, kinds=LIVE_KINDS)
    # A copy: callers may change what they get, never what is kept.
    rows = copy.deepcopy(kept)
    rows.update(live)
    return [rows[indicator.id] for indicator in INDICATORS]


def _catalog_rows_key(function, root, request, detail, goals):
    return shared_key("indicators", root.getPhysicalPath(), bool(detail), goals)


@ram.cache(_catalog_rows_key)
def _catalog_rows(root, request, detail, goals):
    # Plain data only (no catalog record, no object), so that it may be kept between requests.
    return _rows(root, request, detail, dict(goals), kinds=CATALOG_KINDS)


def _rows(root, request, detail, goals, kinds):
    """{indicator id: row} of the indicators of ``kinds``."""
    published = IndicatorReport(root, published_only=True)
    visible = IndicatorReport(root, published_only=False) if detail else published

    def text(message):
        return translate(message, context=request)

    # Each vocabulary is made once and each title translated once: a page names hundreds.
    vocabulary_titles, translated = VocabularyTitles(root), {}

    def title_of(vocabulary, value):
        if not vocabulary:
            return value
        key = (vocabulary, value)
        if key not in translated:
            translated[key] = text(vocabulary_titles(vocabulary, value) or value)
        return translated[key]

    def titled(vocabulary, counts):
        rows = [
            {"value": value, "title": title_of(vocabulary, value), "count": count}
            for value, count in counts.items()
        ]
        return sorted(rows, key=lambda row: (-row["count"], row["title"]))

    data = {}
    for indicator in INDICATORS:
        if indicator.kind not in kinds:
            continue
        value = visible.value(indicator)
        target = goals.get(indicator.id)
        row = {
            "id": indicator.id,
            "title": text(indicator.title),
            "definition": text(indicator.definition),
            "value": value,
            "published": published.value(indicator),
            "target": target,
            "progress": min(100, round(100 * value / target)) if target else None,
            "figures": [],
            "breakdowns": [],
            "series": [
                {"quarter": quarter, "count": count, "total": total}
                for quarter, count, total in visible.series(indicator)
            ],
        }
        if indicator.detail:
            index_name, vocabulary = indicator.detail
            row["figures"] = titled(vocabulary, visible.counts(indicator, index_name))
        if indicator.id == "networks":
            members, countries = visible.network_size(indicator)
            row["figures"] = [
                {
                    "value": "member-institutions",
                    "title": text(_("Member institutions")),
                    "count": members,
                },
                {"value": "countries", "title": text(_("Countries")), "count": countries},
            ]
        if indicator.id == "quality-management":
            row["figures"] = [
                {
                    "value": "share-percent",
                    "title": text(_("Share of all best practices and assessments (%)")),
                    "count": visible.share_of_practices_and_assessments(indicator),
                }
            ]
        if indicator.id == "excellence-sectors":
            row["regions"] = [
                {
                    "region": title_of("clusterpolisee.vocabularies.Regions", region),
                    "marked": [
                        title_of(
                            "clusterpolisee.vocabularies.SpecialisationDomains"
                            if kind == "domain"
                            else "clusterpolisee.vocabularies.NaceSections",
                            key,
                        )
                        + f" ({count})"
                        for (kind, key), count in marked
                    ],
                }
                for region, marked in sorted(visible.excellence_by_region(indicator).items())
            ]
        for index_name, title, vocabulary in BREAKDOWNS:
            counts = visible.counts(indicator, index_name)
            if counts:
                rows = titled(vocabulary, counts)
                if index_name == "quarter":
                    rows.sort(key=lambda row: row["value"])
                row["breakdowns"].append({"index": index_name, "title": text(title), "rows": rows})
        data[indicator.id] = row
    return data


def indicators_document(root, request, address):
    """The indicators as ``@indicators`` and ``@@indicators.json`` give them, at ``address``:
    counts of published items, or, for approved members (DETAIL_PERMISSION), of what they may
    view with the published count beside."""
    detail = bool(api.user.has_permission(DETAIL_PERMISSION, obj=root))
    return {
        "@id": address,
        "scope": "visible" if detail else "published",
        "items": indicator_data(root, request, detail),
    }
