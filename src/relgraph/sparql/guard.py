"""What may be asked: the read-only guard in front of every query, and the kind of a query text.

relgraph answers questions; it never changes data and never reaches the network on its own. This module refuses
SPARQL UPDATE, ``LOAD``, ``SERVICE`` and ``FROM``/``FROM NAMED`` graphs that the store does not hold, before any
engine sees the text. It looks at keywords outside strings, IRIs and comments, so a label that contains the word
"DELETE" is no problem.
"""

from __future__ import annotations

from collections.abc import Container

from ..errors import ForbiddenQueryError
from .tokens import tokens

_UPDATE = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


def query_form(text: str) -> str | None:
    """Return ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"`` or ``"DESCRIBE"`` for a query text, None if none is found."""
    for kind, tok, _ in tokens(text):
        if kind == "word" and tok.upper() in _FORMS:
            return tok.upper()
    return None


def declares_dataset(text: str) -> bool:
    """True when a query names its own dataset (``FROM`` or ``FROM NAMED``): the store's default then gives way.

    >>> declares_dataset("SELECT * FROM <urn:g> WHERE { ?s ?p 'FROM' }"), declares_dataset("ASK { ?s ?p ?o }")
    (True, False)
    """
    return any(kind == "word" and tok.upper() == "FROM" for kind, tok, _ in tokens(text))


def check_read_only(text: str, *, graphs: Container[str] = ()) -> None:
    """Raise :class:`ForbiddenQueryError` unless ``text`` is a read-only query that stays on this machine.

    ``graphs`` holds the names of the named graphs in the store; ``FROM <g>`` is allowed only for those.

    >>> check_read_only("SELECT * WHERE { ?s ?p 'DROP ALL' }")
    >>> check_read_only("DROP ALL")
    Traceback (most recent call last):
    ...
    relgraph.errors.ForbiddenQueryError: relgraph query only reads: DROP (SPARQL UPDATE) is refused
    """
    found = tokens(text)
    for i, (kind, tok, _) in enumerate(found):
        if kind != "word":
            continue
        upper = tok.upper()
        if upper == "SERVICE":
            raise ForbiddenQueryError("relgraph query stays on this machine: SERVICE (a remote endpoint) is refused")
        if upper in _UPDATE:
            raise ForbiddenQueryError(f"relgraph query only reads: {upper} (SPARQL UPDATE) is refused")
        if upper == "FROM":
            j = i + 1
            if j < len(found) and found[j][1].upper() == "NAMED":
                j += 1
            target = found[j][1] if j < len(found) else ""
            name = target[1:-1] if target.startswith("<") else target
            if name not in graphs:
                raise ForbiddenQueryError(
                    f"relgraph query stays on this machine: FROM {target} names a graph that is not in the data")
