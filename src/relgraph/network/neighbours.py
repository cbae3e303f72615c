"""What surrounds one entity: every entity within a few relations of it, each with the relation that reaches it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..arguments import whole_number
from .paths import steps_between
from .shape import as_network, find_node, undirected

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .shape import Source


def neighbour_rows(source: Source, entity: str, *, depth: int = 1, lang: str = "en",
                   as_of: str | dt.date | None = None) -> list[dict[str, Any]]:
    """What surrounds one entity, up to ``depth`` relations away: one record per relation that reaches a neighbour.

    Each record has ``distance`` (1 = a direct neighbour), ``neighbour`` (label), ``kind`` (of the neighbour),
    ``relation`` (label), ``direction`` (``"out"`` when the relation points from ``via`` to the neighbour,
    ``"in"`` when it points from the neighbour to ``via``, ``"both"`` for a relation without direction),
    ``via`` (the entity one step closer, the entity itself at distance 1), ``status``, ``start``, ``end``,
    ``date_unknown`` (True when found ``as_of`` a day and the relation has no known date), ``quote`` and the IRIs
    (``neighbour_iri``, ``via_iri``, ``relation_iri``). Sorted by distance, neighbour and relation.

    Examples
    --------
    >>> rows = neighbour_rows(relgraph.open("data"), "DOFTEC")                         # doctest: +SKIP
    >>> sorted({r["neighbour"] for r in rows})                                         # doctest: +SKIP
    ['Economic mission to Guangdong 2017', 'Provincial government of Guangdong', 'Structural cooperation ...']
    """
    import networkx as nx

    depth = whole_number(depth, "depth", low=1)
    net, g = as_network(source, lang=lang, as_of=as_of)
    centre = find_node(net, g, entity)
    simple = undirected(net)
    distance = nx.single_source_shortest_path_length(simple, centre, cutoff=depth)
    rows: list[dict[str, Any]] = []
    for n, d in distance.items():
        if d == 0:
            continue
        for via in simple.neighbors(n):
            if distance.get(via) != d - 1:
                continue
            for step in steps_between(net, via, n):
                direction = {"forward": "out", "backward": "in", "both": "both"}[step.direction]
                node = net.nodes[n]
                rows.append({
                    "distance": d, "neighbour": node["label"], "kind": node["kind"], "relation": step.label,
                    "direction": direction, "via": step.source_label, "status": step.status,
                    "start": step.start, "end": step.end, "date_unknown": step.date_unknown, "quote": step.quote,
                    "source": step.document_label,
                    "neighbour_iri": n, "via_iri": via, "relation_iri": step.relation, "source_iri": step.document,
                })
    rows.sort(key=lambda r: (r["distance"], r["neighbour"].lower(), r["relation"].lower(), r["via"].lower()))
    return rows


def neighbours(source: Source, entity: str, *, depth: int = 1, lang: str = "en",
               as_of: str | dt.date | None = None) -> pandas.DataFrame:
    """:func:`neighbour_rows` as a pandas DataFrame (needs ``pip install relgraph[pandas]``).

    Examples
    --------
    >>> neighbours(relgraph.open("data"), "DOFTEC", depth=2)[["distance", "neighbour", "relation"]]  # doctest: +SKIP
    """
    import pandas as pd

    rows = neighbour_rows(source, entity, depth=depth, lang=lang, as_of=as_of)
    return pd.DataFrame(rows, columns=list(rows[0]) if rows else NEIGHBOUR_COLUMNS)


NEIGHBOUR_COLUMNS = ["distance", "neighbour", "kind", "relation", "direction", "via", "status", "start", "end",
                     "date_unknown", "quote", "source", "neighbour_iri", "via_iri", "relation_iri", "source_iri"]
