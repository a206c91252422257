"""Classic UI views of the repository's content types: key facts aside, sections, relations."""

from Acquisition import aq_base
from Acquisition import aq_inner
from clusterpolisee import _
from clusterpolisee.core import dates
from clusterpolisee.core.fields import safe_link
from clusterpolisee.core.fields import WEB_SCHEMES
from clusterpolisee.core.pagecache import KeptPages
from clusterpolisee.core.pagecache import shared_key
from clusterpolisee.core.vocabularies import vocabulary_title
from clusterpolisee.public.map.drawing import locator_svg
from clusterpolisee.repository import learning
from clusterpolisee.repository.content.best_practice import TRANSFERABILITY_CRITERIA
from clusterpolisee.repository.content.transfer import region_name
from plone import api
from plone.memoize import ram
from plone.memoize import volatile
from plone.memoize.instance import memoize as instance_memoize
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


def human_size(size):
    """A byte count for people: "840 B", "12.3 KB", "4.1 MB"."""
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def website_link(website):
    """A website for the key facts: linked if it is a web address (one stored before links were
    checked may be one a browser would run: then it is text)."""
    return {"label": _("Website"), "url": safe_link(website, WEB_SCHEMES), "text": website}


def _texts_cache_key(method, item, names):
    # The safe-HTML output depends on the text and where it is shown; links resolved by uid may
    # differ for visitors who cannot see their target, hence anonymous and members apart.
    return (
        "/".join(item.getPhysicalPath()),
        item.modified().micros(),
        names,
        api.user.is_anonymous(),
    )


@ram.cache(_texts_cache_key)
def transformed_texts(item, names):
    """The safe HTML of an item's rich-text fields, transformed once per modification."""
    outputs = {}
    for name in names:
        value = getattr(item, name, None)
        output = value.output_relative_to(item) if value else ""
        if output and output.strip():
            outputs[name] = output
    return outputs


def navigation_root_url(context):
    return api.portal.get_navigation_root(context).absolute_url()


def topic_links(context, topic_ids):
    """Links to the topic pages of ``topic_ids``, titled in the visitor's language."""
    base = navigation_root_url(context)
    return [
        {
            "id": topic_id,
            "title": vocabulary_title("collective.taxonomy.topics", topic_id, context),
            "url": f"{base}/@@topic/{topic_id}",
        }
        for topic_id in topic_ids or ()
    ]


def _content_core_key(method, self):
    # What the item's page shows below its title: the same for a person until the catalog
    # changes (an edit, a transfer, a relation or a right given or taken reindexes), or the
    # minute, in their language (core/pagecache.py). Only the item itself: an old version,
    # retrieved at the same address, is no object of the database.
    oid = getattr(aq_base(self.item), "_p_oid", None)
    if oid is None:
        raise volatile.DontCache
    return shared_key("repository-item", self.item.getPhysicalPath(), oid, self.__name__)


# Kept per person, item and minute: at most this many, the least recently read going first
# (each some 20 to 40 KB).
ITEM_PAGES = KeptPages(500)


