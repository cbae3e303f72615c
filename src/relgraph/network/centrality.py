"""Centrality scores, exact where they fit a stated budget and estimated beyond it, with igraph when it is there.

Betweenness (Brandes) costs about one breadth-first search per entity: ``n × m`` steps for ``n`` entities and
``m`` relations. Up to :data:`BUDGET` steps it is computed exactly; above, from a random sample of ``k`` source
entities (``k = BUDGET / m``, seeded, so the same graph gives the same scores), scaled by ``n / k`` — the
standard unbiased estimate, whose relative error shrinks like ``1 / sqrt(k)``. The fast path is igraph (the
``fast`` extra: ``pip install 'relgraph[fast]'``, C code); without it networkx computes the same numbers in
Python, some fifty times slower. :class:`Scores` says which was done.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: Steps of exact betweenness (entities × relations) relgraph takes on before it estimates instead.
BUDGET = 300_000_000


@dataclass
class Scores:
    """Scores by node, and how they were computed (``method``: words a person reads, e.g. "exact (igraph)")."""

    values: dict[str, float] = field(default_factory=dict)
    method: str = "exact"
    exact: bool = True


def betweenness(simple: nx.Graph, *, budget: int = BUDGET, seed: int = 7) -> Scores:
    """Normalised betweenness of every node of an undirected simple graph, as networkx defines it.

    Examples
    --------
    >>> import networkx as nx
    >>> s = betweenness(nx.path_graph(3))
    >>> s.values[1], s.exact
    (1.0, True)
    """
    nodes = list(simple)
    n, m = len(nodes), simple.number_of_edges()
    if n < 3:
        return Scores(dict.fromkeys(nodes, 0.0), "exact")
    k = n if n * m <= budget else max(1, min(n, budget // max(m, 1)))
    sources = nodes if k == n else random.Random(seed).sample(nodes, k)
    try:
        raw, engine = _igraph(simple, nodes, sources), "igraph"
    except ImportError:
        raw, engine = _networkx(simple, sources), "networkx"
    scale = (n / k) / ((n - 1) * (n - 2) / 2)
    values = {node: raw[node] * scale for node in nodes}
    if k == n:
        return Scores(values, f"exact ({engine})")
    error = 1 / math.sqrt(k)
    return Scores(values, f"estimated from {k:,} of {n:,} entities as sources ({engine}); relative error about "
                          f"{error:.0%} for the leading entities", exact=False)


def _igraph(simple: nx.Graph, nodes: list[str], sources: list[str]) -> dict[str, float]:
    """Sum over ``sources`` of each node's dependency, each pair of entities counted once (igraph, C)."""
    core = igraph_core()
    index = {node: i for i, node in enumerate(nodes)}
    g = core.GraphBase(len(nodes), [(index[u], index[v]) for u, v in simple.edges()], False)
    if len(sources) == len(nodes):
        raw = g.betweenness(directed=False)
    else:  # each pair is counted once, as for the whole graph: from every source the sum is the exact value
        raw = g.betweenness(directed=False, sources=[index[s] for s in sources])
    return {node: raw[i] for node, i in index.items()}


def igraph_core() -> Any:
    """igraph's C core (``igraph._igraph``, whose ``GraphBase`` computes betweenness), without the rest of the
    package: ``import igraph`` also imports its drawing back ends (matplotlib, cairo), 1.3 s of a 10 s
    ``relgraph rank`` at 100k triples, where the core alone takes 10 ms. When igraph is imported already, or
    its core cannot be loaded alone, the package is imported as usual. Raises ImportError without igraph.

    The core is registered as ``igraph._igraph``, so that a later ``import igraph`` uses this same module.
    """
    import importlib.util
    import sys

    loaded = sys.modules.get("igraph._igraph")
    if loaded is not None:
        return loaded
    spec = importlib.util.find_spec("igraph")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("igraph is not installed")
    try:
        core = _core_spec(list(spec.submodule_search_locations))
        module = importlib.util.module_from_spec(core)
        assert core.loader is not None
        core.loader.exec_module(module)
        module.GraphBase.betweenness  # noqa: B018 - the one method used: fail here, not later
    except Exception:  # noqa: BLE001 - any surprise: the package's own import, the supported way
        import igraph

        return igraph._igraph
    sys.modules["igraph._igraph"] = module
    return module


def _core_spec(folders: list[str]) -> Any:
    """The module spec of igraph's compiled core in the package's folders (ImportError when there is none)."""
    import importlib.machinery
    import importlib.util
    from pathlib import Path

    for folder in folders:
        for path in sorted(Path(folder).glob("_igraph*")):
            if any(path.name.endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES):
                spec = importlib.util.spec_from_file_location("igraph._igraph", path)
                if spec is not None:
                    return spec
    raise ImportError("igraph's compiled core was not found")


def _networkx(simple: nx.Graph, sources: list[str]) -> dict[str, float]:
    """The same sums with networkx (pure Python)."""
    import networkx as nx

    if len(sources) == simple.number_of_nodes():
        return dict(nx.betweenness_centrality(simple, normalized=False))
    raw = nx.betweenness_centrality_subset(simple, sources=sources, targets=list(simple), normalized=False)
    return dict(raw)
