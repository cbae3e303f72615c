"""The shape of the relationship: chains of relations, neighbourhoods, who is central and who brokers.

This module owns network analysis over the projection of :mod:`relgraph.network`: shortest chains of relations
between two entities (:func:`paths`), what surrounds one entity (:func:`neighbour_rows`, :func:`neighbours`),
centrality rankings (:func:`rank_rows`, :func:`rank`) and the bipartite variant of the projection in which each
relation is a node of its own (:func:`relations_as_nodes`).

Every function takes either a :class:`~relgraph.RelGraph` (projected here, in ``lang`` and ``as_of`` a day) or a
projection made earlier with :func:`relgraph.network.project`, and returns plain data: lists of records,
networkx graphs, or pandas DataFrames (pandas is optional and imported only by the functions that return one).

Paths and neighbourhoods treat the network as undirected to find who is connected, and report each relation in
its real direction. Rankings use the undirected simple graph (parallel relations between two entities count once).
When a projection is made ``as_of`` a day, relations with no known date are kept and marked (``held="undated"``),
never silently dropped; :func:`undated` counts them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import re
import textwrap
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from .errors import ParameterError
from .kinds import BY_KEY
from .namespaces import RG_NS
from .timespan import parse_day

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import pandas

    from .graph import RelGraph

    Source: TypeAlias = RelGraph | nx.MultiDiGraph

#: Centrality measures :func:`rank` knows.
MEASURES = ("degree", "betweenness", "pagerank")

#: Relation kinds that have no direction (the stored direction is an artefact of the data model).
SYMMETRIC = frozenset({RG_NS + "SisterRelationship"})

#: How many shortest chains :func:`paths` returns unless told otherwise.
DEFAULT_MAX_PATHS = 5

Direction = Literal["forward", "backward", "both"]
_ARROWS = {"forward": ("—", "→"), "backward": ("←", "—"), "both": ("—", "—")}


# ---------------------------------------------------------------------------------------------------- projection


def network(source: Source, *, lang: str = "en", as_of: str | dt.date | None = None,
            bipartite: bool = False) -> nx.MultiDiGraph:
    """The projection of ``source`` as a networkx ``MultiDiGraph`` (see :func:`relgraph.network.project`).

    Parameters
    ----------
    source
        A :class:`~relgraph.RelGraph`, or a projection already made (returned as is, or made bipartite).
    lang
        Language of the labels: ``"en"``, ``"nl"`` or ``"zh"``.
    as_of
        Keep only the relations that held on this day (``"2015"``, ``"2015-06"``, ``"2015-06-01"`` or a date);
        relations with no known date are kept with ``held="undated"``.
    bipartite
        Make each relation a node of its own (see :func:`relations_as_nodes`).

    Examples
    --------
    >>> net = network(relgraph.open("data"), as_of="2015-01-01")                      # doctest: +SKIP
    >>> sorted({d["held"] for _, _, d in net.edges(data=True)})                         # doctest: +SKIP
    ['held', 'undated']
    """
    net, g = _projection(source, lang=lang, as_of=as_of)
    return relations_as_nodes(net, g) if bipartite else net


def relations_as_nodes(net: nx.MultiDiGraph, g: RelGraph | None = None) -> nx.MultiDiGraph:
    """The bipartite form of a projection: every relation becomes a node between the entities it joins.

    Entity nodes keep their attributes and get ``bipartite=0``. Each edge ``a —r→ b`` of ``net`` becomes a
    relation node with ``bipartite=1``, ``kind="relation"`` and the edge's attributes (``label``, ``relation_kind``,
    ``start``, ``end``, ``status``, ``quote``, ...), joined by the edges ``a → relation → b``. A qualified relation
    (a membership, a participation, the sister relationship) is one node whose id is its own IRI and whose label
    is its own label (when ``g`` is given); a direct link (``org:unitOf``, ...) is a node with the id
    ``"<source>|<kind>|<target>"``. The result is bipartite: no edge joins two entities or two relations.

    Examples
    --------
    >>> from relgraph.network import project
    >>> g = relgraph.open("data")                                                       # doctest: +SKIP
    >>> b = relations_as_nodes(project(g), g)                                           # doctest: +SKIP
    >>> b.nodes["https://w3id.org/relgraph/utrecht-guangdong/sister-relationship"]["start"]  # doctest: +SKIP
    '1995'
    """
    import networkx as nx

    from .network import LANG_KEYS

    out = nx.MultiDiGraph(**{**net.graph, "bipartite": True})
    for n, attrs in net.nodes(data=True):
        out.add_node(n, **attrs, bipartite=0)
    qualified = {d["relation"] for _, _, d in net.edges(data=True) if d["relation"] not in net}
    lang = net.graph.get("lang") or "en"
    names = g.labels(qualified, lang) if g is not None and qualified else {}
    by_lang = {code: g.labels(qualified, code) for code in LANG_KEYS} if g is not None and qualified else {}
    for u, v, attrs in net.edges(data=True):
        rel = attrs["relation"]
        node = rel if rel in qualified else f"{u}|{attrs['kind']}|{v}"
        if node not in out:
            data = {k: val for k, val in attrs.items() if k not in ("kind", "label", "labels")}
            labels = {code: by_lang[code][rel] for code in LANG_KEYS} if rel in names else dict(attrs["labels"])
            out.add_node(node, **data, label=names.get(rel, attrs["label"]), labels=labels,
                         kind="relation", kind_label="relation", relation_kind=attrs["kind"],
                         relation_label=attrs["label"], bipartite=1)
        edge = {k: attrs.get(k) for k in ("kind", "label", "labels", "relation", "start", "end", "held") if k in attrs}
        out.add_edge(u, node, key=f"{node}|in", **edge)
        out.add_edge(node, v, key=f"{node}|out", **edge)
    return out


def undirected(net: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph of a projection: one edge between two entities however many relations join them.

    Examples
    --------
    >>> undirected(relgraph.open("data").network()).number_of_edges()                  # doctest: +SKIP
    """
    import networkx as nx

    simple = nx.Graph(**net.graph)
    simple.add_nodes_from(net.nodes(data=True))
    simple.add_edges_from((u, v) for u, v in net.edges() if u != v)
    return simple


