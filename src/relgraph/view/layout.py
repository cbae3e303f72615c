"""Node positions for the network view, computed once in Python so the page is still from its first frame.

Each connected component is laid out on its own and the components are packed side by side, largest first.
Small components (up to :data:`STRESS_LIMIT` nodes) get a stress-majorisation layout (the same aim as
Kamada-Kawai: distances on screen follow distances in the graph), larger ones a pivot-MDS layout, which needs a
few breadth-first searches only and lays out 5,000 nodes in well under a second. Only numpy is needed.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import numpy as np

#: Largest component laid out by full stress majorisation (cost grows with the cube of its size).
STRESS_LIMIT = 600
_ASPECT = (1.6, 1.0)
#: Largest graph whose overlapping nodes are pushed apart (cost grows with the square of its size).
OVERLAP_LIMIT = 1500


def positions(net: nx.Graph, *, edge_length: float = 190.0, min_gap: float = 105.0,
              seed: int = 7) -> dict[Hashable, tuple[float, float]]:
    """Screen positions (pixels) for every node of ``net``; the same graph always gets the same picture.

    Parameters
    ----------
    net
        Any networkx graph; directions and parallel edges are ignored.
    edge_length
        The typical length of an edge on screen, in pixels.
    min_gap
        Nodes closer than this are pushed apart (graphs up to :data:`OVERLAP_LIMIT` nodes).
    seed
        Seed of the random choices, so that the layout is reproducible.

    Examples
    --------
    >>> import networkx as nx
    >>> pos = positions(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2]
    True
    """
    import networkx as nx
    import numpy as np

    simple = nx.Graph(net)  # a plain copy: no views, fast to walk
    simple.remove_edges_from(nx.selfloop_edges(simple))
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(simple)), key=lambda c: (-len(c), str(c[0])))
    rng = np.random.default_rng(seed)
    placed: list[tuple[list[Hashable], np.ndarray]] = []
    for comp in comps:
        if len(comp) == 1:
            xy = np.zeros((1, 2))
        else:
            sub = simple.subgraph(comp).copy() if len(comps) > 1 else simple
            xy = _stress(sub, comp, rng) if len(comp) <= STRESS_LIMIT else _pivot_mds(sub, comp, rng)
            xy = _scale(sub, comp, xy, edge_length)
            if len(comp) <= OVERLAP_LIMIT:
                # labels are wide: nodes need more room side by side than one above the other
                xy = _spread(xy / _ASPECT, min_gap) * _ASPECT
        placed.append((comp, xy))
    return _pack(placed, min_gap)


def _adjacency(g: nx.Graph, nodes: list[Hashable]) -> list[list[int]]:
    index = {n: i for i, n in enumerate(nodes)}
    return [[index[m] for m in g.adj[n]] for n in nodes]


def _bfs(adj: list[list[int]], start: int) -> list[int]:
    """Hop counts from ``start`` to every node (all nodes are reachable: one component)."""
    dist = [-1] * len(adj)
    dist[start] = 0
    frontier = [start]
    while frontier:
        nxt = []
        for u in frontier:
            du = dist[u] + 1
            for v in adj[u]:
                if dist[v] < 0:
                    dist[v] = du
                    nxt.append(v)
        frontier = nxt
    return dist


def _stress(g: nx.Graph, nodes: list[Hashable], rng: np.random.Generator) -> np.ndarray:
    """Stress majorisation (SMACOF, weights 1/d²), started from classical MDS."""
    import numpy as np

    n = len(nodes)
    adj = _adjacency(g, nodes)
    d = np.array([_bfs(adj, i) for i in range(n)], dtype=float)
    # classical MDS start
    j = np.eye(n) - 1.0 / n
    b = -0.5 * j @ (d ** 2) @ j
    vals, vecs = np.linalg.eigh(b)
    xy = vecs[:, -2:] * np.sqrt(np.maximum(vals[-2:], 1e-9))
    xy += rng.normal(scale=1e-3, size=xy.shape)
    with np.errstate(divide="ignore"):
        w = np.where(d > 0, 1.0 / d ** 2, 0.0)
    v = -w.copy()
    np.fill_diagonal(v, w.sum(axis=1))
    v_plus = np.linalg.pinv(v)
    wd = w * d
    for _ in range(200 if n <= 200 else 80):
        diff = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((diff ** 2).sum(axis=2))
        with np.errstate(divide="ignore", invalid="ignore"):
            bz = np.where(dist > 1e-9, -wd / dist, 0.0)
        np.fill_diagonal(bz, 0.0)
        np.fill_diagonal(bz, -bz.sum(axis=1))
        new = v_plus @ (bz @ xy)
        if np.abs(new - xy).max() < 1e-4:
            xy = new
            break
        xy = new
    return xy


def _pivot_mds(g: nx.Graph, nodes: list[Hashable], rng: np.random.Generator, pivots: int = 50) -> np.ndarray:
    """Pivot MDS (Brandes & Pich 2006): distances to a few far-apart pivots, then a two-dimensional SVD."""
    import numpy as np

    n = len(nodes)
    k = min(pivots, n)
    adj = _adjacency(g, nodes)
    chosen = [int(rng.integers(n))]
    rows = [np.array(_bfs(adj, chosen[0]), dtype=float)]
    nearest = rows[0].copy()
    while len(chosen) < k:  # max-min: each new pivot is the node farthest from those chosen
        nxt = int(np.argmax(nearest))
        chosen.append(nxt)
        rows.append(np.array(_bfs(adj, nxt), dtype=float))
        nearest = np.minimum(nearest, rows[-1])
    c = np.array(rows).T ** 2
    c = c - c.mean(axis=0) - c.mean(axis=1, keepdims=True) + c.mean()
    c *= -0.5
    u, s, _ = np.linalg.svd(c, full_matrices=False)
    xy = u[:, :2] * s[:2]
    return xy + rng.normal(scale=1e-3 * (np.abs(xy).max() or 1.0), size=xy.shape)


def _scale(g: nx.Graph, nodes: list[Hashable], xy: np.ndarray, edge_length: float) -> np.ndarray:
    import numpy as np

    index = {n: i for i, n in enumerate(nodes)}
    ends = np.array([(index[a], index[b]) for a, b in g.edges()])
    lengths = np.sqrt(((xy[ends[:, 0]] - xy[ends[:, 1]]) ** 2).sum(axis=1))
    typical = float(np.median(lengths)) or 1.0
    xy = (xy - xy.mean(axis=0)) * (edge_length / typical)
    span = xy.max(axis=0) - xy.min(axis=0)
    if span[1] > span[0]:  # landscape, to suit a screen
        xy = xy[:, ::-1].copy()
    return xy


def _spread(xy: np.ndarray, gap: float, rounds: int = 120) -> np.ndarray:
    """Push apart nodes closer than ``gap`` so that shapes and labels do not sit on each other."""
    import numpy as np

    xy = xy.copy()
    n = len(xy)
    for _ in range(rounds):
        diff = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((diff ** 2).sum(axis=2))
        np.fill_diagonal(dist, gap * 10)
        close = dist < gap
        if not close.any():
            break
        push = np.where(close, (gap - dist) / np.maximum(dist, 1e-6) / 2, 0.0)
        move = (push[:, :, None] * diff).sum(axis=1) * 0.5
        same = close & (dist < 1e-6)
        if same.any():
            move += np.random.default_rng(n).normal(scale=gap / 4, size=xy.shape) * same.any(axis=1)[:, None]
        xy += move
    return xy


def _pack(placed: list[tuple[list[Hashable], np.ndarray]], gap: float) -> dict[Hashable, tuple[float, float]]:
    """Place components in rows (shelves), largest first, each row no wider than the biggest component."""
    import numpy as np

    boxes = []
    for nodes, xy in placed:
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        boxes.append((nodes, xy - lo, hi - lo + gap))
    total = sum(float(size[0] * size[1]) for _, _, size in boxes)
    width = max(float(np.sqrt(total) * 1.3), float(boxes[0][2][0]))
    out: dict[Hashable, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for nodes, xy, size in boxes:
        if x > 0 and x + size[0] > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for n, (px, py) in zip(nodes, xy):
            out[n] = (round(float(px + x), 1), round(float(py + y), 1))
        x += float(size[0])
        row_h = max(row_h, float(size[1]))
    return out
