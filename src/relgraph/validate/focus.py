"""Applying the shapes to some resources only: the new statements of an import, checked without checking
everything again.

This module owns narrowing the shapes to a set of focus nodes. pySHACL's own ``focus_nodes`` option is not used,
for two reasons found by measuring: it drops every value node of a nested shape that is not itself a focus node
(so ``sh:or``, ``sh:qualifiedValueShape`` and ``sh:node`` silently pass: an English label missing, a date
ill-formed or a member of the wrong class went unreported), and it looks each node up in a list (quadratic: a
10,000-relation import spent minutes there). Instead each node shape's standard targets (``sh:targetClass`` with
subclasses, implicit class targets, ``sh:targetNode``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``) are
found as pySHACL finds them, kept where they are focus nodes, and written back as ``sh:targetNode``; a shape with
a custom target (``sh:target``, a SPARQL target) keeps it, and its results are then kept for focus nodes only
(:func:`keep`). The nested shapes see the whole data, as in a full validation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_SH = "http://www.w3.org/ns/shacl#"
_STANDARD = ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")


def narrowed(shapes: Any, data: Any, focus: Iterable[str]) -> Any:
    """A copy of ``shapes`` whose node shapes target only the resources of ``focus`` (IRIs) that they targeted
    in ``data`` (an rdflib graph holding the ontology too)."""
    from rdflib import RDF, RDFS, URIRef

    wanted = {URIRef(f) for f in focus}
    out = _copy(shapes)
    predicates = {name: URIRef(_SH + name) for name in _STANDARD}
    shaped = {s for p in predicates.values() for s in shapes.subjects(p, None)}
    shaped |= {s for s in shapes.subjects(RDF.type, RDFS.Class)}  # implicit class targets
    for shape in shaped:
        if (shape, RDF.type, RDFS.Class) in shapes:
            continue  # an implicit class target cannot be narrowed: its results are filtered by keep()
        targets = _targets(shapes, data, shape)
        for p in predicates.values():
            out.remove((shape, p, None))
        for node in sorted(targets & wanted):
            out.add((shape, predicates["targetNode"], node))
    return out


def keep(focus: Iterable[str] | None, node: str) -> bool:
    """Whether a result for ``node`` is one of the ``focus`` (all are when there is no focus)."""
    return focus is None or node in focus


def _targets(shapes: Any, data: Any, shape: Any) -> set[Any]:
    """The nodes the standard targets of ``shape`` select in ``data``, as pySHACL selects them."""
    from rdflib import RDF, RDFS, URIRef

    sh = {name: URIRef(_SH + name) for name in _STANDARD}
    found: set[Any] = set(shapes.objects(shape, sh["targetNode"]))
    for cls in shapes.objects(shape, sh["targetClass"]):
        for sub in {cls, *data.transitive_subjects(RDFS.subClassOf, cls)}:
            found.update(data.subjects(RDF.type, sub))
    for p in shapes.objects(shape, sh["targetSubjectsOf"]):
        found.update(s for s, _ in data.subject_objects(p))
    for p in shapes.objects(shape, sh["targetObjectsOf"]):
        found.update(o for _, o in data.subject_objects(p))
    return found


def _copy(graph: Any) -> Any:
    import rdflib

    out = rdflib.Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=True)
    out += graph
    return out
