"""Two states of one thing from the same source: one source says one thing at a time.

This module owns the rule that a source describes each thing as it was at the source's date. Each data file
holds one source's claims (and each named graph of a TriG file, one source's), so within one file and graph a
subject may have one ``rg:status``, one ``schema:startDate`` and one ``schema:endDate``; two different values are
an error, named with the file, the line where the subject is described, the subject and the values:
``ug:x has two rg:status values in one source: rg:Active and rg:Ended``.

The same subject with different values in two files is state over time (the 2017 letter says a relation is
active, a later source that it ended) and is fine: that is why the shapes no longer count these properties across
the whole dataset.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..namespaces import RG, SCHEMA, compact
from .files import DataFile, node
from .report import Finding, shown_literal

#: The properties of which one source gives one value for a thing.
STATE_PROPERTIES = (RG.status, SCHEMA.startDate, SCHEMA.endDate)

_COUNT = {2: "two", 3: "three"}


def check(files: Iterable[DataFile]) -> list[Finding]:
    """One finding for each subject and property with more than one value in one file (and named graph)."""
    out = []
    for f in files:
        values: dict[tuple[Any, Any, str], list[Any]] = {}
        for q in f.quads:
            if q.predicate.value in STATE_PROPERTIES:
                found = values.setdefault((q.graph_name, q.subject, q.predicate.value), [])
                if q.object not in found:
                    found.append(q.object)
        for (_, subject, prop), terms in values.items():
            if len(terms) > 1:
                out.append(_finding(f, subject, prop, terms))
    return out


def _finding(f: DataFile, subject: Any, prop: str, terms: list[Any]) -> Finding:
    shown = [_shown(t) for t in terms]
    listed = ", ".join(shown[:-1]) + " and " + shown[-1]
    name = compact(node(subject)) if type(subject).__name__ == "NamedNode" else node(subject)
    line, column = f.locate(None, subject)
    return Finding(
        focus=node(subject), path=compact(prop), value=listed, file=str(f.path), line=line, column=column,
        message=f"{name} has {_COUNT.get(len(terms), len(terms))} {compact(prop)} values in one source: {listed} "
                "(a later state belongs in the later source's file)")


def _shown(term: Any) -> str:
    if type(term).__name__ == "Literal":
        return shown_literal(term.value, term.language, term.datatype.value)
    return compact(term.value) if type(term).__name__ == "NamedNode" else node(term)
