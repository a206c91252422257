"""The six public consultations: one collective.easyform questionnaire per central topic.

Every questionnaire is written once here, with translatable texts; the profile makes one
EasyForm per language from it (texts translated through the package's catalogs), links them
as translations and stores the answers with EasyForm's "Save data" action. Field names and
choice values are the same in every language, so answers add up across languages.
"""

from AccessControl.SpecialUsers import nobody
from Acquisition import aq_base
from clusterpolisee import _
from clusterpolisee.consultations.actions import SAFE_SAVE_DATA
from clusterpolisee.consultations.widgets import SELECT_WIDGET
from clusterpolisee.core import dates
from clusterpolisee.core.geography import region_code_of
from clusterpolisee.core.sections import publish
from clusterpolisee.core.topics import TOPICS
from clusterpolisee.languages.homes import DEFAULT_LANGUAGE
from clusterpolisee.languages.homes import ensure_language_folders
from clusterpolisee.languages.homes import LANGUAGE_CODES
from collective.easyform.api import get_actions
from collective.easyform.api import get_schema
from datetime import datetime
from datetime import time
from datetime import timedelta
from lxml import etree
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr
from zope.i18n import translate
from zope.schema import getFieldsInOrder


SCHEMA_NS = "http://namespaces.plone.org/supermodel/schema"
FORM_NS = "http://namespaces.plone.org/supermodel/form"

FOLDER_ID = "consultations"
SAVER = "answers"
# How long a consultation the profile creates stays open.
DEFAULT_DURATION = timedelta(days=180)

# Choice values stay the same in every language; only their titles are translated.
RESPONDENT_TYPES = (
    ("policy-maker", _("Policy maker or institutional actor (public authority, agency)")),
    ("private-sector", _("Private sector (company, cluster organisation, business association)")),
    ("research-civil-society", _("Research, education or civil society")),
)
SCALE = (
    ("1", _("1 (very low)")),
    ("2", _("2 (low)")),
    ("3", _("3 (medium)")),
    ("4", _("4 (high)")),
    ("5", _("5 (very high)")),
)
WILLINGNESS = (
    ("yes", _("Yes")),
    ("maybe", _("Maybe, with more information")),
    ("no", _("No")),
)

