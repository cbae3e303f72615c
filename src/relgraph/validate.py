"""Validation of a dataset against its SHACL shapes: the :class:`Report` and its :class:`Finding` lines.

This module owns checking the data, nothing else: it finds the shapes file (``shapes.ttl`` beside the data unless
another is given), checks its syntax, loads the data and the ontology into rdflib graphs, runs pySHACL on them and
turns pySHACL's report into findings a person can act on, one line each, with the label and the IRI of the
resource, the property and what is wrong. It never writes anything and never reaches the network.

The shapes themselves live in ``data/shapes.ttl``. The ontology files (``ontology*.ttl``) are given to pySHACL as the
ontology graph and are part of the data graph too, so that ``sh:targetClass`` and ``sh:class`` see both the subclass
axioms they state and the concepts they define (statuses, roles, kinds of agreement).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .core import Graph
from .errors import DataError, ForbiddenQueryError, ValidationError
from .namespaces import compact
from .sparql import check_read_only, serialize_term
from .store.files import FORMATS, graph_files, parse
from .terms import IRI

#: The shapes file looked for beside the data when none is given.
DEFAULT_SHAPES = "shapes.ttl"

_SH = "http://www.w3.org/ns/shacl#"
_MAX_VALUE = 60


@dataclass(frozen=True, order=True)
class Finding:
    """One problem pySHACL found: which resource, which property, what value, and what to do about it.

    ``focus`` is the full IRI (or blank node id) of the resource, ``label`` its English label (or its compact IRI
    when it has none), ``path`` the compact property, ``value`` the offending value as written in Turtle (empty
    when a value is missing), ``message`` the shape's ``sh:message``. ``str()`` gives one line.
    """

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"
    label: str = ""
    shape: str = field(default="", compare=False)
    component: str = field(default="", compare=False)

    def __str__(self) -> str:
        name = compact(self.focus) if not self.focus.startswith("_:") else self.focus
        shown = f' "{self.label}"' if self.label and self.label != name else ""
        path = f" {self.path}" if self.path else ""
        got = f" (got {self.value})" if self.value else ""
        return f"{self.severity}: {name}{shown}{path}: {self.message}{got}"


@dataclass(frozen=True)
class Report:
    """The outcome of :func:`validate`.

    ``conforms`` is False when any violation was found (warnings alone do not count), ``findings`` lists every
    problem sorted by resource then property, ``checked`` counts the distinct resources the shapes were applied
    to, and ``shapes`` names the shapes file used.
    """

    conforms: bool
    findings: list[Finding]
    checked: int
    shapes: str

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self.findings)


def shapes_path(g: Graph, shapes: str | Path | None = None) -> Path:
    """The shapes file to use: ``shapes`` if given, else ``shapes.ttl`` in the data folder (or beside the data file).

    Raises :class:`ValidationError` when that file does not exist.
    """
    path = Path(shapes) if shapes is not None else _data_folder(g) / DEFAULT_SHAPES
    if not path.is_file():
        hint = "" if shapes is not None else " (the default is shapes.ttl beside the data)"
        raise ValidationError(f"{path}: no SHACL shapes file here{hint}")
    return path


def validate(g: Graph, shapes: str | Path | None = None) -> Report:
    """Check the data of ``g`` against SHACL shapes and say, line by line, what does not conform.

    Parameters
    ----------
    g
        An open dataset (:func:`relgraph.open`). Its files are read again with rdflib; nothing is written.
    shapes
        A SHACL shapes file in Turtle. Default: ``shapes.ttl`` in the data folder (beside the data file when the
        dataset is a single file).

    Returns
    -------
    Report
        ``conforms``, the sorted ``findings`` (``str()`` of each is one line a person can act on), the number of
        resources ``checked`` and the ``shapes`` file used.

    Raises
    ------
    ValidationError
        When the shapes file is missing, is not valid Turtle (the message names ``file:line:column``), holds no
        SHACL shape, or is not valid SHACL (including shapes pySHACL cannot apply: a SPARQL constraint with
        ``MINUS`` or ``SERVICE``).

    Examples
    --------
    >>> import relgraph
    >>> report = relgraph.open("data").validate()                        # doctest: +SKIP
    >>> report.conforms, report.checked                                  # doctest: +SKIP
    (True, 109)
    >>> for finding in report.findings:                                  # doctest: +SKIP
    ...     print(finding)
    Violation: ug:contract-x "Contract for a plant" rg:quote: every resource and relation needs the exact quote ...
    Violation: ug:event-x "A meeting" schema:endDate: ends before it starts (2017-11-04): ... (got "2017-10-28"^^...)
    """
    import rdflib

    path = shapes_path(g, shapes)
    _check_syntax(path)
    with _quiet_rdflib():
        try:
            shapes_graph = rdflib.Graph().parse(str(path), format="turtle")
        except Exception as e:  # noqa: BLE001 - rdflib raises many kinds; pyoxigraph found the syntax good
            raise ValidationError(f"{path}: cannot read the shapes: {str(e).splitlines()[0]}") from None
        if not _has_shapes(shapes_graph):
            raise ValidationError(f"no SHACL shapes in {path}")
        _check_local(shapes_graph, path)
        data, ontology = _data_and_ontology(rdflib, g)
        conforms, results = _shacl(data, shapes_graph, ontology, path)
    findings = _findings(results)
    names = g.labels({f.focus for f in findings if not f.focus.startswith("_:")})
    findings = sorted({f if f.focus.startswith("_:") else _with_label(f, names[f.focus]) for f in findings})
    checked = len(_focus_nodes(shapes_graph, data + ontology))
    return Report(conforms=conforms, findings=findings, checked=checked, shapes=str(path))


def _shacl(data: Any, shapes: Any, ontology: Any, path: Path) -> tuple[bool, Any]:
    """Run pySHACL; its report graph, or :class:`ValidationError` when the shapes cannot be applied."""
    import pyshacl
    import rdflib

    try:
        conforms, results, _ = pyshacl.validate(
            data, shacl_graph=shapes, ont_graph=ontology if len(ontology) else None, inference="none",
            advanced=True, allow_warnings=True, abort_on_first=False)
    except Exception as e:  # noqa: BLE001 - pySHACL's ShapeLoadError, ConstraintLoadError, ReportableRuntimeError
        raise ValidationError(f"{path}: not valid SHACL: {_reason(e)}") from None
    if not isinstance(results, rdflib.Graph):
        # pySHACL returns a ValidationFailure instead of a report when a shape cannot be applied (a SPARQL
        # constraint with MINUS or SERVICE, for instance)
        raise ValidationError(f"{path}: not valid SHACL: {_reason(results)}")
    return bool(conforms), results


# ---------------------------------------------------------------------------------------------- helpers


def _data_folder(g: Graph) -> Path:
    if g.data_path is not None:
        return g.data_path if g.data_path.is_dir() else g.data_path.parent
    return g.files[0].parent if g.files else Path(".")


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


def _is_ontology(path: Path) -> bool:
    return path.name.lower().startswith("ontology")


def _split(g: Graph) -> tuple[list[Path], list[Path]]:
    """The files to validate and the ontology files of ``g``.

    pySHACL copies only the RDFS/OWL axioms of its ontology graph into the data graph, not the concepts an
    ontology defines (``rg:Active a rg:Status``), so the ontology files are validated with the data as well: that
    way ``sh:class rg:Status`` sees the statuses, and ``sh:class org:Organization`` the subclass axioms. When the
    dataset has no ontology file (a single data file was opened), the ``ontology*`` files of its folder are used.
    """
    ontology = [f for f in g.files if _is_ontology(f)]
    if not ontology:
        folder = _data_folder(g)
        ontology = sorted(p for p in folder.glob("ontology*") if p.is_file() and p.suffix.lower() in FORMATS)
    return [*g.files, *(f for f in ontology if f not in g.files)], ontology


def _data_and_ontology(rdflib: Any, g: Graph) -> tuple[Any, Any]:
    """The data graph and the ontology graph, from the files; or, for a dataset not loaded from files (at an
    endpoint), from the store: every triple, and those of its ``ontology*`` file graphs (else of the ontology
    files of the data folder, which are then validated with the data, as :func:`_split` does)."""
    data_files, ontology_files = _split(g)
    if g.files:
        return _load(rdflib, data_files), _load(rdflib, ontology_files)
    names = [n for n in sorted(g.store.graph_names()) if any(_is_ontology(Path(f)) for f in graph_files([n]))]
    where = f"VALUES ?g {{ {' '.join(serialize_term(IRI(n)) for n in names)} }} GRAPH ?g {{ ?s ?p ?o }}"

    def construct(pattern: str) -> Any:
        text = g.ask(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {pattern} }}", labels=False).serialize("nt")
        return rdflib.Graph().parse(data=text, format="nt")

    data = construct("?s ?p ?o")
    if names:
        return data, construct(where)
    ontology = _load(rdflib, ontology_files)
    return data + ontology, ontology


def _check_syntax(path: Path) -> None:
    """Parse the shapes with Oxigraph, which says where a syntax error is."""
    try:
        parse(path)
    except DataError as e:
        raise ValidationError(f"{e}" if e.line is None else
                              f"{e.path}:{e.line}:{e.column}: shapes file is not valid Turtle: {e.reason}") from None


@contextlib.contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """Silence rdflib's log about ill-formed literals: the shapes report them, once, as findings."""
    logger = logging.getLogger("rdflib.term")
    before = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(before)


def _load(rdflib: Any, files: Iterable[Path]) -> Any:
    """One rdflib graph holding every triple of ``files`` (the triples of named graphs included), parsed by
    :func:`relgraph.store.files.parse`, the one parser of data files."""
    graph = rdflib.Graph()
    for f in files:
        graph += (tuple(_rdflib_term(rdflib, t) for t in (q.subject, q.predicate, q.object)) for q in parse(f))
    return graph


def _rdflib_term(rdflib: Any, term: Any) -> Any:
    kind = type(term).__name__
    if kind == "NamedNode":
        return rdflib.URIRef(term.value)
    if kind == "BlankNode":
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


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
                value=_term(value) if value is not None else "",
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


def _term(term: Any) -> str:
    """A value as it would be written in Turtle, with compact IRIs and long text cut short."""
    from rdflib import BNode, Literal

    if isinstance(term, Literal):
        text = str(term)
        if len(text) > _MAX_VALUE:
            text = text[:_MAX_VALUE - 1] + "…"
        text = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f"{text}^^{compact(str(term.datatype))}"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    return compact(str(term))


def _with_label(finding: Finding, label: str) -> Finding:
    from dataclasses import replace

    return replace(finding, label=label)


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
