"""A site made by an earlier release, opened by today's code: ``make start`` upgrades it, and every
page, item and class it holds still works (fixtures/site-<version>.tar.gz, made by make_site.py).
"""

from pathlib import Path
from tests.operations.client import Rest
from tests.operations.servers import filestorage
from tests.operations.servers import Zope
import json
import pytest
import requests
import tarfile


FIXTURES = Path(__file__).parent / "fixtures"
RELEASES = sorted(path.name for path in FIXTURES.glob("site-*.tar.gz"))
# What each type's pages and REST answers are checked on: one published item of each.
TYPES = (
    "BestPractice",
    "PolicyAssessment",
    "PilotAction",
    "Publication",
    "CooperationNetwork",
    "Institution",
    "Event",
)
# The classes, FTIs and catalog the upgrade may have to move, read inside Zope.
INSPECT = """
import json
from Acquisition import aq_base
from zope.component.hooks import setSite
site = app.Plone
setSite(site)
catalog = site.portal_catalog
seen = {}
for brain in catalog.unrestrictedSearchResults(path="/".join(site.getPhysicalPath())):
    obj = brain._unrestrictedGetObject()
    cls = aq_base(obj).__class__
    seen.setdefault(brain.portal_type, f"{cls.__module__}.{cls.__name__}")
types = {fti.getId(): getattr(fti, "klass", None) for fti in site.portal_types.objectValues()}
setup = site.portal_setup
print("INSPECT" + json.dumps({
    "classes": seen,
    "klass": types,
    "pending": [step["title"] for step in setup.listUpgrades("clusterpolisee:default")],
    "version": setup.getLastVersionForProfile("clusterpolisee:default"),
}))
import transaction
transaction.commit()
app._p_jar.db().pack()
"""


@pytest.fixture(scope="module", params=RELEASES)
def upgraded(request, tmp_path_factory):
    """The release's site, upgraded by ``make start``'s own script, then served."""
    folder = tmp_path_factory.mktemp(request.param.split(".")[0])
    with tarfile.open(FIXTURES / request.param) as archive:
        archive.extractall(folder / "data", filter="data")
    zope = Zope("zope", folder / "instance", storage=filestorage(folder / "data"))
    output = zope.run(
        "import sys; sys.argv = ['setup-site.py']; "
        "exec(compile(open('scripts/setup-site.py').read(), 'setup-site.py', 'exec'))\n" + INSPECT
    ).stdout
    zope.inspected = json.loads(output.split("INSPECT", 1)[1].splitlines()[0])
    zope.database = folder / "data" / "filestorage" / "Data.fs"
    zope.start()
    yield zope
    zope.stop()


class TestReleaseUpgrade:
    def test_every_step_ran_and_every_class_is_at_home(self, upgraded):
        found = upgraded.inspected
        assert found["pending"] == []
        for portal_type, path in found["classes"].items():
            module = path.rsplit(".", 1)[0]
            # Each class importable where the site now finds it, and the FTI agrees.
            assert __import__(module, fromlist=["_"]), portal_type
            if found["klass"].get(portal_type, "").startswith("clusterpolisee."):
                assert found["klass"][portal_type] == path, portal_type
        assert found["classes"]["BestPractice"].startswith("clusterpolisee.")

    def test_no_stored_object_names_a_module_that_moved(self, upgraded):
        from clusterpolisee import MOVED_MODULES

        # Packed after the upgrade: what is left is what the site holds now.
        data = upgraded.database.read_bytes()
        stale = sorted(old for old in MOVED_MODULES if old.encode() in data)
        assert stale == []

    @pytest.mark.parametrize("auth", [None, ("admin", "admin")], ids=["visitor", "admin"])
    def test_pages_and_rest_answers_of_every_type(self, upgraded, auth):
        client = Rest(upgraded.url, auth=auth)
        for portal_type in TYPES:
            found = client.get("@search", portal_type=portal_type, review_state="published").json()
            assert found["items_total"] >= 1, portal_type
            item = found["items"][0]["@id"]
            assert client.session.get(item, timeout=60).json()["@type"] == portal_type
            page = requests.get(item, auth=auth, timeout=60)
            assert page.status_code == 200, (portal_type, page.status_code)
        for path in ("", "@@platform-search?SearchableText=cluster", "@@indicators", "events"):
            assert requests.get(f"{client.site}/{path}", auth=auth, timeout=60).status_code == 200

    def test_a_working_group_and_its_parts_open_for_the_admin(self, upgraded):
        client = Rest(upgraded.url)
        group = client.get("working-groups/innovation-rd").json()
        assert group["@type"] == "Workspace"
        for part in ("documents", "wiki", "forum", "planning", "decisions"):
            page = requests.get(f"{group['@id']}/{part}", auth=("admin", "admin"), timeout=60)
            assert page.status_code == 200, part