# Per topic: what exists, how well it works, what is needed, how important the topic is, an
# innovative measure (free text) and whether the respondent would join a pilot action.
QUESTIONS = {
    "international-cooperation": {
        "measures": (
            _("Which measures support international cooperation of clusters in your region?"),
            (
                ("matchmaking", _("Matchmaking events and business missions abroad")),
                ("eu-projects", _("Support to take part in EU projects and partnerships")),
                ("export", _("Joint export and internationalisation programmes")),
                ("platforms", _("Membership of European cluster platforms")),
                ("none", _("None that I know of")),
            ),
        ),
        "needs": (
            _("What would help clusters of your region cooperate across borders?"),
            (
                ("partners", _("Finding reliable partner clusters")),
                ("funding", _("Funding for joint activities")),
                ("skills", _("Skills and staff for international projects")),
                ("policy-alignment", _("Aligned policies between neighbouring countries")),
                ("information", _("Information on European initiatives")),
            ),
        ),
        "importance": _("How important is international cooperation for clusters in your region?"),
    },
    "financial-framework": {
        "measures": (
            _("Which financial instruments for clusters exist in your region?"),
            (
                ("grants", _("Grants for cluster organisations")),
                ("vouchers", _("Innovation vouchers for cluster members")),
                ("loans", _("Loans or guarantees for joint investments")),
                ("equity", _("Venture capital or equity funds")),
                ("none", _("None that I know of")),
            ),
        ),
        "needs": (
            _("What are the main obstacles to financing cluster development?"),
            (
                ("co-financing", _("Lack of co-financing")),
                ("administration", _("Complex administrative procedures")),
                ("continuity", _("Short, discontinuous funding periods")),
                ("access", _("Small companies' access to credit")),
                ("knowledge", _("Little knowledge of available funds")),
            ),
        ),
        "importance": _("How well does the current financial framework support clusters?"),
    },
    "sustainability": {
        "measures": (
            _("Which measures make clusters in your region last and grow sustainably?"),
            (
                ("strategy", _("Long-term cluster strategies")),
                ("green", _("Support for green and circular economy projects")),
                ("management", _("Training of cluster managers")),
                ("services", _("Paid services that finance the cluster organisation")),
                ("none", _("None that I know of")),
            ),
        ),
        "needs": (
            _("What threatens the sustainability of clusters in your region?"),
            (
                ("dependence", _("Dependence on public funding")),
                ("membership", _("Low commitment of member companies")),
                ("staff", _("Staff turnover in cluster organisations")),
                ("environment", _("Environmental and energy costs")),
                ("policy-change", _("Changing policy priorities")),
            ),
        ),
        "importance": _("How sustainable are the clusters of your region today?"),
    },
    "innovation-rd": {
        "measures": (
            _("Which measures link clusters with research and innovation in your region?"),
            (
                ("joint-rd", _("Joint research and development projects")),
                ("transfer", _("Technology transfer offices and services")),
                ("labs", _("Shared laboratories and test facilities")),
                ("s3", _("Smart specialisation strategy calls")),
                ("none", _("None that I know of")),
            ),
        ),
        "needs": (
            _("What would most improve innovation through clusters?"),
            (
                ("cooperation", _("Closer cooperation with universities")),
                ("funding", _("Funding for innovation projects")),
                ("skills", _("Researchers and skilled staff in companies")),
                ("ip", _("Support with intellectual property")),
                ("demand", _("Public procurement of innovation")),
            ),
        ),
        "importance": _("How strong is the link between clusters and research in your region?"),
    },
    "specialisation": {
        "measures": (
            _("How are clusters involved in the smart specialisation strategy of your region?"),
            (
                ("discovery", _("They take part in the entrepreneurial discovery process")),
                ("priorities", _("They helped choose the priority domains")),
                ("calls", _("They apply to calls for the priority domains")),
                ("monitoring", _("They take part in monitoring the strategy")),
                ("none", _("They are not involved")),
            ),
        ),
        "needs": (
            _("What would make clusters better partners of the smart specialisation strategy?"),
            (
                ("dialogue", _("Regular dialogue with the managing authority")),
                ("data", _("Shared data on regional strengths")),
                ("alignment", _("Cluster policy aligned with the strategy")),
                ("capacity", _("More capacity in cluster organisations")),
                ("interregional", _("Interregional cooperation in the same domains")),
            ),
        ),
        "importance": _("How well do cluster policy and smart specialisation fit together?"),
    },
    "skills-jobs": {
        "measures": (
            _("Which measures help clusters in your region build skills and create jobs?"),
            (
                ("training", _("Joint training programmes of cluster members")),
                ("dual", _("Dual education and apprenticeships with companies")),
                ("academies", _("Cluster academies or competence centres")),
                ("start-ups", _("Support for start-ups and spin-offs")),
                ("none", _("None that I know of")),
            ),
        ),
        "needs": (
            _("Which skills do companies in your clusters lack most?"),
            (
                ("digital", _("Digital skills")),
                ("green-skills", _("Skills for the green transition")),
                ("technical", _("Technical and engineering skills")),
                ("management", _("Management and entrepreneurship")),
                ("languages", _("Languages and international business")),
            ),
        ),
        "importance": _("How much do clusters contribute to new jobs in your region?"),
    },
}

COMMON_TEXTS = {
    "respondent_type": _("Who are you answering for?"),
    "organisation": _("Organisation"),
    "organisation_help": _("Optional. Only the project team sees it."),
    "country": _("Country"),
    "country_prompt": _("Choose your country"),
    "region": _("Region"),
    "region_help": _("The region or area your answers are about."),
    "measures_help": _("Choose all that apply."),
    "effectiveness": _("How effective are the existing measures?"),
    "needs_help": _("Choose up to three."),
    "innovative_measure": _("Describe an innovative measure that supports clusters"),
    "innovative_measure_help": _(
        "One that worked in your region, or one you would propose: what it does, who runs it, "
        "what it achieved."
    ),
    "pilot": _("Would your organisation take part in a pilot action on this topic?"),
    "consent": _(
        "I agree that my answers are stored by the platform and published only in aggregated, "
        "anonymous form."
    ),
    "description": _(
        "Tell us what works and what is missing for clusters in your region. Your answers feed "
        "the working group on this topic. It takes about ten minutes."
    ),
    "submit": _("Send my answers"),
    "thanks_title": _("Thank you for your answers"),
    "thanks_description": _(
        "Your answers have been recorded. The working group will publish the aggregated results "
        "on the platform."
    ),
    "folder_title": _("Public consultations"),
    "folder_description": _(
        "Six questionnaires, one per central topic, open to everyone in English and in every "
        "partner language."
    ),
}

