"""The network made from what was read: entities with their attributes, relations as (relation, source, target,
kind) keys, and every source's claims. Both readings, the fast one (:mod:`.reading`) and the SPARQL reference
(:mod:`.projection_sparql`), end here, so that they differ only in how they read.

Nothing here depends on the order things were read in: nodes are added in the order of their IRIs, edges in the
order of their source, relation, target and kind, and the dates a link implies are derived in that order.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..core import Graph
from ..kinds import Kind, kind_of
from ..languages import DEFAULT, LANGS
from ..namespaces import RG, SCHEMA
from ..states import Claim, merge
from ..timespan import held_on, span

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

Key = tuple[str, str, str, str]


def assemble(g: Graph, nodes: dict[str, dict[str, Any]], keys: Iterable[Key], claims: dict[str, list[Claim]], *,
             lang: str, day: dt.date | None) -> nx.MultiDiGraph:
    """The ``networkx.MultiDiGraph`` of ``nodes`` (attributes as read, with ``labels`` and ``label``) and the
    relations ``keys`` whose ends are both nodes, with kinds, states, derived dates; ``as_of`` ``day``, pruned."""
    import networkx as nx

    nodes = {iri: nodes[iri] for iri in sorted(nodes)}
    _finish_nodes(nodes, lang, claims, day)
    edges = _edges(g, nodes, _in_order(keys, nodes), lang, claims, day)
    _derive_dates(nodes, edges)
    net = nx.MultiDiGraph(lang=lang, as_of=day.isoformat() if day else None)
    _add_nodes(net, nodes)
    _add_edges(net, nodes, edges, day)
    if day is not None:
        _prune(net, day)
    return net


def _in_order(keys: Iterable[Key], nodes: dict[str, dict[str, Any]]) -> list[Key]:
    """The keys whose ends are both nodes, once each, by source (in the order of ``nodes``), then relation,
    target, kind: a sort of each source's few keys, not of all keys at once."""
    by_source: dict[str, list[Key]] = defaultdict(list)
    for key in keys:
        by_source[key[1]].append(key)
    ordered: list[Key] = []
    for source in nodes:
        found = by_source.get(source)
        if found is not None:
            ordered.extend(k for k in (sorted(set(found)) if len(found) > 1 else found) if k[2] in nodes)
    return ordered


def _finish_nodes(nodes: dict[str, dict[str, Any]], lang: str, claims: dict[str, list[Claim]],
                  day: dt.date | None) -> None:
    """Give each node its kind, the state its sources give (on ``day``) and its start and end."""
    kinds: dict[tuple[str, ...], tuple[Kind, str]] = {}
    for iri, node in nodes.items():
        classes = tuple(node["classes"])
        known = kinds.get(classes)
        if known is None:
            kind = kind_of(classes)
            known = kinds[classes] = (kind, kind.name(lang))
        node["kind"], node["kind_label"] = known[0].key, known[1]
        if iri in claims:
            _state(node, merge(claims[iri], day))
        node["start"] = node.get("start") or node.get("signed")
        node.setdefault("end", None)


def _state(node: dict[str, Any], state: dict[str, Any]) -> None:
    """Give a node the state its sources give: the one in force, and every source's claim."""
    for name in ("status", "start", "end", "certainty", "source"):
        if state.get(name) is not None:
            node[name] = state[name]
    node["claims"] = state["claims"]


def _edges(g: Graph, nodes: dict[str, dict[str, Any]], keys: list[Key], lang: str, claims: dict[str, list[Claim]],
           day: dt.date | None) -> dict[Key, dict[str, Any]]:
    """The relations between entities, by (relation, source, target, kind), with their words in every language
    and the state their sources give (the one in force on ``day``, every source's claim in ``claims``)."""
    kinds = {key[3] for key in keys}
    kind_labels = {code: g.labels(kinds, code) for code in LANGS}
    words = {kind: {code: kind_labels[code][kind] for code in LANGS} for kind in kinds}
    shown = lang if lang in LANGS else DEFAULT
    states = {rel: merge(claims[rel], day) for rel in {key[0] for key in keys} if rel in claims}
    status_labels = g.labels({s["status"] for s in states.values() if s.get("status")}, lang)
    source_labels = g.labels({s["source"] for s in states.values() if s.get("source")}, lang)
    edges: dict[Key, dict[str, Any]] = {}
    empty: dict[str, Any] = {}
    for key in keys:
        rel, _, _, kind = key
        state = states.get(rel, empty)
        status = state.get("status")
        edges[key] = {
            "kind": kind, "label": words[kind][shown], "labels": dict(words[kind]),
            "relation": rel, "status": status, "status_label": status_labels.get(status) if status else None,
            "start": state.get("start"), "end": state.get("end"), "certainty": state.get("certainty"),
            "quote": state.get("quote"), "source": state.get("source"),
            "source_label": source_labels.get(state.get("source") or ""), "claims": state.get("claims", []),
        }
    return edges


