"""The network's structure alone: the same nodes and edges as :func:`relgraph.network.project`, with only what
rankings need (a node's ``label``, ``labels``, ``kind``, ``kind_label`` and ``classes``; an edge's ``kind`` and
``relation``), read from the statements that decide them.

The full projection reads every statement and gives each entity and relation its dates, states, claims, quotes
and words in every language; at 1M triples most of its time goes there. :func:`structure` reads only the
properties that make entities, names and links (types, labels, the qualified and direct links, any other link
between two resources) and skips quotes, sources, statuses and dates. A test checks that it gives the same
nodes, edges, keys, labels and kinds as the full projection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import deadline
from ..core import Graph
from ..cycles import without_cycle_collection
from ..kinds import Kind, kind_of
from ..labels import choose
from ..languages import check_lang
from ..namespaces import RDF, RG
from ..store.statements import statements
from .assembly import _in_order
from .cache import cached
from .reading import ByProperty, _entity_iris, _keys, _names
from .vocabulary import DIRECT, LABELS, NOT_EDGE, QUALIFIED

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: Properties the structure always needs: classes, names, the ends and roles of qualified relations, parties.
_NEEDED = frozenset({RDF.type, *LABELS, *(p for props in QUALIFIED.values() for p in props[:3]), RG.party,
                     *DIRECT})

_PREDICATES = "SELECT DISTINCT ?p WHERE { ?s ?p ?o }"


def structure(g: Graph, *, lang: str = "en") -> nx.MultiDiGraph:
    """The entities and relations of :func:`relgraph.network.project` (``as_of`` none), with labels in
    ``lang`` and kinds, without dates, states, quotes or claims: what :func:`relgraph.network.rank_rows` needs.

    Examples
    --------
    >>> net = structure(relgraph.open("data"))                                         # doctest: +SKIP
    >>> net.number_of_nodes() == project(relgraph.open("data")).number_of_nodes()       # doctest: +SKIP
    True
    """
    lang = check_lang(lang)
    return cached(g, f"structure-{lang}", lambda: _structure(g, lang), "reading the network's structure")


def _structure(g: Graph, lang: str) -> nx.MultiDiGraph:
    import networkx as nx

    with without_cycle_collection():
        by_property = deadline.call(lambda: _read(g), g.timeout)
        entities = _entity_iris(by_property)
        nodes = _nodes(by_property, entities, lang)
        keys = _keys(by_property, nodes)
        by_property.clear()
        nodes = {iri: nodes[iri] for iri in sorted(nodes)}
        net = nx.MultiDiGraph(lang=lang, as_of=None)
        own, succ, pred = net._node, net._succ, net._pred
        for iri, attrs in nodes.items():
            own[iri], succ[iri], pred[iri] = attrs, {}, {}
        for rel, src, tgt, kind in _in_order(keys, nodes):
            keyed = succ[src].get(tgt)
            if keyed is None:
                keyed = succ[src][tgt] = pred[tgt][src] = {}
            keyed[f"{rel}|{kind}"] = {"kind": kind, "relation": rel}
        return net


def _read(g: Graph) -> ByProperty:
    """The statements of the properties the structure needs: those of :data:`_NEEDED`, and of every other
    property that may link two entities (any not in :data:`relgraph.network.vocabulary.NOT_EDGE`)."""
    found = g.store.query(_PREDICATES)
    present = {str(row[0]) for row in found.rows if row[0] is not None}
    return {p: list(statements(g.store, p)) for p in sorted(present) if p in _NEEDED or p not in NOT_EDGE}


def _nodes(by_property: ByProperty, entities: set[str], lang: str) -> dict[str, dict[str, Any]]:
    """Each entity's classes, kind and labels, as the full projection gives them."""
    classes: dict[str, set[str]] = {iri: set() for iri in entities}
    for s, _, value, _, _ in by_property.get(RDF.type, ()):
        if s in classes:
            classes[s].add(value)
    names = _names(by_property, entities)
    kinds: dict[tuple[str, ...], tuple[Kind, str]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for iri, found_classes in classes.items():
        ordered = tuple(sorted(found_classes))
        known = kinds.get(ordered)
        if known is None:
            kind = kind_of(ordered)
            known = kinds[ordered] = (kind, kind.name(lang))
        found = names.get(iri)
        label, per_lang = choose([(text, tag) for _, text, tag in sorted(found)], lang) if found else (None, {})
        nodes[iri] = {"classes": list(ordered), "labels": per_lang, "label": label or iri, "kind": known[0].key,
                      "kind_label": known[1]}
    return nodes