# The question names, in the order of the form; the first four are in every questionnaire.
FIELD_NAMES = (
    "respondent_type",
    "organisation",
    "country",
    "region",
    "measures",
    "effectiveness",
    "needs",
    "importance",
    "innovative_measure",
    "pilot",
    "consent",
)
MULTIPLE_CHOICE = ("measures", "needs")
# Questions whose answers the results page counts; the others are free text.
COUNTED = (
    "respondent_type",
    "country",
    "measures",
    "effectiveness",
    "needs",
    "importance",
    "pilot",
)
# Never exported or shown: who answered stays with the project team.
PRIVATE = ("organisation",)
# A questionnaire's counts leave the project team (the open data) only from this many answers
# up, so that nobody who answered can be recognised from them.
PUBLIC_MINIMUM_ANSWERS = 5


def topic_title(topic_id):
    return {topic: title for topic, title, _help in TOPICS}[topic_id]


def _text(message, language):
    return translate(message, target_language=language)


def _choices_xml(choices, language):
    return "".join(
        f"<element key={quoteattr(value)}>{escape(_text(title, language))}</element>"
        for value, title in choices
    )


def country_prompt_xml(language):
    """The Country question's widget: it opens on an empty "Choose your country" option, not
    on the first country (the question stays required: the form refuses the empty option)."""
    return (
        f'<form:widget type="{SELECT_WIDGET}"><prompt>True</prompt>'
        f"<promptMessage>{escape(_text(COMMON_TEXTS['country_prompt'], language))}"
        "</promptMessage></form:widget>"
    )


def model_xml(topic_id, language):
    """The questionnaire of a topic as an EasyForm model (plone.supermodel XML), in a language."""
    questions = QUESTIONS[topic_id]
    common = {key: _text(message, language) for key, message in COMMON_TEXTS.items()}
    radio = 'form:widget="z3c.form.browser.radio.RadioFieldWidget"'
    checkbox = 'form:widget="z3c.form.browser.checkbox.CheckBoxFieldWidget"'

    def field(name, type_, title, body="", attributes="", description=""):
        return (
            f'<field name="{name}" type="{type_}" {attributes}>'
            f"<title>{escape(title)}</title>"
            f"<description>{escape(description)}</description>{body}</field>"
        )

    measures_title, measures = questions["measures"]
    needs_title, needs = questions["needs"]
    fields = [
        field(
            "respondent_type",
            "zope.schema.Choice",
            common["respondent_type"],
            f"<values>{_choices_xml(RESPONDENT_TYPES, language)}</values>",
            radio,
        ),
        field(
            "organisation",
            "zope.schema.TextLine",
            common["organisation"],
            "<required>False</required><max_length>200</max_length>",
            description=common["organisation_help"],
        ),
        field(
            "country",
            "zope.schema.Choice",
            common["country"],
            "<vocabulary>clusterpolisee.vocabularies.Countries</vocabulary>"
            + country_prompt_xml(language),
        ),
        field(
            "region",
            "zope.schema.TextLine",
            common["region"],
            "<required>False</required><max_length>200</max_length>",
            description=common["region_help"],
        ),
        field(
            "measures",
            "zope.schema.List",
            _text(measures_title, language),
            "<required>False</required><unique>True</unique>"
            '<value_type type="zope.schema.Choice">'
            f"<values>{_choices_xml(measures, language)}</values></value_type>",
            checkbox,
            common["measures_help"],
        ),
        field(
            "effectiveness",
            "zope.schema.Choice",
            common["effectiveness"],
            f"<required>False</required><values>{_choices_xml(SCALE, language)}</values>",
            radio,
        ),
        field(
            "needs",
            "zope.schema.List",
            _text(needs_title, language),
            "<required>False</required><unique>True</unique><max_length>3</max_length>"
            '<value_type type="zope.schema.Choice">'
            f"<values>{_choices_xml(needs, language)}</values></value_type>",
            checkbox,
            common["needs_help"],
        ),
        field(
            "importance",
            "zope.schema.Choice",
            _text(questions["importance"], language),
            f"<values>{_choices_xml(SCALE, language)}</values>",
            radio,
        ),
        field(
            "innovative_measure",
            "zope.schema.Text",
            common["innovative_measure"],
            "<required>False</required><max_length>5000</max_length>",
            description=common["innovative_measure_help"],
        ),
        field(
            "pilot",
            "zope.schema.Choice",
            common["pilot"],
            f"<required>False</required><values>{_choices_xml(WILLINGNESS, language)}</values>",
            radio,
        ),
        field(
            "consent",
            "zope.schema.Bool",
            common["consent"],
            "<required>True</required>",
            'easyform:validators="isChecked"',
        ),
    ]
    return (
        '<model xmlns="http://namespaces.plone.org/supermodel/schema" '
        'xmlns:form="http://namespaces.plone.org/supermodel/form" '
        'xmlns:easyform="http://namespaces.plone.org/supermodel/easyform">'
        f"<schema>{''.join(fields)}</schema></model>"
    )


