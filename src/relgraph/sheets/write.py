"""Deterministic Turtle: the same statements always give the same bytes, so that ``git diff`` shows only what
changed.

This module owns the layout of an imported file: the marker line and a comment naming the source, a fixed list
of prefixes, the source's own description first, then every other subject sorted by IRI; in each, ``a`` first,
then labels and definition, the other properties sorted by name, and the quote and source last; objects sorted.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable

from ..namespaces import PREFIXES, PROV, RDF, RDFS, RG, SKOS
from ..terms import XSD, Literal, Term
from .model import MARKER, SourceFile, Triple

#: The prefixes every imported file declares, in this order.
FILE_PREFIXES = ("ug", "rg", "org", "cv", "schema", "prov", "skos", "rdfs", "xsd", "dct", "wd", "tooi")

_FIRST = (RDF.type, RDFS.label, SKOS.altLabel, SKOS.definition)
_LAST = (RG.quote, PROV.hadPrimarySource)
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def turtle(f: SourceFile) -> str:
    """The Turtle text of one source's statements."""
    width = max(len(p) for p in FILE_PREFIXES)
    lines = [MARKER, f"# Source: {_one_line(f.title)} ({f.id}). One source, one file, its own named graph.", ""]
    lines += [f"@prefix {p + ':':<{width + 1}} <{PREFIXES[p]}> ." for p in FILE_PREFIXES]
    by_subject: dict[str, list[tuple[str, Term]]] = defaultdict(list)
    for s, p, o in f.triples:
        by_subject[s].append((p, o))
    order = sorted(by_subject, key=lambda s: (s != f.iri, s))
    for s in order:
        lines.append("")
        lines.extend(_block(s, by_subject[s]))
    return "\n".join(lines) + "\n"


def _block(s: str, pairs: list[tuple[str, Term]]) -> list[str]:
    by_p: dict[str, list[str]] = defaultdict(list)
    for p, o in pairs:
        by_p[p].append(term(o))
    ps = sorted(by_p, key=_predicate_order)
    out = [_iri(str(s))]
    for i, p in enumerate(ps):
        values = by_p[p]
        objects = values[0] if len(values) == 1 else " , ".join(sorted(set(values)))
        end = " ." if i == len(ps) - 1 else " ;"
        out.append(f"    {'a' if p == RDF.type else _iri(str(p))} {objects}{end}")
    return out


def _predicate_order(p: str) -> tuple[int, str]:
    if p in _FIRST:
        return (_FIRST.index(p), "")
    if p in _LAST:
        return (len(_FIRST) + 1 + _LAST.index(p), "")
    return (len(_FIRST), _iri(str(p)))


def term(t: Term | str) -> str:
    """A term as Turtle: an IRI compacted with the file's prefixes when it can be, a literal escaped.

    >>> from relgraph.terms import IRI
    >>> term(IRI("https://w3id.org/relgraph/utrecht-guangdong/doftec"))
    'ug:doftec'
    >>> term(Literal('Zei "ja"', lang="nl"))
    '"Zei \\\\"ja\\\\""@nl'
    """
    if isinstance(t, Literal):
        return literal(str(t), t.lang, t.datatype)
    return _iri(str(t))


def literal(text: str, lang: str | None, datatype: str | None) -> str:
    """A literal as Turtle: its text escaped, then its language or its datatype (none for a plain string)."""
    quoted = '"' + text.translate(_ESCAPES) + '"'
    if lang:
        return f"{quoted}@{lang}"
    if datatype and datatype != XSD + "string":
        return f"{quoted}^^{_iri(str(datatype))}"
    return quoted


@functools.lru_cache(maxsize=1 << 16)
def _iri(iri: str) -> str:
    for p in FILE_PREFIXES:
        ns = PREFIXES[p]
        if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
            return f"{p}:{iri[len(ns):]}"
    return f"<{iri}>"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def subjects(triples: Iterable[Triple]) -> set[str]:
    """The subjects of ``triples``."""
    return {s for s, _, _ in triples}
