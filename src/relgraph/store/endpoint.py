"""A SPARQL 1.1 Protocol endpoint as a store: every question relgraph asks goes over HTTP to a server that holds
the data (Oxigraph server, Virtuoso, QLever, Amazon Neptune, Fuseki, GraphDB, ...), and the answers come back as
the same :class:`~relgraph.store.RawResult` the embedded store gives.

**Which graphs are the data.** When the endpoint holds relgraph's file graphs (``urn:relgraph:file:...``, as
``relgraph push`` writes them), every query names them in the request as both the default graph (their union)
and the named graphs (``default-graph-uri`` and ``named-graph-uri`` of the protocol). The query then sees exactly
what the embedded store sees, whatever the server's own default: Oxigraph server's default graph is empty unless
started with ``--union-default-graph``, Virtuoso's is every graph, its own system graphs included. A query with
its own ``FROM`` keeps it. When the endpoint holds no file graph (data loaded by other means), queries run on
the endpoint's own default graph.

Nothing is written: :meth:`EndpointStore.load` refuses, and writing is :mod:`relgraph.push`'s.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import DataError, EndpointError, ParameterError, QueryError
from ..sparql import bind, names_dataset, query_form, serialize_term
from ..terms import IRI, BNode, Literal, Term
from .files import FILE_GRAPH
from .http import DEFAULT_TIMEOUT, Client, Response, check_url
from .interface import RawResult, rows_of

#: What relgraph accepts for rows and booleans, and for triples.
RESULTS_TYPES = "application/sparql-results+json"
GRAPH_TYPES = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"

#: How many IRIs one look-up of labels asks about at a time.
BATCH = 250

_GRAPH_FORMATS = {"application/n-triples": "N_TRIPLES", "text/plain": "N_TRIPLES", "text/turtle": "TURTLE",
                  "application/x-turtle": "TURTLE", "application/rdf+xml": "RDF_XML"}


class EndpointStore:
    """A SPARQL 1.1 Protocol endpoint (its query URL), read as a store.

    Examples
    --------
    >>> store = EndpointStore("http://localhost:7878/query")            # doctest: +SKIP
    >>> len(store), sorted(store.graph_names())[:1]                     # doctest: +SKIP
    (2011, ['urn:relgraph:file:2022-nos.ttl'])
    """

    def __init__(self, url: str, *, user: str | None = None, password: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, client: Client | None = None) -> None:
        self.url = check_url(url)
        self.client = client or Client(user=user, password=password, timeout=timeout)
        self._graphs: set[str] | None = None
        self._files: list[str] = []

    def __repr__(self) -> str:
        return f"<EndpointStore {self.url}>"

    def load(self, path: Path, graph: str | None = None) -> None:
        raise DataError(f"relgraph only reads from the endpoint {self.url}; 'relgraph push' loads files into it",
                        path=str(path))

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> RawResult:
        text = bind(sparql, bindings or {})
        return self._ask(text, dataset=not names_dataset(text))

    def statements(self, predicate: str | None = None) -> Iterator[tuple[str, str, str, str, str]]:
        """The statements of ``predicate`` asked in SPARQL (an endpoint has no index to scan from here)."""
        from .statements import sparql_statements

        return sparql_statements(self, predicate)

    def stream(self, sparql: str, *, bindings: Mapping[str, Term] | None = None,
               ) -> tuple[list[str], Iterator[tuple[Term | None, ...]]]:
        """The rows of a SELECT, read whole from the endpoint's answer (the protocol sends one document)."""
        return rows_of(self.query(sparql, bindings=bindings))

    def _ask(self, text: str, *, dataset: bool = True) -> RawResult:
        fields = [("query", text)]
        if dataset:
            self.graph_names()
            for g in self._files:
                fields += [("default-graph-uri", g), ("named-graph-uri", g)]
        accept = GRAPH_TYPES if query_form(text) in ("CONSTRUCT", "DESCRIBE") else RESULTS_TYPES
        try:
            answer = self.client.post_form(self.url, fields, accept=accept)
        except EndpointError as e:
            if e.status == 400:  # the endpoint could not parse or run the query
                raise QueryError(str(e)) from None
            raise
        return read_answer(answer, self.url)

    def literals(self, subject: str, predicate: str) -> list[tuple[str, str | None]]:
        return self.first_literals([subject], [predicate]).get(subject, [])

    def subjects(self, predicate: str, obj: Term) -> list[Term]:
        return self.subjects_any([predicate], [obj])

    def first_literals(self, subjects: Iterable[str],
                       predicates: Sequence[str]) -> dict[str, list[tuple[str, str | None]]]:
        """For each subject, its literal objects under the first of ``predicates`` it has any under: one query
        for every :data:`BATCH` subjects."""
        iris = sorted({_iri(s) for s in subjects} - {""})
        props = " ".join(serialize_term(IRI(p)) for p in predicates)
        found: dict[str, dict[str, list[tuple[str, str | None]]]] = {}
        for start in range(0, len(iris), BATCH):
            chunk = " ".join(iris[start:start + BATCH])
            raw = self._ask(f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {chunk} }} VALUES ?p {{ {props} }} "
                            "?s ?p ?o FILTER(isLiteral(?o)) }")
            for s, p, o in raw.rows:
                if isinstance(o, Literal):
                    found.setdefault(str(s), {}).setdefault(str(p), []).append((str(o), o.lang))
        return {s: next(by[p] for p in predicates if p in by) for s, by in found.items()}

    def subjects_any(self, predicates: Sequence[str], objects: Sequence[Term]) -> list[Term]:
        """The subjects of ``?s p o`` for any of ``predicates`` and any of ``objects``, in one query."""
        values = []
        for o in objects:
            try:
                values.append(serialize_term(o))
            except ParameterError:  # a blank node or an ill-formed IRI: nothing is stored under it
                continue
        props = " ".join(serialize_term(IRI(p)) for p in predicates)
        if not values or not props:
            return []
        raw = self._ask(f"SELECT ?s WHERE {{ VALUES ?o {{ {' '.join(values)} }} VALUES ?p {{ {props} }} ?s ?p ?o }}")
        return [r[0] for r in raw.rows if r[0] is not None]

    def graph_names(self) -> set[str]:
        """relgraph's file graphs at the endpoint when it holds any, else every named graph it lists."""
        if self._graphs is None:
            listed = self._list_graphs()
            self._files = sorted(g for g in listed if g.startswith(FILE_GRAPH))
            self._graphs = set(self._files) or listed
        return self._graphs

    def _list_graphs(self) -> set[str]:
        """Every named graph, by ``GRAPH ?g {}``; where that answers a row that binds nothing (Virtuoso) or is
        refused, by the graphs of the triples themselves."""
        try:
            raw = self._ask("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", dataset=False)
            if all(isinstance(r[0], IRI) for r in raw.rows):
                return {str(r[0]) for r in raw.rows}
        except QueryError:
            pass
        raw = self._ask("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", dataset=False)
        return {str(r[0]) for r in raw.rows if isinstance(r[0], IRI)}

    def __len__(self) -> int:
        self.graph_names()
        pattern = "GRAPH ?g { ?s ?p ?o }" if self._files else "?s ?p ?o"
        raw = self._ask(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
        return int(str(raw.rows[0][0])) if raw.rows and raw.rows[0][0] is not None else 0


def _iri(text: str) -> str:
    """An IRI serialised for a query, or "" when it is not well-formed (then nothing is stored under it)."""
    try:
        return serialize_term(IRI(text))
    except ParameterError:
        return ""


def read_answer(answer: Response, url: str) -> RawResult:
    """An endpoint's answer (SPARQL results in JSON, or triples in N-Triples, Turtle or RDF/XML) as a
    :class:`RawResult`."""
    media = answer.media_type
    if media in (RESULTS_TYPES, "application/json"):
        try:
            data = json.loads(answer.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            raise EndpointError(f"the answer is not valid SPARQL results JSON: {e}", url=url) from None
        if "boolean" in data:
            return RawResult("ASK", boolean=bool(data["boolean"]))
        columns = [str(v) for v in data.get("head", {}).get("vars", [])]
        bindings = data.get("results", {}).get("bindings", [])
        rows = [tuple(_term(b[c], url) if c in b else None for c in columns) for b in bindings]
        return RawResult("SELECT", columns=columns, rows=rows)
    if media in _GRAPH_FORMATS:
        return RawResult("CONSTRUCT", triples=_triples(answer.body, _GRAPH_FORMATS[media], url))
    raise EndpointError(f"the endpoint answered {media or 'without a media type'}, which relgraph does not read "
                        "(is this the URL of a SPARQL endpoint?)", url=url)


def _term(binding: Mapping[str, Any], url: str) -> Term:
    kind, value = binding.get("type"), str(binding.get("value", ""))
    if kind == "uri":
        return IRI(value)
    if kind in ("literal", "typed-literal"):  # typed-literal: the older JSON results form, as Virtuoso writes it
        return Literal(value, binding.get("datatype"), binding.get("xml:lang") or binding.get("lang"))
    if kind == "bnode":
        return BNode(value)
    raise EndpointError(f"an answer holds a term of type {kind!r}, which relgraph does not read", url=url)


def _triples(body: bytes, fmt: str, url: str) -> list[tuple[Term, Term, Term]]:
    import pyoxigraph as ox

    def term(t: Any) -> Term:
        if isinstance(t, ox.NamedNode):
            return IRI(t.value)
        if isinstance(t, ox.Literal):
            return Literal(t.value, None if t.language else t.datatype.value, t.language)
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        raise EndpointError("an answer holds a quoted triple, which relgraph does not read", url=url)

    try:
        quads = list(ox.parse(body, format=getattr(ox.RdfFormat, fmt)))
    except (SyntaxError, ValueError) as e:
        raise EndpointError(f"the answer is not valid RDF: {str(e).splitlines()[0]}", url=url) from None
    return [(term(q.subject), term(q.predicate), term(q.object)) for q in quads]
