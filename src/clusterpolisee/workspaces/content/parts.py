"""The parts of a workspace: each a container that holds one kind of item and shows it its own way.

The workspace creates them (``clusterpolisee.workspaces.groups.create_parts``); nobody adds them by hand.
"""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IWiki(model.Schema):
    """Holds wiki pages; shows the page index."""


class IForum(model.Schema):
    """Holds forum topics; shows them by latest activity."""


class IPlanning(model.Schema):
    """Holds meetings, milestones and tasks; shows the group calendar."""


class IDecisions(model.Schema):
    """Holds decisions; shows them with their state and result."""


@implementer(IWiki)
class Wiki(Container):
    pass


@implementer(IForum)
class Forum(Container):
    pass


@implementer(IPlanning)
class Planning(Container):
    pass


@implementer(IDecisions)
class Decisions(Container):
    pass
