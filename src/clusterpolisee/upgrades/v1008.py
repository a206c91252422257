"""1007 -> 1008: the caching policy (plone.app.caching, profile clusterpolisee:caching)."""


def upgrade(context):
    context.runAllImportStepsFromProfile("profile-clusterpolisee:caching", purge_old=False)
