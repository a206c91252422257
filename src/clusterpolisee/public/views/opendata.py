"""``@@open-data``: what the datasets hold, and their downloads at ``@@open-data/<name>.csv`` and
``@@open-data/<name>.json``; the DCAT-AP catalogue of them at ``@@open-data/catalog.jsonld`` and
``@@open-data/catalog.ttl`` (dcat.py)."""

from clusterpolisee import _
from clusterpolisee.public import dcat
from clusterpolisee.public.opendata import as_csv
from clusterpolisee.public.opendata import as_json
from clusterpolisee.public.opendata import DATASETS
from plone import api
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


FORMATS = {
    "csv": ("text/csv; charset=utf-8", as_csv),
    "json": ("application/json; charset=utf-8", as_json),
}
# The DCAT-AP catalogue, one graph in two serialisations (dcat.py).
CATALOG_FORMATS = {
    "catalog.jsonld": ("application/ld+json; charset=utf-8", dcat.as_jsonld),
    "catalog.ttl": ("text/turtle; charset=utf-8", dcat.as_turtle),
}


def dataset_file(response, dataset, extension):
    """A dataset's download, as a file."""
    content_type, render = FORMATS[extension]
    response.setHeader("Content-Type", content_type)
    response.setHeader(
        "Content-Disposition", f'attachment; filename="clusterpolisee-{dataset}.{extension}"'
    )
    return render(dataset)


@implementer(IPublishTraverse)
class OpenDataView(BrowserView):
    page_title = _("heading_open_data", default="Open data")
    download = None

    def publishTraverse(self, request, name):
        if self.download is None and name in CATALOG_FORMATS:
            self.download = ("catalog", name)
            return self
        dataset, _dot, extension = name.rpartition(".")
        if self.download is not None or dataset not in DATASETS or extension not in FORMATS:
            raise NotFound(name)
        if dataset in UNCACHED:
            download = UncachedDownload(self.context, request)
            download.download = (dataset, extension)
            return download
        self.download = (dataset, extension)
        return self

    def __call__(self):
        if self.download is None:
            return self.index()
        dataset, extension = self.download
        if dataset == "catalog":
            content_type, render = CATALOG_FORMATS[extension]
            self.request.response.setHeader("Content-Type", content_type)
            return render(api.portal.get().absolute_url())
        return dataset_file(self.request.response, dataset, extension)

    def datasets(self):
        base = f"{self.context.absolute_url()}/@@open-data"
        return [
            {
                "id": dataset,
                "title": spec["title"],
                "description": spec["description"],
                "csv": f"{base}/{dataset}.csv",
                "json": f"{base}/{dataset}.json",
                "columns": [
                    {"name": name, "description": description, "multi": multi}
                    for name, description, _read, multi in spec["columns"]
                ],
            }
            for dataset, spec in DATASETS.items()
        ]

    def catalog_links(self):
        """The indicators' downloads and the DCAT-AP catalogue, for the page's head and links."""
        root = self.context.absolute_url()
        base = f"{root}/@@open-data"
        return {
            "indicators_csv": f"{root}/@@indicators.csv",
            "indicators_json": f"{root}/@@indicators.json",
            "jsonld": f"{base}/catalog.jsonld",
            "turtle": f"{base}/catalog.ttl",
            "licence_name": dcat.LICENCE_NAME,
            "licence_url": dcat.LICENCE_URL,
        }


# Counts that change without a catalog change (answers saved or erased), which the cache rule
# of the page (keyed on the catalog) would keep stale: computed on every download.
UNCACHED = ("consultations",)


class UncachedDownload(BrowserView):
    """A download that no cache rule keeps (not an OpenDataView, whose rule its subclasses
    would share)."""

    download = None

    def __call__(self):
        dataset, extension = self.download
        return dataset_file(self.request.response, dataset, extension)
