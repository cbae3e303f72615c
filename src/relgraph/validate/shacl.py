"""The SHACL part of validation: the shapes file, pySHACL, and its report as findings.

This module owns what the shapes say about the data: it checks the shapes file (syntax through Oxigraph, at least
one shape, no SPARQL that would reach the network or change data), loads the data and the ontology into rdflib
graphs from the quads already parsed, runs pySHACL on them and turns pySHACL's report into findings a person can
act on, one line each, with the resource, the property and what is wrong. It never writes anything and never
reaches the network.

The shapes themselves live in ``data/shapes.ttl``. The ontology files (``ontology*.ttl``) are given to pySHACL as the
ontology graph and are part of the data graph too, so that ``sh:targetClass`` and ``sh:class`` see both the subclass
axioms they state and the concepts they define (statuses, roles, kinds of agreement).
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import DataError, ForbiddenQueryError, ValidationError
from ..namespaces import compact
from ..sparql import check_read_only
from ..store.files import parse
from .files import DataFile
from .report import Finding
from .values import rdflib_term, shown_term

_SH = "http://www.w3.org/ns/shacl#"
_SOURCE = "http://www.w3.org/ns/prov#hadPrimarySource"


def load_shapes(path: Path) -> Any:
    """The shapes of ``path`` as an rdflib graph, or :class:`ValidationError`: not valid Turtle (naming
    ``file:line:column``), no SHACL shape in it, or SPARQL in it that would reach the network or change data."""
    import rdflib

    _check_syntax(path)
    with quiet_rdflib():
        try:
            shapes = rdflib.Graph().parse(str(path), format="turtle")
        except Exception as e:  # noqa: BLE001 - rdflib raises many kinds; pyoxigraph found the syntax good
            raise ValidationError(f"{path}: cannot read the shapes: {str(e).splitlines()[0]}") from None
    if not _has_shapes(shapes):
        raise ValidationError(f"no SHACL shapes in {path}")
    _check_local(shapes, path)
    return shapes


def check(shapes: Any, files: list[DataFile], path: Path, *, also: Iterable[str] = (),
          focus: Iterable[str] | None = None, fast: bool = True) -> tuple[list[Finding], int]:
    """Apply the ``shapes`` (read from ``path``) to the data and ontology ``files``.

    ``also`` names resources (IRIs) that no target of the shapes may reach, a resource of a misspelt class for
    one: they are added, in memory only, to the targets of every node shape that requires a source
    (``prov:hadPrimarySource``), so a misspelt class cannot silence the missing-source check.

    ``focus`` (IRIs), when given, limits the shapes to those resources (the rest of the data still answers their
    constraints): the new statements of an import are checked without checking everything again. With a focus,
    shapes that stay within what :mod:`.engine` implements are applied by it (``fast=False``: by pySHACL, the
    shapes narrowed to the focus by :mod:`.focus`); the findings are the same.

    Returns the findings (labels still to be filled in) and the number of distinct resources the shapes were
    applied to.
    """
    import rdflib

    from .focus import keep, narrowed

    _require_sources(shapes, also)
    wanted = None if focus is None else set(focus)
    if wanted is not None and fast:
        from . import engine

        if engine.supports(shapes):
            with quiet_rdflib():
                return engine.check(shapes, [f.quads for f in files], wanted)
    with quiet_rdflib():
        data = _load(rdflib, files)
        ontology = _load(rdflib, (f for f in files if f.ontology))
        checked = len(_focus_nodes(shapes, data))
        applied = shapes if wanted is None else narrowed(shapes, data, wanted)
        results = _shacl(data, applied, ontology, path)
    return [f for f in _findings(results) if keep(wanted, f.focus)], checked


def _require_sources(shapes: Any, nodes: Iterable[str]) -> None:
    from rdflib import BNode, URIRef

    sh_property, sh_path, target = URIRef(_SH + "property"), URIRef(_SH + "path"), URIRef(_SH + "targetNode")
    sourced = {shape for shape, prop in shapes.subject_objects(sh_property)
               if (prop, sh_path, URIRef(_SOURCE)) in shapes}
    for shape in sourced:
        for node in nodes:
            shapes.add((shape, target, BNode(node[2:]) if node.startswith("_:") else URIRef(node)))


def _shacl(data: Any, shapes: Any, ontology: Any, path: Path) -> Any:
    """Run pySHACL; its report graph, or :class:`ValidationError` when the shapes cannot be applied.

    ``data`` is changed in place (the ontology mixed in, as pySHACL would do to a copy of it): it is a graph made
    for this one run, and copying it cost a second per 25,000 statements."""
    import pyshacl
    import rdflib

    try:
        _, results, _ = pyshacl.validate(
            data, shacl_graph=shapes, ont_graph=ontology if len(ontology) else None, inference="none",
            advanced=True, allow_warnings=True, abort_on_first=False, inplace=True)
    except Exception as e:  # noqa: BLE001 - pySHACL's ShapeLoadError, ConstraintLoadError, ReportableRuntimeError
        raise ValidationError(f"{path}: not valid SHACL: {_reason(e)}") from None
    if not isinstance(results, rdflib.Graph):
        # pySHACL returns a ValidationFailure instead of a report when a shape cannot be applied (a SPARQL
        # constraint with MINUS or SERVICE, for instance)
        raise ValidationError(f"{path}: not valid SHACL: {_reason(results)}")
    return results


# ---------------------------------------------------------------------------------------------- helpers


def _reason(failure: object) -> str:
    """The first line of what pySHACL says went wrong (its exceptions keep it in ``message``)."""
    text = str(getattr(failure, "message", None) or failure).strip()
    return text.splitlines()[0] if text else type(failure).__name__


#: Predicates that make their subject a shape (targets, constraints, the shape-expecting parameters' values).
_SHAPE_PREDICATES = ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "target", "property",
                     "path", "node", "sparql", "not", "and", "or", "xone", "qualifiedValueShape", "class",
                     "datatype", "nodeKind", "minCount", "maxCount", "in", "hasValue", "pattern", "closed",
                     "minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "minLength", "maxLength",
                     "languageIn", "uniqueLang", "equals", "disjoint", "lessThan", "lessThanOrEquals", "rule")


def _has_shapes(shapes: Any) -> bool:
    """True when the graph declares at least one SHACL shape: a node typed ``sh:NodeShape`` or ``sh:PropertyShape``,
    or one with a target or a constraint."""
    from rdflib import RDF, URIRef

    typed = ((None, RDF.type, URIRef(_SH + kind)) for kind in ("NodeShape", "PropertyShape"))
    used = ((None, URIRef(_SH + p), None) for p in _SHAPE_PREDICATES)
    return any(pattern in shapes for pattern in (*typed, *used))


def _check_local(shapes: Any, path: Path) -> None:
    """Refuse SPARQL in the shapes (constraints, targets, functions, rules) that would reach the network or
    change data: pySHACL refuses SERVICE in a constraint itself, but not in a SPARQL target, where rdflib would
    call the endpoint."""
    from rdflib import Literal, URIRef

    for key in ("select", "ask", "construct", "update"):
        for text in shapes.objects(None, URIRef(_SH + key)):
            if not isinstance(text, Literal):
                continue
            try:
                check_read_only(str(text))
            except ForbiddenQueryError as e:
                raise ValidationError(f"{path}: a SPARQL query of the shapes is refused: {e}") from None


def _check_syntax(path: Path) -> None:
    """Parse the shapes with Oxigraph, which says where a syntax error is."""
    try:
        parse(path)
    except DataError as e:
        raise ValidationError(f"{e}" if e.line is None else
                              f"{e.path}:{e.line}:{e.column}: shapes file is not valid Turtle: {e.reason}") from None


@contextlib.contextmanager
def quiet_rdflib() -> Iterator[None]:
    """Silence rdflib's log and warnings about ill-formed literals ("Parsing weird boolean"): :mod:`.literals`
    reports them, once, as findings, and the command line prints nothing else."""
    logger = logging.getLogger("rdflib.term")
    before = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=UserWarning, module=r"rdflib\.")
            yield
    finally:
        logger.setLevel(before)


def _load(rdflib: Any, files: Iterable[DataFile]) -> Any:
    """One rdflib graph holding every triple of ``files`` (the triples of named graphs included), as parsed by
    :func:`relgraph.store.files.parse`, the one parser of data files."""
    graph = rdflib.Graph()
    for f in files:
        graph += (tuple(rdflib_term(t) for t in (q.subject, q.predicate, q.object)) for q in f.quads)
    return graph


def _findings(results: Any) -> list[Finding]:
    """The top-level results of a pySHACL report graph as findings (labels still to be filled in)."""
    from rdflib import RDF, BNode, Literal, Namespace, URIRef

    sh = Namespace(_SH)
    out = []
    for report in results.subjects(RDF.type, sh.ValidationReport):
        for r in results.objects(report, sh.result):
            focus = results.value(r, sh.focusNode)
            path = results.value(r, sh.resultPath)
            value = results.value(r, sh.value)
            severity = results.value(r, sh.resultSeverity)
            messages = list(results.objects(r, sh.resultMessage))
            english = [m for m in messages if isinstance(m, Literal) and (m.language or "en").startswith("en")]
            message = str((english or messages or [""])[0])
            shape = results.value(r, sh.sourceShape)
            component = results.value(r, sh.sourceConstraintComponent)
            out.append(Finding(
                focus=f"_:{focus}" if isinstance(focus, BNode) else str(focus),
                path=_path(results, path) if path is not None else "",
                message=message,
                value=shown_term(value) if value is not None else "",
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                shape=compact(str(shape)) if isinstance(shape, URIRef) else "",
                component=str(component).rsplit("#", 1)[-1] if component is not None else ""))
    return out


def _path(graph: Any, path: Any) -> str:
    """A SHACL property path as text: ``rg:party``, ``^org:member``, ``a/b``, ``(a|b)``, ``a*``."""
    from rdflib import RDF, BNode, Namespace
    from rdflib.collection import Collection

    sh = Namespace(_SH)
    if not isinstance(path, BNode):
        return compact(str(path))
    if (graph.value(path, RDF.first)) is not None:
        return "/".join(_path(graph, p) for p in Collection(graph, path))
    for prop, fmt in ((sh.inversePath, "^{}"), (sh.zeroOrMorePath, "{}*"), (sh.oneOrMorePath, "{}+"),
                      (sh.zeroOrOnePath, "{}?")):
        inner = graph.value(path, prop)
        if inner is not None:
            return fmt.format(_path(graph, inner))
    alternatives = graph.value(path, sh.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path(graph, p) for p in Collection(graph, alternatives)) + ")"
    return "(path)"


def _focus_nodes(shapes: Any, data: Any) -> set[Any]:
    """The distinct resources the node shapes target (sh:targetClass with subclasses, sh:targetNode,
    sh:targetSubjectsOf, sh:targetObjectsOf, implicit class targets).

    SPARQL targets are not counted: the one in data/shapes.ttl picks dated resources, already counted.
    """
    from rdflib import RDF, RDFS, Namespace, URIRef

    sh = Namespace(_SH)

    def instances(cls: Any) -> set[Any]:
        classes = set(data.transitive_subjects(RDFS.subClassOf, cls))
        return {s for c in classes for s in data.subjects(RDF.type, c)}

    shapes_ = set(shapes.subjects(RDF.type, sh.NodeShape))
    shapes_ |= {s for s in shapes.subjects(RDF.type, RDFS.Class) if (s, RDF.type, sh.NodeShape) in shapes}
    found: set[Any] = set()
    for shape in shapes_:
        for cls in shapes.objects(shape, sh.targetClass):
            found |= instances(cls)
        found |= set(shapes.objects(shape, sh.targetNode))
        for p in shapes.objects(shape, sh.targetSubjectsOf):
            found |= set(data.subjects(URIRef(p), None))
        for p in shapes.objects(shape, sh.targetObjectsOf):
            found |= set(data.objects(None, URIRef(p)))
        if (shape, RDF.type, RDFS.Class) in shapes:
            found |= instances(shape)
    return found
