"""PortalTransforms transforms that give the text of uploaded PDF, DOCX and ODT files.

Plone's File indexer (plone.app.contenttypes) asks portal_transforms for a path to text/plain;
these pure-Python transforms provide it without system binaries, so uploaded documents are found
by their content. The setup handler registers them (``register_transforms``).
"""

from io import BytesIO
from Products.PortalTransforms.interfaces import ITransform
from xml.etree import ElementTree
from zope.interface import implementer
import logging
import zipfile


logger = logging.getLogger(__name__)

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Text extraction is for the search index: a huge file is cut rather than slowing uploads.
MAX_CHARACTERS = 1_000_000


def pdf_text(data):
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(data))
    pages, size = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        pages.append(text)
        size += len(text)
        if size > MAX_CHARACTERS:
            break
    return "\n".join(pages)


def docx_text(data):
    with zipfile.ZipFile(BytesIO(data)) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    paragraphs = (
        "".join(node.text or "" for node in paragraph.iter(f"{WORD_NS}t"))
        for paragraph in root.iter(f"{WORD_NS}p")
    )
    return "\n".join(paragraphs)


def odt_text(data):
    with zipfile.ZipFile(BytesIO(data)) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    return " ".join(text.strip() for text in root.itertext() if text.strip())


@implementer(ITransform)
class DocumentToText:
    """Transform one document format to text/plain; unreadable files give no text."""

    output = "text/plain"

    def __init__(self, name, mimetype, extract):
        self.__name__ = name
        self.inputs = (mimetype,)
        self.extract = extract
        self.config = {}

    def name(self):
        return self.__name__

    def convert(self, orig, data, **kwargs):
        try:
            text = self.extract(orig if isinstance(orig, bytes) else bytes(orig))
        except Exception:
            logger.warning("No text from %s", kwargs.get("filename") or self.__name__)
            text = ""
        data.setData(text[:MAX_CHARACTERS])
        return data


TRANSFORMS = {
    "clusterpolisee_pdf_to_text": (PDF, pdf_text),
    "clusterpolisee_docx_to_text": (DOCX, docx_text),
    "clusterpolisee_odt_to_text": (ODT, odt_text),
}
