"""Create the pages the repository benchmark compares (run by scripts/benchmark-repository.py).

Run inside Zope: ``bin/benchmark run scripts/benchmark-fixtures.py``. Creates, published, in the
"benchmark" folder: a BestPractice with every section filled, and a stock Document whose text
holds the same paragraphs, facts and scores, so both pages carry the same amount of content.
"""

from AccessControl.SecurityManagement import newSecurityManager
from clusterpolisee.demo.site import ensure_admin
from plone import api
from plone.app.textfield.value import RichTextValue
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
import os
import transaction


PARAGRAPH = (
    "<p>Cluster organisations in the region offer their members joint testing, training and "
    "internationalisation services; the regional development agency co-finances them through "
    "annual calls evaluated on results.</p>"
)
SECTIONS = ("problem", "practice_description", "measures", "results")


def rich(paragraphs):
    return RichTextValue(PARAGRAPH * paragraphs, "text/html", "text/x-html-safe")


app = makerequest(app)  # noqa: F821 - provided by "bin/instance run"
newSecurityManager(None, ensure_admin(app))
site = app[os.environ.get("SITE_ID", "Plone")]
setSite(site)
folder = site.get("benchmark") or api.content.create(
    container=site, type="Folder", id="benchmark", title="Benchmark"
)
for obj_id in ("practice", "document"):
    if obj_id in folder:
        api.content.delete(folder[obj_id])
practice = api.content.create(
    container=folder,
    type="BestPractice",
    id="practice",
    title="Benchmark practice",
    description="A practice with every section filled.",
    topics=["innovation-rd", "specialisation"],
    country="RO",
    region="RO21",
    governance_level="regional",
    policy_type="cluster-development",
    policy_cycle_stage="implementation",
    sectors=["C", "J"],
    preconditions_score=4,
    costs_score=3,
    risks_score=4,
    adaptation_score=5,
    **{name: rich(6) for name in SECTIONS},
)
# The stock page carries what the practice page shows: its sections under headings, its key
# facts and its transferability scores, so both pages are the same size.
FACTS = (
    ("Policy type", "Cluster development"),
    ("Policy-cycle stage", "Implementation"),
    ("Sectors (NACE Rev. 2)", "C - Manufacturing, J - Information and communication"),
    ("Country", "Romania"),
    ("Region", "Nord-Est (RO21)"),
    ("Governance level", "Regional"),
)
SCORES = (("Preconditions", 4), ("Costs", 3), ("Risks", 4), ("Adaptation needs", 5))
document_html = (
    "".join(f"<h2>{name.replace('_', ' ').title()}</h2>" + PARAGRAPH * 6 for name in SECTIONS)
    + "<h2>Key facts</h2><dl>"
    + "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in FACTS)
    + "</dl><h2>Transferability</h2><table class='table'><thead><tr><th>Criterion</th>"
    + "<th>Score</th></tr></thead><tbody>"
    + "".join(f"<tr><th>{label}</th><td>{score}/5</td></tr>" for label, score in SCORES)
    + "</tbody></table><p>Overall transferability score: <strong>4/5</strong></p>"
    + "<p><a href='https://www.adrnordest.ro'>Innovation and R&amp;D driven cluster "
    + "development</a> <a href='https://www.adrnordest.ro'>Cluster and regional "
    + "specialisation</a></p>"
)
document = api.content.create(
    container=folder,
    type="Document",
    id="document",
    title="Benchmark document",
    description="A stock page with the same paragraphs.",
    text=RichTextValue(document_html, "text/html", "text/x-html-safe"),
)
for obj in (folder, practice, document):
    if api.content.get_state(obj) != "published":
        api.content.transition(obj, transition="publish")
transaction.commit()
print("Benchmark pages ready.")

# A stock Plone site beside the platform, without the add-on: the reference of the stock pages
# both keep, of the member pages (a stock member and pages the size of the platform's) and of
# the load benchmark.
STOCK_SITE_ID = "stock"
STOCK_MEMBER = ("stock.member", "stock-member-benchmark")
MEMBER_PAGES = ("landing", "workspace", "wiki", "messages", "search")
# The demo member leads the working group: on its dashboard and wiki the toolbar offers them
# adding, editing and reviewing. A stock member with the same rights on a page of the same size
# (Plone's Contributor, Editor and Reviewer, given there) sees the same menus.
STOCK_EDITOR = ("stock.editor", "stock-editor-benchmark")
EDITOR_PAGES = ("workspace", "wiki")
EDITOR_ROLES = ["Contributor", "Editor", "Reviewer"]
if STOCK_SITE_ID not in app.objectIds():
    from Products.CMFPlone.factory import addPloneSite

    addPloneSite(
        app, STOCK_SITE_ID, title="Stock Plone", distribution_name="classic", setup_content=True
    )
    transaction.commit()
    print("Stock Plone site ready.")
stock = app[STOCK_SITE_ID]
setSite(stock)
# Plone leaves 127.0.0.1 unthemed (its rescue address), and the benchmark asks 127.0.0.1: a stock
# site on a public host name is themed, as the platform is on every host name.
api.portal.set_registry_record("plone.app.theming.interfaces.IThemeSettings.hostnameBlacklist", [])
for login, password in (STOCK_MEMBER, STOCK_EDITOR):
    if api.user.get(username=login) is None:
        api.user.create(
            email=f"{login}@example.org", username=login, password=password, roles=("Member",)
        )
stock_folder = stock.get("benchmark") or api.content.create(
    container=stock, type="Folder", id="benchmark", title="Benchmark"
)
for page_id in [f"member-{key}" for key in MEMBER_PAGES] + [
    f"editor-{key}" for key in EDITOR_PAGES
]:
    # Sized by the benchmark to the platform's member page of the same name.
    if page_id not in stock_folder:
        api.content.create(
            container=stock_folder,
            type="Document",
            id=page_id,
            title=f"A page the size of the member {page_id.partition('-')[2]} page",
            text=RichTextValue(PARAGRAPH, "text/html", "text/x-html-safe"),
        )
for key in EDITOR_PAGES:
    api.user.grant_roles(
        username=STOCK_EDITOR[0], obj=stock_folder[f"editor-{key}"], roles=EDITOR_ROLES
    )
for obj in (stock_folder, *stock_folder.objectValues()):
    if api.content.get_state(obj) != "published":
        api.content.transition(obj, transition="publish")
transaction.commit()
print("Stock member and pages ready.")
