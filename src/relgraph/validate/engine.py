"""A fast path for the shapes: the SHACL features relgraph's shapes use, applied to many resources at once.

pySHACL spends about 17 ms on each resource it checks against relgraph's shapes, and needs the data in an
rdflib graph first (a second per 25,000 statements): an import of 10,000 relations (11,000 new resources) took
minutes. This module owns a second implementation of the part of SHACL those shapes use, over the statements as
Oxigraph parsed them, indexed in plain dictionaries: node shapes with standard targets or a SPARQL target;
property shapes with a predicate path; ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:nodeKind``,
``sh:class``, ``sh:minLength``, ``sh:languageIn``, ``sh:uniqueLang``, ``sh:in``, ``sh:minInclusive``, ``sh:or``,
``sh:qualifiedValueShape`` with ``sh:qualifiedMinCount``, and SPARQL constraints (run by Oxigraph, the focus node
bound as pySHACL binds it). Each check follows pySHACL's own code (an ill-typed literal fails ``sh:datatype``,
``sh:languageIn`` matches the first part of a tag, ...), and the findings are the ones pySHACL's report gives.

:func:`supports` says whether a shapes graph stays within that part (every shape that reports anything carries
one ``sh:message``); where it does not, :mod:`.shacl` runs pySHACL as before. tests/test_validate_engine.py
compares the two on bad data, finding for finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from functools import cache
from typing import Any

from ..namespaces import compact
from .report import Finding
from .values import plain_value_ok, rdflib_term, shown_term, value_ok

_SH = "http://www.w3.org/ns/shacl#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_TARGETS = ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
_CHECKS = ("minCount", "maxCount", "datatype", "nodeKind", "class", "minLength", "languageIn", "uniqueLang", "in",
           "minInclusive", "or", "qualifiedValueShape", "sparql")
_COMPONENT = {"class": "ClassConstraintComponent", "in": "InConstraintComponent", "or": "OrConstraintComponent",
              "qualifiedValueShape": "QualifiedMinCountConstraintComponent", "sparql": "SPARQLConstraintComponent"}
#: Every predicate of the SHACL namespace the fast path knows; a shapes graph using another one goes to pySHACL.
_KNOWN = {*_TARGETS, *_CHECKS, "target", "property", "path", "message", "severity", "qualifiedMinCount", "prefixes",
          "select", "declare", "prefix", "namespace", "name", "description", "order", "group", "NodeShape",
          "PropertyShape", "SPARQLTarget", "SPARQLConstraint", "Violation", "Warning", "Info", "IRI", "BlankNode",
          "Literal", "BlankNodeOrIRI", "BlankNodeOrLiteral", "IRIOrLiteral"}

#: A shape made ready: its checks, its property shapes (shape, path, path as a string, checks), its SPARQL
#: constraints.
_Compiled = tuple[list[tuple[str, Any]], list[tuple[Any, Any, str, Any]], list[Any]]


def supports(shapes: Any) -> bool:
    """Whether every SHACL term of ``shapes`` is one the fast path implements as pySHACL does, and every shape
    that reports a finding carries one ``sh:message`` (pySHACL's own messages are not imitated)."""
    from rdflib import RDF, URIRef

    def sh(name: str) -> URIRef:
        return URIRef(_SH + name)

    for triple in shapes:
        if any(isinstance(t, URIRef) and str(t).startswith(_SH) and str(t)[len(_SH):] not in _KNOWN for t in triple):
            return False
    if any(not isinstance(p, URIRef) for p in shapes.objects(None, sh("path"))):
        return False
    reporting = {*shapes.subjects(sh("path"), None), *shapes.subjects(RDF.type, sh("NodeShape")),
                 *(s for t in (*_TARGETS, "target") for s in shapes.subjects(sh(t), None))}
    for shape in reporting:
        if any((shape, sh(c), None) in shapes for c in _CHECKS[:-1]) and len(_messages(shapes, shape)) != 1:
            return False
        if (shape, sh("path"), None) in shapes and (shape, sh("property"), None) in shapes:
            return False
    for shape, constraint in shapes.subject_objects(sh("sparql")):
        text = str(shapes.value(constraint, sh("select")) or "")
        if _messages(shapes, shape) or len(_messages(shapes, constraint)) != 1 or (shape, sh("path"), None) in shapes \
                or any(v in text for v in ("$PATH", "$currentShape", "$shapesGraph", "?failure", "$value")):
            return False
    return True


def check(shapes: Any, quads: list[list[Any]], focus: set[str] | None) -> tuple[list[Finding], int]:
    """The findings of ``shapes`` on the statements ``quads`` (one list of pyoxigraph quads per file, their
    graphs ignored), for the ``focus`` resources (IRIs) only when given, and the number of resources the node
    shapes target (counted as :func:`relgraph.validate.shacl.check` counts them)."""
    from rdflib import URIRef

    wanted = {str(p) for t in ("targetSubjectsOf", "targetObjectsOf") for p in shapes.objects(None, URIRef(_SH + t))}
    run = _Run(shapes, _Data(quads, wanted | {_RDF_TYPE, _SUBCLASS}))
    findings: list[Finding] = []
    for shape in run.node_shapes():  # findings in no particular order: the report sorts them
        for node in run.targets(shape):
            if focus is None or (type(node).__name__ == "NamedNode" and node.value in focus):
                findings += run.node(shape, node)
    return findings, len(run.counted())


class _Data:
    """The statements, indexed by subject and predicate (values in order, each once), and for the ``targeted``
    predicates by predicate."""

    def __init__(self, quads: list[list[Any]], targeted: set[str]) -> None:
        self.out: dict[Any, dict[str, dict[Any, None]]] = {}
        self.by_predicate: dict[str, list[tuple[Any, Any]]] = {p: [] for p in targeted}
        out, by_predicate = self.out, self.by_predicate
        for q in (q for file in quads for q in file):
            s, p, o = q.subject, q.predicate.value, q.object  # each read once: pyoxigraph makes a new object each time
            by_p = out.get(s)
            if by_p is None:
                by_p = out[s] = {}
            values = by_p.get(p)
            if values is None:
                values = by_p[p] = {}
            if o not in values:
                values[o] = None
                if p in by_predicate:
                    by_predicate[p].append((s, o))
        self.instances: dict[str, set[Any]] = defaultdict(set)
        self.supers: dict[str, set[str]] = defaultdict(set)
        for s, o in by_predicate[_RDF_TYPE]:
            self.instances[getattr(o, "value", "")].add(s)
        for s, o in by_predicate[_SUBCLASS]:
            self.supers[getattr(s, "value", "")].add(getattr(o, "value", ""))
        self._quads = quads
        self._store: Any = None
        self._above: dict[str, set[str]] = {}

    def values(self, node: Any, predicate: str) -> list[Any]:
        found = self.out.get(node, {}).get(predicate)
        return list(found) if found else []

    def above(self, cls: str) -> set[str]:
        """``cls`` and every class it is a subclass of (rdfs:subClassOf*)."""
        if cls not in self._above:
            seen, todo = {cls}, [cls]
            while todo:
                for sup in self.supers.get(todo.pop(), ()):
                    if sup not in seen:
                        seen.add(sup)
                        todo.append(sup)
            self._above[cls] = seen
        return self._above[cls]

    def below(self, cls: str) -> set[str]:
        """``cls`` and every class that is a subclass of it."""
        return {cls} | {c for c in list(self.supers) if cls in self.above(c)}

    def query(self, text: str, this: Any = None) -> Any:
        """A SELECT over all the statements (Oxigraph, filled on first use), ``$this`` bound when given."""
        import pyoxigraph as ox

        if self._store is None:
            self._store = ox.Store()
            for file in self._quads:
                self._store.extend(file)
        return self._store.query(text, substitutions={ox.Variable("this"): this} if this is not None else None,
                                 use_default_graph_as_union=True)


class _Run:
    """The shapes applied to the data: targets, then each constraint as pySHACL evaluates it."""

    def __init__(self, shapes: Any, data: _Data) -> None:
        from rdflib import URIRef

        self.g, self.data = shapes, data
        self.sh = cache(lambda name: URIRef(_SH + name))
        self.rdflib_term = cache(rdflib_term)
        self._shapes: dict[int, tuple[Any, _Compiled]] = {}
        self._memo: dict[tuple[str, int], dict[Any, bool]] = {}  # per value check: each value's answer
        self._targets: dict[tuple[Any, bool], set[Any]] = {}

    def node_shapes(self) -> list[Any]:
        return sorted({s for t in (*_TARGETS, "target") for s in self.g.subjects(self.sh(t), None)}, key=str)

    def targets(self, shape: Any, *, custom: bool = True) -> set[Any]:
        """The resources ``shape`` targets (``custom=False``: SPARQL targets left out)."""
        if (shape, custom) not in self._targets:
            self._targets[(shape, custom)] = self._targeted(shape, custom)
        return self._targets[(shape, custom)]

    def _targeted(self, shape: Any, custom: bool) -> set[Any]:
        sh, data = self.sh, self.data
        if custom and (shape, sh("target"), None) not in self.g:
            return self.targets(shape, custom=False)
        found: set[Any] = {_to_ox(n) for n in self.g.objects(shape, sh("targetNode"))}
        for cls in self.g.objects(shape, sh("targetClass")):
            for sub in data.below(str(cls)):
                found |= data.instances.get(sub, set())
        for p in self.g.objects(shape, sh("targetSubjectsOf")):
            found.update(s for s, _ in data.by_predicate.get(str(p), ()))
        for p in self.g.objects(shape, sh("targetObjectsOf")):
            found.update(o for _, o in data.by_predicate.get(str(p), ()))
        for target in self.g.objects(shape, sh("target")) if custom else ():
            answer = data.query(self._prefixed(target, str(self.g.value(target, sh("select")))))
            found.update(row["this"] for row in answer if row["this"] is not None)
        return found

    def counted(self) -> set[Any]:
        """The resources the node shapes target, SPARQL targets left out (as ``shacl._focus_nodes`` counts)."""
        from rdflib import RDF

        return {n for shape in set(self.g.subjects(RDF.type, self.sh("NodeShape")))
                for n in self.targets(shape, custom=False)}

    # ---------------------------------------------------------------- one focus node

    def node(self, shape: Any, focus: Any) -> list[Finding]:
        """The findings of a node shape on one focus node: its own constraints, its property shapes', and its
        SPARQL constraints'."""
        checks, props, sparql = self._compiled(shape)
        out = [self._finding(shape, focus, None, c, v) for c, v in self._failures(checks, (focus,))] if checks else []
        values = self.data.out.get(focus, {})
        for prop, path, key, prop_checks in props:
            failed = self._failures(prop_checks, values.get(key, ()))
            out += [self._finding(prop, focus, path, c, v) for c, v in failed]
        for constraint in sparql:
            out += self._sparql(shape, constraint, focus)
        return out

    def conforms(self, shape: Any, node: Any) -> bool:
        """Whether ``node`` conforms to a nested shape (a member of ``sh:or``, a qualified value shape)."""
        checks, props, _ = self._compiled(shape)
        if checks and self._failures(checks, (node,)):
            return False
        values = self.data.out.get(node, {})
        return not any(self._failures(prop_checks, values.get(key, ())) for _, _, key, prop_checks in props)

    def _compiled(self, shape: Any) -> _Compiled:
        """A shape's constraints with their parameters made ready (numbers, sets, lists), its property shapes with
        their paths (as given and as a string) and constraints, and its SPARQL constraints; read from the shapes
        graph once per shape (kept by the object's id: rdflib hashes a term in Python, slowly; the object is kept
        with it, so the id is not reused)."""
        entry = self._shapes.get(id(shape))
        if entry is None or entry[0] is not shape:
            entry = self._shapes[id(shape)] = (shape, self._compile(shape))
        return entry[1]

    def _compile(self, shape: Any) -> _Compiled:
        """What :meth:`_compiled` keeps for one shape."""
        from rdflib.collection import Collection

        g, sh, checks = self.g, self.sh, []
        for name in _CHECKS[:-1]:
            for param in g.objects(shape, sh(name)):
                ready: Any = str(param)
                if name in ("minCount", "maxCount", "minLength"):
                    ready = int(param)
                elif name == "uniqueLang":
                    ready = bool(param.toPython())
                elif name == "qualifiedValueShape":
                    least = g.value(shape, sh("qualifiedMinCount"))
                    ready = (param, None if least is None else int(least))
                elif name == "or":
                    ready = tuple(Collection(g, param))
                elif name == "languageIn":
                    ready = frozenset(str(x).lower() for x in Collection(g, param))
                elif name == "in":
                    ready = frozenset(Collection(g, param))
                elif name == "minInclusive":
                    ready = param
                checks.append((name, ready))
        paths = [(p, g.value(p, sh("path"))) for p in g.objects(shape, sh("property"))]
        props = [(p, path, str(path), self._compiled(p)[0]) for p, path in paths]
        return checks, props, list(g.objects(shape, sh("sparql")))

    def _failures(self, checks: list[tuple[str, Any]], values: Collection[Any]) -> list[tuple[str, Any]]:
        """Each constraint that the value nodes break: (constraint, the value or None). Without values, only a
        count can fail (the other checks look at each value, or at the values' languages)."""
        out: list[tuple[str, Any]] = []
        for name, param in checks:
            if name == "minCount":
                out += [(name, None)] * (len(values) < param)
            elif name == "maxCount":
                out += [(name, None)] * (len(values) > param)
            elif not values:
                if name == "qualifiedValueShape" and param[1] is not None and param[1] > 0:
                    out.append((name, None))
            elif name == "uniqueLang":
                langs = [v.language.lower() for v in values if type(v).__name__ == "Literal" and v.language]
                out += [(name, None)] * (len({x for x in langs if langs.count(x) > 1}) if param else 0)
            elif name == "qualifiedValueShape":
                nested, least = param
                if least is not None and sum(self.conforms(nested, v) for v in values) < least:
                    out.append((name, None))
            else:
                memo = self._memo.get((name, id(param)))  # param is kept by _shapes: its id is not reused
                if memo is None:
                    memo = self._memo[(name, id(param))] = {}
                for v in values:
                    ok = memo.get(v)
                    if ok is None:
                        ok = memo[v] = self._value_ok(name, param, v)
                    if not ok:
                        out.append((name, v))
        return out

    def _value_ok(self, name: str, param: Any, v: Any) -> bool:
        """Whether the value ``v`` passes one value check (asked once per check and value, see _failures)."""
        if name == "or":
            return any(self.conforms(member, v) for member in param)
        if name == "class":
            return type(v).__name__ != "Literal" and any(
                param in self.data.above(t.value) for t in self.data.values(v, _RDF_TYPE)
                if type(t).__name__ == "NamedNode")
        plain = plain_value_ok(name, param, v)
        return value_ok(name, param, self.rdflib_term(v)) if plain is None else plain

    def _sparql(self, shape: Any, constraint: Any, focus: Any) -> list[Finding]:
        """The results of a SPARQL constraint on one focus node, as pySHACL makes them (each once, its message
        with ``{?var}`` filled in, the focus node as the value when the query gives none)."""
        import re

        answer = self.data.query(self._prefixed(constraint, str(self.g.value(constraint, self.sh("select")))),
                                 this=focus)
        names = [v.value for v in answer.variables]
        (message,) = _messages(self.g, constraint)
        out, seen = [], set()
        for row in answer:
            bound = {n: row[n] for n in names if row[n] is not None}
            this, path, value = bound.pop("this", None), bound.pop("path", None), bound.pop("value", None)
            key = (this, path, value, tuple(sorted(bound.items(), key=str)))
            if key in seen or (this is None and path is None and value is None):
                continue
            seen.add(key)
            value = value if value is not None else focus
            shown = str(message)
            for var, val in {**bound, "this": this, "path": path, "value": value}.items():
                if val is not None:
                    shown = re.sub(f"{{[?$]{var}}}", str(self.rdflib_term(val)), shown)
            out.append(self._finding(shape, this or focus, path, "sparql", value, shown))
        return out

    def _finding(self, shape: Any, focus: Any, path: Any, component: str, value: Any,
                 message: str | None = None) -> Finding:
        from rdflib import URIRef

        severity = self.g.value(shape, self.sh("severity"))
        if message is None:
            (message,) = _messages(self.g, shape)
        return Finding(
            focus=f"_:{focus.value}" if type(focus).__name__ == "BlankNode" else focus.value,
            path=compact(str(getattr(path, "value", path))) if path is not None else "",
            message=str(message), value=shown_term(self.rdflib_term(value)) if value is not None else "",
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            shape=compact(str(shape)) if isinstance(shape, URIRef) else "",
            component=_COMPONENT.get(component, component[:1].upper() + component[1:] + "ConstraintComponent"))

    def _prefixed(self, node: Any, text: str) -> str:
        """The query with the PREFIX lines its ``sh:prefixes`` declare (and those of every ontology)."""
        from rdflib import OWL, RDF

        sh = self.sh
        owners = {*self.g.objects(node, sh("prefixes")), *self.g.subjects(RDF.type, OWL.Ontology)}
        lines = {f"PREFIX {self.g.value(d, sh('prefix'))}: <{self.g.value(d, sh('namespace'))}>"
                 for o in owners for d in self.g.objects(o, sh("declare"))}
        return "\n".join(sorted(lines)) + "\n" + text


def _has(shapes: Any, shape: Any, name: str) -> bool:
    from rdflib import URIRef

    return (shape, URIRef(_SH + name), None) in shapes


def _messages(shapes: Any, node: Any) -> list[Any]:
    from rdflib import URIRef

    return list(shapes.objects(node, URIRef(_SH + "message")))


def _to_ox(term: Any) -> Any:
    import pyoxigraph as ox
    from rdflib import BNode, Literal

    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    return ox.NamedNode(str(term))
