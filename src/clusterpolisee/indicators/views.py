"""The indicators dashboard, its CSV export and the coordinator's targets (indicators.py)."""

from clusterpolisee import _
from clusterpolisee.core import charts
from clusterpolisee.core import exports
from clusterpolisee.core.numbers import whole_number
from clusterpolisee.core.protect import plain_form
from clusterpolisee.indicators import proposals
from clusterpolisee.indicators.report import DETAIL_PERMISSION
from clusterpolisee.indicators.report import indicator_data
from clusterpolisee.indicators.report import IndicatorReport
from clusterpolisee.indicators.report import INDICATORS
from clusterpolisee.indicators.report import indicators_document
from clusterpolisee.indicators.report import targets
from clusterpolisee.indicators.report import TARGETS_RECORD
from plone import api
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from plone.z3cform.layout import wrap_form
from Products.Five.browser import BrowserView
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.error import ErrorViewMessage
from zope import schema
from zope.i18n import translate
from zope.interface import Interface
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
import json


MAX_TARGET = 1_000_000


class IndicatorsView(BrowserView):
    """``@@indicators``: every indicator with its target, charts and breakdowns."""

    page_title = _("heading_indicators", default="Performance indicators")

    def __call__(self):
        self.detail = bool(api.user.has_permission(DETAIL_PERMISSION, obj=self.context))
        return self.index()

    @memoize
    def indicators(self):
        return indicator_data(self.context, self.request, self.detail)

    def can_set_targets(self):
        return bool(
            api.user.has_permission("clusterpolisee: Manage indicator targets", obj=self.context)
        )

    def _text(self, message):
        return translate(message, context=self.request)

    def agreed_topic_targets(self):
        """The targets agreed for each central topic (proposals.py), with their progress."""
        return proposals.agreed_rows(IndicatorReport(self.context, published_only=not self.detail))

    def proposals_waiting(self):
        """How many targets the leaders proposed, for who decides them; None for others."""
        if not self.can_set_targets():
            return None
        return len(proposals.proposal_rows())

    def led_groups(self):
        """The working groups whose topic targets the current member may propose (leads)."""
        catalog = api.portal.get_tool("portal_catalog")
        return [
            {"title": brain.Title, "url": f"{brain.getURL()}/@@topic-targets"}
            for brain in catalog(portal_type="Workspace", sort_on="sortable_title")
            if api.user.has_permission(PROPOSE_TARGETS, obj=brain.getObject())
        ]

    def progress_chart(self):
        rows = [(row["title"], row["value"], row["target"]) for row in self.indicators()]
        return charts.bar_chart(
            "indicator-progress",
            self._text(_("Indicators and their targets")),
            rows,
            self._text(_("Each bar is an indicator's count; a dark mark shows its target.")),
        )

    def _lines(self):
        return [
            (row["title"], [(point["quarter"], point["total"]) for point in row["series"]])
            for row in self.indicators()
            if row["series"]
            and row["id"] in ("best-practices", "pilot-actions", "guidance", "networks")
        ]

    def growth_chart(self):
        return charts.line_chart(
            "indicator-growth",
            self._text(_("Growth over time")),
            self._lines(),
            self._text(_("Items counted up to the end of each quarter.")),
        )

    def growth_legend(self):
        return charts.legend([name for name, _points in self._lines()])

    def growth_rows(self):
        """The line chart's figures as a table: one row per quarter, one column per line."""
        lines = self._lines()
        quarters = sorted({quarter for _name, points in lines for quarter, _value in points})
        table = []
        for quarter in quarters:
            cells = []
            for _name, points in lines:
                values = [value for point, value in points if point <= quarter]
                cells.append(values[-1] if values else 0)
            table.append({"quarter": quarter, "cells": cells})
        return {"names": [name for name, _points in lines], "rows": table}

    def small_multiples(self):
        """One small chart per central topic: the content indicators on that topic."""
        topic_rows = {}
        for row in self.indicators():
            for breakdown in row["breakdowns"]:
                if breakdown["index"] == "topics":
                    for value in breakdown["rows"]:
                        topic_rows.setdefault((value["value"], value["title"]), []).append(
                            (row["title"], value["count"], None)
                        )
        return [
            {
                "title": title,
                "chart": charts.bar_chart(
                    f"indicator-topic-{topic}", title, rows, width=560, label_width=340
                ),
            }
            for (topic, title), rows in sorted(topic_rows.items(), key=lambda item: item[0][1])
        ]


