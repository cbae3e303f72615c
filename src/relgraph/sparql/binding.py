"""Binding values to a query's variables as RDF terms, never as text: :func:`serialize_term` writes one term so
that no value can end it early, :func:`bind` puts a ``VALUES`` block of such terms where it holds everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..errors import ParameterError
from .tokens import tokens

_LANG_TAG = re.compile(r"^[A-Za-z]+(-[A-Za-z0-9]+)*$")
_IRI_OK = re.compile(r'^[^<>"{}|^`\\\x00-\x20]*$')


def serialize_term(term: object) -> str:
    """A term in SPARQL/N-Triples syntax, escaped so that no value can end the term early.

    >>> from relgraph.terms import Literal
    >>> serialize_term(Literal('x" } ; DROP ALL ; #'))
    '"x\\\\" } ; DROP ALL ; #"'
    """
    from ..terms import IRI, BNode, Literal

    if isinstance(term, IRI):
        if not _IRI_OK.match(term):
            raise ParameterError(f"not a well-formed IRI: {str(term)!r}")
        return f"<{term}>"
    if isinstance(term, BNode):
        raise ParameterError("a blank node cannot be bound as a parameter")
    lit = term if isinstance(term, Literal) else Literal(str(term))
    body = (str(lit).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r"))
    if lit.lang:
        if not _LANG_TAG.match(lit.lang):
            raise ParameterError(f"not a language tag: {lit.lang!r}")
        return f'"{body}"@{lit.lang}'
    if lit.datatype == "http://www.w3.org/2001/XMLSchema#string":
        return f'"{body}"'
    return f'"{body}"^^{serialize_term(IRI(lit.datatype))}'


def bind(text: str, bindings: Mapping[str, object]) -> str:
    """Bind variables to terms by a ``VALUES`` block at the start of the query's WHERE clause.

    The terms are serialised by :func:`serialize_term`, so a value can never be read as SPARQL. Binding at the
    start of the WHERE group means the value holds everywhere in it (FILTERs included), whether or not the
    variable is selected; a sub-select sees it only if it selects the variable itself. The same block also
    opens each branch of a UNION in that group (a join distributes over a union, so the answer is the same):
    Oxigraph then evaluates each branch with the value in hand instead of in full.
    """
    if not bindings:
        return text
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ParameterError(f"not a variable name: {name!r}")
    names = list(bindings)
    values = (f"VALUES ({' '.join('?' + n for n in names)}) "
              f"{{ ({' '.join(serialize_term(bindings[n]) for n in names)}) }} ")
    places = _binding_places(text)
    if not places:
        raise ParameterError("cannot find the WHERE clause to bind parameters in")
    for at in sorted(places, reverse=True):
        text = text[:at + 1] + " " + values + text[at + 1:]
    return text


_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_OPENS_SAFELY = {"{", "}", ".", "UNION"}


def _binding_places(text: str) -> list[int]:
    """Offsets of the ``{`` of the WHERE group and of the UNION branches within it that may take a VALUES block.

    A branch qualifies when every group around it, up to the WHERE group, is a plain group or a UNION branch
    (not OPTIONAL, MINUS, EXISTS, GRAPH, SERVICE or a sub-select) and it does not itself start a sub-select.
    """
    found = tokens(text)
    where = _where_brace(text)
    if where is None:
        return []
    places = [where]
    stack: list[tuple[bool, int]] = []  # (safe, index of the opening token)
    close_of: dict[int, int] = {}
    opened: list[int] = []
    for i, (_, tok, _) in enumerate(found):
        if tok == "{":
            opened.append(i)
        elif tok == "}" and opened:
            close_of[opened.pop()] = i
    for i, (_, tok, start) in enumerate(found):
        if tok == "{":
            if start == where:
                stack.append((True, i))
                continue
            parent_safe = bool(stack) and stack[-1][0]
            prev = found[i - 1][1].upper() if i > 0 else ""
            nxt = found[i + 1][1].upper() if i + 1 < len(found) else ""
            safe = parent_safe and prev in _OPENS_SAFELY and nxt != "SELECT"
            stack.append((safe, i))
            end = close_of.get(i)
            after = found[end + 1][1].upper() if end is not None and end + 1 < len(found) else ""
            if safe and (prev == "UNION" or after == "UNION"):
                places.append(start)
        elif tok == "}" and stack:
            stack.pop()
    return places


def _where_brace(text: str) -> int | None:
    """Offset of the ``{`` that opens the query's WHERE group."""
    depth, form, after_where = 0, None, False
    for kind, tok, offset in tokens(text):
        if kind in ("iri", "var", "pname"):
            continue
        upper = tok.upper()
        if depth == 0 and kind == "word":
            if upper in _FORMS and form is None:
                form = upper
            elif upper == "WHERE":
                after_where = True
        if tok == "{":
            if depth == 0 and form is not None and (after_where or form != "CONSTRUCT"):
                return offset
            depth += 1
        elif tok == "}":
            depth -= 1
    return None
