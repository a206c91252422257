"""The chain from a working group to the public, as the concept paper describes it: the group
drafts, its full members approve, the STC validates, the public reads.

In a workspace (clusterpolisee_workspace_workflow) a document goes draft → group_review →
approved; its leader then proposes it for publication ("propose" → proposed). Proposing makes
its counterpart in the public section's repository, of the type the proposer chose (see
``target``), waiting for the STC's validation (clusterpolisee_public_workflow: "pending", the
state of the validation queue). A document proposed again (after the STC sent it back, or after
the group withdrew it) updates the same public item and submits it again.

The public item is the proposer's: they are its creator and owner, as if they had written it in
the public section (which members may not do themselves). It records its source and its
working group (annotations holding their UIDs) and carries the group's central topic in its
``working_group`` field, a catalogued index and column. The source records its public item the
same way: each side finds the other, and a copy of the source, which keeps the annotation, is
not taken for the source.

What follows, in ``subscribers.py``: the STC publishing the item tells the group; the STC
sending it back (or the item leaving the public section) returns the source to "approved" and
tells the group; the group withdrawing its proposal takes the item out of the queue.

Nothing here checks who may see what: the views do (``provenance`` gives objects and user ids;
a viewer sees a link only to what they may view).
"""

from Acquisition import aq_base
from clusterpolisee import _
from clusterpolisee.core.vocabularies import PUBLICATION_KINDS
from clusterpolisee.core.vocabularies import vocabulary_title
from clusterpolisee.workspaces.groups import find_workspace
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.app.uuid.utils import uuidToObject
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.interfaces import IFolderish
from zope.annotation.interfaces import IAnnotations
from zope.container.interfaces import INameChooser
from zope.i18nmessageid import Message
from zope.interface import provider
from zope.lifecycleevent import modified
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
import logging
import re


logger = logging.getLogger(__name__)

WORKSPACE_WORKFLOW = "clusterpolisee_workspace_workflow"
PUBLIC_WORKFLOW = "clusterpolisee_public_workflow"
PROPOSED = "proposed"
APPROVED = "approved"
PENDING = "pending"
PUBLISHED = "published"
PRIVATE = "private"
REPOSITORY = "repository"

# On the public item: {"source": UID of the workspace item, "group": UID of the workspace}.
ORIGIN_KEY = "clusterpolisee.publishing.origin"
# On the workspace item: the UID of its public item; and the proposer's choice of its type.
PUBLIC_KEY = "clusterpolisee.publishing.public"
TARGET_KEY = "clusterpolisee.publishing.target"

# Passed with the transitions the chain makes itself, so that its subscribers do not answer them.
CHAIN_MARK = "clusterpolisee_chain"

# What a workspace item may become: (token, portal type, kind of publication, title).
PUBLICATION = "Publication"
_KIND_TARGET_TITLES = {
    "guideline": _("Publication: guideline"),
    "report": _("Publication: report"),
    "recommendation": _("Publication: recommendation"),
    "deliverable": _("Publication: deliverable"),
    "interest-group-paper": _("Publication: interest-group paper"),
}
TARGETS = (
    *(
        (f"{PUBLICATION}/{kind}", PUBLICATION, kind, _KIND_TARGET_TITLES[kind])
        for kind, _title in PUBLICATION_KINDS
    ),
    ("BestPractice", "BestPractice", None, _("Best practice")),
    ("PolicyAssessment", "PolicyAssessment", None, _("Policy assessment")),
    ("PilotAction", "PilotAction", None, _("Pilot action")),
)
TARGET_TYPES = {token: (portal_type, kind) for token, portal_type, kind, _title in TARGETS}
TARGET_TITLES = {token: title for token, _type, _kind, title in TARGETS}
# Without the proposer's choice, a working group's document is a publication: of the kind its
# title names (in English: "Guidelines for...", "Draft recommendations on..."), else a report.
KIND_WORDS = (
    ("guideline", re.compile(r"\bguidelines?\b", re.IGNORECASE)),
    ("recommendation", re.compile(r"\brecommendations?\b", re.IGNORECASE)),
    ("deliverable", re.compile(r"\bdeliverables?\b", re.IGNORECASE)),
    ("report", re.compile(r"\breports?\b", re.IGNORECASE)),
)
DEFAULT_KIND = "report"
# Where each type keeps the text of the workspace item.
TEXT_FIELDS = {
    PUBLICATION: "abstract",
    "BestPractice": "practice_description",
    "PolicyAssessment": "findings",
    "PilotAction": "objective",
}


@provider(IVocabularyFactory)
def PublicationTargets(context=None):
    """What a working group's document may become in the public section."""
    return SimpleVocabulary(
        [SimpleTerm(token, token=token, title=title) for token, _t, _k, title in TARGETS]
    )