class RepositoryItemView(BrowserView):
    """What every repository item shows; subclasses add their own facts and sections.

    The part below the title is kept between pages like the working groups' dashboards: its
    facts, map, sections, relations and learning chain cost a practice's page 2.4 ms beyond a
    stock Document's text, on each view."""

    # (field name, heading) of the rich-text sections shown in the main column, in order.
    text_sections = ()
    # Whether the page shows the learning chain (learning.py) the item belongs to.
    in_learning_chain = False
    timeline = ViewPageTemplateFile("../templates/learning_chain.pt")
    core = ViewPageTemplateFile("../templates/repository_item_core.pt")

    @volatile.cache(_content_core_key, get_cache=ITEM_PAGES.kept_in)
    def content_core(self):
        return self.core()

    @property
    def item(self):
        return aq_inner(self.context)

    def title_of(self, vocabulary_name, value):
        return vocabulary_title(vocabulary_name, value, self.item)

    def titles_of(self, vocabulary_name, values):
        return [self.title_of(vocabulary_name, value) for value in values or ()]

    def format_date(self, value):
        if not value:
            return None
        return dates.format_time(value, context=self.item)

    def format_amount(self, value):
        if value is None:
            return None
        return f"EUR {value:,}".replace(",", "\u202f")

    def topics(self):
        return topic_links(self.item, getattr(self.item, "topics", None))

    def common_facts(self):
        item = self.item
        return [
            (_("Country"), self.title_of("clusterpolisee.vocabularies.Countries", item.country)),
            (_("Region"), self.title_of("clusterpolisee.vocabularies.Regions", item.region)),
            (
                _("Governance level"),
                self.title_of(
                    "clusterpolisee.vocabularies.GovernanceLevels", item.governance_level
                ),
            ),
            (
                _("Working group"),
                self.title_of("clusterpolisee.vocabularies.WorkingGroups", item.working_group),
            ),
            (
                _("Language"),
                self.title_of("plone.app.vocabularies.SupportedContentLanguages", item.language),
            ),
        ]

    def type_facts(self):
        return []

    # What some types show and the others do not: nothing, unless a type's view says otherwise
    # (asked of every type by the one template, without a lookup that misses on the item).
    def contact_links(self):
        return []

    def main_file(self):
        return None

    def programme(self):
        return []

    def agency(self):
        return []

    def criteria(self):
        return []

    def milestones(self):
        return []

    def indicators(self):
        return []

    def transferability(self):
        return None

    def evidence_links(self):
        return []

    def transfers(self):
        return []

    def add_transfer_url(self):
        return None

    @memoize
    def locator(self):
        """A small map of where the item is from (public/map/), or None without a place."""
        region, country = getattr(self.item, "region", None), getattr(self.item, "country", None)
        if not region and not country:
            return None
        places = [
            self.title_of("clusterpolisee.vocabularies.Regions", region) if region else None,
            self.title_of("clusterpolisee.vocabularies.Countries", country) if country else None,
        ]
        title = translate(
            _("Where: ${place}", mapping={"place": ", ".join(p for p in places if p)}),
            context=self.request,
        )
        return {
            "svg": locator_svg([region] if region else [], [country] if country else [], title),
            "map_url": f"{navigation_root_url(self.item)}/@@map",
        }

    @memoize
    def facts(self):
        """(label, text) pairs for the key-facts box, leaving out empty ones."""
        rows = self.type_facts() + self.common_facts()
        return [
            {
                "label": label,
                "value": ", ".join(translate(v, context=self.request) for v in value)
                if isinstance(value, (list, tuple))
                else value,
            }
            for label, value in rows
            if value not in (None, "", [], ())
        ]

    def sections(self):
        """(heading, HTML) of the rich-text fields that have content."""
        outputs = transformed_texts(self.item, tuple(name for name, _h in self.text_sections))
        return [
            {"id": name.replace("_", "-"), "heading": heading, "html": outputs[name]}
            for name, heading in self.text_sections
            if outputs.get(name)
        ]

    def _visible(self, objects):
        # Resolve through the catalog: it only returns what the visitor may view.
        uids = [obj.UID() for obj in objects if obj is not None]
        if not uids:
            return []
        catalog = api.portal.get_tool("portal_catalog")
        brains = {brain.UID: brain for brain in catalog(UID=uids)}
        return [brains[uid] for uid in uids if uid in brains]

    def relation_targets(self, value):
        if value is None:
            return []
        relations = value if isinstance(value, (list, tuple)) else [value]
        return [rel.to_object for rel in relations if rel is not None and not rel.isBroken()]

    def linked(self, field_name):
        """The visible targets of a relation field, as catalog brains."""
        return self._visible(self.relation_targets(getattr(self.item, field_name, None)))

    def related_items(self):
        return self._visible(self.relation_targets(getattr(self.item, "relatedItems", None)))

    def referring(self, target, field_name):
        """``learning.referring``, kept for the page: a practice's "Piloted in" and its learning
        chain ask the relation catalog the same question."""
        found = self.__dict__.setdefault("_referring", {})
        key = (target.getPhysicalPath(), field_name)
        if key not in found:
            found[key] = learning.referring(target, field_name)
        return found[key]

    def back_references(self, field_name):
        """The visible items whose relation field ``field_name`` points to this item, as catalog
        brains: the other side of a relation, read from the relation catalog."""
        return self._visible(self.referring(self.item, field_name))

    def relation_groups(self):
        """(heading, brains) of the type's own relations; empty groups left out."""
        return []

    def type_title(self, brain):
        fti = api.portal.get_tool("portal_types").get(brain.portal_type)
        return fti.Title() if fti is not None else brain.portal_type

    @instance_memoize  # per view: what the viewer may see, never shared within a request
    def learning_chain(self):
        """The timeline of the learning chain, when it holds more than this item."""
        if not self.in_learning_chain:
            return []
        return learning.learning_chain(self.item, self.referring)

    def region_url(self, code):
        """The page of a region (regions/)."""
        return f"{navigation_root_url(self.item)}/@@region/{code}"

    @memoize
    def attachments(self):
        if not self.item.objectCount():
            return []  # most items have none: spare the catalog query
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            path={"query": "/".join(self.item.getPhysicalPath()), "depth": 1},
            portal_type=["File", "Image"],
            sort_on="getObjPositionInParent",
        )
        return [
            {
                "title": brain.Title or brain.getId,
                "url": brain.getURL()
                + ("/@@download/file" if brain.portal_type == "File" else "/@@images/image"),
                "size": brain.getObjSize,
                "type": (brain.mime_type or "").split("/")[-1].upper(),
            }
            for brain in brains
        ]


