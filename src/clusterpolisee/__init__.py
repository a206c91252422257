"""SEE Cluster Policy Learning Platform."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "clusterpolisee"

_ = MessageFactory(PACKAGE_NAME)