class ChainError(ValueError):
    """A step of the chain that cannot be taken; the message says why, for the member."""


NOT_PROPOSABLE = _(
    "Only a document, a file or an image of a working group's workspace goes to the public "
    "section: propose them one by one."
)


# Finding each side from the other.


def _annotation(obj, key):
    return IAnnotations(obj).get(key)


def _unrestricted(uid):
    return uuidToObject(uid, unrestricted=True) if uid else None


def origin(public):
    """{"source": UID, "group": UID} of a public item that a working group proposed, or None."""
    try:
        return _annotation(public, ORIGIN_KEY)
    except TypeError:  # not annotatable
        return None


def source_of(public):
    """The workspace item a public item came from (whoever may see it), or None."""
    found = origin(public)
    return _unrestricted(found["source"]) if found else None


def group_of(public):
    """The workspace of the working group that proposed a public item, or None."""
    found = origin(public)
    return _unrestricted(found.get("group")) if found else None


def counterpart(source):
    """The public item of a workspace item (whoever may see it), or None. A copy of the source
    carries its annotation but is not what the public item came from."""
    try:
        public = _unrestricted(_annotation(source, PUBLIC_KEY))
    except TypeError:
        return None
    if public is None:
        return None
    found = origin(public)
    return public if found and found["source"] == source.UID() else None


def proposable(obj):
    """Whether ``obj`` goes to the public section when proposed: a document, a file or an image
    of a working group's workspace (not a folder, nor the workspace's parts)."""
    return not IFolderish.providedBy(obj) and find_workspace(obj) is not None


def proposed_source_uids():
    """The UIDs of the workspace items proposed for publication that have their public item
    (the validation queue lists the public item, not them)."""
    catalog = api.portal.get_tool("portal_catalog")
    uids = set()
    for brain in catalog.unrestrictedSearchResults(review_state=PROPOSED):
        source = brain._unrestrictedGetObject()
        if counterpart(source) is not None:
            uids.add(brain.UID)
    return uids


# The proposer's choice of type.


def guessed_target(source):
    """Without a choice: a publication of the kind the title names, else a report."""
    title = source.Title() or ""
    for kind, words in KIND_WORDS:
        if words.search(title):
            return f"{PUBLICATION}/{kind}"
    return f"{PUBLICATION}/{DEFAULT_KIND}"


def target(source):
    """The token of what ``source`` becomes (or became) in the public section."""
    public = counterpart(source)
    if public is not None:
        kind = getattr(aq_base(public), "kind", None)
        if public.portal_type == PUBLICATION and kind:
            return f"{PUBLICATION}/{kind}"
        return public.portal_type
    chosen = _annotation(source, TARGET_KEY)
    return chosen if chosen in TARGET_TYPES else guessed_target(source)


def target_title(token):
    return TARGET_TITLES.get(token, token)


def may_choose_target(source):
    """Whether the type may still be chosen: before the first proposal only (the public item,
    once made, keeps its type)."""
    return proposable(source) and counterpart(source) is None


def choose_target(source, token):
    """Record the proposer's choice (the view checks who may); ChainError when it cannot be."""
    if token not in TARGET_TYPES:
        raise ChainError(_("Choose one of the kinds of item offered."))
    if not proposable(source):
        raise ChainError(NOT_PROPOSABLE)
    if not may_choose_target(source):
        raise ChainError(
            _("This item already has its public counterpart: its kind can no longer change.")
        )
    IAnnotations(source)[TARGET_KEY] = token


# Proposing.


def repository_folder():
    portal = api.portal.get()
    folder = portal.get(REPOSITORY)
    if folder is None:
        raise ChainError(_("The site has no repository to publish in."))
    return folder


def group_title(workspace):
    """The group as the public may read it: its central topic's working group, else the
    workspace's title."""
    title = group_message(workspace)
    return api.portal.translate(title) if isinstance(title, Message) else title


def group_message(workspace):
    """``group_title`` untranslated where it is a message (its central topic's working group),
    for a mail that each recipient reads in their own language."""
    if workspace is None:
        return ""
    title = vocabulary_title(
        "clusterpolisee.vocabularies.WorkingGroups",
        getattr(aq_base(workspace), "working_group", None),
        workspace,
    )
    return title or workspace.Title()


def _rich(value):
    if value is None or not getattr(value, "raw", None):
        return None
    return RichTextValue(
        raw=value.raw,
        mimeType=value.mimeType,
        outputMimeType=value.outputMimeType,
        encoding=value.encoding,
    )


