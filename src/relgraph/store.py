"""Where the triples live and who answers SPARQL over them.

:class:`Store` is the small interface the rest of relgraph talks to: load files, answer a query with bound
terms, list named graphs, count triples. :class:`OxigraphStore` (embedded Oxigraph, the default) is what relgraph
ships; :class:`RdflibStore` (rdflib's own pure-Python engine) is there as the baseline the benchmarks compare
with. An on-disk store or a remote SPARQL endpoint would be a third class with the same four methods.

Loading never reaches the network: Turtle, TriG, N-Triples and N-Quads only, parsed locally.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .errors import DataError, QueryError
from .sparql import bind
from .terms import IRI, BNode, Literal, Term

#: File endings relgraph loads, and the format each is parsed as.
FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "ntriples", ".nq": "nquads"}


@dataclass
class RawResult:
    """What an engine answered: ``form`` is SELECT, ASK, CONSTRUCT or DESCRIBE."""

    form: str
    columns: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)


class Store(Protocol):
    """The interface every store implements."""

    def load(self, path: Path) -> None:
        """Parse one RDF file into the store; raise :class:`DataError` with its line and column on bad input."""

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> RawResult:
        """Answer a read-only query, with ``bindings`` bound to their variables (see :func:`relgraph.sparql.bind`)."""

    def literals(self, subject: str, predicate: str) -> list[tuple[str, str | None]]:
        """The literal objects of ``subject predicate ?o`` in any graph as (text, language) pairs: a direct index
        look-up, no SPARQL (labels of thousands of IRIs are read this way)."""

    def subjects(self, predicate: str, obj: Term) -> list[Term]:
        """The subjects of ``?s predicate obj`` in any graph: a direct index look-up, no SPARQL."""

    def graph_names(self) -> set[str]:
        """The IRIs of the named graphs in the store."""

    def __len__(self) -> int:
        """The number of triples (quads) in the store."""


def data_files(path: Path) -> list[Path]:
    """The RDF files relgraph loads for a data path: the file itself, or every data file below a folder.

    SHACL shapes (files whose name contains ``shapes``) are left out: they describe the data, they are not part of it.
    """
    if not path.exists():
        raise DataError("no such file or folder", path=str(path))
    if path.is_file():
        if path.suffix.lower() not in FORMATS:
            raise DataError(f"not an RDF file relgraph reads (expected one of {', '.join(FORMATS)})", path=str(path))
        return [path]
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS
                   and "shapes" not in p.name
                   and not any(part.startswith(".") for part in p.relative_to(path).parts))
    if not files:
        raise DataError(f"no RDF data files ({', '.join('*' + s for s in FORMATS)}) in this folder", path=str(path))
    return files


_POSITION = re.compile(r"^error at (\d+):(\d+):\s*")
_PARSER = re.compile(r"^Parser error [^:]*:\s*")
_TRAILER = re.compile(r"\s*\([^()]*line \d+\)$")


def _one_line(message: str, limit: int = 160) -> str:
    """A parser message cut to one readable line."""
    first = message.split("\n")[0].strip()
    return first if len(first) <= limit else first[:limit].rsplit(",", 1)[0] + ", …"


class OxigraphStore:
    """An in-memory Oxigraph store (pyoxigraph): the engine relgraph ships."""

    def __init__(self) -> None:
        import pyoxigraph

        self._ox = pyoxigraph
        self._store = pyoxigraph.Store()
        self._NamedNode, self._Literal = pyoxigraph.NamedNode, pyoxigraph.Literal
        self._graphs: set[str] | None = None  # named graphs, known once asked for, forgotten on load

    @property
    def native(self) -> Any:
        """The underlying ``pyoxigraph.Store``, for those who want to go around relgraph."""
        return self._store

    def load(self, path: Path) -> None:
        fmt = {"turtle": self._ox.RdfFormat.TURTLE, "trig": self._ox.RdfFormat.TRIG,
               "ntriples": self._ox.RdfFormat.N_TRIPLES, "nquads": self._ox.RdfFormat.N_QUADS}[
            FORMATS[path.suffix.lower()]]
        try:
            self._graphs = None
            # Store.load beats bulk_load for an in-memory store (3.2 s against 4.5 s for 1M triples)
            self._store.load(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
        except SyntaxError as e:
            message = _PARSER.sub("", str(e)).split("\n")[0]
            message = _TRAILER.sub("", message)
            raise DataError(message, path=str(path), line=e.lineno, column=e.offset) from None
        except (OSError, UnicodeDecodeError) as e:
            raise DataError(f"cannot read: {e}", path=str(path)) from None

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> RawResult:
        try:  # Oxigraph evaluates lazily: errors can come while the rows are read, so read them here
            answer = self._store.query(bind(sparql, bindings or {}),
                                       use_default_graph_as_union=bool(self.graph_names()))
            return self._read(answer)
        except SyntaxError as e:
            text = str(e)
            m = _POSITION.match(text)
            if m:
                raise QueryError(_one_line(text[m.end():]), line=int(m.group(1)), column=int(m.group(2))) from None
            raise QueryError(_one_line(text)) from None
        except (OSError, ValueError, TypeError, RuntimeError) as e:
            raise QueryError(_one_line(str(e))) from None

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


class RdflibStore:
    """rdflib's own in-memory graph and SPARQL engine: the plain alternative the benchmarks compare with."""

    def __init__(self) -> None:
        import rdflib

        self._rdflib = rdflib
        self._graph = rdflib.Dataset(default_union=True)

    def load(self, path: Path) -> None:
        try:
            fmt = FORMATS[path.suffix.lower()]
            target = self._graph if fmt in ("trig", "nquads") else self._graph.default_graph
            target.parse(str(path), format={"ntriples": "nt", "nquads": "nquads"}.get(fmt, fmt))
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


ENGINES: dict[str, type[OxigraphStore] | type[RdflibStore]] = {"oxigraph": OxigraphStore, "rdflib": RdflibStore}


def open_store(files: Iterable[Path], engine: str = "oxigraph") -> Store:
    """Make a store of the given engine and load ``files`` into it."""
    try:
        store: Store = ENGINES[engine]()  # type: ignore[abstract]
    except KeyError:
        raise DataError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}") from None
    for f in files:
        store.load(f)
    return store