class IndicatorsCSV(BrowserView):
    """``@@indicators.csv``: one row per figure, as the viewer may see the indicators."""

    def __call__(self):
        detail = bool(api.user.has_permission(DETAIL_PERMISSION, obj=self.context))
        rows = []
        for row in indicator_data(self.context, self.request, detail):
            rows.append([row["id"], row["title"], "total", "", row["value"]])
            rows.append([row["id"], row["title"], "published", "", row["published"]])
            if row["target"] is not None:
                rows.append([row["id"], row["title"], "target", "", row["target"]])
            for figure in row["figures"]:
                rows.append([row["id"], row["title"], "figure", figure["value"], figure["count"]])
            for breakdown in row["breakdowns"]:
                for value in breakdown["rows"]:
                    rows.append(
                        [
                            row["id"],
                            row["title"],
                            breakdown["index"],
                            value["value"],
                            value["count"],
                        ]
                    )
        response = self.request.response
        response.setHeader("Content-Type", exports.CSV_CONTENT_TYPE)
        response.setHeader(
            "Content-Disposition", 'attachment; filename="clusterpolisee-indicators.csv"'
        )
        # The platform's CSV convention (core/exports.py).
        return exports.csv_text(["indicator", "title", "breakdown", "value", "count"], rows)


class IndicatorsJSON(BrowserView):
    """``@@indicators.json``: what ``@indicators`` answers, as a file to download (the open
    data's catalogue names it)."""

    def __call__(self):
        address = f"{self.context.absolute_url()}/@@indicators.json"
        response = self.request.response
        response.setHeader("Content-Type", exports.JSON_CONTENT_TYPE)
        response.setHeader(
            "Content-Disposition", 'attachment; filename="clusterpolisee-indicators.json"'
        )
        document = indicators_document(self.context, self.request, address)
        return json.dumps(document, ensure_ascii=False, indent=1)


class IndicatorTargetsView(BrowserView):
    """``@@indicator-targets``: the coordinator sets a target per indicator."""

    page_title = _("heading_indicator_targets", default="Indicator targets")

    def __call__(self):
        self.errors = {}
        self.values = {key: str(value) for key, value in targets().items()}
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            return self.save()
        return self.index()

    def indicators(self):
        return [
            {
                "id": indicator.id,
                "title": indicator.title,
                "definition": indicator.definition,
                "value": self.values.get(indicator.id, ""),
                "error": self.errors.get(indicator.id),
            }
            for indicator in INDICATORS
        ]

    def save(self):
        new = {}
        for indicator in INDICATORS:
            raw = self.request.form.get(f"target.{indicator.id}", "")
            raw = raw.strip() if isinstance(raw, str) else None
            self.values[indicator.id] = raw or ""
            if raw is None:
                self.errors[indicator.id] = _("A target is a single whole number.")
            elif raw == "":
                continue
            elif whole_number(raw) is None or whole_number(raw) > MAX_TARGET:
                self.errors[indicator.id] = _(
                    "error_target",
                    default="A target is a whole number from 0 to ${max}.",
                    mapping={"max": f"{MAX_TARGET:,}"},
                )
            else:
                new[indicator.id] = int(raw)
        if self.errors:
            # Nothing is saved while one value is wrong.
            self.request.response.setStatus(400)
            api.portal.show_message(
                _("Please correct the marked targets."), self.request, type="error"
            )
            return self.index()
        api.portal.set_registry_record(TARGETS_RECORD, new)
        api.portal.show_message(_("Targets saved."), self.request)
        return self.request.response.redirect(f"{self.context.absolute_url()}/@@indicators")


# The targets of each central topic, proposed by the working groups' leaders (proposals.py).

PROPOSE_TARGETS = "clusterpolisee: Propose indicator targets"


def _report(context):
    """The indicators as the viewer may see them, on the whole site."""
    detail = bool(api.user.has_permission(DETAIL_PERMISSION, obj=context))
    return IndicatorReport(api.portal.get(), published_only=not detail)


class TopicTargetsView(BrowserView):
    """``@@topic-targets`` of a workspace: every indicator on the group's central topic, its
    count, its agreed target and the target its leader proposed; the leader proposes from here."""

    def page_title(self):
        return _(
            "heading_topic_targets",
            default="Targets of ${group}",
            mapping={"group": self.context.Title()},
        )

    def topic(self):
        topic = proposals.topic_of(self.context)
        return proposals.topic_title(topic) if topic else None

    def rows(self):
        topic = proposals.topic_of(self.context)
        if topic is None:
            return []
        return proposals.topic_rows(_report(self.context), topic, proposals.waiting(self.context))

    def can_propose(self):
        return proposals.topic_of(self.context) is not None and bool(
            api.user.has_permission(PROPOSE_TARGETS, obj=self.context)
        )

    def can_decide(self):
        return bool(
            api.user.has_permission("clusterpolisee: Manage indicator targets", obj=self.context)
        )


