"""The files validation reads, each parsed once, and where in its text a term is written.

This module owns :class:`DataFile`: one RDF file of the dataset with its quads (read by
:func:`relgraph.store.files.parse`, the one parser of data files) and its text. The parser gives no position per
triple, so a check that names a place looks for the term in the text: the first occurrence of its prefixed name
(under any prefix the file declares for its namespace) or of its ``<full IRI>``, or of a literal's quoted text,
outside comments. A subject is looked for where a description starts (first on its line) before anywhere else;
a value is looked for after its subject. When the text cannot be found, the finding names the file alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .. import seed
from ..store.files import FORMATS, parse

_PREFIX = re.compile(r"""(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>\s]*)>""", re.IGNORECASE)
_LOCAL = re.compile(r"^[\w-](?:[\w.-]*[\w-])?$")
# a prefixed name stands alone: not part of a longer name before or after it (a final "." ends the statement)
_BEFORE = r"(?<![\w.:-])"
_AFTER = r"(?![\w:%-]|\.[\w-])"


_ECHAR = {"\t": "t", "\b": "b", "\n": "n", "\r": "r", "\f": "f", '"': '"', "'": "'", "\\": "\\"}


def _written(c: str) -> str:
    """A regular expression for one character of a literal as Turtle may write it: itself, its escape
    (``\\n``, ``\\"``) or its code point (``\\u00e9``, ``\\U0001F600``)."""
    ways = [re.escape(c)] if c != "\\" else []
    if c in _ECHAR:
        ways.append(re.escape("\\" + _ECHAR[c]))
    ways += [rf"\\u(?i:{ord(c):04x})", rf"\\U(?i:{ord(c):08x})"]
    return "(?:" + "|".join(ways) + ")"


@dataclass
class DataFile:
    """One RDF file: its ``path``, its ``quads`` and whether it is an ``ontology`` file (``ontology*.ttl``)."""

    path: Path
    quads: list[Any] = field(repr=False)
    ontology: bool = False

    @classmethod
    def read(cls, path: Path, *, ontology: bool = False, root: Path | None = None) -> DataFile:
        """Parse ``path`` (relative IRIs against its graph name within ``root``, as the store loads it); raises
        :class:`~relgraph.errors.DataError` naming file, line and column."""
        return cls(path, parse(path, root), ontology)

    @cached_property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8", errors="replace")

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(m.end() for m in re.finditer("\n", self.text))]

    @cached_property
    def _prefixes(self) -> list[tuple[str, str]]:
        """(prefix, namespace) as the file declares them."""
        return [(m.group(1) or "", m.group(2)) for m in _PREFIX.finditer(self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def spellings(self, term: Any) -> list[str]:
        """The ways ``term`` (a pyoxigraph term) may be written in this file, as regular expressions."""
        kind = type(term).__name__
        if kind == "NamedNode":
            iri = term.value
            names = [f"{p}:{iri[len(ns):]}" for p, ns in self._prefixes
                     if iri.startswith(ns) and _LOCAL.match(iri[len(ns):])]
            return [re.escape(f"<{iri}>"), *(_BEFORE + re.escape(n) + _AFTER for n in names)]
        if kind == "Literal":
            text = "".join(_written(c) for c in term.value)
            return [f"{q}{text}{q}" for q in ('"""', "'''", '"', "'")]
        return []

    def find(self, term: Any, *, after: int = 0, first_on_line: bool = False) -> int | None:
        """The offset where ``term`` is first written (from ``after`` on), outside comments; None if nowhere.

        With ``first_on_line``, an occurrence that starts its line (where a description begins) is preferred.
        """
        patterns = self.spellings(term)
        if not patterns:
            return None
        found = [m.start() for m in re.finditer("|".join(patterns), self.text[after:])]
        offsets = [after + o for o in found if not self._in_comment(after + o)]
        if first_on_line:
            starting = [o for o in offsets if not self.text[self._line_start(o):o].strip()]
            offsets = starting or offsets
        return offsets[0] if offsets else None

    def locate(self, term: Any, subject: Any = None) -> tuple[int, int]:
        """Line and column of ``term`` (after ``subject``'s description when given, else anywhere); (0, 0) if
        not found. With ``term`` None, where ``subject`` is described."""
        start = self.find(subject, first_on_line=True) if subject is not None else None
        if term is None:
            offset = start
        else:
            offset = self.find(term, after=start) if start is not None else None
            if offset is None:
                offset = self.find(term)
            if offset is None:
                offset = start
        return self.position(offset) if offset is not None else (0, 0)

    def _line_start(self, offset: int) -> int:
        return self._line_starts[bisect.bisect_right(self._line_starts, offset) - 1]

    def _in_comment(self, offset: int) -> bool:
        """True when a ``#`` outside an IRI or a string comes before ``offset`` on its line."""
        quote, iri, escaped = "", False, False
        for c in self.text[self._line_start(offset):offset]:
            if escaped:
                escaped = False
            elif quote:
                escaped = c == "\\"
                quote = "" if c == quote else quote
            elif iri:
                iri = c != ">"
            elif c in "\"'":
                quote = c
            elif c == "<":
                iri = True
            elif c == "#":
                return True
        return False


def is_ontology(path: Path) -> bool:
    """True for the ontology files of a dataset (``ontology*.ttl`` and the like)."""
    return path.name.lower().startswith("ontology")


def read_files(files: Iterable[Path], folder: Path) -> list[DataFile]:
    """Every file to validate: ``files``, and the ``ontology*`` files of ``folder`` when ``files`` has none.

    pySHACL copies only the RDFS/OWL axioms of its ontology graph into the data graph, not the concepts an
    ontology defines (``rg:Active a rg:Status``), so the ontology files are validated with the data as well: that
    way ``sh:class rg:Status`` sees the statuses, and ``sh:class org:Organization`` the subclass axioms. When the
    dataset has no ontology file (a single data file was opened), the ``ontology*`` files of its folder are used,
    else the ontology that ships with relgraph.
    """
    files = list(files)
    extra: list[Path] = []
    if not any(is_ontology(f) for f in files):
        extra = sorted(p for p in folder.glob("ontology*") if p.is_file() and p.suffix.lower() in FORMATS)
        extra = extra or [seed.file("ontology.ttl")]  # the ontology that ships with relgraph
    return [DataFile.read(f, ontology=is_ontology(f), root=folder)
            for f in [*files, *(e for e in extra if e not in files)]]


def node(term: Any) -> str:
    """A subject as findings name it: its IRI, or ``_:id`` for a blank node."""
    value = str(getattr(term, "value", ""))
    return f"_:{value}" if type(term).__name__ == "BlankNode" else value


def triples(files: Iterable[DataFile]) -> Iterator[tuple[DataFile, Any]]:
    """Each quad of ``files`` with the file it was read from."""
    for f in files:
        for q in f.quads:
            yield f, q