class BestPracticeView(RepositoryItemView):
    in_learning_chain = True
    text_sections = (
        ("problem", _("Problem addressed")),
        ("practice_description", _("Description")),
        ("measures", _("Measures taken")),
        ("results", _("Results and impact")),
    )

    def type_facts(self):
        item = self.item
        period = " \u2013 ".join(
            filter(None, [self.format_date(item.period_start), self.format_date(item.period_end)])
        )
        return [
            (
                _("Policy type"),
                self.title_of("clusterpolisee.vocabularies.PolicyTypes", item.policy_type),
            ),
            (
                _("Policy-cycle stage"),
                self.title_of(
                    "clusterpolisee.vocabularies.PolicyCycleStages", item.policy_cycle_stage
                ),
            ),
            (_("Period"), period),
            (_("Budget"), self.format_amount(item.budget)),
            (_("Funding source"), item.funding_source),
            (
                _("Sectors (NACE Rev. 2)"),
                self.titles_of("clusterpolisee.vocabularies.NaceSections", item.sectors),
            ),
            (
                _("Smart-specialisation domains"),
                self.titles_of(
                    "clusterpolisee.vocabularies.SpecialisationDomains",
                    item.specialisation_domains,
                ),
            ),
            (_("Contact"), item.contact),
        ]

    def relation_groups(self):
        return [
            group
            for group in [
                (_("Implementing institution"), self.linked("implementing_institution")),
                (_("Piloted in"), self.back_references("builds_on")),
            ]
            if group[1]
        ]

    @instance_memoize
    def transfers(self):
        """Where the practice was transferred, as the viewer may see it."""
        return learning.transfer_rows(self.item)

    def add_transfer_url(self):
        """The form to record a transfer, for those who may add one; else None."""
        if not learning.can_add_transfer(self.item):
            return None
        return f"{self.item.absolute_url()}/++add++Transfer"

    def evidence_links(self):
        """{"url", "text"}: an address stored before links were checked, that a browser would
        run, is shown as text (url None)."""
        return [
            {"url": safe_link(link, WEB_SCHEMES), "text": link}
            for link in self.item.evidence_links or ()
        ]

    def transferability(self):
        """The criteria with their text and score, and the overall score, for the chart."""
        item = self.item
        criteria = [
            {
                "id": prefix,
                "title": title,
                "text": getattr(item, prefix, None),
                "score": getattr(item, f"{prefix}_score", None),
            }
            for prefix, title in TRANSFERABILITY_CRITERIA
        ]
        overall = item.overall_transferability()
        if overall is None and not any(c["text"] for c in criteria):
            return None
        return {"criteria": criteria, "overall": overall}

    def bar_width(self, score, full=200):
        return int(full * (score or 0) / 5)


class PolicyAssessmentView(RepositoryItemView):
    text_sections = (
        ("policy_objectives", _("Objectives of the policy")),
        ("strategic_motivation", _("Motivation of the strategic commitment")),
        ("findings", _("Findings")),
        ("recommendations", _("Recommendations")),
    )

    def type_facts(self):
        item = self.item
        return [
            (_("Assessed policy measure"), item.assessed_measure),
            (
                _("Level of the measure"),
                self.title_of("clusterpolisee.vocabularies.GovernanceLevels", item.measure_level),
            ),
            (
                _("Approach"),
                self.title_of("clusterpolisee.vocabularies.AssessmentApproaches", item.approach),
            ),
            (
                _("Policy-cycle stage"),
                self.title_of(
                    "clusterpolisee.vocabularies.PolicyCycleStages", item.policy_cycle_stage
                ),
            ),
            (_("Date of the assessment"), self.format_date(item.assessment_date)),
            (_("Assessors"), list(item.assessors or ())),
            (_("Average score"), item.average_score()),
        ]

    def criteria(self):
        return self.item.criteria_rows()

    def programme(self):
        item = self.item
        rows = [
            (_("Funding scheme"), item.funding_scheme),
            (_("Programme budget"), self.format_amount(item.programme_budget)),
            (_("Organisational responsibilities"), item.organisational_responsibilities),
        ]
        return [{"label": label, "value": value} for label, value in rows if value]

    def agency(self):
        item = self.item
        rows = [
            (_("Capacity"), item.agency_capacity),
            (_("Governance"), item.agency_governance),
        ]
        return [{"label": label, "value": value} for label, value in rows if value]

    def relation_groups(self):
        groups = [
            (_("Implementing agency"), self.linked("implementing_agency")),
            (_("Piloted in"), self.back_references("builds_on")),
        ]
        return [group for group in groups if group[1]]


