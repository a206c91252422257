"""Upgrade steps of the default profile.

Every change to ``profiles/default`` raises the version in ``metadata.xml`` and registers a step
in ``upgrades/configure.zcml`` that brings an existing site from the previous version to it.
"""

PROFILE_ID = "profile-clusterpolisee:default"


def reimport_steps(context, *step_ids):
    """Re-run the named import steps of the default profile (for example "typeinfo")."""
    for step_id in step_ids:
        context.runImportStepFromProfile(PROFILE_ID, step_id)