ACTIONS_XML = (
    '<model xmlns="http://namespaces.plone.org/supermodel/schema"><schema>'
    f'<field name="{SAVER}" type="{SAFE_SAVE_DATA}">'
    "<title>Answers</title><ExtraData><element>dt</element></ExtraData>"
    "</field></schema></model>"
)


def _fill(form, topic_id, language):
    """Texts, questions and the saving action of a questionnaire, in a language."""
    common = {key: _text(message, language) for key, message in COMMON_TEXTS.items()}
    form.title = _text(topic_title(topic_id), language)
    form.description = common["description"]
    form.fields_model = model_xml(topic_id, language)
    form.actions_model = ACTIONS_XML
    form.submitLabel = common["submit"]
    form.useCancelButton = False
    form.thankstitle = common["thanks_title"]
    form.thanksdescription = common["thanks_description"]
    form.showAll = False
    form.setLanguage(language)


def ensure_consultations(portal, now=None):
    """Per language, a consultations folder with the six questionnaires, linked as
    translations of the English ones. Existing questionnaires (and their answers) stay."""
    folders = ensure_language_folders(portal)
    # From today's midnight in the platform's zone, stored as the form would: without a zone.
    opens = now or datetime.combine(dates.today(), time())
    closes = opens + DEFAULT_DURATION
    created = []
    for language in LANGUAGE_CODES:
        root = folders[language]
        folder = root.get(FOLDER_ID)
        if folder is None:
            folder = api.content.create(
                container=root,
                type="Folder",
                id=FOLDER_ID,
                title=_text(COMMON_TEXTS["folder_title"], language),
                description=_text(COMMON_TEXTS["folder_description"], language),
            )
            folder.setLanguage(language)
            folder.setLayout("consultations-overview")
            # The "Consultations" tab leads here; the folder itself would be a second tab.
            folder.exclude_from_nav = True
            folder.reindexObject()
            publish(folder)
        for topic_id, _title, _help in TOPICS:
            if topic_id in folder:
                continue
            form = api.content.create(
                container=folder, type="EasyForm", id=topic_id, title=topic_id
            )
            _fill(form, topic_id, language)
            form.topic = topic_id
            form.opens = opens
            form.closes = closes
            form.reindexObject()
            publish(form)
            created.append(form)
    english = folders[DEFAULT_LANGUAGE][FOLDER_ID]
    for language in LANGUAGE_CODES:
        if language == DEFAULT_LANGUAGE:
            continue
        translated = folders[language][FOLDER_ID]
        manager = ITranslationManager(english)
        if not manager.has_translation(language):
            manager.register_translation(language, translated)
        for topic_id, _title, _help in TOPICS:
            manager = ITranslationManager(english[topic_id])
            if not manager.has_translation(language):
                manager.register_translation(language, translated[topic_id])
    return created