class PilotActionView(RepositoryItemView):
    in_learning_chain = True
    text_sections = (
        ("objective", _("Objective")),
        ("evaluation", _("Evaluation")),
        ("lessons_learnt", _("Lessons learnt")),
    )

    def type_facts(self):
        item = self.item
        return [
            (_("Status"), self.title_of("clusterpolisee.vocabularies.PilotStatuses", item.status)),
            (_("Start date"), self.format_date(item.start_date)),
            (_("End date"), self.format_date(item.end_date)),
            (_("Budget"), self.format_amount(item.budget)),
            (
                _("Regions"),
                self.titles_of("clusterpolisee.vocabularies.Regions", item.regions),
            ),
        ]

    def milestones(self):
        return self.item.milestone_rows()

    def indicators(self):
        return self.item.indicator_rows()

    def relation_groups(self):
        groups = [
            (_("Partner institutions"), self.linked("partner_institutions")),
            (_("Builds on"), self.linked("builds_on")),
            (_("Guideline produced"), self.linked("produced_guideline")),
            (_("Transfers through this pilot"), self.back_references("pilot_action")),
        ]
        return [group for group in groups if group[1]]


class InstitutionView(RepositoryItemView):
    def type_facts(self):
        item = self.item
        return [
            (
                _("Kind of institution"),
                self.title_of("clusterpolisee.vocabularies.InstitutionKinds", item.kind),
            ),
            (_("Address"), item.address),
        ]

    def contact_links(self):
        item = self.item
        links = []
        if item.website:
            links.append(website_link(item.website))
        if item.email:
            links.append({"label": _("E-mail"), "url": f"mailto:{item.email}", "text": item.email})
        return links

    def relation_groups(self):
        """What the repository holds about this institution: the items that point to it."""
        sources = [
            relation.from_object
            for relation in api.relation.get(target=self.item, unrestricted=True)
            if relation.from_object is not None and relation.from_attribute != "relatedItems"
        ]
        groups = {}
        for brain in self._visible(sources):
            groups.setdefault(brain.portal_type, []).append(brain)
        return [
            (self.type_title(brains[0]), brains) for _portal_type, brains in sorted(groups.items())
        ]


class PublicationView(RepositoryItemView):
    in_learning_chain = True
    text_sections = (("abstract", _("Abstract")),)

    def type_facts(self):
        item = self.item
        return [
            (
                _("Kind of publication"),
                self.title_of("clusterpolisee.vocabularies.PublicationKinds", item.kind),
            ),
            (_("Authors"), list(item.authors or ())),
            (_("Date of publication"), self.format_date(item.publication_date)),
        ]

    def main_file(self):
        file = self.item.file
        if not file:
            return None
        return {
            "url": f"{self.item.absolute_url()}/@@download/file/{file.filename}",
            "filename": file.filename,
            "size": human_size(file.size),
            "type": (file.contentType or "").split("/")[-1].upper(),
        }

    def relation_groups(self):
        groups = [(_("Produced by the pilot"), self.back_references("produced_guideline"))]
        return [group for group in groups if group[1]]


class CooperationNetworkView(RepositoryItemView):
    text_sections = (("activities", _("Activities")),)

    def type_facts(self):
        item = self.item
        return [
            (_("Member institutions"), item.member_count()),
            (
                _("Countries"),
                self.titles_of("clusterpolisee.vocabularies.Countries", item.countries),
            ),
            (_("Start date"), self.format_date(item.start_date)),
        ]

    def contact_links(self):
        if not self.item.website:
            return []
        return [website_link(self.item.website)]

    def relation_groups(self):
        groups = [(_("Member institutions"), self.linked("members"))]
        return [group for group in groups if group[1]]


class TransferView(RepositoryItemView):
    """A practice's transfer: the practice, the region, the year, the pilot action, the outcome,
    and the chain they belong to."""

    in_learning_chain = True

    def heading(self):
        return learning.transfer_title(self.item.region, self.item.year)

    page_title = heading

    def practice(self):
        practice = learning.practice_of(self.item)
        found = learning.visible([practice])
        return {"title": found[0].Title(), "url": found[0].absolute_url()} if found else None

    def pilot(self):
        found = learning.visible(learning.relation_targets(self.item, "pilot_action"))
        return {"title": found[0].Title(), "url": found[0].absolute_url()} if found else None

    def details(self):
        item = self.item
        return {
            "region": item.region,
            "region_title": region_name(item.region),
            "region_url": self.region_url(item.region) if item.region else None,
            "year": item.year,
            "outcome_title": self.title_of(
                "clusterpolisee.vocabularies.TransferOutcomes", item.outcome
            ),
            "outcome_notes": item.outcome_notes,
        }
