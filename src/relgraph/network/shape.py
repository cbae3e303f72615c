"""The projection as a whole: made from a graph or taken as given (:func:`as_network`), in its bipartite form
(:func:`relations_as_nodes`), as a simple undirected graph (:func:`undirected`), and the entity a name stands for
in it (:func:`find_node`). Paths, neighbourhoods and rankings all start here.

Every function that takes a ``source`` takes either the core :class:`~relgraph.core.Graph` (projected here, in
``lang`` and ``as_of`` a day) or a projection made earlier with :func:`relgraph.network.project`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeAlias

from ..arguments import as_of_day
from ..core import Graph
from ..errors import AmbiguousEntityError, EntityNotFoundError, ParameterError
from ..languages import LANGS, check_lang
from ..namespaces import RG, expand
from .projection import project

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    Source: TypeAlias = Graph | nx.MultiDiGraph

#: Relation kinds that have no direction (the stored direction is an artefact of the data model).
SYMMETRIC = frozenset({RG.SisterRelationship})


def network(source: Source, *, lang: str = "en", as_of: str | dt.date | None = None,
            bipartite: bool = False) -> nx.MultiDiGraph:
    """The projection of ``source`` as a networkx ``MultiDiGraph`` (see :func:`relgraph.network.project`).

    Parameters
    ----------
    source
        A :class:`~relgraph.Graph`, or a projection already made (returned as is, or made bipartite).
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
    net, g = as_network(source, lang=lang, as_of=as_of)
    return relations_as_nodes(net, g) if bipartite else net


def relations_as_nodes(net: nx.MultiDiGraph, g: Graph | None = None) -> nx.MultiDiGraph:
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

    out = nx.MultiDiGraph(**{**net.graph, "bipartite": True})
    for n, attrs in net.nodes(data=True):
        out.add_node(n, **attrs, bipartite=0)
    qualified = {d["relation"] for _, _, d in net.edges(data=True) if d["relation"] not in net}
    lang = net.graph.get("lang") or "en"
    names = g.labels(qualified, lang) if g is not None and qualified else {}
    by_lang = {code: g.labels(qualified, code) for code in LANGS} if g is not None and qualified else {}
    for u, v, attrs in net.edges(data=True):
        rel = attrs["relation"]
        node = rel if rel in qualified else f"{u}|{attrs['kind']}|{v}"
        if node not in out:
            data = {k: val for k, val in attrs.items() if k not in ("kind", "label", "labels")}
            labels = {code: by_lang[code][rel] for code in LANGS} if rel in names else dict(attrs["labels"])
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
    >>> import networkx as nx
    >>> net = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "b"), ("b", "b")])
    >>> undirected(net).number_of_edges()
    1
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
    >>> import networkx as nx
    >>> net = nx.MultiDiGraph()
    >>> net.add_edge("a", "b", held="undated"); net.add_edge("b", "c", held="held")
    0
    0
    >>> undated(net)
    1
    """
    return sum(1 for _, _, d in net.edges(data=True) if d.get("held") == "undated")


def as_network(source: Source, *, lang: str, as_of: str | dt.date | None) -> tuple[nx.MultiDiGraph, Graph | None]:
    """The projection to work on, and the Graph it came from (None when a projection was given)."""
    import networkx as nx

    day = as_of_day(as_of)
    if isinstance(source, nx.Graph):
        if as_of is not None:
            raise ParameterError("as_of applies when projecting: pass the Graph, or project(g, as_of=...) first")
        return source, None
    check_lang(lang)
    return project(source, lang=lang, as_of=day), source


def find_node(net: nx.MultiDiGraph, g: Graph | None, name: str) -> str:
    """The node of ``net`` that ``name`` stands for."""
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
