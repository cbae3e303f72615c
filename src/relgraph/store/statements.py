"""Statements as plain values: the bulk reading path for code that needs every statement of some predicates
(the network projection reads about a million of them at 1M triples), where SPARQL rows of
:class:`~relgraph.terms.Term` objects cost more than the work done with them.

A :data:`Statement` is a tuple of plain strings ``(subject, predicate, value, kind, graph)``:

* ``subject``: the IRI as a ``str``; a blank node is a :class:`~relgraph.terms.BNode` (its id, as in results);
* ``value``: the object's text: an IRI, a blank node's id, or a literal's lexical form (``str(term)`` of the
  term a query would give);
* ``kind``: :data:`IRI_KIND`, :data:`BNODE_KIND`, ``"@"`` and the language tag (lower case) of a
  language-tagged literal, else the literal's datatype IRI; :func:`literal` makes the :class:`Literal` back;
* ``graph``: the named graph's IRI, ``""`` for the default graph.

A store reads them fast with its own ``statements(predicate)`` (index scans, no SPARQL); :func:`statements` uses
it when the store has one and otherwise asks the store in SPARQL (:func:`sparql_statements`), so any store works.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..terms import IRI, BNode, Literal, Term

#: (subject, predicate, value, kind, graph); see the module's docstring.
Statement = tuple[str, str, str, str, str]

#: The kind of an IRI object.
IRI_KIND = "iri"
#: The kind of a blank node object.
BNODE_KIND = "bnode"


def term_kind(term: Term) -> str:
    """The kind of a relgraph term as a :data:`Statement` gives it.

    >>> term_kind(IRI("https://example.org/a")), term_kind(Literal("x", lang="nl")), term_kind(Literal("1995"))
    ('iri', '@nl', 'http://www.w3.org/2001/XMLSchema#string')
    """
    if isinstance(term, Literal):
        return "@" + term.lang if term.lang else term.datatype
    return BNODE_KIND if isinstance(term, BNode) else IRI_KIND


def literal(value: str, kind: str) -> Literal:
    """The :class:`Literal` of a statement's value and kind (a literal's kind: ``"@tag"`` or a datatype IRI)."""
    return Literal(value, lang=kind[1:]) if kind.startswith("@") else Literal(value, kind)


def statements(store: Any, predicate: str | None = None) -> Iterator[Statement]:
    """Every statement of ``predicate`` (of every predicate when None), in every graph, as plain values: by the
    store's own ``statements`` method when it has one, else by SPARQL. The order is the store's.

    >>> from relgraph.store import open_store
    >>> list(statements(open_store([]), "https://schema.org/name"))
    []
    """
    fast = getattr(store, "statements", None)
    if fast is not None:
        return iter(fast(predicate))
    return sparql_statements(store, predicate)


_ALL = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
_ALL_DEFAULT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


def sparql_statements(store: Any, predicate: str | None = None) -> Iterator[Statement]:
    """:func:`statements` asked of any store in SPARQL (``GRAPH ?g { ?s ?p ?o }``, with ``?p`` bound to the
    predicate when one is given): slower, for stores without a ``statements`` method of their own.

    The default graph is read when the store has no named graph (relgraph loads every file into a named graph).
    """
    bindings = {"p": IRI(predicate)} if predicate is not None else None
    named = bool(store.graph_names())
    _, rows = store.stream(_ALL if named else _ALL_DEFAULT, bindings=bindings)
    for row in rows:
        s, p, o = row[0], row[1], row[2]
        assert s is not None and p is not None and o is not None
        subject = s if isinstance(s, BNode) else str(s)
        graph = str(row[3]) if named and row[3] is not None else ""
        yield subject, str(p), str(o), term_kind(o), graph
