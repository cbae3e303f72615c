"""The network projection's parts read from plain statements, without SPARQL: the entities with their attributes,
the relations between them as (relation, source, target, kind) keys, and every source's claims.

The store is read once (:func:`relgraph.store.statements.statements`, within the graph's timeout), statements
are grouped by property as they come, and the
rest is done with sets and dicts of strings: at 1M triples this is several times faster than the SPARQL
queries it replaces (``relgraph/sparql/entities.rq``, ``edges.rq``, ``claims.rq``), whose answers it gives
exactly (:mod:`.projection_sparql` is the reference the tests compare it with). Only where a value's language
or datatype matters is a :class:`~relgraph.terms.Literal` made: labels keep their language tag, ``count`` and
``holder_named`` become Python values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .. import deadline
from ..core import Graph
from ..labels import choose, preference
from ..namespaces import RDF, RG
from ..states import Claim, claims_from_statements, with_interval_dates
from ..store.statements import BNODE_KIND, IRI_KIND, Statement, literal, statements
from .assembly import Key
from .vocabulary import DIRECT, FIELD, LABELS, MULTI, NOT_EDGE, NOT_ENTITY, QUALIFIED, VALUES

ByProperty = dict[str, list[Statement]]

_NOT_LITERAL = (IRI_KIND, BNODE_KIND)
_DIRECT = frozenset(DIRECT)


def read(g: Graph, lang: str) -> tuple[dict[str, dict[str, Any]], set[Key], dict[str, list[Claim]]]:
    """The entities (with ``labels`` and ``label`` in ``lang``), the relation keys between them and the claims of
    every thing, from one reading of the store."""
    by_property = deadline.call(lambda: _by_property(statements(g.store)), g.timeout)
    entities = _entity_iris(by_property)
    nodes = _nodes(by_property, entities, lang)
    keys = _keys(by_property, nodes)
    return nodes, keys, claims_from_statements(with_interval_dates(by_property), g.published)


def _by_property(read: Iterable[Statement]) -> ByProperty:
    """The statements grouped by property, as they are read (one pass, no list of them all first)."""
    by_property: ByProperty = defaultdict(list)
    for statement in read:
        by_property[statement[1]].append(statement)
    return by_property


def _entity_iris(by_property: ByProperty) -> set[str]:
    """IRIs with a name and a class, none of the classes of relations and schema, outside relgraph's ontology."""
    types = by_property.get(RDF.type, [])
    named: set[str] = set()
    for prop in LABELS:
        named.update([t[0] for t in by_property.get(prop, ())])
    found = named & {t[0] for t in types}
    found -= {t[0] for t in types if t[2] in NOT_ENTITY and t[3] == IRI_KIND}
    return {s for s in found if type(s) is str and not s.startswith(RG.NS)}


def _nodes(by_property: ByProperty, entities: set[str], lang: str) -> dict[str, dict[str, Any]]:
    """Each entity's attributes: every value of a many-valued field (sorted); of a single-valued one, the
    preferred property's value in ``lang`` as labels fall back (the least of equals); its labels by
    :func:`relgraph.labels.choose`."""
    many = {field: _values(by_property.get(_FIELDS[field][0], ()), entities) for field in MULTI}
    nodes: dict[str, dict[str, Any]] = {
        iri: {f: sorted(values[iri]) if iri in values else [] for f, values in many.items()} for iri in entities}
    for field, props in _FIELDS.items():
        if field in MULTI:
            continue
        chosen: dict[str, Any] = {}
        for prop in props:  # the preferred property first
            for s, value in _least(by_property.get(prop, ()), entities, prop in VALUES, lang).items():
                chosen.setdefault(s, value)
        for s, value in chosen.items():
            nodes[s][field] = value
    names = _names(by_property, entities)
    for iri, node in nodes.items():
        found = names.get(iri)
        label, per_lang = choose([(text, tag) for _, text, tag in sorted(found)], lang) if found else (None, {})
        node["labels"], node["label"] = per_lang, label or iri
    return nodes