def undated(net: nx.MultiDiGraph) -> int:
    """How many relations of a projection made ``as_of`` a day have no known date (``held="undated"``).

    Examples
    --------
    >>> undated(relgraph.open("data").network(as_of="2015"))                           # doctest: +SKIP
    """
    return sum(1 for _, _, d in net.edges(data=True) if d.get("held") == "undated")


# ---------------------------------------------------------------------------------------------------- paths


@dataclass(frozen=True)
class Step:
    """One relation on a chain, read in the order of the chain: from ``source`` to ``target``.

    ``direction`` says which way the relation really points: ``"forward"`` (``source —label→ target``),
    ``"backward"`` (``target —label→ source``) or ``"both"`` (a relation without direction, such as the
    sister relationship). ``relation`` is the IRI that carries the source quote, ``kind`` the IRI that names the
    relation; ``held`` is ``"held"`` or ``"undated"`` when the chain was found ``as_of`` a day, else None.
    """

    source: str
    source_label: str
    label: str
    target: str
    target_label: str
    direction: Direction
    quote: str | None
    relation: str
    kind: str
    start: str | None = None
    end: str | None = None
    status: str | None = None
    held: str | None = None
    document: str | None = None

    @property
    def arrow(self) -> str:
        """``"→"``, ``"←"`` or ``"—"``: which way the relation points, read along the chain."""
        return {"forward": "→", "backward": "←", "both": "—"}[self.direction]

    @property
    def date_unknown(self) -> bool:
        """True when the chain was found ``as_of`` a day and this relation has no known date."""
        return self.held == "undated"

    def link(self) -> str:
        """The relation in words, without the source: ``"— represented in →"`` or ``"← co-organised —"``."""
        left, right = _ARROWS[self.direction]
        return f"{left} {self.label} {right}"

    def __str__(self) -> str:
        return f"{self.source_label} {self.link()} {self.target_label}"

    def as_dict(self) -> dict[str, Any]:
        """The step as a plain dictionary (for JSON, a DataFrame)."""
        return asdict(self)


