"""The STC's validation queue, the guard the public workflow asks, and the workflow pages that
lead to them: Plone's review list and its status change."""

from clusterpolisee import _
from clusterpolisee.core import dates
from clusterpolisee.publishing import queue
from plone import api
from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from Products.Five import BrowserView
from Products.statusmessages.interfaces import IStatusMessage


class ValidationQueueView(BrowserView):
    page_title = _("heading_validation_queue", default="Validation queue")

    def items(self):
        found = queue.items()
        for item in found:
            item["since_text"] = dates.format_time(item["since"], long_format=True)
            item["since_iso"] = item["since"].ISO8601()
        return found


class MayValidateView(BrowserView):
    """Asked by the public workflow's guards (``@@may-validate``): whether the current user
    may take the STC's decision on this item (never on one of their own)."""

    def __call__(self):
        return queue.may_validate(self.context)


class FullReviewListView(BrowserView):
    """Plone's review list (``@@full_review_list``) lists worklists, which the platform's
    workflows do not keep: what waits for a review is the validation queue."""

    def __call__(self):
        url = f"{api.portal.get().absolute_url()}/@@validation-queue"
        return self.request.response.redirect(url)


class StatusModifyView(ContentStatusModifyView):
    """Plone's status change, which says "Item state changed." even when the transition asked
    for is not one this user may make here (a stale page, a forged link): it says so instead
    and changes nothing."""

    def __call__(
        self, workflow_action=None, comment="", effective_date=None, expiration_date=None, **kwargs
    ):
        # Only the page asked for: Plone calls this view again on a default page's folder,
        # whose failure it ignores.
        if workflow_action and self.request.get("PUBLISHED") is self:
            workflow_tool = api.portal.get_tool("portal_workflow")
            offered = {t["id"] for t in workflow_tool.getTransitionsFor(self.context)}
            # The history form sends the current state for "no change": nothing to refuse.
            current = api.content.get_state(self.context, default=None)
            if not isinstance(workflow_action, str) or (
                workflow_action not in offered and workflow_action != current
            ):
                IStatusMessage(self.request).add(
                    _(
                        "message_transition_not_available",
                        default="Nothing changed: you may not do this on this item in its "
                        "present state.",
                    ),
                    type="error",
                )
                return self.request.response.redirect(self.context.absolute_url())
        return super().__call__(workflow_action, comment, effective_date, expiration_date, **kwargs)
