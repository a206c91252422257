"""Publication dates, however an item is published."""

from Acquisition import aq_base
from DateTime import DateTime
from zope.globalrequest import getRequest


PUBLISHED = "published"
# plone.restapi's ``@workflow`` and Plone's status form stamp an item that has no effective date
# with the present moment just before (or, for the form, just after) the transition they make:
# a date this close to a transition's moment is that stamp. A date a person chooses in a form
# has no seconds; a stamp has them.
STAMP_SECONDS = 5
# The fields of Plone's state-change form (content_status_history) that date a transition.
STATUS_FORM_FIELDS = ("form.widgets.effective_date", "effective_date")


def _history(obj, event):
    """The item's review history in the workflow of the transition, this transition last."""
    workflow = getattr(event, "workflow", None)
    histories = getattr(aq_base(obj), "workflow_history", None) or {}
    return tuple(histories.get(workflow.getId(), ())) if workflow is not None else ()


def _stamped_by_a_transition(effective, history):
    return any(
        entry.get("action") and abs(effective - entry["time"]) * 86400 <= STAMP_SECONDS
        for entry in history
        if isinstance(entry.get("time"), DateTime)
    )


def _chosen_in_status_form():
    form = getattr(getRequest(), "form", None) or {}
    return any(form.get(name) for name in STATUS_FORM_FIELDS)


def published_dated(obj, event):
    """An item's publication date (its effective date: RSS feeds, open data, "latest"
    listings) is the moment it is published, whatever the route: Plone's state menu or status
    form, the validation queue, plone.restapi's ``@workflow``, code.

    Plone's status form and plone.restapi's ``@workflow`` give an item without an effective
    date the present moment at *any* transition, so an item submitted through them would be
    dated by its submission: at the publishing transition, such a stamp (a date within
    ``STAMP_SECONDS`` of one of the item's transitions) is replaced by the moment of
    publication, as is no date at all.

    Kept:

    - a date a person chose, on the edit or add form (the Dates tab), through the REST API
      (``effective`` in a ``PATCH``, a ``POST`` or the ``@workflow`` call itself) or on Plone's
      state-change form: in the future it schedules the publication (the item shows from then
      on), in the past it dates an item first published elsewhere. Forms give minutes, not the
      seconds of a transition's stamp; a date chosen in the state-change form of this very
      transition is kept whatever it is;
    - the date of an item published before (retracted, then published again): its first
      publication stays its publication date, as in Plone, and readers of the feeds are not told
      of it as new.

    The review history, not a mark of this module, tells a stamp from a choice: so items
    submitted before this rule are dated right when they are published.
    """
    if event.new_state is None or event.new_state.getId() != PUBLISHED:
        return
    if not hasattr(obj, "setEffectiveDate"):
        return
    effective = getattr(aq_base(obj), "effective_date", None)
    if effective is not None:
        history = _history(obj, event)
        if any(entry.get("review_state") == PUBLISHED for entry in history[:-1]):
            return
        if _chosen_in_status_form() or not _stamped_by_a_transition(effective, history):
            return
    obj.setEffectiveDate(DateTime())
    obj.reindexObject(idxs=["effective", "effectiveRange"])