Chain = list[Step]


def paths(source: Source, start: str, end: str, *, max_paths: int = DEFAULT_MAX_PATHS, lang: str = "en",
          as_of: str | dt.date | None = None) -> list[Chain]:
    """The shortest chains of relations between two entities, each a list of :class:`Step`.

    The network is treated as undirected to find the chains; each step keeps its real direction. When several
    chains are equally short (different entities in between, or several relations between the same two
    entities) up to ``max_paths`` are returned, in a stable order. An empty list means nothing joins the two.

    Parameters
    ----------
    source
        A :class:`~relgraph.RelGraph` or a projection.
    start, end
        The two entities: a label in any language, a prefixed name (``ug:doftec``) or an IRI.
    max_paths
        The most chains to return (at least 1).
    lang, as_of
        As for :func:`network`.

    Raises
    ------
    EntityNotFoundError, AmbiguousEntityError
        When a name matches no entity, or several (with the close candidates).
    ParameterError
        When an entity is not in the network (for instance nothing of it held ``as_of`` that day).

    Examples
    --------
    >>> g = relgraph.open("data")                                                       # doctest: +SKIP
    >>> [str(step) for step in paths(g, "FoodValley", "DOFTEC")[0]]                    # doctest: +SKIP
    ['FoodValley — represented in → Utrecht delegation 2017',
     'Utrecht delegation 2017 — took part in → Economic mission to Guangdong 2017',
     'Economic mission to Guangdong 2017 ← co-organised — DOFTEC']
    """
    import networkx as nx

    max_paths = whole_number(max_paths, "max_paths", low=1)
    net, g = _projection(source, lang=lang, as_of=as_of)
    a, b = _node(net, g, start), _node(net, g, end)
    if a == b:
        raise ParameterError(f"{start!r} and {end!r} are the same entity")
    simple = undirected(net)
    try:
        found = list(itertools.islice(nx.all_shortest_paths(simple, a, b), 10_000))
    except nx.NetworkXNoPath:
        return []
    found.sort(key=lambda p: [net.nodes[n]["label"].lower() for n in p])
    out: list[Chain] = []
    for nodes in found:
        choices = [_steps(net, u, v) for u, v in itertools.pairwise(nodes)]
        for combo in itertools.product(*choices):
            out.append(list(combo))
            if len(out) >= max_paths:
                return out
    return out


def path_text(path: Chain, *, quotes: bool = True, width: int = 100) -> str:
    """A chain in words: the whole chain on one line, then each step with its dates, status and quote.

    Examples
    --------
    >>> print(path_text(paths(relgraph.open("data"), "FoodValley", "DOFTEC")[0]))     # doctest: +SKIP
    FoodValley — represented in → Utrecht delegation 2017 — took part in → ... ← co-organised — DOFTEC
      1. FoodValley — represented in → Utrecht delegation 2017  (2017-10-28 – 2017-11-04 · ended)
           “De delegatie bestond uit vertegenwoordigers van ...”
    ...
    """
    if not path:
        return ""
    line = path[0].source_label + "".join(f" {s.link()} {s.target_label}" for s in path)
    lines = [line]
    for i, step in enumerate(path, 1):
        facts = [x for x in (_dates(step.start, step.end), step.status,
                             "date unknown" if step.date_unknown else None) if x]
        lines.append(f"  {i}. {step}" + (f"  ({' · '.join(facts)})" if facts else ""))
        if quotes:
            quote = f"“{step.quote}”" if step.quote else "(no quote in the source)"
            lines += textwrap.wrap(quote, width=max(40, width - 7), initial_indent=" " * 7,
                                   subsequent_indent=" " * 8)
    return "\n".join(lines)


