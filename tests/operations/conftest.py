"""A Plone site with the platform, made once per test run, copied by each operations test."""

from tests.operations.servers import filestorage
from tests.operations.servers import Zope
import fcntl
import os
import pytest


@pytest.fixture(scope="session")
def site_template(tmp_path_factory):
    """A FileStorage (Data.fs and blobs) holding a new platform site, without demo content.

    Made once for both test processes (pytest-xdist): the first to need it makes it while the
    other waits on the lock; each test copies it before opening it.
    """
    # Test processes of one run share their base folder's parent; a run in one process keeps
    # to its own folder (the parent holds earlier runs).
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = shared / "site-template"
    with open(shared / "site-template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "ready").exists():
            Zope("zope", folder / "instance", storage=filestorage(folder)).create_site()
            (folder / "ready").touch()
    return folder