def _file(source):
    """A copy of the workspace item's file (or image), or None."""
    for name in ("file", "image"):
        blob = getattr(aq_base(source), name, None)
        if blob is not None and getattr(blob, "size", 0):
            return NamedBlobFile(
                data=blob.data, filename=blob.filename, contentType=blob.contentType
            )
    return None


def _fields(source, workspace, portal_type):
    """The public item's fields, from the workspace item and its group."""
    topic = getattr(aq_base(workspace), "working_group", None)
    topics = list(getattr(aq_base(source), "topics", None) or ()) or ([topic] if topic else [])
    text = _rich(getattr(aq_base(source), "text", None))
    if text is None and portal_type != PUBLICATION:
        # The other types' text is required: the summary stands in for it.
        description = source.Description() or source.Title()
        text = RichTextValue(f"<p>{_escape(description)}</p>", "text/html", "text/x-html-safe")
    fields = {
        "title": source.Title(),
        "description": source.Description(),
        "topics": topics,
        "working_group": topic or None,
        TEXT_FIELDS[portal_type]: text,
    }
    if portal_type == PUBLICATION:
        fields["authors"] = [group_title(workspace)]
        fields["file"] = _file(source)
    if portal_type == "PolicyAssessment":
        fields["assessed_measure"] = source.Title()
    return fields


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attach(public, source):
    """The workspace item's file, for a type whose file is an attachment inside it."""
    blob = _file(source)
    if blob is None:
        return
    attachment_id = blob.filename or "attachment"
    existing = public.get(attachment_id)
    if existing is not None and existing.portal_type == "File":
        existing.file = blob
        modified(existing)
        return
    attachment_id = INameChooser(public).chooseName(attachment_id, public)
    api.content.create(
        container=public, type="File", id=attachment_id, title=source.Title(), file=blob
    )


def _link(source, workspace, public):
    IAnnotations(public)[ORIGIN_KEY] = PersistentMapping(source=source.UID(), group=workspace.UID())
    IAnnotations(source)[PUBLIC_KEY] = public.UID()


def _offered(obj):
    """{transition id: the state it leads to} of the transitions the current user may take."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    (workflow,) = workflow_tool.getWorkflowsFor(obj)
    return {
        offered["id"]: workflow.transitions[offered["id"]].new_state_id
        for offered in workflow_tool.getTransitionsFor(obj)
    }


def _to_pending(public, comment):
    """Take the public item to the STC's queue by the transitions its workflow offers (from
    private: submit; from published: unpublish, then submit). False when it cannot get there."""
    for _step in range(3):
        state = api.content.get_state(public)
        if state == PENDING:
            return True
        offered = _offered(public)
        ahead = [tid for tid, new_state in offered.items() if new_state == PENDING]
        back = [tid for tid, new_state in offered.items() if new_state == PRIVATE]
        step = (ahead or back or [None])[0]
        if step is None:
            return False
        api.content.transition(public, transition=step, comment=comment, **{CHAIN_MARK: True})
    return api.content.get_state(public) == PENDING


def propose(source):
    """Make (or update) the public item of a workspace item just proposed, and submit it to
    the STC. Runs as the proposer, with the rights the chain needs for this one step (members
    may not add to the repository themselves). Returns (public item, True if it is new)."""
    if not proposable(source):
        raise ChainError(NOT_PROPOSABLE)
    workspace = find_workspace(source)
    public = counterpart(source)
    created = public is None
    comment = api.portal.translate(
        _(
            "Proposed for publication by the working group ${group}.",
            mapping={"group": group_title(workspace)},
        )
    )
    with api.env.adopt_roles(["Manager"]):
        if created:
            portal_type, kind = TARGET_TYPES[target(source)]
            repository = repository_folder()
            fields = _fields(source, workspace, portal_type)
            if kind:
                fields["kind"] = kind
            fields = {name: value for name, value in fields.items() if value is not None}
            content_id = INameChooser(repository).chooseName(source.Title(), repository)
            # Made by the proposer (creator, owner), as if they had written it there.
            public = api.content.create(
                container=repository, type=portal_type, id=content_id, **fields
            )
        else:
            portal_type = public.portal_type
            for name, value in _fields(source, workspace, portal_type).items():
                if value is not None or name == "working_group":
                    setattr(public, name, value)
            modified(public)
        if portal_type != PUBLICATION:
            _attach(public, source)
        _link(source, workspace, public)
        submitted = _to_pending(public, comment)
    public.reindexObject()
    if not submitted:
        logger.warning("%s could not be submitted to the STC again", public.absolute_url())
    return public, created


def decline_proposal(obj, reason=NOT_PROPOSABLE):
    """Take back the proposal of an item the public section does not take (a folder): it is
    the group's again, approved, with the reason in its history."""
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(
            obj,
            transition="withdraw",
            comment=api.portal.translate(reason),
            **{CHAIN_MARK: True},
        )


