"""Load the demo dataset into a site, and optionally thousands of generated items."""

from clusterpolisee.authentication.twofactor import enrol
from clusterpolisee.authentication.twofactor import is_enrolled
from clusterpolisee.consultations.questionnaires import FOLDER_ID as CONSULTATIONS_FOLDER
from clusterpolisee.consultations.questionnaires import record_answer
from clusterpolisee.core import dates
from clusterpolisee.core.geography import region_country
from clusterpolisee.core.geography import REGION_NAMES
from clusterpolisee.core.sections import ensure_sections
from clusterpolisee.core.sections import publish as publish_item
from clusterpolisee.core.topics import TOPICS
from clusterpolisee.demo import data
from clusterpolisee.demo.cooperation import load_cooperation_requests
from clusterpolisee.demo.transfers import load_transfers
from clusterpolisee.regions.profiles import ensure_regions
from clusterpolisee.repository.bulk import add_published
from clusterpolisee.workspaces.groups import ensure_workspaces
from clusterpolisee.workspaces.groups import LEADER
from clusterpolisee.workspaces.groups import MEMBER
from clusterpolisee.workspaces.groups import set_roster_role
from DateTime import DateTime
from datetime import timedelta
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.textfield.value import RichTextValue
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.container.interfaces import INameChooser
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent
import itertools
import sys


TOPIC_TITLES = {key: title.default for key, title, _help in TOPICS}
TOPIC_IDS = [key for key, _title, _help in TOPICS]
SCORE_FIELDS = ("preconditions_score", "costs_score", "risks_score", "adaptation_score")


class Progress:
    """A one-line progress bar on stderr for long loads; silent when stderr is not a terminal."""

    def __init__(self, total, label, stream=None, width=40):
        self.total, self.label, self.width = total, label, width
        self.stream = stream or sys.stderr
        self.enabled = total > 0 and self.stream.isatty()
        self.done = 0

    def step(self, count=1):
        self.done += count
        if self.enabled:
            filled = int(self.width * self.done / self.total)
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}")
            if self.done >= self.total:
                self.stream.write("\n")
            self.stream.flush()


def _rich(text):
    return RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe")


def _create(container, type_, title, publish=True, published_days_ago=None, **fields):
    # Choose the id up front: renaming after creation costs a reindex per object.
    content_id = INameChooser(container).chooseName(title, container)
    obj = api.content.create(container=container, type=type_, id=content_id, title=title, **fields)
    if publish:
        publish_item(obj)
        if published_days_ago is not None:
            # Spread publication dates so "latest" listings look like a platform in use.
            obj.setEffectiveDate(DateTime() - published_days_ago)
            obj.reindexObject(idxs=["effective", "effectiveRange"])
    return obj


def load_demo(portal, items=0, commit_every=500, stream=None):
    """Create the demo content unless it is there already, then ``items`` generated practices.

    Returns the number of objects created.
    """
    sections = ensure_sections(portal)
    created = 0
    if not sections["institutions"].contentIds():
        created += _load_dataset(sections)
    created += _load_generated(sections["repository"], items, commit_every, stream)
    return created


