"""``@@open-data``: what the datasets hold, and their downloads at ``@@open-data/<name>.csv`` and
``@@open-data/<name>.json``."""

from clusterpolisee.public.opendata import as_csv
from clusterpolisee.public.opendata import as_json
from clusterpolisee.public.opendata import DATASETS
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


FORMATS = {
    "csv": ("text/csv; charset=utf-8", as_csv),
    "json": ("application/json; charset=utf-8", as_json),
}


@implementer(IPublishTraverse)
class OpenDataView(BrowserView):
    download = None

    def publishTraverse(self, request, name):
        dataset, _dot, extension = name.rpartition(".")
        if self.download is not None or dataset not in DATASETS or extension not in FORMATS:
            raise NotFound(name)
        self.download = (dataset, extension)
        return self

    def __call__(self):
        if self.download is None:
            return self.index()
        dataset, extension = self.download
        content_type, render = FORMATS[extension]
        response = self.request.response
        response.setHeader("Content-Type", content_type)
        response.setHeader(
            "Content-Disposition", f'attachment; filename="clusterpolisee-{dataset}.{extension}"'
        )
        return render(dataset)

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
