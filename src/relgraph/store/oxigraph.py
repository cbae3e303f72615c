"""The embedded Oxigraph store (pyoxigraph), the engine relgraph ships."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import QueryError
from ..sparql import bind, names_dataset
from ..terms import IRI, BNode, Literal, Term
from .files import base_iri, parse_error, rdf_format
from .interface import RawResult
from .statements import BNODE_KIND, IRI_KIND, Statement

_POSITION = re.compile(r"^error at (\d+):(\d+):\s*")


def _one_line(message: str, limit: int = 160) -> str:
    """A parser message cut to one readable line."""
    first = message.split("\n")[0].strip()
    return first if len(first) <= limit else first[:limit].rsplit(",", 1)[0] + ", …"


def _syntax_error(e: SyntaxError) -> QueryError:
    text = str(e)
    m = _POSITION.match(text)
    if m:
        return QueryError(_one_line(text[m.end():]), line=int(m.group(1)), column=int(m.group(2)))
    return QueryError(_one_line(text))


class OxigraphStore:
    """An in-memory Oxigraph store (pyoxigraph): the engine relgraph ships."""

    def __init__(self, native: Any = None) -> None:
        import pyoxigraph

        self._ox = pyoxigraph
        self._store = native if native is not None else pyoxigraph.Store()  # ``native``: a store opened elsewhere
        self._NamedNode, self._Literal = pyoxigraph.NamedNode, pyoxigraph.Literal
        self._graphs: set[str] | None = None  # named graphs, known once asked for, forgotten on load

    @property
    def native(self) -> Any:
        """The underlying ``pyoxigraph.Store``, for those who want to go around relgraph."""
        return self._store

    def load(self, path: Path, graph: str | None = None) -> None:
        self._graphs = None
        target = self._ox.NamedNode(graph) if graph else None
        try:
            # Store.load beats bulk_load for an in-memory store (3.2 s against 4.5 s for 1M triples)
            self._store.load(path=str(path), format=rdf_format(path), base_iri=graph or base_iri(path),
                             to_graph=target)
        except (SyntaxError, OSError, UnicodeDecodeError) as e:
            raise parse_error(e, path) from None

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> RawResult:
        try:  # Oxigraph evaluates lazily: errors can come while the rows are read, so read them here
            # the default graph is the union of all graphs, unless the query names its own (FROM)
            union = bool(self.graph_names()) and not names_dataset(sparql)
            answer = self._store.query(bind(sparql, bindings or {}), use_default_graph_as_union=union)
            return self._read(answer)
        except SyntaxError as e:
            raise _syntax_error(e) from None
        except (OSError, ValueError, TypeError, RuntimeError) as e:
            raise QueryError(_one_line(str(e))) from None

    def stream(self, sparql: str, *, bindings: Mapping[str, Term] | None = None,
               ) -> tuple[list[str], Iterator[tuple[Term | None, ...]]]:
        try:
            union = bool(self.graph_names()) and not names_dataset(sparql)
            answer = self._store.query(bind(sparql, bindings or {}), use_default_graph_as_union=union)
        except SyntaxError as e:
            raise _syntax_error(e) from None
        except (OSError, ValueError, TypeError, RuntimeError) as e:
            raise QueryError(_one_line(str(e))) from None
        if not isinstance(answer, self._ox.QuerySolutions):
            raise QueryError("only a SELECT query can stream its rows")
        conv = self._from_ox

        def rows() -> Iterator[tuple[Term | None, ...]]:
            try:
                for solution in answer:
                    yield tuple(map(conv, solution))
            except (OSError, ValueError, TypeError, RuntimeError) as e:
                raise QueryError(_one_line(str(e))) from None

        return [v.value for v in answer.variables], rows()

    def _read(self, answer: Any) -> RawResult:
        ox, conv = self._ox, self._from_ox
        if isinstance(answer, ox.QueryBoolean):
            return RawResult("ASK", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            columns = [v.value for v in answer.variables]
            rows = [tuple(map(conv, solution)) for solution in answer]
            return RawResult("SELECT", columns=columns, rows=rows)
        term = self._term
        triples = [(term(t.subject), term(t.predicate), term(t.object)) for t in answer]
        return RawResult("CONSTRUCT", triples=triples)

    def literals(self, subject: str, predicate: str) -> list[tuple[str, str | None]]:
        ox = self._ox
        try:
            quads = self._store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(predicate), None, None)
        except ValueError:  # not a well-formed IRI: nothing is stored under it
            return []
        return [(o.value, o.language) for o in (q.object for q in quads) if isinstance(o, ox.Literal)]

    def subjects(self, predicate: str, obj: Term) -> list[Term]:
        ox = self._ox
        try:
            if isinstance(obj, IRI):
                o: Any = ox.NamedNode(obj)
            elif isinstance(obj, Literal):
                o = ox.Literal(str(obj), language=obj.lang) if obj.lang else ox.Literal(
                    str(obj), datatype=ox.NamedNode(obj.datatype))
            else:
                return []
            quads = self._store.quads_for_pattern(None, ox.NamedNode(predicate), o, None)
        except ValueError:
            return []
        return [self._term(q.subject) for q in quads]

    def statements(self, predicate: str | None = None) -> Iterator[Statement]:
        try:
            p = self._ox.NamedNode(predicate) if predicate is not None else None
        except ValueError:  # not a well-formed IRI: nothing is stored under it
            return iter(())
        return _plain(self._store.quads_for_pattern(None, p, None, None), predicate, self._ox)

    def graph_names(self) -> set[str]:
        if self._graphs is None:
            self._graphs = {g.value for g in self._store.named_graphs() if isinstance(g, self._ox.NamedNode)}
        return self._graphs

    def __len__(self) -> int:
        return len(self._store)

    def _term(self, t: Any) -> Term:
        term = self._from_ox(t)
        assert term is not None
        return term

    def _from_ox(self, t: Any) -> Term | None:
        if t is None:
            return None
        kind = type(t)
        if kind is self._NamedNode:
            return IRI(t.value)
        if kind is self._Literal:
            lang = t.language
            return Literal(t.value, None if lang else t.datatype.value, lang)
        return BNode(t.value)


def _plain(quads: Any, predicate: str | None, ox: Any) -> Iterator[Statement]:
    """Quads as plain :data:`Statement` tuples: the loop the network projection spends most of its reading in,
    so it reads each term once and asks its type by identity (Oxigraph gives language tags in lower case)."""
    named, literal, blank = ox.NamedNode, ox.Literal, ox.BlankNode
    for q in quads:
        s, o, g = q[0], q[2], q[3]
        kind = type(o)
        if kind is named:
            what, value = IRI_KIND, o.value
        elif kind is literal:
            lang = o.language
            what, value = ("@" + lang if lang else o.datatype.value), o.value
        elif kind is blank:
            what, value = BNODE_KIND, o.value
        else:  # a quoted triple (RDF 1.2): never an entity
            what, value = BNODE_KIND, str(o)
        graph = g.value if type(g) is named or type(g) is blank else ""
        yield s.value if type(s) is named else BNode(s.value), predicate or q[1].value, value, what, graph
