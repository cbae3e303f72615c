"""Quotes that are not in their source's excerpt: every ``rg:quote`` must be the source's own words.

This module owns the excerpts. A source is a ``prov:Entity``; when it has ``dct:source "<path>"``, that path names
a text file holding the source's words (its excerpt), found relative to the data folder (``sources/x.txt``) or
else to the folder above it (``data/sources/x.txt``). A ``dct:source`` that is an IRI or a URL is not an excerpt.
Lines that start with ``# `` at the top of an excerpt are its header (title, address, date of retrieval) and
cannot be quoted.

Every ``rg:quote`` of a resource whose ``prov:hadPrimarySource`` has an excerpt must occur in it, once runs of
whitespace are made one space (line breaks and indentation of the excerpt do not matter) and both ends are
stripped; everything else is compared exactly: a curly apostrophe is not a straight one, case counts. The
sources of a quote are those its resource names in the same file (and named graph), else anywhere in the dataset;
a quote is checked only when every one of those sources has an excerpt, and it must occur in one of them.

A quote not found, and an excerpt file that is missing or unreadable, are reported with file, line and column:
``quote not found in its source's excerpt sources/y.txt: "first 60 characters…"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..namespaces import PROV, RDF, RG, compact
from .files import DataFile, node, triples
from .report import Finding, shown_text

_DCT_SOURCE = "http://purl.org/dc/terms/source"
_SHOWN = 60
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Excerpt:
    """The excerpt a source names: ``named`` as written in ``dct:source``, and its normalised ``text`` (None when
    the file is missing or unreadable, already reported)."""

    named: str
    text: str | None


#: The passages of the last texts looked in (see Passages.of), the most recent last.
_KEPT: dict[str, Passages] = {}


class Passages:
    """A long text in which many quotes are looked for: ``quote in passages`` is ``quote in text``, fast when asked
    thousands of times (an import of 10,000 relations quoting one excerpt spent seconds scanning it).

    After a few look-ups, the text's word starts are indexed by the :data:`KEY` characters that follow; a quote is
    then compared only where the word after its first space starts with the same characters (that word starts a
    word of the text too). A quote with no such word is looked for in the whole text.

    >>> p = Passages("De provincie Utrecht werkt samen met Guangdong.")
    >>> all("samen met Guang" in p for _ in range(40)), "ncie Utrecht werkt" in p, "Utrecht werkt niet" in p
    (True, True, False)
    """

    KEY = 6
    EAGER = 32  # look-ups before the index is built
    KEPT = 4  # texts whose passages :meth:`of` keeps

    def __init__(self, text: str) -> None:
        self.text = text
        self._asked = 0
        self._at: dict[str, list[int]] | None = None
        self._answers: dict[str, bool] = {}

    @classmethod
    def of(cls, text: str) -> Passages:
        """The passages of ``text``, shared with the last look-ups in an equal text (an import checks its quotes
        in the excerpt, then validation checks the same quotes in the same excerpt again: asked once)."""
        found = _KEPT.pop(text, None) or cls(text)
        _KEPT[text] = found
        while len(_KEPT) > cls.KEPT:
            del _KEPT[next(iter(_KEPT))]
        return found

    def __contains__(self, quote: str) -> bool:
        found = self._answers.get(quote)
        if found is None:
            found = self._answers[quote] = self._look_up(quote)
        return found

    def _look_up(self, quote: str) -> bool:
        self._asked += 1
        cut = quote.find(" ") + 1
        if self._asked <= self.EAGER or cut <= 0 or len(quote) - cut < self.KEY or quote[cut].isspace():
            return quote in self.text
        if self._at is None:
            self._at = {}
            for m in re.finditer(r"(?:^|(?<=\s))(?=\S)", self.text):
                self._at.setdefault(self.text[m.start():m.start() + self.KEY], []).append(m.start())
        key = quote[cut:cut + self.KEY]
        return any(i >= cut and self.text.startswith(quote, i - cut) for i in self._at.get(key, ()))


def normalised(text: str) -> str:
    """Runs of whitespace as one space, both ends stripped.

    >>> normalised("  Van 28 oktober\\n tot  4 november ")
    'Van 28 oktober tot 4 november'
    """
    return _SPACE.sub(" ", text).strip()


def body(text: str) -> str:
    """An excerpt without its header: the lines starting with ``# `` at its top."""
    lines = text.splitlines(keepends=True)
    start = 0
    while start < len(lines) and lines[start].startswith("# "):
        start += 1
    return "".join(lines[start:])


