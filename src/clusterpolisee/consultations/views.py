"""The public consultations: the questionnaire page, its results and their export."""

from clusterpolisee import _
from clusterpolisee.consultations.behavior import is_open
from clusterpolisee.consultations.behavior import not_yet_open
from clusterpolisee.consultations.questionnaires import answer_rows
from clusterpolisee.consultations.questionnaires import count_answers
from clusterpolisee.consultations.questionnaires import FIELD_NAMES
from clusterpolisee.consultations.questionnaires import PRIVATE
from clusterpolisee.consultations.questionnaires import questionnaires
from clusterpolisee.consultations.questionnaires import Questions
from clusterpolisee.core import dates
from clusterpolisee.core import exports
from clusterpolisee.core.charts import bar_chart
from collective.easyform.browser.view import EasyFormForm
from collective.easyform.browser.view import EasyFormFormWrapper
from collective.easyform.config import FORM_ERROR_MARKER
from DateTime import DateTime
from functools import cached_property
from plone import api
from plone.base.interfaces import INavigationRoot
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zope.component.hooks import getSite
import json


# The name of the field a person never sees and a spam robot fills in.
HONEYPOT = "website_address"


class ConsultationForm(EasyFormForm):
    """EasyForm's form, which refuses answers outside the consultation's dates and from robots."""

    form_template = ViewPageTemplateFile("templates/consultation_form.pt")
    closed_template = ViewPageTemplateFile("templates/consultation_closed.pt")

    def update(self):
        self.closed = not is_open(self.context)
        if self.closed:
            if self.request.method == "POST":
                # Refused, not a bad request: the same answer was welcome while it was open.
                self.request.response.setStatus(403)
            return
        super().update()

    def render(self):
        if self.closed:
            return self.closed_template()
        return super().render()

    def processActions(self, fields):
        if self.request.form.get(HONEYPOT):
            self.request.response.setStatus(400)
            return {
                FORM_ERROR_MARKER: api.portal.translate(
                    _("Your answers could not be accepted. Please try again.")
                )
            }
        return super().processActions(fields)

    def dates(self):
        """The dates shown on a closed consultation, and whether it has yet to open."""
        opens, closes = self.context.opens, self.context.closes
        return {
            "opens": opens and dates.format_time(opens, long_format=True, context=self.context),
            "closes": closes and dates.format_time(closes, long_format=True, context=self.context),
            "upcoming": not_yet_open(self.context),
        }


class ConsultationView(EasyFormFormWrapper):
    form = ConsultationForm

    def results_url(self):
        if api.user.has_permission("clusterpolisee: View consultation results", obj=self.context):
            return f"{self.context.absolute_url()}/@@results"
        return None


class BadFilter(ValueError):
    pass


class ResultsMixin:
    """The answers to a questionnaire in all its languages, filtered by the request."""

    @cached_property
    def form_questions(self):
        return Questions(self.context)

    def filters(self):
        """{name: value} of the respondent-type and country filters; BadFilter on a value that
        is not a choice of the questionnaire."""
        chosen = {}
        for name in ("respondent_type", "country"):
            value = self.request.form.get(name, "")
            if not isinstance(value, str):
                raise BadFilter(_("Choose one value for each filter."))
            if value and value not in dict(self.form_questions.choices(name)):
                raise BadFilter(_("Unknown filter value: ${value}", mapping={"value": value[:50]}))
            if value:
                chosen[name] = value
        return chosen

    def rows(self, filters):
        return [
            row
            for row in answer_rows(self.context)
            if all(row.get(name) == value for name, value in filters.items())
        ]

    def refuse(self, error):
        self.request.response.setStatus(400)
        return api.portal.translate(error.args[0])


