"""What an import would change, file by file and entity by entity: the plan ``--dry-run`` prints.

This module owns comparing the text an import would write with the file already there, statement by statement
(both parsed, so that only a real change counts), and saying it in lines a person reads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..namespaces import RDF, compact
from ..terms import Literal
from .model import Triple


@dataclass(frozen=True)
class FileChange:
    """One file of the import: where it goes, its new text, and the statements added and removed (each a
    ``(subject, predicate, object)`` of compact Turtle terms), ``new`` when there was no file."""

    path: Path
    text: str
    added: tuple[tuple[str, str, str], ...]
    removed: tuple[tuple[str, str, str], ...]
    new: bool
    states: tuple[tuple[str, str], ...] = ()  # each subject touched: new, changed or removed

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed) or self.new


@dataclass
class ImportPlan:
    """What an import adds and changes: one :class:`FileChange` per source, and whether it was ``written``."""

    files: list[FileChange] = field(default_factory=list)
    written: bool = False

    @property
    def changed(self) -> list[FileChange]:
        """The files whose statements change."""
        return [f for f in self.files if f.changed]

    def lines(self) -> list[str]:
        """The plan in words: each file, then each entity added or changed with its statements (``+``/``-``)."""
        out = []
        for f in self.files:
            if not f.changed:
                out.append(f"{f.path}: unchanged")
                continue
            n_add, n_rm = len(f.added), len(f.removed)
            what = f"new file, {n_add} statements" if f.new else f"{n_add} statements added, {n_rm} removed"
            out.append(f"{f.path}: {what}")
            out.extend(_by_entity(f))
        return out


def _by_entity(f: FileChange) -> list[str]:
    subjects: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for sign, triples in (("-", f.removed), ("+", f.added)):
        for s, p, o in triples:
            subjects[s].append((sign, p, o))
    states = dict(f.states)
    out = []
    for s in sorted(subjects):
        out.append(f"  {s} ({states[s]})")
        out.extend(f"    {sign} {p} {o}" for sign, p, o in sorted(subjects[s], key=lambda x: (x[1], x[0] != "-", x[2])))
    return out


def diff(path: Path, text: str, triples: Iterable[Triple] | None = None) -> FileChange:
    """The change from the file at ``path`` (if any) to ``text``; ``triples``, when given, are the statements
    ``text`` was written from (:func:`.write.turtle`), read as they are instead of parsing ``text`` again."""
    old = path.read_text(encoding="utf-8") if path.is_file() else None
    if old == text:  # the same text: the same statements (re-importing an unchanged sheet)
        return FileChange(path, text, (), (), False, ())
    new_triples = _parse(text) if triples is None else statements(triples)
    old_triples = _parse(old) if old is not None else set()
    added, removed = new_triples - old_triples, old_triples - new_triples
    before, after = {t[0] for t in old_triples}, {t[0] for t in new_triples}
    states = {s: "new" if s not in before else "removed" if s not in after else "changed"
              for s in {t[0] for t in added | removed}}
    return FileChange(path, text, tuple(sorted(added)), tuple(sorted(removed)), old is None,
                      tuple(sorted(states.items())))


def statements(triples: Iterable[Triple]) -> set[tuple[str, str, str]]:
    """The statements of a model as :func:`_parse` reads them from the Turtle :func:`.write.turtle` makes of
    them (tests/test_import.py checks that both agree): compact terms, ``a``, literals as Turtle."""
    from .write import literal

    names: dict[str, str] = {}  # each IRI compacted once (a 10,000-relation file repeats them)
    get, rdf_type, out = names.get, RDF.type, set()
    for s, p, o in triples:
        if type(o) is Literal:
            lang = o.lang
            shown = literal(str(o), lang, None if lang else o.datatype)
        else:
            shown = get(o) or names.setdefault(o, compact(str(o)))
        subject = get(s) or names.setdefault(s, compact(str(s)))
        out.add((subject, "a" if p == rdf_type else get(p) or names.setdefault(p, compact(str(p))), shown))
    return out


def _parse(text: str) -> set[tuple[str, str, str]]:
    import pyoxigraph

    from .write import literal

    names: dict[str, str] = {}  # compact() of each IRI once: a 10,000-relation file repeats them

    def name(iri: str) -> str:
        if iri not in names:
            names[iri] = compact(iri)
        return names[iri]

    out = set()
    for t in pyoxigraph.parse(text.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE):
        p = "a" if t.predicate.value == RDF.type else name(t.predicate.value)
        o = t.object
        if isinstance(o, pyoxigraph.Literal):
            language = o.language.lower() if o.language else None  # as relgraph.terms.Literal keeps it
            shown = literal(o.value, language, None if language or not o.datatype else o.datatype.value)
        else:
            shown = name(str(getattr(o, "value", o)))
        out.add((name(t.subject.value), p, shown))
    return out