def prompt_for_country(form):
    """Give the Country question of a questionnaire made before it had one the "Choose your
    country" option (upgrade 1014). Only that question's widget changes: the other questions,
    any edit made to them and the answers stay. Returns whether the questionnaire changed."""
    model = etree.fromstring(form.fields_model.encode("utf-8"))
    country = model.find(f"{{{SCHEMA_NS}}}schema/{{{SCHEMA_NS}}}field[@name='country']")
    if country is None or country.find(f"{{{FORM_NS}}}widget") is not None:
        return False
    widget = etree.fromstring(
        f'<root xmlns:form="{FORM_NS}">{country_prompt_xml(form.Language())}</root>'
    )[0]
    country.append(widget)
    form.fields_model = etree.tostring(model, encoding="unicode")
    return True


def prompt_for_country_everywhere(portal):
    """``prompt_for_country`` on every questionnaire of the site, in every language: the
    upgrade's data migration. Returns the questionnaires changed."""
    catalog = api.portal.get_tool("portal_catalog")
    site = "/".join(portal.getPhysicalPath())
    folders = [f"{site}/{language}/{FOLDER_ID}" for language in LANGUAGE_CODES]
    changed = []
    query = {"portal_type": "EasyForm", "path": {"query": folders, "depth": 1}}
    for brain in catalog.unrestrictedSearchResults(**query):
        form = brain._unrestrictedGetObject()
        if prompt_for_country(form):
            changed.append(form)
    return changed


def record_answer(form, answers, submitted=None):
    """Store an answer as EasyForm's "Save data" action does (demo content, imports)."""
    saver = get_actions(form)[SAVER]
    row = dict(answers)
    row["dt"] = submitted or datetime.now().strftime("%Y/%m/%d %H:%M:%S")
    saver.addDataRow(row)


def questionnaires(form):
    """The questionnaire in every language it exists in: {language: form}."""
    return ITranslationManager(form).get_translations()


def answer_rows(form):
    """Every stored answer to a questionnaire, in all its languages: one dict per answer with
    ``language`` and ``submitted`` beside the questions. Multiple-choice answers are lists."""
    rows = []
    for language, translation in sorted(questionnaires(form).items()):
        # Read EasyForm's storage directly: its saver creates the storage on first reading,
        # a write that a results page (a GET) must not make.
        storage = getattr(aq_base(translation), "_inputStorage", {}).get(SAVER)
        for _key, stored in (storage or {}).items():
            row = {"language": language, "submitted": stored.get("dt", "")}
            for name in FIELD_NAMES:
                if name in PRIVATE:
                    continue
                value = stored.get(name)
                if name in MULTIPLE_CHOICE:
                    value = sorted(value or ())
                row[name] = value
            rows.append(row)
    rows.sort(key=lambda row: row["submitted"])
    return rows


class Questions:
    """The questions of one language version of a questionnaire, its model read once."""

    def __init__(self, form):
        self.form = form
        self.schema = get_schema(form)

    def titles(self):
        """{question name: its title in the form's own language}."""
        return {name: field.title for name, field in getFieldsInOrder(self.schema)}

    def choices(self, name):
        """[(value, title)] of a choice question, titled in the form's language."""
        field = self.schema.get(name)
        if field is None:
            return []
        if name in MULTIPLE_CHOICE:
            field = field.value_type
        return [(term.value, term.title or term.value) for term in field.bind(self.form).vocabulary]


def count_answers(questions, rows):
    """The counted questions in the form's order, each as {name, title, answered, counts}, with
    ``counts`` [(value, title, number of answers)] for every choice (for the country only
    those answered from: forty countries). Titles as the form (``questions``) words them."""
    titles = questions.titles()
    counted = []
    for name in COUNTED:
        counts, answered = {}, 0
        for row in rows:
            value = row.get(name)
            values = value if name in MULTIPLE_CHOICE else [value]
            values = [item for item in values if item not in (None, "")]
            answered += bool(values)
            for item in values:
                counts[item] = counts.get(item, 0) + 1
        choices = questions.choices(name)
        if name == "country":
            choices = [(value, title) for value, title in choices if counts.get(value)]
        counted.append(
            {
                "name": name,
                "title": titles.get(name, name),
                "answered": answered,
                "counts": [(value, title, counts.get(value, 0)) for value, title in choices],
            }
        )
    return counted


