"""Marker interfaces of the partner search."""

from zope.interface import Interface


class IPartnerSearch(Interface):
    """The partner search's folder (setup.py): its layout lists the open requests."""