def _add_nodes(net: nx.MultiDiGraph, nodes: dict[str, dict[str, Any]]) -> None:
    """Add ``nodes`` to the new, empty ``net`` with their attribute dicts as they are.

    This and :func:`_add_edges` fill networkx's own dicts (``_node``, ``_succ``, ``_pred``, as networkx's
    converters do): ``add_node``/``add_edge`` copy each attribute dict twice, a second or two at
    1M triples. The graph is new, so there is no cached view to clear."""
    own, succ, pred = net._node, net._succ, net._pred
    for iri, attrs in nodes.items():
        own[iri] = attrs
        succ[iri] = {}
        pred[iri] = {}


def _add_edges(net: nx.MultiDiGraph, nodes: dict[str, dict[str, Any]], edges: dict[Key, dict[str, Any]],
               day: dt.date | None) -> None:
    """Add the edges to ``net`` (between its nodes, each key once), with the dates their carriers imply; ``as_of``
    a day, only those that held."""
    succ, pred = net._succ, net._pred
    for (rel, src, tgt, _), attrs in edges.items():
        if attrs["start"] is None and attrs["end"] is None and rel in nodes:
            # a direct link (org:unitOf, rg:resultOf, ...) holds while the entity that states it does
            attrs["start"], attrs["end"] = nodes[rel].get("start"), nodes[rel].get("end")
            attrs["dates_derived"] = nodes[rel].get("dates_derived", False)
        if attrs["end"] is None and attrs["start"] is not None and nodes[tgt]["kind"] == "event" \
                and rel not in nodes and nodes[tgt].get("end") is None:
            attrs["end"] = attrs["start"]  # a participation in a one-day event ends when it starts
        if day is not None:
            held = held_on(attrs["start"], attrs["end"], day)
            if held in ("not yet", "ended"):
                continue
            attrs["held"] = held
        keyed = succ[src].get(tgt)
        if keyed is None:
            keyed = succ[src][tgt] = pred[tgt][src] = {}
        keyed[f"{rel}|{attrs['kind']}"] = attrs


def _prune(net: nx.MultiDiGraph, day: dt.date) -> None:
    """Drop the entities that did not hold on ``day``, then those left with no relation whose own dates did not."""
    own = {}
    for n, node in net.nodes(data=True):
        end = node.get("end") or (node.get("start") if node["kind"] == "event" else None)
        own[n] = held_on(node.get("start"), end, day)
    net.remove_nodes_from([n for n, held in own.items() if held in ("not yet", "ended")])
    net.remove_nodes_from([n for n in net if net.degree(n) == 0 and own[n] != "held"])


_WITHIN = SCHEMA.superEvent
_AFTER = {RG.resultOf, RG.lessonFrom, RG.signedAt}


def _derive_dates(nodes: dict[str, dict[str, Any]], edges: dict[Key, dict[str, Any]]) -> None:
    """Give undated entities the bounds their links imply, marked ``dates_derived``.

    A part of an event lies within that event's span; an outcome, a lesson or an agreement signed at an event
    comes no earlier than the event's start (and has no known end). Of several such links, the one with the
    latest start bounds it (the first of equals in the order of the edges).
    """
    links: dict[str, list[tuple[str, str]]] = {}
    for (rel, src, tgt, kind) in edges:
        if rel == src and (kind == _WITHIN or kind in _AFTER):
            links.setdefault(src, []).append((kind, tgt))

    def effective(n: str, seen: frozenset[str] = frozenset()) -> tuple[Any, Any]:
        node = nodes[n]
        if node.get("start") or node.get("end"):
            return node.get("start"), node.get("end")
        best: tuple[Any, Any, str] | None = None
        for kind, tgt in links.get(n, ()):
            if tgt in seen:
                continue
            start, end = effective(tgt, seen | {n})
            if (start or end) and (best is None or _later(start, best[0])):
                best = (start, end, kind)
        if best is None:
            return None, None
        node["start"], node["end"] = best[0], (best[1] if best[2] == _WITHIN else None)
        node["dates_derived"] = True
        return node["start"], node["end"]

    for n, node in nodes.items():
        if n in links and not (node.get("start") or node.get("end")):
            effective(n)


def _later(start: Any, than: Any) -> bool:
    """Whether ``start`` begins after ``than`` (an unknown start is never later)."""
    a, b = span(start), span(than)
    return a is not None and (b is None or a[0] > b[0])
