"""rdflib's own in-memory graph and SPARQL engine: the plain alternative the benchmarks compare relgraph with."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import DataError, QueryError
from ..sparql import bind
from ..terms import IRI, XSD, BNode, Literal, Term
from .files import FORMATS
from .interface import RawResult, rows_of
from .statements import BNODE_KIND, IRI_KIND, Statement


class RdflibStore:
    """rdflib's own in-memory graph and SPARQL engine: the plain alternative the benchmarks compare with."""

    def __init__(self) -> None:
        import rdflib

        self._rdflib = rdflib
        self._graph = rdflib.Dataset(default_union=True)

    def load(self, path: Path, graph: str | None = None) -> None:
        r = self._rdflib
        try:
            fmt = FORMATS[path.suffix.lower()]
            if fmt in ("trig", "nquads"):
                self._graph.parse(str(path), format=fmt, publicID=graph)
            else:
                target = self._graph.graph(r.URIRef(graph)) if graph else self._graph.default_graph
                target.parse(str(path), format={"ntriples": "nt"}.get(fmt, fmt), publicID=graph)
        except Exception as e:  # rdflib raises many kinds of parse errors
            raise DataError(str(e).split("\n")[0], path=str(path)) from None

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> RawResult:
        try:
            answer = self._graph.query(bind(sparql, bindings or {}))
        except Exception as e:  # pyparsing and evaluation errors
            raise QueryError(str(e).split("\n")[0]) from None
        if answer.type == "ASK":
            return RawResult("ASK", boolean=bool(answer.askAnswer))
        rows_or_triples: list[Any] = list(answer)
        if answer.type == "SELECT":
            columns = [str(v) for v in answer.vars or []]
            rows = [tuple(self._from_rdflib(x) if x is not None else None for x in row) for row in rows_or_triples]
            return RawResult("SELECT", columns=columns, rows=rows)
        triples = [(self._from_rdflib(s), self._from_rdflib(p), self._from_rdflib(o)) for s, p, o in rows_or_triples]
        return RawResult("CONSTRUCT", triples=triples)

    def stream(self, sparql: str, *, bindings: Mapping[str, Term] | None = None,
               ) -> tuple[list[str], Iterator[tuple[Term | None, ...]]]:
        return rows_of(self.query(sparql, bindings=bindings))

    def literals(self, subject: str, predicate: str) -> list[tuple[str, str | None]]:
        r = self._rdflib
        return [(str(o), o.language) for o in self._graph.objects(r.URIRef(subject), r.URIRef(predicate))
                if isinstance(o, r.Literal)]

    def subjects(self, predicate: str, obj: Term) -> list[Term]:
        r = self._rdflib
        if isinstance(obj, IRI):
            o: Any = r.URIRef(obj)
        elif isinstance(obj, Literal):
            o = r.Literal(str(obj), lang=obj.lang) if obj.lang else r.Literal(str(obj), datatype=r.URIRef(obj.datatype))
        else:
            return []
        return [self._from_rdflib(x) for x in self._graph.subjects(r.URIRef(predicate), o)]

    def statements(self, predicate: str | None = None) -> Iterator[Statement]:
        r = self._rdflib
        default = str(r.graph.DATASET_DEFAULT_GRAPH_ID)
        p = r.URIRef(predicate) if predicate is not None else None
        context: Any
        for s, pred, o, context in self._graph.quads((None, p, None, None)):
            if isinstance(o, r.Literal):
                kind = "@" + o.language.lower() if o.language else str(o.datatype or XSD + "string")
            else:
                kind = IRI_KIND if isinstance(o, r.URIRef) else BNODE_KIND
            name = str(getattr(context, "identifier", context))  # a graph or its name, by rdflib version
            yield (str(s) if isinstance(s, r.URIRef) else BNode(str(s)), str(pred), str(o), kind,
                   "" if name == default else name)

    def graph_names(self) -> set[str]:
        return {str(c.identifier) for c in self._graph.graphs()
                if str(c.identifier) != str(self._rdflib.graph.DATASET_DEFAULT_GRAPH_ID)}

    def __len__(self) -> int:
        return len(self._graph)

    def _from_rdflib(self, t: Any) -> Term:
        r = self._rdflib
        if isinstance(t, r.URIRef):
            return IRI(str(t))
        if isinstance(t, r.Literal):
            return Literal(str(t), str(t.datatype) if t.datatype else None, t.language)
        return BNode(str(t))


