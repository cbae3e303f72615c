"""The answer to a query: rows of terms, with the labels to show them by.

A :class:`Result` is what :meth:`relgraph.RelGraph.query` returns, whichever engine answered. Rows hold
:class:`~relgraph.terms.IRI` and :class:`~relgraph.terms.Literal` values (both ``str``); ``labels`` maps every
IRI in the answer to its name in the language asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .namespaces import PREFIXES, compact
from .terms import IRI, BNode, Literal, Term

if TYPE_CHECKING:  # pragma: no cover
    import pandas


@dataclass
class Result:
    """The answer to one query.

    ``form`` is ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"`` or ``"DESCRIBE"``. A SELECT fills ``columns`` and
    ``terms``; an ASK fills ``boolean``; a CONSTRUCT or DESCRIBE fills ``triples``.

    Examples
    --------
    >>> import relgraph
    >>> g = relgraph.open("data")                                      # doctest: +SKIP
    >>> r = g.query("agreements")                                      # doctest: +SKIP
    >>> r.columns[:2], len(r)                                          # doctest: +SKIP
    (['agreement', 'kind'], 3)
    >>> r.to_dataframe()                                               # doctest: +SKIP
    """

    form: str
    columns: list[str] = field(default_factory=list)
    terms: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)
    lang: str = "en"
    #: Computes the labels on first use, so that an answer read as IRIs never pays for the look-up.
    label_source: Callable[[set[str]], dict[str, str]] | None = field(default=None, repr=False, compare=False)
    _labels: dict[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def labels(self) -> dict[str, str]:
        """Every IRI in the answer mapped to its label in ``lang`` (looked up on first use, then kept)."""
        if self._labels is None:
            found: set[str] = {t for row in self.terms for t in row if isinstance(t, IRI)}
            found |= {t for triple in self.triples for t in triple if isinstance(t, IRI)}
            self._labels = self.label_source(found) if self.label_source is not None else {}
        return self._labels

    def __len__(self) -> int:
        return len(self.triples) if self.is_graph else len(self.terms)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.as_dicts())

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.form == "ASK" else len(self) > 0

    @property
    def is_graph(self) -> bool:
        """True for CONSTRUCT and DESCRIBE answers, which are triples rather than rows."""
        return self.form in ("CONSTRUCT", "DESCRIBE")

    @property
    def rows(self) -> list[tuple[Any, ...]]:
        """Rows as plain Python values: IRIs stay :class:`IRI`, literals become int, date, str, ..."""
        return [tuple(_plain(t) for t in row) for row in self.terms]

    def as_dicts(self, *, labels: bool = False) -> list[dict[str, Any]]:
        """Rows as dictionaries; with ``labels=True`` IRIs are replaced by their labels."""
        show = self.label if labels else _plain
        return [dict(zip(self.columns, (show(t) for t in row))) for row in self.terms]

    def label(self, term: Term | None) -> Any:
        """How a term is shown to a person: an IRI by its label, a literal by its Python value."""
        if isinstance(term, IRI):
            return self.labels.get(term) or compact(term)
        return _plain(term)

    def column(self, name: str) -> list[Any]:
        """The values of one column, as plain Python values."""
        i = self.columns.index(name)
        return [_plain(row[i]) for row in self.terms]

    def to_dataframe(self, *, labels: bool = True) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (needs ``pip install relgraph[pandas]``).

        With ``labels=True`` (the default) entities appear by label and each entity column ``x`` gets a
        companion column ``x_iri`` with the IRI; with ``labels=False`` cells hold the IRIs.
        """
        try:
            import pandas as pd
        except ImportError:
            from .errors import RelgraphError

            raise RelgraphError("to_dataframe() needs pandas: pip install 'relgraph[pandas]'") from None
        if self.is_graph:
            return pd.DataFrame([(str(s), str(p), _plain(o)) for s, p, o in self.triples],
                                columns=["subject", "predicate", "object"])
        data: dict[str, list[Any]] = {}
        for i, name in enumerate(self.columns):
            col = [row[i] for row in self.terms]
            if labels and any(isinstance(t, IRI) for t in col):
                data[name] = [self.label(t) for t in col]
                data[name + "_iri"] = [str(t) if isinstance(t, IRI) else None for t in col]
            else:
                data[name] = [_plain(t) for t in col]
        return pd.DataFrame(data, columns=list(data))

    def serialize(self, format: str = "turtle") -> str:
        """A CONSTRUCT or DESCRIBE answer as Turtle (``turtle``), N-Triples (``nt``) or JSON-LD (``jsonld``)."""
        import pyoxigraph as ox

        fmt = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}[format]

        def conv(t: Term) -> Any:
            if isinstance(t, IRI):
                return ox.NamedNode(t)
            if isinstance(t, BNode):
                return ox.BlankNode(t)
            assert isinstance(t, Literal)
            if t.lang:
                return ox.Literal(str(t), language=t.lang)
            return ox.Literal(str(t), datatype=ox.NamedNode(t.datatype))

        triples = [ox.Triple(conv(s), conv(p), conv(o)) for s, p, o in self.triples]
        out = ox.serialize(triples, format=fmt, prefixes=self._prefixes_used() if format != "nt" else None)
        return out.decode("utf-8") if out else ""

    def _prefixes_used(self) -> dict[str, str]:
        """The known prefixes whose namespace some IRI of the triples is in. Each IRI is cut after its last ``/``
        or ``#`` (every known namespace ends in one, so an IRI is in a namespace exactly when its cut is): a
        few distinct cuts to compare with the prefixes, not every IRI."""
        cuts = {str(x)[:max(str(x).rfind("/"), str(x).rfind("#")) + 1]
                for t in self.triples for x in t if isinstance(x, IRI)}
        return {p: ns for p, ns in PREFIXES.items() if any(cut.startswith(ns) for cut in cuts)}


def _plain(term: Term | None) -> Any:
    if isinstance(term, Literal):
        return term.value
    return term