def indicator_choices():
    return SimpleVocabulary(
        [
            SimpleTerm(indicator.id, token=indicator.id, title=indicator.title)
            for indicator in INDICATORS
        ]
    )


class ITargetProposal(Interface):
    indicator = schema.Choice(
        title=_("label_indicator", default="Indicator"),
        vocabulary=indicator_choices(),
    )
    target = schema.Int(
        title=_("label_target", default="Target"),
        description=_(
            "help_target_proposal",
            default="The count the group aims at for its central topic: a whole number.",
        ),
        min=0,
        max=proposals.MAX_TARGET,
    )
    note = schema.Text(
        title=_("label_target_note", default="Why this target (optional)"),
        required=False,
        max_length=proposals.MAX_NOTE,
    )


# Whatever is wrong with the figure (missing, not a whole number, out of range), the form says
# it in the platform's words (z3c.form's are generic).
TargetInvalid = ErrorViewMessage(
    proposals.TARGET_ERROR, error=Exception, field=ITargetProposal["target"]
)


class ProposeTargetForm(form.Form):
    """``@@propose-target`` of a workspace (its leaders: the view's permission): propose a
    target for an indicator on the group's central topic, for the coordinator to accept."""

    fields = field.Fields(ITargetProposal)
    ignoreContext = True
    label = _("heading_propose_target", default="Propose a target")

    @property
    def description(self):
        topic = proposals.topic_of(self.context)
        return _(
            "help_propose_target",
            default="A target for the central topic ${topic}, set together with the "
            "coordinator: the coordinator accepts or declines it.",
            mapping={"topic": api.portal.translate(proposals.topic_title(topic or ""))},
        )

    def update(self):
        plain_form(self.request, self.prefix)
        super().update()

    def updateWidgets(self):
        super().updateWidgets()
        chosen = self.request.form.get("indicator")
        if isinstance(chosen, str) and chosen in proposals.INDICATOR_IDS:
            self.widgets["indicator"].value = [chosen]

    def updateActions(self):
        super().updateActions()
        self.actions["propose"].klass = "btn btn-primary"
        self.actions["cancel"].klass = "btn btn-link"

    def back(self):
        return f"{self.context.absolute_url()}/@@topic-targets"

    @button.buttonAndHandler(_("button_propose_target", default="Propose"), name="propose")
    def handle_propose(self, action):
        PostOnly(self.request)
        CheckAuthenticator(self.request)
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        try:
            proposals.propose(
                self.context, data["indicator"], data["target"], data.get("note") or ""
            )
        except proposals.TargetError as error:
            self.status = error.args[0]
            return
        api.portal.show_message(
            _("Your target is proposed: the coordinator accepts or declines it."), self.request
        )
        self.request.response.redirect(self.back())

    @button.buttonAndHandler(_("button_cancel", default="Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.request.response.redirect(self.back())


ProposeTargetView = wrap_form(ProposeTargetForm)


class TargetProposalsView(BrowserView):
    """``@@target-proposals``: the coordinator accepts (with the figure proposed, or another) or
    declines each target the leaders proposed; the targets agreed for each topic below."""

    page_title = _("heading_target_proposals", default="Targets proposed by the working groups")

    def __call__(self):
        self.errors = {}
        self.values = {}
        if self.request.method == "POST":
            PostOnly(self.request)
            CheckAuthenticator(self.request)
            return self.decide()
        return self.index()

    def key(self, row):
        return f"{row['uid']}/{row['indicator_id']}"

    def proposals(self):
        rows = proposals.proposal_rows()
        for number, row in enumerate(rows):
            key = self.key(row)
            row["field"] = f"proposal-{number}"
            row["typed"] = self.values.get(key, str(row["value"]))
            row["error"] = self.errors.get(key)
        return rows

    def agreed(self):
        return proposals.agreed_rows(_report(self.context))

    def decide(self):
        form = self.request.form
        uid, indicator_id = form.get("uid"), form.get("indicator")
        accept = "accept" in form
        key = f"{uid}/{indicator_id}"
        try:
            value = None
            if accept:
                raw = form.get("target", "")
                self.values[key] = raw if isinstance(raw, str) else ""
                value = proposals.parse_target(raw)
            message = proposals.decide(uid, indicator_id, accept, value)
        except proposals.TargetError as error:
            if accept and key in self.values:
                self.errors[key] = error.args[0]
            self.request.response.setStatus(400)
            api.portal.show_message(error.args[0], self.request, type="error")
            return self.index()
        api.portal.show_message(message, self.request)
        self.request.response.redirect(f"{self.context.absolute_url()}/@@target-proposals")
        return ""