def _steps(net: nx.MultiDiGraph, u: str, v: str) -> list[Step]:
    """Every relation between ``u`` and ``v``, as steps from ``u`` to ``v``."""
    found: list[Step] = []
    for a, b, forward in ((u, v, True), (v, u, False)):
        for _, attrs in sorted((net.get_edge_data(a, b) or {}).items()):
            direction: Direction = "both" if attrs["kind"] in SYMMETRIC else ("forward" if forward else "backward")
            found.append(Step(
                source=u, source_label=net.nodes[u]["label"], label=attrs["label"], target=v,
                target_label=net.nodes[v]["label"], direction=direction, quote=attrs.get("quote"),
                relation=attrs["relation"], kind=attrs["kind"], start=attrs.get("start"), end=attrs.get("end"),
                status=attrs.get("status_label"), held=attrs.get("held"), document=attrs.get("source")))
    found.sort(key=lambda s: (s.label.lower(), s.relation))
    return found


# ---------------------------------------------------------------------------------------------------- neighbours


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
    net, g = _projection(source, lang=lang, as_of=as_of)
    centre = _node(net, g, entity)
    simple = undirected(net)
    distance = nx.single_source_shortest_path_length(simple, centre, cutoff=depth)
    rows: list[dict[str, Any]] = []
    for n, d in distance.items():
        if d == 0:
            continue
        for via in simple.neighbors(n):
            if distance.get(via) != d - 1:
                continue
            for step in _steps(net, via, n):
                direction = {"forward": "out", "backward": "in", "both": "both"}[step.direction]
                node = net.nodes[n]
                rows.append({
                    "distance": d, "neighbour": node["label"], "kind": node["kind"], "relation": step.label,
                    "direction": direction, "via": step.source_label, "status": step.status,
                    "start": step.start, "end": step.end, "date_unknown": step.date_unknown, "quote": step.quote,
                    "neighbour_iri": n, "via_iri": via, "relation_iri": step.relation,
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
                     "date_unknown", "quote", "neighbour_iri", "via_iri", "relation_iri"]


# ---------------------------------------------------------------------------------------------------- ranking


def rank_rows(source: Source, *, by: str = "degree", kind: str | None = None, top: int | None = None,
              lang: str = "en", as_of: str | dt.date | None = None) -> list[dict[str, Any]]:
    """Who is central, who brokers: entities by a centrality measure over the undirected simple network.

    ``by`` is ``"degree"`` (how many entities one is related to), ``"betweenness"`` (how often one lies on the
    shortest chain between two others: the brokers) or ``"pagerank"``. Scores are computed over the whole
    network; ``kind`` (a key of :data:`relgraph.kinds.BY_KEY`, such as ``"government"`` or ``"organisation"``)
    then keeps only entities of that kind, and ``top`` the first so many. Each record has ``rank``, ``label``,
    ``kind``, ``score``, ``undated`` (how many of the entity's relations have no known date, when ``as_of`` is
    given; else None) and ``iri``. Ties keep a stable order (by label).

    Examples
    --------
    >>> [r["label"] for r in rank_rows(relgraph.open("data"), by="betweenness", top=2)]  # doctest: +SKIP
    ['Economic mission to Guangdong 2017', 'Official reception by the Vice Governor of Guangdong']
    """
    import networkx as nx

    if by not in MEASURES:
        raise ParameterError(f"unknown measure {by!r}; choose one of {', '.join(MEASURES)}")
    if kind is not None and kind not in BY_KEY:
        raise ParameterError(f"unknown kind {kind!r}; choose one of {', '.join(BY_KEY)}")
    if top is not None:
        top = whole_number(top, "top", low=1)
    net, _ = _projection(source, lang=lang, as_of=as_of)
    simple = undirected(net)
    if by == "degree":
        scores: dict[str, float] = dict(simple.degree())
    elif by == "betweenness":
        scores = nx.betweenness_centrality(simple)
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
    rows: list[dict[str, Any]] = []
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
    return pd.DataFrame(rows, columns=columns).set_index("rank")


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


# ---------------------------------------------------------------------------------------------------- helpers


def check_as_of(as_of: object) -> None:
    """Raise :class:`ParameterError` before any work unless ``as_of`` is None or a day
    :func:`relgraph.timespan.parse_day` reads (the one place that decides what a day is).

    Examples
    --------
    >>> check_as_of(2015), check_as_of("2015-06")
    (None, None)
    """
    if as_of is not None:
        parse_day(as_of)


def whole_number(value: object, name: str, *, low: int, high: int | None = None) -> int:
    """``value`` as an int: an int, or text of one (``"2"``), within ``low`` to ``high``; else
    :class:`ParameterError` (``"depth must be a whole number from 0 to 10, not '2.5'"``).

    Examples
    --------
    >>> whole_number("2", "depth", low=0, high=10)
    2
    """
    number: int | None = None
    if isinstance(value, str):
        if re.fullmatch(r"\s*[+-]?\d+\s*", value):
            number = int(value)
    elif not isinstance(value, bool):
        try:
            number = operator.index(value)  # type: ignore[arg-type]
        except TypeError:
            number = None
    if number is not None and number >= low and (high is None or number <= high):
        return number
    allowed = f"from {low} to {high}" if high is not None else f"{low} or more"
    raise ParameterError(f"{name} must be a whole number {allowed}, not {value!r}")


def _projection(source: Source, *, lang: str, as_of: str | dt.date | None) -> tuple[nx.MultiDiGraph, RelGraph | None]:
    """The projection to work on, and the RelGraph it came from (None when a projection was given)."""
    import networkx as nx

    from .graph import LANGS
    from .network import project

    check_as_of(as_of)
    if isinstance(source, nx.Graph):
        if as_of is not None:
            raise ParameterError("as_of applies when projecting: pass the RelGraph, or project(g, as_of=...) first")
        return source, None
    if lang not in LANGS:
        raise ParameterError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return project(source, lang=lang, as_of=as_of), source


def _node(net: nx.MultiDiGraph, g: RelGraph | None, name: str) -> str:
    """The node of ``net`` that ``name`` stands for."""
    from .errors import AmbiguousEntityError, EntityNotFoundError
    from .namespaces import expand

    if g is not None:
        iri = str(g.resolve(name))
    elif name in net:
        iri = name
    else:
        full = expand(name.strip())
        hits = [full] if full in net else [n for n, d in net.nodes(data=True) if _names(d, name.strip().lower())]
        if not hits:
            raise EntityNotFoundError(name, [])
        if len(hits) > 1:
            raise AmbiguousEntityError(name, sorted(net.nodes[h]["label"] for h in hits)[:6])
        iri = str(hits[0])
    if iri not in net:
        when = f" held on {net.graph['as_of']}" if net.graph.get("as_of") else ""
        raise ParameterError(f"{name!r} is not an entity of the network: it has no relation{when} "
                             "(a relation itself, such as a membership, is an edge, not a node)")
    return iri


def _names(node: dict[str, Any], needle: str) -> bool:
    names: Iterable[str] = [node.get("label", ""), *node.get("labels", {}).values(), *node.get("alt_labels", [])]
    return any(n.lower() == needle for n in names)


def _dates(start: str | None, end: str | None) -> str:
    if start and end and start != end:
        return f"{start} – {end}"
    if start and end:
        return start
    if start:
        return f"since {start}"
    if end:
        return f"until {end}"
    return ""
