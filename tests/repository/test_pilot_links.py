"""Pilot actions and what they link: the practice and the guideline name the pilot back."""

from plone import api
from plone.app.testing import logout
from tests.repository.conftest import relation_to
from tests.repository.test_views import render
import pytest


@pytest.fixture
def chain(portal, repository, practice):
    """A published practice and guideline, a published pilot between them and a private one."""
    guideline = api.content.create(
        container=repository,
        type="Publication",
        id="guide",
        title="Voucher design guide",
        kind="guideline",
    )
    pilots = [
        api.content.create(
            container=repository,
            type="PilotAction",
            id=pilot_id,
            title=title,
            builds_on=[relation_to(practice)],
            produced_guideline=relation_to(guideline),
        )
        for pilot_id, title in (("pilot", "Voucher pilot"), ("draft", "Draft voucher pilot"))
    ]
    for item in (repository, practice, guideline, pilots[0]):
        api.content.transition(item, to_state="published")
    return practice, pilots[0], guideline


def relation_section(html, heading):
    """The aside's section under ``heading``: the text up to the end of its list."""
    start = html.index(f">{heading}</h2>")
    return html[start : html.index("</ul>", start)]


class TestPilotLinks:
    def test_practice_and_guideline_name_the_pilots_the_viewer_may_see(self, portal, chain):
        practice, pilot, guideline = chain
        # A manager sees both pilots.
        piloted = relation_section(render(practice), "Piloted in")
        assert "Voucher pilot" in piloted
        assert "Draft voucher pilot" in piloted
        produced = relation_section(render(guideline), "Produced by the pilot")
        assert f'href="{pilot.absolute_url()}"' in produced
        assert "Draft voucher pilot" in produced
        # Anonymous visitors see the published pilot only.
        logout()
        piloted = relation_section(render(practice), "Piloted in")
        assert f'href="{pilot.absolute_url()}"' in piloted
        assert "Draft voucher pilot" not in piloted
        html = render(guideline)
        assert "Draft voucher pilot" not in html
        assert f'href="{pilot.absolute_url()}"' in relation_section(html, "Produced by the pilot")
        # The pilot names its practice and guideline.
        html = render(pilot)
        assert f'href="{practice.absolute_url()}"' in relation_section(html, "Builds on")
        assert f'href="{guideline.absolute_url()}"' in relation_section(html, "Guideline produced")

    def test_nothing_shown_when_no_visible_pilot_points_back(self, portal, chain):
        practice, pilot, guideline = chain
        api.content.transition(pilot, to_state="private")
        logout()
        assert "Piloted in" not in render(practice)
        assert "Produced by the pilot" not in render(guideline)
