"""The demo dataset and the generated items for benchmarks."""

from clusterpolisee.consultations.questionnaires import answer_rows
from clusterpolisee.core.topics import TOPICS
from clusterpolisee.demo import data
from clusterpolisee.demo.cooperation import REQUESTS as DEMO_REQUESTS
from clusterpolisee.demo.loader import generated_titles
from clusterpolisee.demo.loader import load_demo
from clusterpolisee.demo.loader import Progress
from clusterpolisee.demo.transfers import TRANSFERS as DEMO_TRANSFERS
from collections import Counter
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
import io
import pytest


@pytest.fixture
def manager(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal


# The working group in use: a document, two wiki pages, a meeting, a milestone, a task, a forum
# topic and a decision.
WORKSPACE_ITEMS = 8
DATASET_SIZE = WORKSPACE_ITEMS + sum(
    len(rows)
    for rows in (
        data.INSTITUTIONS,
        data.MEMBERS,
        data.PRACTICES,
        data.ASSESSMENTS,
        data.PILOT_ACTIONS,
        data.PUBLICATIONS,
        data.NETWORKS,
        data.EVENTS,
        data.CONSULTATION_ANSWERS,
        data.PRACTICE_TRANSLATIONS,
        data.REGION_PROFILES,
        DEMO_TRANSFERS,
        DEMO_REQUESTS,
    )
)


def count(portal, **query):
    return len(api.content.find(context=portal, **query))


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


class TestDemoContent:
    def test_loads_the_dataset(self, manager):
        created = load_demo(manager)
        assert created == DATASET_SIZE
        assert count(manager["repository"], portal_type="BestPractice") == len(data.PRACTICES)
        assert count(manager["repository"], portal_type="PolicyAssessment") == len(data.ASSESSMENTS)
        assert count(manager["repository"], portal_type="PilotAction") == len(data.PILOT_ACTIONS)
        assert count(manager["repository"], portal_type="Publication") == len(data.PUBLICATIONS)
        assert count(manager["repository"], portal_type="CooperationNetwork") == len(data.NETWORKS)
        assert count(manager["institutions"], portal_type="Institution") == len(data.INSTITUTIONS)
        assert count(manager["events"], portal_type="Event") == len(data.EVENTS)
        assert count(manager["working-groups"], portal_type="Workspace") == len(data.WORKING_GROUPS)
        assert len(api.user.get_users(groupname="full-members")) == 7
        innovation = manager["en"]["consultations"]["innovation-rd"]
        # Five answers: enough for its counts to be open data (PUBLIC_MINIMUM_ANSWERS).
        languages = sorted(row["language"] for row in answer_rows(innovation))
        assert languages == ["el", "en", "hr", "ro", "sl"]

    def test_loading_twice_keeps_the_data(self, manager):
        load_demo(manager)
        assert load_demo(manager) == 0
        assert count(manager["institutions"], portal_type="Institution") == len(data.INSTITUTIONS)

    def test_generated_items(self, manager):
        stream = io.StringIO()
        created = load_demo(manager, items=30, stream=stream)
        assert created == 30 + DATASET_SIZE
        generated = count(manager["repository"], portal_type="BestPractice")
        assert generated == 30 + len(data.PRACTICES)

    def test_generated_titles_are_distinct_past_every_combination(self):
        combinations = len(data.MEASURES) * len(data.SECTORS) * len(data.REGIONS)
        titles = [
            f"{measure} for {sector} in {region}"
            for measure, sector, _country, region, _topic in generated_titles(combinations + 50)
        ]
        assert len(titles) == combinations + 50
        assert len(set(titles)) == len(titles)
        assert "(round 2)" in titles[-1]

    def test_generated_topics_go_with_every_region_alike(self):
        # A benchmark's search by topic and country finds a share of the practices, not all
        # or none of them.
        rounds = 3
        pairs = Counter(
            (topic, region)
            for _measure, _sector, _country, region, topic in generated_titles(
                rounds * len(data.REGIONS) * len(TOPICS)
            )
        )
        assert len(pairs) == len(data.REGIONS) * len(TOPICS)
        assert set(pairs.values()) == {rounds}

    def test_progress_bar_draws_on_a_terminal(self):
        stream = FakeTerminal()
        progress = Progress(4, "Demo items", stream=stream, width=8)
        for _ in range(4):
            progress.step()
        assert stream.getvalue().endswith("\rDemo items [########] 4/4\n")

    def test_progress_bar_is_silent_in_a_log(self):
        stream = io.StringIO()
        Progress(4, "Demo items", stream=stream).step()
        assert stream.getvalue() == ""
