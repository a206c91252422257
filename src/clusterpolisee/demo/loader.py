"""Load the demo dataset into a site, and optionally thousands of generated items."""

from clusterpolisee.demo import data
from clusterpolisee.topics import TOPICS
from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.event.base import default_timezone
from plone.app.textfield.value import RichTextValue
from zope.container.interfaces import INameChooser
import itertools
import sys
import transaction


TOPIC_TITLES = {key: title.default for key, title, _help in TOPICS}

SECTIONS = (
    # (id, title, description, public)
    (
        "repository",
        "Repository",
        "Best practices, policy assessments, pilot actions and publications on the six central topics.",
        True,
    ),
    (
        "institutions",
        "Institutions",
        "The database of institutions relevant to cluster policy in South East Europe.",
        True,
    ),
    (
        "events",
        "Events",
        "EU events, workshops and linked initiatives on cluster policy.",
        True,
    ),
    (
        "working-groups",
        "Working groups",
        "The six thematic working groups and their private workspaces.",
        False,
    ),
)


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


def _publish(obj):
    if api.content.get_state(obj) != "published":
        api.content.transition(obj, transition="publish")


def _ensure_section(portal, section_id, title, description, public):
    folder = portal.get(section_id)
    if folder is None:
        folder = api.content.create(
            container=portal, type="Folder", id=section_id, title=title, description=description
        )
    if public:
        _publish(folder)
    return folder


def _create(container, type_, title, publish=True, published_days_ago=None, **fields):
    # Choose the id up front: renaming after creation costs a reindex per object.
    content_id = INameChooser(container).chooseName(title, container)
    obj = api.content.create(container=container, type=type_, id=content_id, title=title, **fields)
    if publish:
        _publish(obj)
        if published_days_ago is not None:
            # Spread publication dates so "latest" listings look like a platform in use.
            obj.setEffectiveDate(DateTime() - published_days_ago)
            obj.reindexObject(idxs=["effective", "effectiveRange"])
    return obj


def load_demo(portal, items=0, commit_every=500, stream=None):
    """Create the demo content unless it is there already, then ``items`` generated practices.

    Returns the number of objects created.
    """
    sections = {
        section_id: _ensure_section(portal, section_id, title, description, public)
        for section_id, title, description, public in SECTIONS
    }
    created = 0
    if not len(sections["institutions"].objectIds()):
        created += _load_dataset(sections)
    created += _load_generated(sections["repository"], items, commit_every, stream)
    return created


def _load_dataset(sections):
    created = 0
    for number, (title, kind, country, region, website, description) in enumerate(
        data.INSTITUTIONS
    ):
        _create(
            sections["institutions"],
            "Document",
            title,
            description=description,
            subject=(kind, country),
            published_days_ago=400 + number,
            text=_rich(f"{kind} in {region}, {country}. Website: {website}"),
        )
        created += 1
    for topic_id, title, lead in data.WORKING_GROUPS:
        _create(
            sections["working-groups"],
            "Folder",
            title,
            publish=False,
            description=f"{TOPIC_TITLES[topic_id]}. Led by {lead}.",
        )
        created += 1
    for number, (topic_id, title, country, region, summary) in enumerate(data.PRACTICES):
        _create(
            sections["repository"],
            "Document",
            title,
            description=summary,
            subject=(TOPIC_TITLES[topic_id], country, region),
            text=_rich(summary),
            published_days_ago=3 + 11 * number,
        )
        created += 1
    zone = default_timezone(sections["events"], as_tzinfo=True)
    today = datetime.now(zone).replace(hour=9, minute=30, second=0, microsecond=0)
    for title, days, hours, location, description in data.EVENTS:
        start = today + timedelta(days=days)
        _create(
            sections["events"],
            "Event",
            title,
            description=description,
            start=start,
            end=start + timedelta(hours=hours),
            location=location,
        )
        created += 1
    return created


def generated_titles(count):
    """``count`` distinct, realistic practice titles with their topic, country and region."""
    combinations = list(itertools.product(data.MEASURES, data.SECTORS, data.REGIONS))
    topics = list(TOPIC_TITLES.values())
    for number in range(count):
        measure, sector, (country, region) = combinations[number % len(combinations)]
        # Past the distinct combinations, number the rounds so titles stay unique.
        round_number = number // len(combinations) + 1
        if round_number > 1:
            measure = f"{measure} (round {round_number})"
        yield measure, sector, country, region, topics[number % len(topics)]


def _load_generated(repository, items, commit_every, stream):
    if items <= 0:
        return 0
    progress = Progress(items, "Demo items", stream=stream)
    created = 0
    for measure, sector, country, region, topic in generated_titles(items):
        title = f"{measure} for {sector} companies in {region}"
        summary = (
            f"{measure} supporting the {sector} cluster of {region}, {country}: "
            f"a practice on {topic.lower()}."
        )
        _create(
            repository,
            "Document",
            title,
            description=summary,
            subject=(topic, country, region),
            text=_rich(summary),
        )
        created += 1
        progress.step()
        if created % commit_every == 0:
            transaction.commit()
    return created
