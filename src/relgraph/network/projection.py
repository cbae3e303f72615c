"""The graph as a network (networkx): entities become nodes, relations become edges.

:func:`project` is the one projection every network feature uses (paths, rankings, exports, the view).
Qualified relations (memberships, participations, the sister-province relationship) become edges that carry
the relation's kind, dates, status and source quote; agreements, events, posts and outcomes stay nodes, linked
to their parties. Literals never become nodes.

Node attributes: ``label`` (in the language asked for), ``labels`` (en/nl/zh), ``kind`` (a key of
:data:`relgraph.kinds.BY_KEY`), ``kind_label``, ``classes``, ``start``, ``end``, ``status``, ``quotes``,
``same_as``, ``unknown``, plus ``count`` for unnamed parties and ``holder_named`` for posts.
Edge attributes: ``kind`` (IRI), ``label``, ``labels``, ``relation`` (the IRI carrying the source), ``status``,
``start``, ``end``, ``certainty``, ``quote``, ``source``, and ``held`` (``"held"`` or ``"undated"``) when
projected ``as_of`` a day.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..arguments import as_of_day
from ..core import Graph
from ..kinds import kind_of
from ..labels import pick
from ..languages import DEFAULT, LANGS
from ..namespaces import DCT, LABEL_PROPERTIES, PROV, RDF, RG, SCHEMA, SKOS
from ..states import Claim, merge
from ..terms import Literal
from ..timespan import held_on

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

_MULTI = {"classes", "quotes", "same_as", "unknown", "alt_labels"}
_FIELD = {
    RDF.type: "classes", RG.quote: "quotes", SCHEMA.sameAs: "same_as", RG.unknown: "unknown",
    SKOS.altLabel: "alt_labels", SCHEMA.startDate: "start", SCHEMA.endDate: "end", DCT.date: "start",
    RG.dateSigned: "signed", RG.status: "status", RG.count: "count", RG.holderNamed: "holder_named",
    RG.certainty: "certainty", RG.reasoning: "reasoning", PROV.hadPrimarySource: "source",
    SKOS.definition: "definition", RG.subject: "subject", RG.agreementKind: "agreement_kind",
    RG.rationale: "rationale", SKOS.note: "note",
}
_VALUES = {RG.count, RG.holderNamed}  # kept as Python values, not text
_LABEL_PROPS = frozenset(LABEL_PROPERTIES)


def project(g: Graph, *, lang: str = "en", as_of: str | int | dt.date | None = None) -> nx.MultiDiGraph:
    """The graph as a ``networkx.MultiDiGraph`` of entities and relations.

    With ``as_of`` (a date, or ``"YYYY[-MM[-DD]]"``) only relations that held on that day are kept, plus those
    with no known date, which carry ``held="undated"`` so that a caller can show them as such. Nodes left with
    no relation are dropped unless their own dates held on that day.

    Examples
    --------
    >>> net = relgraph.open("data").network()                          # doctest: +SKIP
    >>> net.nodes["https://w3id.org/relgraph/utrecht-guangdong/doftec"]["kind"]   # doctest: +SKIP
    'government'
    """
    import networkx as nx

    day = as_of_day(as_of)
    net = nx.MultiDiGraph(lang=lang, as_of=day.isoformat() if day else None)
    claims = g.claims()
    nodes = _entities(g, lang, claims, day)
    edges = _edges(g, nodes, lang, claims, day)
    _derive_dates(nodes, edges)
    for iri, node_attrs in nodes.items():
        net.add_node(iri, **node_attrs)
    _add_edges(net, nodes, edges, day)
    if day is not None:
        _prune(net, day)
    return net


def _edges(g: Graph, nodes: dict[str, dict[str, Any]], lang: str, claims: dict[str, list[Claim]],
           day: dt.date | None) -> dict[tuple[str, str, str, str], dict[str, Any]]:
    """The relations between entities, by (relation, source, target, kind), with their words in every language
    and the state their sources give (the one in force on ``day``, every source's claim in ``claims``)."""
    raw = g.internal("edges")
    kinds = {str(row[3]) for row in raw.rows}
    kind_labels = {code: g.labels(kinds, code) for code in LANGS}
    shown = lang if lang in LANGS else DEFAULT
    states = {rel: merge(claims[rel], day) for rel in {str(row[0]) for row in raw.rows} if rel in claims}
    status_labels = g.labels({s["status"] for s in states.values() if s.get("status")}, lang)
    source_labels = g.labels({s["source"] for s in states.values() if s.get("source")}, lang)
    edges: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for row in raw.rows:
        rel, src, tgt, kind = (str(t) for t in row)
        key = (rel, src, tgt, kind)
        if key in edges or src not in nodes or tgt not in nodes:
            continue
        state = states.get(rel, {})
        status = state.get("status")
        edges[key] = {
            "kind": kind, "label": kind_labels[shown][kind],
            "labels": {code: kind_labels[code][kind] for code in LANGS},
            "relation": rel, "status": status, "status_label": status_labels.get(status) if status else None,
            "start": state.get("start"), "end": state.get("end"), "certainty": state.get("certainty"),
            "quote": state.get("quote"), "source": state.get("source"),
            "source_label": source_labels.get(state.get("source") or ""), "claims": state.get("claims", []),
        }
    return edges


def _add_edges(net: nx.MultiDiGraph, nodes: dict[str, dict[str, Any]],
               edges: dict[tuple[str, str, str, str], dict[str, Any]], day: dt.date | None) -> None:
    """Add the edges to ``net``, with the dates their carriers imply; ``as_of`` a day, only those that held."""
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
        net.add_edge(src, tgt, key=f"{rel}|{attrs['kind']}", **attrs)


def _prune(net: nx.MultiDiGraph, day: dt.date) -> None:
    """Drop the entities that did not hold on ``day``, and those left with no relation whose own dates did not."""
    for n in list(net.nodes):
        node = net.nodes[n]
        end = node.get("end") or (node.get("start") if node["kind"] == "event" else None)
        own = held_on(node.get("start"), end, day)
        if own in ("not yet", "ended") or (net.degree(n) == 0 and own != "held"):
            net.remove_node(n)


_WITHIN = SCHEMA.superEvent
_AFTER = {RG.resultOf, RG.lessonFrom, RG.signedAt}


def _derive_dates(nodes: dict[str, dict[str, Any]], edges: dict[tuple[str, str, str, str], dict[str, Any]]) -> None:
    """Give undated entities the bounds their links imply, marked ``dates_derived``.

    A part of an event lies within that event's span; an outcome, a lesson or an agreement signed at an event
    comes no earlier than the event's start (and has no known end).
    """
    links: dict[str, list[tuple[str, str]]] = {}
    for (rel, src, tgt, kind) in edges:
        if rel == src and (kind == _WITHIN or kind in _AFTER):
            links.setdefault(src, []).append((kind, tgt))

    def effective(n: str, seen: frozenset[str] = frozenset()) -> tuple[Any, Any]:
        node = nodes[n]
        if node.get("start") or node.get("end"):
            return node.get("start"), node.get("end")
        for kind, tgt in links.get(n, ()):
            if tgt in seen:
                continue
            start, end = effective(tgt, seen | {n})
            if start or end:
                node["start"], node["end"] = start, (end if kind == _WITHIN else None)
                node["dates_derived"] = True
                return node["start"], node["end"]
        return None, None

    for n in nodes:
        effective(n)


def _entities(g: Graph, lang: str, claims: dict[str, list[Claim]], day: dt.date | None) -> dict[str, dict[str, Any]]:
    raw = g.internal("entities")
    out: dict[str, dict[str, Any]] = {}
    labels: dict[str, list[Literal]] = {}
    definitions: dict[str, list[Literal]] = {}
    for s, p, o in raw.rows:
        iri, prop = str(s), str(p)
        node = out.get(iri)
        if node is None:
            node = out[iri] = {f: [] for f in _MULTI}
        if prop in _LABEL_PROPS and isinstance(o, Literal):
            labels.setdefault(iri, []).append(o)
            continue
        if prop == SKOS.definition and isinstance(o, Literal):
            definitions.setdefault(iri, []).append(o)
            continue
        field = _FIELD.get(prop)
        if field is None:
            continue
        value: Any = o.value if isinstance(o, Literal) and prop in _VALUES else str(o)
        if field in _MULTI:
            if value not in node[field]:
                node[field].append(value)
        else:
            node.setdefault(field, value)
    for iri, node in out.items():
        lits = labels.get(iri, [])
        node["labels"] = {code: pick([x for x in lits if (x.lang or "").startswith(code)], code) for code in LANGS}
        node["labels"] = {k: v for k, v in node["labels"].items() if v}
        node["label"] = pick(lits, lang) or iri
        if iri in definitions:
            node["definition"] = pick(definitions[iri], lang)
        kind = kind_of(node["classes"])
        node["kind"], node["kind_label"] = kind.key, kind.name(lang)
        if iri in claims:
            _state(node, merge(claims[iri], day))
        node["start"] = node.get("start") or node.get("signed")
        node.setdefault("end", None)
    return out


def _state(node: dict[str, Any], state: dict[str, Any]) -> None:
    """Give a node the state its sources give: the one in force, and every source's claim."""
    for name in ("status", "start", "end", "certainty", "source"):
        if state.get(name) is not None:
            node[name] = state[name]
    node["claims"] = state["claims"]