def _suppressed(count):
    # A count of one to four answers could point at the people who gave them: left out.
    return count if count == 0 or count >= PUBLIC_MINIMUM_ANSWERS else None


def closed_consultations(now=None):
    """(English questionnaire, its answers in every language) of every consultation the public
    may see that has closed with at least PUBLIC_MINIMUM_ANSWERS answers; oldest first.

    Only closed ones: counts that grew answer by answer would give away each new answer to
    anyone who looks before and after it."""
    # Imported here: the behavior's schema must be made after plone.app.multilingual's ZCML
    # has registered the plugin that marks its language-independent fields (opens, closes),
    # and this module is imported while the ZCML loads (public/opendata.py).
    from clusterpolisee.consultations.behavior import is_open
    from clusterpolisee.consultations.behavior import not_yet_open

    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_user(user=nobody):
        brains = catalog(
            portal_type="EasyForm",
            object_provides="clusterpolisee.consultations.behavior.IConsultation",
            sort_on="created",
        )
        groups = {}
        for brain in brains:
            group = groups.setdefault(brain.TranslationGroup or brain.UID, [])
            group.append(brain)
    for brains in groups.values():
        brain = next((b for b in brains if b.Language == DEFAULT_LANGUAGE), brains[0])
        form = brain.getObject()
        if form.closes is None or is_open(form, now) or not_yet_open(form, now):
            continue
        rows = answer_rows(form)
        if len(rows) >= PUBLIC_MINIMUM_ANSWERS:
            yield form, rows


def public_results(now=None):
    """The counts of every closed consultation (``closed_consultations``), one dict per choice
    of each counted question; titles in English (the original), codes beside them.

    A count of one to four is given as None (suppressed). Free texts, organisations and the
    time of an answer never leave."""
    results = []
    for form, rows in closed_consultations(now):
        language = form.Language() or DEFAULT_LANGUAGE
        for question in count_answers(Questions(form), rows):
            for value, title, count in question["counts"]:
                results.append(
                    {
                        "consultation": form.getId(),
                        "consultation_title": form.Title(),
                        "opens": form.opens,
                        "closes": form.closes,
                        "respondents": len(rows),
                        "question": question["name"],
                        "question_title": translate(question["title"], target_language=language),
                        "answered": _suppressed(question["answered"]),
                        "choice": value,
                        "choice_title": translate(title, target_language=language),
                        "answers": _suppressed(count),
                    }
                )
    return results


def region_needs(region, language=DEFAULT_LANGUAGE, now=None):
    """What the respondents from ``region`` (a NUTS 2 code, read from the region they typed)
    said they need, per closed consultation with at least PUBLIC_MINIMUM_ANSWERS answers from
    that region: {topic, title, respondents, needs: [(value, title, count or None)]}, titles in
    ``language`` where the questionnaire has it. Counts of one to four are None, and so is
    any count that differs from the consultation's own count (the open data) by one to four;
    a consultation with one to four answers from elsewhere is left out."""
    found = []
    for form, every_row in closed_consultations(now):
        rows = [row for row in every_row if region_code_of(row.get("region")) == region]
        # The open data counts every answer: the region's counts beside them must not give
        # away, by subtraction, one to four answers from elsewhere either.
        if len(rows) < PUBLIC_MINIMUM_ANSWERS or _suppressed(len(every_row) - len(rows)) is None:
            continue
        shown = questionnaires(form).get(language, form)
        needs = next(q for q in count_answers(Questions(shown), rows) if q["name"] == "needs")
        everywhere = next(
            q for q in count_answers(Questions(form), every_row) if q["name"] == "needs"
        )
        totals = {value: count for value, _title, count in everywhere["counts"]}
        found.append(
            {
                "topic": getattr(form, "topic", None),
                "title": shown.Title(),
                "respondents": len(rows),
                "needs": [
                    (
                        value,
                        title,
                        None
                        if _suppressed(totals.get(value, 0) - count) is None
                        else _suppressed(count),
                    )
                    for value, title, count in sorted(needs["counts"], key=lambda c: -c[2])
                ],
            }
        )
    return found
