"""A document as plain text: ``.txt`` and ``.md`` as they are, ``.html`` without its markup, ``.docx`` read from
its XML with the standard library, ``.pdf`` with pypdf (when installed). Nothing reaches the network.

This module owns reading documents for :mod:`relgraph.mentions`; every problem is one line naming the file.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import DataError

#: The kinds of document mentions reads, by suffix.
SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")

_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "title",
        "pre",
        "dd",
        "dt",
    ]
)


def read_document(path: str | Path) -> str:
    """The text of the document at ``path``.

    Raises :class:`~relgraph.errors.DataError` for a missing or unreadable file, a kind not read, text that is not
    UTF-8, or a PDF without pypdf.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DataError(
            f"cannot read a {suffix or 'file without suffix'} document: give one of {', '.join(SUFFIXES)}",
            path=str(path),
        )
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DataError(f"cannot read: {e.strerror or e}", path=str(path)) from None
    if suffix == ".docx":
        return _docx(path, data)
    if suffix == ".pdf":
        return _pdf(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise DataError("not UTF-8 text: save the document as UTF-8", path=str(path), line=line) from None
    return html_text(text) if suffix in (".html", ".htm") else text


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The text of an HTML page: scripts and styles left out, each block a paragraph of its own.

    >>> html_text("<p>DOFTEC &amp; de <b>Provinciale Staten</b>.</p><script>x()</script>")
    'DOFTEC & de Provinciale Staten.'
    """
    parser = _Text()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t\n]*\n[ \t\n]*", "\n\n", text)
    return text.strip()


def _docx(path: Path, data: bytes) -> str:
    import io
    import zipfile
    from xml.etree import ElementTree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            root = ElementTree.fromstring(z.read("word/document.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        raise DataError("not a .docx document (no word/document.xml in it)", path=str(path)) from None
    paragraphs = ["".join(t.text or "" for t in p.iter(f"{w}t")) for p in root.iter(f"{w}p")]
    return "\n\n".join(p for p in paragraphs if p.strip())


def _pdf(path: Path) -> str:
    try:
        import pypdf
    except ImportError:
        raise DataError("reading a PDF needs pypdf: pip install 'relgraph[import]'", path=str(path)) from None
    try:
        reader = pypdf.PdfReader(path)
        return "\n\n".join((page.extract_text() or "") for page in reader.pages)
    except Exception as e:  # noqa: BLE001 - pypdf raises many kinds for a broken file
        raise DataError(f"cannot read the PDF ({type(e).__name__})", path=str(path)) from None
