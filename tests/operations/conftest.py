"""A Plone site with the platform, made once per test run, copied by each operations test."""

from tests.operations.servers import filestorage
from tests.operations.servers import Zope
import pytest


@pytest.fixture(scope="session")
def site_template(tmp_path_factory):
    """A FileStorage (Data.fs and blobs) holding a new platform site, without demo content."""
    folder = tmp_path_factory.mktemp("site-template")
    Zope("zope", folder / "instance", storage=filestorage(folder)).create_site()
    return folder