def withdraw_public(source, comment=""):
    """The group withdrew its proposal: its public item leaves the STC's queue (back to
    private, with the group's comment). Returns the public item, or None."""
    public = counterpart(source)
    if public is None or api.content.get_state(public) != PENDING:
        return None
    with api.env.adopt_roles(["Manager"]):
        back = [tid for tid, new_state in _offered(public).items() if new_state == PRIVATE]
        # The author's own withdrawal rather than the STC's refusal.
        step = "retract" if "retract" in back else (back or [None])[0]
        if step is not None:
            api.content.transition(public, transition=step, comment=comment, **{CHAIN_MARK: True})
    return public


def return_source(public, comment=""):
    """The public item left the queue or the public section without being published (sent
    back, withdrawn, unpublished): its source, still proposed, is the group's again
    ("approved", with the reason). Returns the source when it moved, else None."""
    source = source_of(public)
    if source is None or counterpart(source) is None:
        return None
    if api.content.get_state(source, default=None) != PROPOSED:
        return None
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(source, transition="withdraw", comment=comment, **{CHAIN_MARK: True})
    return source


def publish_attachments(public):
    """The attachments the chain put inside the item follow it into the public section."""
    with api.env.adopt_roles(["Manager"]):
        for child in public.contentValues():
            if api.content.get_state(child, default=None) == PUBLISHED:
                continue
            for _step in range(2):
                offered = _offered(child)
                step = next((tid for tid in ("publish", "submit") if tid in offered), None)
                if step is None:
                    break
                api.content.transition(child, transition=step, **{CHAIN_MARK: True})
                if api.content.get_state(child) == PUBLISHED:
                    break


def by_chain(event):
    """Whether a workflow event is a transition the chain made itself."""
    return bool((getattr(event, "kwargs", None) or {}).get(CHAIN_MARK))


# Reading what happened: the workflow histories of both sides, and the group's decisions.


def _history(obj, workflow_id):
    return list(getattr(aq_base(obj), "workflow_history", {}).get(workflow_id) or ())


def last_action(obj, workflow_id, actions):
    """The last entry of ``obj``'s history in ``workflow_id`` whose action is one of
    ``actions``: {"action", "actor", "time" (DateTime), "comments", "review_state"}, or None."""
    for entry in reversed(_history(obj, workflow_id)):
        if entry.get("action") in actions:
            return entry
    return None


def adopting_decision(source):
    """The last closed decision of the group that adopted ``source`` (lists it among its
    documents): (decision, when it closed), or None."""
    try:
        relations = api.relation.get(target=source, relationship="documents", unrestricted=True)
    except KeyError:  # an item the relations never knew (no intid)
        return None
    found = []
    for relation in relations:
        decision = relation.from_object
        if decision is None or getattr(aq_base(decision), "result", None) != "adopted":
            continue
        closed = last_action(decision, "clusterpolisee_decision_workflow", ("close_voting",))
        found.append((closed["time"] if closed else decision.modified(), decision))
    if not found:
        return None
    when, decision = max(found, key=lambda pair: pair[0])
    return decision, when


def public_status(public):
    """Where the public item is, as the group reads it on its document:
    {"state": review state, "action": the last transition, "actor", "time", "comment"}."""
    entry = _history(public, PUBLIC_WORKFLOW)
    last = entry[-1] if entry else {}
    return {
        "state": api.content.get_state(public, default=None),
        "action": last.get("action"),
        "actor": last.get("actor"),
        "time": last.get("time"),
        "comment": last.get("comments") or "",
    }


def provenance(public):
    """How a public item got there, or None when no working group proposed it:
    {"group": workspace, "group_title", "source": workspace item, "approval": history entry,
    "proposal": history entry, "decision": (decision, closed) or None,
    "validation": history entry or None}."""
    found = origin(public)
    if not found:
        return None
    source = source_of(public)
    workspace = group_of(public)
    validation = None
    if api.content.get_state(public, default=None) == PUBLISHED:
        validation = last_action(public, PUBLIC_WORKFLOW, ("publish", "republish"))
    return {
        "group": workspace,
        "group_title": group_title(workspace),
        "source": source,
        "approval": last_action(source, WORKSPACE_WORKFLOW, ("approve",)) if source else None,
        "proposal": last_action(source, WORKSPACE_WORKFLOW, ("propose",)) if source else None,
        "decision": adopting_decision(source) if source is not None else None,
        "validation": validation,
    }