class ConsultationResultsView(ResultsMixin, BrowserView):
    """Counts and a chart per question, for the coordinator and the working-group leaders."""

    template = ViewPageTemplateFile("templates/consultation_results.pt")

    def page_title(self):
        return _(
            "heading_consultation_results",
            default="Results: ${title}",
            mapping={"title": self.context.Title()},
        )

    def __call__(self):
        self.error = None
        try:
            self.chosen = self.filters()
        except BadFilter as error:
            self.error = self.refuse(error)
            self.chosen = {}
        self.answers = self.rows(self.chosen) if self.error is None else []
        return self.template()

    def filter_options(self):
        return [
            {
                "name": name,
                "label": self.form_questions.titles().get(name, name),
                "choices": self.form_questions.choices(name),
                "chosen": self.chosen.get(name, ""),
            }
            for name in ("respondent_type", "country")
        ]

    def languages(self):
        """(language, number of answers) for every language of the questionnaire."""
        counts = {}
        for row in self.answers:
            counts[row["language"]] = counts.get(row["language"], 0) + 1
        return [
            (language, counts.get(language, 0)) for language in sorted(questionnaires(self.context))
        ]

    def questions(self):
        results = []
        for number, question in enumerate(count_answers(self.form_questions, self.answers)):
            rows = [(api.portal.translate(title), count) for _v, title, count in question["counts"]]
            title, answered = question["title"], question["answered"]
            results.append(
                {
                    "name": question["name"],
                    "title": title,
                    "answered": answered,
                    "rows": rows,
                    "chart": bar_chart(
                        f"question-{number}",
                        title,
                        [(label, count, None) for label, count in rows],
                        description=api.portal.translate(
                            _(
                                "${count} answers to this question.",
                                mapping={"count": answered},
                            )
                        ),
                    )
                    if rows
                    else "",
                }
            )
        return results

    def free_texts(self):
        return [
            {"language": row["language"], "text": row["innovative_measure"]}
            for row in self.answers
            if row.get("innovative_measure")
        ]

    def query_string(self):
        return urlencode(self.chosen)


class ConsultationExportView(ResultsMixin, BrowserView):
    """Every answer, one row each, with its language and the moment it was submitted (ISO 8601
    with its offset): CSV or JSON, in the platform's convention for exports (core/exports.py)."""

    format = "csv"

    def columns(self):
        return ["language", "submitted"] + [name for name in FIELD_NAMES if name not in PRIVATE]

    def records(self, filters):
        """The answers as {column: value}, oldest first; ``submitted`` in ISO 8601 (EasyForm
        stores it as DateTime's text, ``2026/11/30 02:37:1.704384 UTC``)."""
        records = []
        for row in self.rows(filters):
            record = {column: row.get(column) for column in self.columns()}
            submitted = DateTime(row["submitted"]) if row.get("submitted") else None
            record["submitted"] = exports.iso(submitted)
            records.append((submitted.timeTime() if submitted else 0, record))
        return [record for _moment, record in sorted(records, key=lambda item: item[0])]

    def __call__(self):
        try:
            filters = self.filters()
        except BadFilter as error:
            self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return self.refuse(error)
        records = self.records(filters)
        name = f"consultation-{self.context.getId()}"
        response = self.request.response
        if self.format == "json":
            response.setHeader("Content-Type", exports.JSON_CONTENT_TYPE)
            response.setHeader("Content-Disposition", f'attachment; filename="{name}.json"')
            return json.dumps(records, ensure_ascii=False, indent=1)
        response.setHeader("Content-Type", exports.CSV_CONTENT_TYPE)
        response.setHeader("Content-Disposition", f'attachment; filename="{name}.csv"')
        columns = self.columns()
        return exports.csv_text(columns, ([record[c] for c in columns] for record in records))


class ConsultationJSONExportView(ConsultationExportView):
    format = "json"


class ConsultationsView(BrowserView):
    """The six questionnaires in the visitor's language, with their dates and whether they are
    open; on a language root folder or its consultations folder."""

    page_title = _("heading_consultations", default="Public consultations")

    template = ViewPageTemplateFile("templates/consultations.pt")

    def __call__(self):
        return self.template()

    def language(self):
        if self.context is getSite():
            return api.portal.get_current_language()
        return self.context.Language() or api.portal.get_current_language()

    def consultations(self):
        catalog = api.portal.get_tool("portal_catalog")
        root = self.context
        if not INavigationRoot.providedBy(root):
            root = root.aq_parent if INavigationRoot.providedBy(root.aq_parent) else root
        query = {
            "portal_type": "EasyForm",
            "object_provides": "clusterpolisee.consultations.behavior.IConsultation",
            "Language": self.language(),
            "sort_on": "getObjPositionInParent",
        }
        if root is not getSite():
            query["path"] = "/".join(root.getPhysicalPath())
        items = []
        for brain in catalog(**query):
            form = brain.getObject()
            items.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "description": brain.Description,
                    "open": is_open(form),
                    "closes": form.closes and dates.format_time(form.closes, long_format=False),
                    "opens": form.opens and dates.format_time(form.opens, long_format=False),
                }
            )
        return items