def check(files: list[DataFile], folder: Path) -> tuple[list[Finding], int]:
    """The quotes of ``files`` not found in their sources' excerpts, the excerpts that cannot be read, and the
    number of quotes found."""
    chosen = _chosen(files)
    excerpts, findings = _excerpts(chosen, folder)
    known = _sources(chosen[PROV.hadPrimarySource])
    found = 0
    passages = {s: Passages.of(e.text) for s, e in excerpts.items() if e.text is not None}
    for f in files:
        for _, q in (x for x in chosen[RG.quote] if x[0] is f):
            if type(q.object).__name__ != "Literal":
                continue
            subject = q.subject
            sources = known.get((id(f), q.graph_name, subject)) or known.get((None, None, subject), set())
            texts = [excerpts[s] for s in sorted(sources) if s in excerpts]
            if not sources or len(texts) < len(sources) or any(e.text is None for e in texts):
                continue  # a source without an excerpt: nothing to check against (a missing one is reported)
            if any(normalised(q.object.value) in passages[s] for s in sorted(sources)):
                found += 1
                continue
            findings.append(_not_found(f, q, [e.named for e in texts]))
    return findings, found


def _chosen(files: list[DataFile]) -> dict[str, list[tuple[DataFile, Any]]]:
    """The quads of the four properties this check reads, with their files, in order: one pass over the data
    (pyoxigraph makes a new object for each term read, so every pass over 100,000 statements costs)."""
    out: dict[str, list[tuple[DataFile, Any]]] = {p: [] for p in (RG.quote, PROV.hadPrimarySource, RDF.type,
                                                                  _DCT_SOURCE)}
    for f, q in triples(files):
        chosen = out.get(q.predicate.value)
        if chosen is not None:
            chosen.append((f, q))
    return out


def _sources(quads: Iterable[tuple[DataFile, Any]]) -> dict[tuple[Any, Any, Any], set[str]]:
    """The sources of each subject, by (file, named graph, subject) and by (None, None, subject) over all files
    and graphs (``quads``: those of prov:hadPrimarySource)."""
    out: dict[tuple[Any, Any, Any], set[str]] = {}
    for f, q in quads:
        o = q.object
        if type(o).__name__ == "NamedNode":
            s = q.subject
            out.setdefault((id(f), q.graph_name, s), set()).add(o.value)
            out.setdefault((None, None, s), set()).add(o.value)
    return out


def _excerpts(chosen: dict[str, list[tuple[DataFile, Any]]], folder: Path) -> tuple[dict[str, Excerpt],
                                                                                     list[Finding]]:
    """The excerpt of each source that names one, read once; and a finding for each that cannot be read."""
    entities = {q.subject.value for _, q in chosen[RDF.type]
                if q.object.value == PROV.Entity and type(q.subject).__name__ == "NamedNode"}
    excerpts: dict[str, Excerpt] = {}
    findings = []
    for f, q in chosen[_DCT_SOURCE]:
        if (q.subject.value not in entities or q.subject.value in excerpts
                or type(q.object).__name__ != "Literal" or "://" in q.object.value):
            continue
        named = q.object.value
        text, problem = _read(named, folder)
        excerpts[q.subject.value] = Excerpt(named, text)
        if problem:
            line, column = f.locate(q.object, q.subject)
            message = f"excerpt of {compact(q.subject.value)} {problem}: dct:source {shown_text(named)}"
            findings.append(Finding(focus=node(q.subject), path="dct:source", value=shown_text(named), message=message,
                                    file=str(f.path), line=line, column=column))
    return excerpts, findings


def _read(named: str, folder: Path) -> tuple[str | None, str]:
    """The normalised body of the excerpt ``named``, or None and what is wrong with it."""
    tried = [Path(named)] if Path(named).is_absolute() else [folder / named, folder.parent / named]
    path = next((p for p in tried if _is_file(p)), None)
    if path is None:
        return None, "not found (looked for " + " and ".join(str(p) for p in dict.fromkeys(tried)) + ")"
    try:
        return normalised(body(path.read_text(encoding="utf-8"))), ""
    except (OSError, UnicodeDecodeError) as e:
        return None, f"cannot be read ({path}: {e.__class__.__name__})"


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long for the file system, for one
        return False


def _not_found(f: DataFile, q: Any, named: list[str]) -> Finding:
    where = (f"its source's excerpt {named[0]}" if len(named) == 1 else
             f"its sources' excerpts {', '.join(named)}")
    line, column = f.locate(q.object, q.subject)
    return Finding(
        focus=node(q.subject), path="rg:quote", value=shown_text(q.object.value), file=str(f.path), line=line,
        column=column, message=f"quote not found in {where}: {shown_text(normalised(q.object.value), _SHOWN + 1)}")
