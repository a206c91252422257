"""Publication dates, however an item is published."""

from DateTime import DateTime


def published_dated(obj, event):
    """Whatever way an item is published (form, REST, code), it gets its publication date."""
    if event.new_state is None or event.new_state.getId() != "published":
        return
    if getattr(obj, "effective_date", None) is None and hasattr(obj, "setEffectiveDate"):
        obj.setEffectiveDate(DateTime())
        obj.reindexObject(idxs=["effective", "effectiveRange"])
