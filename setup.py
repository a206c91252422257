"""Installer for the clusterpolisee package."""

from pathlib import Path
from setuptools import find_packages
from setuptools import setup


long_description = "\n\n".join(
    Path(name).read_text(encoding="utf-8") for name in ("README.rst", "CHANGES.rst")
)

setup(
    name="clusterpolisee",
    version="1.0.0.dev0",
    description="SEE Cluster Policy Learning Platform: a Plone 6 add-on for cluster policy makers in South East Europe",
    long_description=long_description,
    long_description_content_type="text/x-rst",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python",
        "Programming Language :: Python :: 3.11",
        "Operating System :: OS Independent",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
    ],
    keywords="Python Plone CMS cluster policy learning platform",
    license="GPL version 2",
    packages=find_packages("src"),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "setuptools",
        "Products.CMFPlone",
        "plone.classicui",
        "plone.api",
        "plone.restapi",
        "plone.app.contenttypes",
        "plone.app.dexterity",
        "plone.app.versioningbehavior",
        "plone.app.discussion",
        "plone.app.multilingual",
        "plone.app.event",
        "plone.app.caching",
        "collective.easyform",
        "collective.taxonomy",
        "Products.CMFPlacefulWorkflow",
        # Text of uploaded PDF files for the search index, without system binaries.
        "pypdf",
        # The repository's RSS feed.
        "feedgen",
        # The local mail catcher that `make start` runs (operations/mailcatcher.py).
        "aiosmtpd",
        # Sign-in security: a second factor from an authenticator app, and its enrolment picture.
        "pyotp",
        "qrcode",
        # Single sign-on through OpenID Connect.
        "pas.plugins.oidc",
        # The open data's DCAT-AP catalogue (JSON-LD, Turtle).
        "rdflib",
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "plone.testing",
            "pytest",
            "zope.pytestlayer",
            "playwright",
            "WebTest",
            "requests",
            "aiosmtpd",
            "pytest-xdist",
            # The tests' clock (tests/clock.py).
            "time-machine",
        ],
    },
    entry_points="""
    [z3c.autoinclude.plugin]
    target = plone

    [console_scripts]
    clusterpolisee-mailcatcher = clusterpolisee.operations.mailcatcher:main
    """,
)