def _names(by_property: ByProperty, entities: set[str]) -> dict[str, list[tuple[int, str, str]]]:
    """The literal names of each entity: (rank of the property, text, language tag or "")."""
    names: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for rank, prop in enumerate(LABELS):
        for s, _, text, kind, _ in by_property.get(prop, ()):
            if s in entities and kind not in _NOT_LITERAL:
                names[s].append((rank, text, kind[1:] if kind[0] == "@" else ""))
    return names


#: Node attributes in the order a node lists them, each with its properties, the preferred first.
_FIELDS: dict[str, list[str]] = {f: [p for p in FIELD if FIELD[p] == f] for f in dict.fromkeys(FIELD.values())}


def _values(rows: Iterable[Statement], subjects: set[str]) -> dict[str, set[str]]:
    """Every value each of ``subjects`` has in ``rows``."""
    out: dict[str, set[str]] = defaultdict(set)
    for s, _, value, _, _ in rows:
        if s in subjects:
            out[s].add(value)
    return out


def _least(rows: Iterable[Statement], subjects: set[str], as_value: bool, lang: str) -> dict[str, Any]:
    """The value each of ``subjects`` has in ``rows`` that suits ``lang`` best (by
    :func:`relgraph.labels.preference`), the least by text then kind among those; with ``as_value`` a literal's
    Python value (an int for a count), else its text."""
    ranks: dict[str, int] = {}
    best: dict[str, tuple[int, str, str]] = {}
    for s, _, value, kind, _ in rows:
        if s in subjects:
            rank = ranks.get(kind)
            if rank is None:
                rank = ranks[kind] = preference(kind[1:] if kind[0] == "@" else None, lang)
            current = best.get(s)
            if current is None or (rank, value, kind) < current:
                best[s] = (rank, value, kind)
    if not as_value:
        return {s: value for s, (_, value, _) in best.items()}
    return {s: value if kind in _NOT_LITERAL else literal(value, kind).value for s, (_, value, kind) in best.items()}


def _keys(by_property: ByProperty, nodes: dict[str, dict[str, Any]]) -> set[Key]:
    """The relations between entities: qualified ones (memberships, participations), sister relationships
    (every pair of parties), agreements (each party to the agreement), direct links and any other link between
    two entities."""
    typed: dict[str, set[str]] = {cls: set() for cls in (*QUALIFIED, RG.SisterRelationship, RG.Agreement)}
    for s, _, cls, kind, _ in by_property.get(RDF.type, ()):
        if cls in typed and kind == IRI_KIND:
            typed[cls].add(s)
    keys: set[Key] = set()
    for cls, (source, target, role, default) in QUALIFIED.items():
        sources = _objects(by_property.get(source, ()), typed[cls], nodes)
        targets = _objects(by_property.get(target, ()), typed[cls], nodes)
        roles = _objects(by_property.get(role, ()), typed[cls], None)
        for rel, found in sources.items():
            kinds = roles.get(rel) or [default]
            keys.update((str(rel), s, t, k) for s in found for t in targets.get(rel, ()) for k in kinds)
    sisters = _objects(by_property.get(RG.party, ()), typed[RG.SisterRelationship], nodes)
    for rel, parties in sisters.items():
        keys.update((str(rel), a, b, RG.SisterRelationship) for a in parties for b in parties if a < b)
    agreements = _objects(by_property.get(RG.party, ()), typed[RG.Agreement] & nodes.keys(), nodes)
    for rel, parties in agreements.items():
        keys.update((rel, party, rel, RG.party) for party in parties)
    for prop, rows in by_property.items():
        if prop in _DIRECT or prop not in NOT_EDGE:
            keys.update((s, s, o, prop) for s, _, o, kind, _ in rows if kind == IRI_KIND and s in nodes and o in nodes)
    return keys


def _objects(rows: Iterable[Statement], subjects: set[str] | Any, within: dict[str, Any] | None,
             ) -> dict[str, list[str]]:
    """The objects each of ``subjects`` has in ``rows`` (those in ``within`` only, unless it is None)."""
    out: dict[str, list[str]] = defaultdict(list)
    for s, _, value, _, _ in rows:
        if s in subjects and (within is None or value in within):
            out[s].append(value)
    return out
