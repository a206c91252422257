"""portal_transforms loads a transform from a module's ``register()``."""

from clusterpolisee.repository.transforms import DocumentToText
from clusterpolisee.repository.transforms import TRANSFORMS


NAME = "clusterpolisee_pdf_to_text"


def register():
    mimetype, extract = TRANSFORMS[NAME]
    return DocumentToText(NAME, mimetype, extract)
