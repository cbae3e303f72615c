"""The core every feature builds on: a store with its named queries, answering questions by name or in SPARQL,
with values bound as terms, labels in the language asked for, and names resolved to entities.

:class:`Graph` is the small interface the features (the network projection and its algorithms, export, the
view, validation) take. It knows nothing of them; the public :class:`relgraph.Dataset` adds them on top.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from . import deadline
from . import labels as _labels
from .errors import QueryError, QueryTimeoutError
from .languages import check_lang
from .namespaces import PREFIXES, SCHEMA, compact
from .results import Result
from .sparql import (
    NamedQuery,
    QueryCatalogue,
    check_read_only,
    internal,
    looks_like_name,
    parse,
    query_form,
    shift,
    with_prefixes,
)
from .states import CLAIM_PROPERTIES, DATING_PROPERTIES, Claim, claims_from_statements, with_interval_dates
from .store import RawResult, Store
from .store.files import declared_prefixes
from .store.statements import Statement, statements
from .terms import IRI, Term, python_to_term


class Graph:
    """A store, the files it was loaded from, and the named queries that go with it.

    Examples
    --------
    >>> from relgraph.store import open_store
    >>> g = Graph(open_store([]))
    >>> g.query("ASK { ?s ?p ?o }").boolean
    False
    """

    def __init__(self, store: Store, *, files: Iterable[Path] = (), data_path: Path | None = None,
                 queries: QueryCatalogue | None = None, timeout: float | None = None) -> None:
        self.store = store
        self.files = list(files)
        self.data_path = data_path
        self.catalogue = queries or QueryCatalogue(None)
        #: The most seconds one query may take (None: no limit); see :mod:`relgraph.deadline`.
        self.timeout = timeout
        #: The prefixes a person may use in names: relgraph's own, and those the data files declare.
        self.prefixes: dict[str, str] = {**declared_prefixes(self.files), **PREFIXES}

    # ------------------------------------------------------------------ questions

    def query(self, query: str, /, *, lang: str = "en", labels: bool = True, **params: object) -> Result:
        """Answer a named query (``"agreements"``) or a SPARQL text, with ``params`` bound as RDF terms.

        For a named query, parameters are checked against its header and converted to their declared type
        (an ``entity`` parameter accepts a label in any language, a prefixed name or an IRI). For SPARQL text,
        each keyword argument binds the variable of that name: pass :class:`relgraph.IRI` for an entity, any
        other value becomes a literal. UPDATE, LOAD, SERVICE and remote FROM are refused. ``labels=False``
        skips looking up the labels of the IRIs in the answer (faster on large answers that are read as IRIs).
        Labels are looked up when first shown (:attr:`Result.labels`), so rows read as IRIs cost nothing more.
        ``lang`` and ``labels`` are this method's own options, so they cannot be query parameter names.
        """
        if looks_like_name(query):
            return self.run(self.catalogue.get(query), params, lang=lang, labels=labels)
        return self.run(parse(query, "sparql"), params, lang=lang, labels=labels, source="sparql")

    def run(self, named: NamedQuery, params: Mapping[str, object] | None = None, /, *, lang: str = "en",
            labels: bool = True, source: str | None = None) -> Result:
        """Answer a query record (a named query, or one read with :func:`relgraph.sparql.read`).

        Parameters the record declares in its header are checked and converted to their type; when it declares
        none, each entry of ``params`` binds the variable of that name (an :class:`IRI` for an entity, any other
        value as a literal). ``source`` names the query in error messages.
        """
        params = dict(params or {})
        check_lang(lang)
        if named.params:
            bindings = named.bind(params, self.resolve)
        else:
            bindings = {k: python_to_term(v) for k, v in params.items()}
        return self.ask(named.text, bindings, lang=lang, labels=labels, source=source or str(named.path or named.name))

    def ask(self, text: str, bindings: Mapping[str, Term] | None = None, *, lang: str = "en", labels: bool = True,
            source: str | None = None) -> Result:
        """Answer one SPARQL text with ``bindings`` bound: the guard, the known prefixes, the engine, the labels."""
        check_read_only(text, graphs=self.store.graph_names())
        if query_form(text) is None:
            raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE", source=source)
        text = with_prefixes(text)
        try:
            raw = deadline.call(lambda: self.store.query(text, bindings=bindings or {}), self.timeout)
        except QueryTimeoutError:
            raise
        except QueryError as e:
            raise QueryError(e.reason, source=source, line=shift(e.line, text), column=e.column) from None
        return self.result(raw, lang, labels)

    def stream(self, named: NamedQuery, params: Mapping[str, object] | None = None, /, *,
               source: str | None = None) -> tuple[list[str], Iterator[tuple[Term | None, ...]]]:
        """The columns and the rows of a SELECT query as they come, read ahead into a bounded buffer: constant
        memory however many rows there are, stopped when the graph's ``timeout`` has passed.

        Parameters are bound as by :meth:`run`. Raises :class:`QueryError` for a query that is not a SELECT.
        """
        params = dict(params or {})
        bindings = named.bind(params, self.resolve) if named.params else {
            k: python_to_term(v) for k, v in params.items()}
        where = source or str(named.path or named.name)
        check_read_only(named.text, graphs=self.store.graph_names())
        if query_form(named.text) != "SELECT":
            raise QueryError("only a SELECT query can stream its rows", source=where)
        text = with_prefixes(named.text)
        try:
            return deadline.stream(lambda: self.store.stream(text, bindings=bindings), self.timeout)
        except QueryTimeoutError:
            raise
        except QueryError as e:
            raise QueryError(e.reason, source=where, line=shift(e.line, text), column=e.column) from None

    def internal(self, name: str, bindings: Mapping[str, Term] | None = None) -> RawResult:
        """The raw answer of one of relgraph's own queries (``relgraph/sparql/NAME.rq``), its rows sorted: what
        is built from them (networks, paths, exports, views) is then the same whichever engine answered, in
        whatever order it found the rows."""
        raw = deadline.call(lambda: self.store.query(internal(name), bindings=bindings), self.timeout)
        raw.rows.sort(key=lambda row: tuple("" if t is None else repr(t) for t in row))
        return raw

    def result(self, raw: RawResult, lang: str = "en", labels: bool = True) -> Result:
        """A raw engine answer as a :class:`Result` whose labels are looked up in ``lang`` when first shown."""
        source = (lambda iris: _labels.labels(self.store, iris, lang)) if labels else None
        return Result(form=raw.form, columns=raw.columns, terms=raw.rows, boolean=raw.boolean,
                      triples=raw.triples, lang=lang, label_source=source)

    def named_query(self, name: str) -> NamedQuery:
        """The named query called ``name`` (raises :class:`UnknownQueryError` with suggestions)."""
        return self.catalogue.get(name)

    @property
    def queries(self) -> list[NamedQuery]:
        """Every named query of the dataset, by name."""
        return list(self.catalogue)

    # ------------------------------------------------------------------ entities and labels

    def resolve(self, name: str) -> IRI:
        """The entity a name stands for: a label in any language, a prefixed name or an IRI."""
        return _labels.resolve(self.store, name, self.prefixes)

    def labels(self, iris: Iterable[str], lang: str = "en") -> dict[str, str]:
        """Labels of the given IRIs in ``lang``, falling back to English, Dutch, any; else the compact IRI."""
        return _labels.labels(self.store, iris, lang)

    def label(self, iri: str, lang: str = "en") -> str:
        """The label of one IRI (its compact form when it has none)."""
        return self.labels({iri}, lang).get(iri) or compact(iri)

    # ------------------------------------------------------------------ sources and states

    def claims(self) -> dict[str, list[Claim]]:
        """What each source says of the state of each thing (see :mod:`relgraph.states`), by thing."""
        by_property = {p: self.statements(p) for p in (*CLAIM_PROPERTIES, *DATING_PROPERTIES)}
        return claims_from_statements(with_interval_dates(by_property), self.published)


    def published(self, source: str) -> str | None:
        """The day ``source`` was published (its schema:datePublished, the least if it has several), or None;
        looked up once per source (over an endpoint each look-up is a request)."""
        cache: dict[str, str | None] = self.__dict__.setdefault("_published", {})
        if source not in cache:
            found = self.store.literals(source, SCHEMA.datePublished)
            cache[source] = min(text for text, _ in found) if found else None
        return cache[source]

    # ------------------------------------------------------------------ bulk reading

    def statements(self, predicate: str | None = None) -> list[Statement]:
        """Every statement of ``predicate`` (of every predicate when None) as plain values, without SPARQL where
        the store can (see :mod:`relgraph.store.statements`), read within the graph's ``timeout``."""
        return deadline.call(lambda: list(statements(self.store, predicate)), self.timeout)
