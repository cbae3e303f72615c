"""Who is central and who brokers: entities ranked by a centrality measure over the undirected simple network."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..arguments import whole_number
from ..core import Graph
from ..errors import ParameterError
from ..kinds import BY_KEY
from ..languages import check_lang
from .centrality import betweenness
from .shape import as_network, undirected
from .structural import structure

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import pandas

    from .shape import Source

#: Centrality measures :func:`rank` knows.
MEASURES = ("degree", "betweenness", "pagerank")


class Ranking(list[dict[str, Any]]):
    """The rows of a ranking, and ``method``: how the scores were computed ("exact", "exact (igraph)", or an
    estimate with its sample and error; see :mod:`relgraph.network.centrality`)."""

    def __init__(self, rows: list[dict[str, Any]] | None = None, *, method: str = "exact") -> None:
        super().__init__(rows or [])
        self.method = method


def rank_rows(source: Source, *, by: str = "degree", kind: str | None = None, top: int | None = None,
              lang: str = "en", as_of: str | dt.date | None = None) -> Ranking:
    """Who is central, who brokers: entities by a centrality measure over the undirected simple network.

    ``by`` is ``"degree"`` (how many entities one is related to), ``"betweenness"`` (how often one lies on the
    shortest chain between two others: the brokers) or ``"pagerank"``. Scores are computed over the whole
    network; ``kind`` (a key of :data:`relgraph.kinds.BY_KEY`, such as ``"government"`` or ``"organisation"``)
    then keeps only entities of that kind, and ``top`` the first so many. Each record has ``rank``, ``label``,
    ``kind``, ``score``, ``undated`` (how many of the entity's relations have no known date, when ``as_of`` is
    given; else None) and ``iri``. Ties keep a stable order (by label). Betweenness is exact up to a stated
    budget and estimated beyond it (:func:`relgraph.network.centrality.betweenness`); the result's ``method``
    says which.

    Examples
    --------
    >>> [r["label"] for r in rank_rows(relgraph.open("data"), by="betweenness", top=2)]  # doctest: +SKIP
    ['Economic mission to Guangdong 2017', 'Official reception by the Vice Governor of Guangdong']
    """

    if by not in MEASURES:
        raise ParameterError(f"unknown measure {by!r}; choose one of {', '.join(MEASURES)}")
    if kind is not None and kind not in BY_KEY:
        raise ParameterError(f"unknown kind {kind!r}; choose one of {', '.join(BY_KEY)}")
    if top is not None:
        top = whole_number(top, "top", low=1)
    net = structure(source, lang=check_lang(lang)) if as_of is None and isinstance(source, Graph) \
        else as_network(source, lang=lang, as_of=as_of)[0]
    simple = undirected(net)
    method = "exact"
    if by == "degree":
        scores: dict[str, float] = dict(simple.degree())
    elif by == "betweenness":
        computed = betweenness(simple)
        scores, method = computed.values, computed.method
    else:
        scores = _pagerank(simple)
    dated = net.graph.get("as_of") is not None
    unknown: dict[str, int] = {}
    if dated:
        for u, v, d in net.edges(data=True):
            if d.get("held") == "undated":
                for n in {u, v}:
                    unknown[n] = unknown.get(n, 0) + 1
    order = sorted(scores, key=lambda n: (-scores[n], net.nodes[n]["label"].lower(), n))
    rows = Ranking(method=method)
    for n in order:
        node = net.nodes[n]
        if kind is not None and node["kind"] != kind:
            continue
        rows.append({"rank": len(rows) + 1, "label": node["label"], "kind": node["kind"],
                     "score": scores[n] if by != "degree" else int(scores[n]),
                     "undated": unknown.get(n, 0) if dated else None, "iri": n})
        if top is not None and len(rows) >= top:
            break
    return rows


def rank(source: Source, *, by: str = "degree", kind: str | None = None, top: int | None = None,
         lang: str = "en", as_of: str | dt.date | None = None) -> pandas.DataFrame:
    """:func:`rank_rows` as a pandas DataFrame indexed by rank (needs ``pip install relgraph[pandas]``).

    Examples
    --------
    >>> rank(relgraph.open("data"), by="betweenness", top=5)                          # doctest: +SKIP
    """
    import pandas as pd

    rows = rank_rows(source, by=by, kind=kind, top=top, lang=lang, as_of=as_of)
    dated = as_of is not None or any(r["undated"] is not None for r in rows)
    columns = ["rank", "label", "kind", "score"] + (["undated"] if dated else []) + ["iri"]
    frame = pd.DataFrame(rows, columns=columns).set_index("rank")
    frame.attrs["method"] = rows.method
    return frame


def _pagerank(simple: nx.Graph, alpha: float = 0.85, tol: float = 1.0e-10, max_iter: int = 200) -> dict[str, float]:
    """PageRank of an undirected graph; networkx's own when scipy is there, else plain power iteration."""
    import networkx as nx

    try:
        return dict(nx.pagerank(simple, alpha=alpha))
    except ImportError:  # networkx computes PageRank with scipy, an optional dependency
        pass
    nodes = list(simple)
    if not nodes:
        return {}
    size = len(nodes)
    rank_of = dict.fromkeys(nodes, 1.0 / size)
    for _ in range(max_iter):
        dangling = alpha * sum(rank_of[n] for n in nodes if simple.degree(n) == 0) / size
        new = {n: (1.0 - alpha) / size + dangling
               + alpha * sum(rank_of[m] / simple.degree(m) for m in simple.neighbors(n)) for n in nodes}
        if sum(abs(new[n] - rank_of[n]) for n in nodes) < size * tol:
            return new
        rank_of = new
    return rank_of
