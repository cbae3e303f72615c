"""The graph a person works with: :func:`open` a dataset, then ask it questions.

:class:`RelGraph` is the public face of relgraph: one object with the same powers as the command line, which is a
thin layer over it. It owns the store, the named queries and the labels; the work itself is done by the modules
that own each concept (queries, validation, views, networks).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from . import labels as _labels
from .errors import ParameterError, QueryError
from .namespaces import PREFIXES
from .queries import NamedQuery, QueryCatalogue, looks_like_name
from .queries import parse as parse_query
from .results import Result
from .sparql import check_read_only, query_form
from .store import RawResult, Store, data_files, open_store
from .terms import IRI, Term, python_to_term

if TYPE_CHECKING:  # pragma: no cover
    import datetime as dt

    import networkx as nx
    import pandas

    from .analysis import Chain
    from .validate import Report
    from .view import View

LANGS = ("en", "nl", "zh")


def internal_query(name: str) -> str:
    """The text of a query that ships inside relgraph (``relgraph/sparql/NAME.rq``)."""
    return resources.files("relgraph").joinpath("sparql", f"{name}.rq").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Stats:
    """Counts that describe a dataset."""

    triples: int
    entities: int
    relations: int
    sources: int
    quotes: int
    files: tuple[str, ...]
    by_class: tuple[tuple[str, str, int], ...]
    by_kind: tuple[tuple[str, int], ...]


class RelGraph:
    """A relgraph dataset, loaded and ready for questions.

    Examples
    --------
    >>> import relgraph
    >>> g = relgraph.open("data")                                        # doctest: +SKIP
    >>> g.query("mission-participants").to_dataframe()                   # doctest: +SKIP
    >>> g.query("entity", entity="DOFTEC", lang="nl")                    # doctest: +SKIP
    >>> g.query("SELECT ?l WHERE { ?e rdfs:label ?l }", e=relgraph.IRI("https://..."))  # doctest: +SKIP
    """

    def __init__(self, store: Store, *, files: list[Path], data_path: Path | None = None,
                 queries: QueryCatalogue | None = None) -> None:
        self.store = store
        self.files = files
        self.data_path = data_path
        self.catalogue = queries or QueryCatalogue(None)

    def __repr__(self) -> str:
        return f"<RelGraph {self.data_path} · {len(self.store)} triples · {len(self.catalogue)} named queries>"

    # ------------------------------------------------------------------ querying

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
        return self.run(parse_query(query, "sparql"), params, lang=lang, labels=labels, source="--sparql")

    def run(self, named: NamedQuery, params: Mapping[str, object] | None = None, /, *, lang: str = "en",
            labels: bool = True, source: str | None = None) -> Result:
        """Answer a query record (a named query, or one read with :func:`relgraph.queries.read`).

        Parameters the record declares in its header are checked and converted to their type; when it declares
        none, each entry of ``params`` binds the variable of that name (an :class:`IRI` for an entity, any other
        value as a literal). ``source`` names the query in error messages.
        """
        params = dict(params or {})
        if lang not in LANGS:
            raise ParameterError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
        if named.params:
            bindings = named.bind(params, self.resolve)
        else:
            bindings = {k: python_to_term(v) for k, v in params.items()}
        return self._run(named.text, bindings, lang=lang, labels=labels, source=source or str(named.path or named.name))

    def named_query(self, name: str) -> NamedQuery:
        """The named query called ``name`` (raises :class:`UnknownQueryError` with suggestions)."""
        return self.catalogue.get(name)

    @property
    def queries(self) -> list[NamedQuery]:
        """Every named query of the dataset, by name."""
        return list(self.catalogue)

    def _run(self, text: str, bindings: Mapping[str, Term], *, lang: str, labels: bool = True,
             source: str | None = None) -> Result:
        check_read_only(text, graphs=self.store.graph_names())
        if query_form(text) is None:
            raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE", source=source)
        text = _with_prefixes(text)
        try:
            raw = self.store.query(text, bindings=bindings)
        except QueryError as e:
            raise QueryError(e.reason, source=source, line=_shift(e.line, text), column=e.column) from None
        return self._result(raw, lang, labels)

    def _result(self, raw: RawResult, lang: str, labels: bool = True) -> Result:
        source = (lambda iris: _labels.labels(self.store, iris, lang)) if labels else None
        return Result(form=raw.form, columns=raw.columns, terms=raw.rows, boolean=raw.boolean,
                      triples=raw.triples, lang=lang, label_source=source)

    # ------------------------------------------------------------------ entities and labels

    def resolve(self, name: str) -> IRI:
        """The entity a name stands for: a label in any language, a prefixed name or an IRI."""
        return _labels.resolve(self.store, name)

    def labels(self, iris: list[str] | set[str], lang: str = "en") -> dict[str, str]:
        """Labels of the given IRIs in ``lang``, falling back to English, Dutch, any; else the compact IRI."""
        return _labels.labels(self.store, iris, lang)

    def label(self, iri: str, lang: str = "en") -> str:
        """The label of one IRI (its compact form when it has none)."""
        from .namespaces import compact

        return self.labels({iri}, lang).get(iri) or compact(iri)

    # ------------------------------------------------------------------ whole-graph facts

    def stats(self) -> Stats:
        """Counts of triples, entities by class and by kind, relations, sources and quotes."""
        from .kinds import kind_of

        raw = self.store.query(internal_query("stats"))
        row = dict(zip(raw.columns, raw.rows[0]))
        classes = self.store.query(internal_query("classes"))
        names = self.labels({str(r[0]) for r in classes.rows})
        by_class = tuple((str(c), names[str(c)], int(str(n))) for c, n in classes.rows)
        types = self.store.query(internal_query("entity-classes"))
        per_entity: dict[str, list[str]] = {}
        for e, c in types.rows:
            per_entity.setdefault(str(e), []).append(str(c))
        kinds: dict[str, int] = {}
        for cls in per_entity.values():
            k = kind_of(cls).en
            kinds[k] = kinds.get(k, 0) + 1
        return Stats(triples=len(self.store), entities=len(per_entity), relations=int(str(row["relations"])),
                     sources=int(str(row["sources"])), quotes=int(str(row["quotes"])),
                     files=tuple(str(f) for f in self.files), by_class=by_class,
                     by_kind=tuple(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))))

    def validate(self, shapes: str | Path | None = None) -> Report:
        """Check the data against its SHACL shapes (``shapes.ttl`` beside the data, or ``shapes``)."""
        from .validate import validate

        return validate(self, shapes)

    # view

    def view(self, path: str | os.PathLike[str] | None = None, *, lang: str = "en", focus: str | None = None,
             depth: int = 1, preset: str | None = None, query: str | None = None,
             as_of: str | dt.date | None = None,
             title: str | None = None, **params: object) -> View:
        """Draw the graph as one self-contained, offline HTML page; see :func:`relgraph.view.view`.

        Examples
        --------
        >>> g = relgraph.open("data")                                          # doctest: +SKIP
        >>> g.view("views/doftec.html", focus="DOFTEC", depth=2, lang="zh")    # doctest: +SKIP
        """
        from .view import view

        return view(self, path, lang=lang, focus=focus, depth=depth, preset=preset, query=query, as_of=as_of,
                    title=title, **params)

    # network analysis

    def network(self, *, lang: str = "en", as_of: str | dt.date | None = None,
                bipartite: bool = False) -> nx.MultiDiGraph:
        """The graph as a networkx ``MultiDiGraph``: entities as nodes, relations as edges.

        ``as_of`` a day (``"2015-01-01"``, ``"2015"``) keeps the relations that held then, and those with no known
        date marked ``held="undated"``; ``bipartite=True`` makes each relation a node of its own. See
        :func:`relgraph.network.project` and :func:`relgraph.analysis.relations_as_nodes`.

        Examples
        --------
        >>> g.network(as_of="2015-01-01", lang="en").number_of_nodes()               # doctest: +SKIP
        """
        from .analysis import network

        return network(self, lang=lang, as_of=as_of, bipartite=bipartite)

    def path(self, source: str, target: str, *, max_paths: int = 5, lang: str = "en",
             as_of: str | dt.date | None = None) -> list[Chain]:
        """The shortest chains of relations between two entities, each a list of steps (source, label, target,
        direction, quote, ...). See :func:`relgraph.analysis.paths`.

        Examples
        --------
        >>> [str(step) for step in g.path("FoodValley", "DOFTEC")[0]]                   # doctest: +SKIP
        """
        from .analysis import paths

        return paths(self, source, target, max_paths=max_paths, lang=lang, as_of=as_of)

    def neighbours(self, entity: str, *, depth: int = 1, lang: str = "en",
                   as_of: str | dt.date | None = None) -> pandas.DataFrame:
        """What surrounds an entity, up to ``depth`` relations away, as a DataFrame (needs pandas).
        See :func:`relgraph.analysis.neighbour_rows`.

        Examples
        --------
        >>> g.neighbours("DOFTEC", depth=2)                                              # doctest: +SKIP
        """
        from .analysis import neighbours

        return neighbours(self, entity, depth=depth, lang=lang, as_of=as_of)

    def rank(self, *, by: str = "degree", kind: str | None = None, top: int | None = None, lang: str = "en",
             as_of: str | dt.date | None = None) -> pandas.DataFrame:
        """Entities by centrality (``"degree"``, ``"betweenness"``, ``"pagerank"``) as a DataFrame (needs pandas).
        See :func:`relgraph.analysis.rank_rows`.

        Examples
        --------
        >>> g.rank(by="betweenness", top=5)                                              # doctest: +SKIP
        """
        from .analysis import rank

        return rank(self, by=by, kind=kind, top=top, lang=lang, as_of=as_of)

    def export(self, format: str, path: str | os.PathLike[str] | None = None, *, lang: str = "en",
               as_of: str | dt.date | None = None) -> str | list[Path]:
        """Export as ``"graphml"``, ``"gexf"``, ``"jsonld"`` or ``"csv"``: the text, or the files written to
        ``path`` (atomically). See :func:`relgraph.export.export`.

        Examples
        --------
        >>> g.export("gexf", "relationship.gexf")                                        # doctest: +SKIP
        """
        from .export import export

        return export(self, format, path, lang=lang, as_of=as_of)


def open(data: str | os.PathLike[str] | None = None, *, queries: str | os.PathLike[str] | None = None,
         engine: str = "oxigraph") -> RelGraph:
    """Load a relgraph dataset: a folder of Turtle/TriG files or a single file.

    ``data`` defaults to ``$RELGRAPH_DATA`` or ``./data``; ``queries`` to ``$RELGRAPH_QUERIES``, else a
    ``queries/`` folder beside the data folder, else ``./queries``. ``engine`` is ``"oxigraph"`` (default) or
    ``"rdflib"`` (the slow baseline, for comparison).

    Examples
    --------
    >>> import relgraph
    >>> g = relgraph.open("data")                                        # doctest: +SKIP
    >>> g.stats().triples                                                # doctest: +SKIP
    """
    data_path = Path(data if data is not None else os.environ.get("RELGRAPH_DATA", "data"))
    files = data_files(data_path)
    if queries is not None:
        qpath: Path | None = Path(queries)
    elif os.environ.get("RELGRAPH_QUERIES"):
        qpath = Path(os.environ["RELGRAPH_QUERIES"])
    else:
        base = data_path if data_path.is_dir() else data_path.parent
        qpath = next((p for p in (base.parent / "queries", Path("queries")) if p.is_dir()), None)
    return RelGraph(open_store(files, engine), files=files, data_path=data_path, queries=QueryCatalogue(qpath))


def _with_prefixes(text: str) -> str:
    """Declare the known prefixes the query uses but does not declare itself."""
    import re

    declared = {m.group(1) for m in re.finditer(r"(?i)PREFIX\s+([A-Za-z][\w.-]*)?\s*:", text)}
    used = [p for p in PREFIXES if p not in declared and re.search(rf"(?<![\w<?$]){p}:", text)]
    if not used:
        return text
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used) + "#\n" + text


def _shift(line: int | None, text: str) -> int | None:
    """Map a line number in the prefixed text back to the user's text."""
    if line is None or not text.startswith("PREFIX "):
        return line
    added = text.split("#\n", 1)[0].count("\n") + 1
    return max(1, line - added)


