"""Interfaces of the platform: the browser layer and the platform settings."""

from clusterpolisee import _
from plone.app.discussion.interfaces import IDiscussionLayer
from plone.app.event.interfaces import IBrowserLayer as IEventBrowserLayer
from plone.app.multilingual.interfaces import IPloneAppMultilingualInstalled
from zope import schema
from zope.interface import Interface


class IClusterpoliseeLayer(IPloneAppMultilingualInstalled, IEventBrowserLayer, IDiscussionLayer):
    """Marker for requests on a site where the add-on is installed.

    It extends the layers of the add-ons whose views and viewlets it overrides (the language
    bar, the events' summary, the comments): a request carries every installed add-on's layer, in an order
    that the site's setup decides, so only a layer that extends theirs is sure to come first.
    (The test layers register the add-on's views in a registry of their own, searched first:
    there an override wins whatever the layers.)"""


# The shipped texts of the landing page, translated on each language home until the coordinator
# writes the platform's own.
DEFAULT_TAGLINE = _("default_tagline", default="Smarter cluster policies for South East Europe")
DEFAULT_INTRODUCTION = _(
    "default_introduction",
    default=(
        "The SEE Cluster Policy Learning Platform helps cluster policy makers in South East "
        "Europe learn from each other's policies: it collects best practices and policy "
        "assessments on six central topics, hosts the thematic working groups, runs public "
        "consultations and publishes the project's results."
    ),
)


class IPlatformSection(Interface):
    """Marks the platform's sections (core/sections.py): pages of the platform, written by
    nobody (no byline)."""


class IPlatformSettings(Interface):
    """Platform-wide settings, stored in the registry and edited in the control panel."""

    tagline = schema.TextLine(
        title=_("label_tagline", default="Tagline"),
        description=_(
            "help_tagline",
            default="One sentence shown under the platform's name on the public landing page.",
        ),
        default=DEFAULT_TAGLINE.default,
        required=True,
        max_length=200,
    )

    introduction = schema.Text(
        title=_("label_introduction", default="Introduction"),
        description=_(
            "help_introduction",
            default="A short paragraph telling visitors what the platform is for.",
        ),
        default=DEFAULT_INTRODUCTION.default,
        required=True,
    )

    coordinator_email = schema.ASCIILine(
        title=_("label_coordinator_email", default="Platform coordinator's e-mail address"),
        description=_(
            "help_coordinator_email",
            default="Membership requests and questions from visitors are sent here.",
        ),
        default="coordinator@clusterpolisee.eu",
        required=True,
    )

    videoconference_base_url = schema.URI(
        title=_("label_videoconference_base_url", default="Video-conference base URL"),
        description=_(
            "help_videoconference_base_url",
            default="Meeting rooms are created under this address. Any Jitsi-compatible "
            "service works.",
        ),
        default="https://meet.jit.si/",
        required=True,
    )
