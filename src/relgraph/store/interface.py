"""The interface every store implements (:class:`Store`), and what an engine answers (:class:`RawResult`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..terms import Term


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

    def load(self, path: Path, graph: str | None = None) -> None:
        """Parse one RDF file into the store, its triples into the named graph ``graph`` (quads keep their own
        graph); raise :class:`DataError` with its line and column on bad input."""

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> RawResult:
        """Answer a read-only query, with ``bindings`` bound to their variables (see :func:`relgraph.sparql.bind`)."""

    def stream(self, sparql: str, *, bindings: Mapping[str, Term] | None = None,
               ) -> tuple[list[str], Iterator[tuple[Term | None, ...]]]:
        """The columns of a SELECT query and an iterator of its rows, read as the engine gives them."""

    def literals(self, subject: str, predicate: str) -> list[tuple[str, str | None]]:
        """The literal objects of ``subject predicate ?o`` in any graph as (text, language) pairs: a direct index
        look-up, no SPARQL (labels of thousands of IRIs are read this way)."""

    def subjects(self, predicate: str, obj: Term) -> list[Term]:
        """The subjects of ``?s predicate obj`` in any graph: a direct index look-up, no SPARQL."""

    def statements(self, predicate: str | None = None) -> Iterator[tuple[str, str, str, str, str]]:
        """Every statement of ``predicate`` (of every predicate when None) in every graph, as plain values
        (:data:`relgraph.store.statements.Statement`): a direct index scan, no SPARQL. Read it through
        :func:`relgraph.store.statements.statements`, which asks in SPARQL a store that does not have it."""

    def graph_names(self) -> set[str]:
        """The IRIs of the named graphs in the store."""

    def __len__(self) -> int:
        """The number of triples (quads) in the store."""


@runtime_checkable
class BatchLookups(Protocol):
    """What a store offers when a look-up each is slow (a SPARQL endpoint: a round trip each; a store on disk:
    75-200 µs each, so it chooses the labels of many IRIs in its label table, ``chosen_labels``): the look-ups
    of :meth:`Store.literals` and :meth:`Store.subjects` for many terms at once. The store in memory, whose
    look-ups are quick, leaves it out, and its callers loop."""

    def first_literals(self, subjects: Iterable[str],
                       predicates: Sequence[str]) -> dict[str, list[tuple[str, str | None]]]:
        """For each subject, its literal objects (text, language) under the first of ``predicates`` it has any
        under; subjects with none are left out."""

    def subjects_any(self, predicates: Sequence[str], objects: Sequence[Term]) -> list[Term]:
        """The subjects of ``?s p o`` for any of ``predicates`` and any of ``objects``."""


@runtime_checkable
class NameIndex(Protocol):
    """What a store with an index of names offers (a store on disk: its label table), so that a name typed in
    another case is found without filtering every label of the store in SPARQL. An entity here is what
    :func:`relgraph.labels.resolve` looks for; a name, any literal of
    :data:`~relgraph.namespaces.NAME_PROPERTIES`."""

    def entities_named(self, folded: str, *, part: bool = False) -> list[str]:
        """The entities with a name that, lower-cased, is ``folded`` (with ``part``, contains it)."""

    def entity_names(self) -> dict[str, str]:
        """Every name of every entity lower-cased, each with the least of the names it is made from."""


def rows_of(raw: RawResult) -> tuple[list[str], Iterator[tuple[Term | None, ...]]]:
    """The columns and rows of a SELECT answer read whole, for a store that cannot stream them as they come."""
    from ..errors import QueryError

    if raw.form != "SELECT":
        raise QueryError("only a SELECT query can stream its rows")
    return raw.columns, iter(raw.rows)