def _relation(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


def _practice_fields(title, summary, topic_id, region, details, **fields):
    """The fields of a region's best practice, with its details: a row of
    ``data.PRACTICE_DETAILS``."""
    policy_type, stage, sectors, domains, scores = details
    return dict(
        title=title,
        description=summary,
        topics=[topic_id],
        country=region_country(region),
        region=region,
        governance_level="regional",
        working_group=topic_id,
        practice_description=_rich(summary),
        policy_type=policy_type,
        policy_cycle_stage=stage,
        sectors=list(sectors),
        specialisation_domains=list(domains),
        **dict(zip(SCORE_FIELDS, scores, strict=True)),
        **fields,
    )


def _create_practice(container, title, summary, topic_id, region, details, **fields):
    """A best practice of a region, with its details: a row of ``data.PRACTICE_DETAILS``."""
    practice = _practice_fields(title, summary, topic_id, region, details)
    return _create(container, "BestPractice", practice.pop("title"), **practice, **fields)


def _load_dataset(sections):
    created = 0
    institutions = {}
    for number, (title, kind, country, region, website, description) in enumerate(
        data.INSTITUTIONS
    ):
        institutions[title] = _create(
            sections["institutions"],
            "Institution",
            title,
            description=description,
            kind=kind,
            country=country,
            region=region,
            website=website,
            topics=[TOPIC_IDS[number % len(TOPIC_IDS)]],
            published_days_ago=400 + number,
        )
        created += 1
    by_region = {obj.region: obj for obj in institutions.values()}
    created += _load_members_and_workspaces(sections["working-groups"], institutions)
    created += _load_consultation_answers(api.portal.get())
    practices = []
    for number, ((topic_id, title, _country, region, summary), details) in enumerate(
        zip(data.PRACTICES, data.PRACTICE_DETAILS, strict=True)
    ):
        institution = by_region.get(region)
        practices.append(
            _create_practice(
                sections["repository"],
                title,
                summary,
                topic_id,
                region,
                details,
                implementing_institution=_relation(institution) if institution else None,
                contact=data.PRACTICE_CONTACTS.get(title),
                published_days_ago=3 + 11 * number,
            )
        )
        created += 1
    created += _load_translations({practice.Title(): practice for practice in practices})
    assessments = []
    for number, row in enumerate(data.ASSESSMENTS):
        topic_id, title, measure, level, approach, country, region, criteria, summary = row
        agency = by_region.get(region)
        assessments.append(
            _create(
                sections["repository"],
                "PolicyAssessment",
                title,
                description=summary,
                topics=[topic_id],
                country=country,
                region=region,
                governance_level=level,
                working_group=topic_id,
                assessed_measure=measure,
                measure_level=level,
                approach=approach,
                criteria=list(criteria),
                findings=_rich(summary),
                implementing_agency=_relation(agency) if agency else None,
                published_days_ago=20 + 13 * number,
            )
        )
        created += 1
    publications = {}
    for number, (topic_id, title, kind, authors, summary) in enumerate(data.PUBLICATIONS):
        publications[title] = _create(
            sections["repository"],
            "Publication",
            title,
            description=summary,
            topics=[topic_id],
            working_group=topic_id,
            governance_level="transnational",
            kind=kind,
            authors=list(authors),
            abstract=_rich(summary),
            published_days_ago=8 + 17 * number,
        )
        created += 1
    practice_by_title = {practice.title: practice for practice in practices}
    assessment_by_title = {assessment.title: assessment for assessment in assessments}
    for number, (row, links) in enumerate(zip(data.PILOT_ACTIONS, data.PILOT_LINKS, strict=True)):
        topic_id, title, status, regions, indicators, milestones, summary = row
        practice_titles, assessment_titles, guideline = links
        _create(
            sections["repository"],
            "PilotAction",
            title,
            description=summary,
            topics=[topic_id],
            working_group=topic_id,
            governance_level="transnational",
            status=status,
            regions=list(regions),
            indicators=list(indicators),
            milestones=list(milestones),
            objective=_rich(summary),
            partner_institutions=[
                _relation(by_region[code]) for code in regions if code in by_region
            ],
            builds_on=[_relation(practice_by_title[name]) for name in practice_titles]
            + [_relation(assessment_by_title[name]) for name in assessment_titles],
            produced_guideline=_relation(publications[guideline]),
            published_days_ago=30 + 7 * number,
        )
        created += 1
    for number, (topic_id, title, members, countries, website, summary) in enumerate(data.NETWORKS):
        _create(
            sections["repository"],
            "CooperationNetwork",
            title,
            description=summary,
            topics=[topic_id],
            governance_level="transnational",
            members=[_relation(institutions[member]) for member in members],
            countries=list(countries),
            website=website,
            published_days_ago=60 + number,
        )
        created += 1
    for (title, days, hours, location, description), (topics, initiative) in zip(
        data.EVENTS, data.EVENT_DETAILS, strict=True
    ):
        # 09:30 on the platform's clock that day, after a change of the clocks too.
        start = dates.in_days(days, hour=9, minute=30)
        _create(
            sections["events"],
            "Event",
            title,
            description=description,
            start=start,
            end=start + timedelta(hours=hours),
            location=location,
            topics=list(topics),
            eu_initiative=initiative,
        )
        created += 1
    created += _load_region_profiles(by_region)
    created += load_transfers(api.portal.get())
    created += load_cooperation_requests(api.portal.get())
    return created


def _load_region_profiles(institutions_by_region):
    """The partner regions' profiles: priorities and sectors marked as demo data, the JRC's
    platform as the strategy's link, the region's institution as its managing authority."""
    folder = ensure_regions(api.portal.get())
    for code, (priorities, sectors) in data.REGION_PROFILES.items():
        profile = folder[code.lower()]
        profile.specialisation_domains = list(priorities)
        profile.sectors = list(sectors)
        profile.strategy_url = data.S3_PLATFORM
        authority = institutions_by_region.get(code)
        profile.managing_authority = _relation(authority) if authority else None
        profile.demo_data = True
        notify(ObjectModifiedEvent(profile))
    return len(data.REGION_PROFILES)


def _load_translations(originals):
    """Translations of a few practices, published in their language's home
    (languages/homes.py), as a translator would make them."""
    created = 0
    for english_title, language, title, summary in data.PRACTICE_TRANSLATIONS:
        translation = ITranslationManager(originals[english_title]).add_translation(language)
        translation.title = title
        translation.description = summary
        translation.practice_description = _rich(summary)
        translation.reindexObject()
        publish_item(translation)
        created += 1
    return created


def _load_consultation_answers(portal):
    """A few answers to two consultations, in five languages, so their results show."""
    for topic_id, language, answers in data.CONSULTATION_ANSWERS:
        record_answer(portal[language][CONSULTATIONS_FOLDER][topic_id], answers)
    return len(data.CONSULTATION_ANSWERS)


def _load_members_and_workspaces(section, institutions):
    """Demo members in their tiers and working groups, and a working group in full use.

    A member whose organisation is in ``institutions`` (by title) has it as their institution
    in the database, as a member sets it on their profile page."""
    workspaces = ensure_workspaces(api.portal.get())
    for topic_id, _title, lead in data.WORKING_GROUPS:
        workspaces[topic_id].description = f"{TOPIC_TITLES[topic_id]}. Led by {lead}."
        workspaces[topic_id].reindexObject(idxs=["Description"])
    for login, name, organisation, country, region, tier, leads, joins in data.MEMBERS:
        if api.user.get(username=login) is None:
            properties = {
                "fullname": name,
                "organisation": organisation,
                "country": country,
                "region": region,
                "profile_visible": True,
            }
            if organisation in institutions:
                properties["institution"] = institutions[organisation].UID()
            api.user.create(
                username=login,
                email=f"{login}@example.org",
                password=data.DEMO_PASSWORD,
                properties=properties,
            )
            api.group.add_user(groupname=tier, username=login)
        secret = data.DEMO_TOTP_SECRETS.get(login)
        userid = api.user.get(username=login).getId()
        if secret and not is_enrolled(userid):
            enrol(userid, secret)
        for topic_id in leads:
            set_roster_role(workspaces[topic_id], login, LEADER)
        for topic_id in joins:
            set_roster_role(workspaces[topic_id], login, MEMBER)
    return len(data.MEMBERS) + _load_workspace_content(workspaces["innovation-rd"])


def _load_workspace_content(workspace):
    """WG4 in use: a document in review, wiki pages, a forum thread, planning and a vote."""
    now = dates.now().replace(minute=0, second=0, microsecond=0)
    today = now.date()
    with api.env.adopt_user(username="nikos.papadopoulos"):
        paper = _create(
            workspace["documents"],
            "Document",
            publish=False,
            title="Draft recommendations on innovation vouchers",
            description="The group's draft for the STC: eligibility, voucher size, monitoring.",
            text=_rich("Voucher schemes work best when SMEs choose their provider freely."),
        )
        api.content.transition(paper, transition="submit")
        api.content.create(
            container=workspace["wiki"],
            type="WikiPage",
            id="home",
            title="Home",
            text=_rich(
                "Start here. The group compares [[Innovation voucher schemes]] across the SEE "
                "regions and drafts [[Recommendations for managing authorities]]."
            ),
        )
        _create(
            workspace["wiki"],
            "WikiPage",
            publish=False,
            title="Innovation voucher schemes",
            text=_rich("Styria, Central Macedonia and North-East Romania run voucher schemes."),
        )
        _create(
            workspace["planning"],
            "Meeting",
            publish=False,
            title="WG4 online meeting: voucher recommendations",
            start=dates.in_days(9, hour=11),
            end=dates.in_days(9, hour=13),
            location="Online",
            agenda=_rich("1. Comments on the draft. 2. Pilot action plan. 3. Next steps."),
            participants=["elena.popescu", "marko.jovanovic", "luca.bianchi", "petra.novak"],
        )
        _create(
            workspace["planning"],
            "Milestone",
            publish=False,
            title="Recommendations sent to the STC",
            due_date=today + timedelta(days=30),
        )
        _create(
            workspace["planning"],
            "Task",
            publish=False,
            title="Collect voucher figures from Romania",
            due_date=today - timedelta(days=3),
            assignee="elena.popescu",
        )
        _create(
            workspace["forum"],
            "ForumTopic",
            publish=False,
            title="Should vouchers cover digital services?",
            text=_rich("Several regions now fund digital services through vouchers. Should we?"),
        )
        decision = _create(
            workspace["decisions"],
            "Decision",
            publish=False,
            title="Adopt the voucher recommendations as the group's position",
            proposal=_rich("The group adopts the draft recommendations and sends them to the STC."),
            documents=[_relation(paper)],
            deadline=now + timedelta(days=14),
            quorum=3,
        )
        api.content.transition(decision, transition="open_voting")
    return 8


def generated_titles(count):
    """``count`` distinct, realistic practice titles with their topic, country and region."""
    combinations = list(itertools.product(data.MEASURES, data.SECTORS, data.REGIONS))
    for number in range(count):
        measure, sector, (country, region) = combinations[number % len(combinations)]
        # Past the distinct combinations, number the rounds so titles stay unique.
        round_number = number // len(combinations) + 1
        if round_number > 1:
            measure = f"{measure} (round {round_number})"
        # The topic changes once every region has had one, so that each topic goes with every
        # region alike: taken from the same count, 12 regions and 6 topics gave each region
        # one topic, and a search by topic and country found all or none.
        topic_id = TOPIC_IDS[number // len(data.REGIONS) % len(TOPIC_IDS)]
        yield measure, sector, country, region, topic_id


def _generated_practices(items):
    details = itertools.cycle(data.PRACTICE_DETAILS)
    for measure, sector, _country, region, topic_id in generated_titles(items):
        title = f"{measure} for {sector} companies in {REGION_NAMES[region]}"
        summary = (
            f"{measure} supporting the {sector} cluster of {REGION_NAMES[region]}: "
            f"a practice on {TOPIC_TITLES[topic_id].lower()}."
        )
        # The topic also as a stock keyword, so benchmarks can compare with stock Plone.
        yield _practice_fields(
            title, summary, topic_id, region, next(details), subject=(TOPIC_TITLES[topic_id],)
        )


def _load_generated(repository, items, commit_every, stream):
    if items <= 0:
        return 0
    progress = Progress(items, "Demo items", stream=stream)
    return add_published(
        repository,
        "BestPractice",
        _generated_practices(items),
        batch=commit_every,
        progress=progress.step,
    )
