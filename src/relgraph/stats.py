"""Counts that describe a dataset: triples, entities by kind and by class, relations, sources and quotes."""

from __future__ import annotations

from dataclasses import dataclass

from .core import Graph
from .kinds import kind_of
from .store.files import graph_files


@dataclass(frozen=True)
class Stats:
    """Counts that describe a dataset."""

    triples: int
    entities: int
    relations: int
    sources: int
    quotes: int
    files: tuple[str, ...]
    by_class: tuple[tuple[str, str, int], ...]
    by_kind: tuple[tuple[str, int], ...]


def stats(g: Graph) -> Stats:
    """Counts of triples, entities by class and by kind, relations, sources and quotes.

    Examples
    --------
    >>> from relgraph.store import open_store
    >>> stats(Graph(open_store([]))).triples
    0
    """
    raw = g.internal("stats")
    row = dict(zip(raw.columns, raw.rows[0]))
    classes = g.internal("classes")
    names = g.labels({str(r[0]) for r in classes.rows})
    by_class = tuple((str(c), names[str(c)], int(str(n))) for c, n in classes.rows)
    kinds: dict[str, int] = {}
    entities = 0
    for cls, n in g.internal("entity-kinds").rows:
        k = kind_of(str(cls).split()).en
        kinds[k] = kinds.get(k, 0) + int(str(n))
        entities += int(str(n))
    return Stats(triples=len(g.store), entities=entities, relations=int(str(row["relations"])),
                 sources=int(str(row["sources"])), quotes=int(str(row["quotes"])),
                 files=tuple(str(f) for f in g.files) or tuple(graph_files(g.store.graph_names())),
                 by_class=by_class,
                 by_kind=tuple(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))))
