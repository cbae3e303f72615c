"""What may be asked: the read-only guard in front of every query, and the kind of a query text.

relgraph answers questions; it never changes data and never reaches the network on its own. This module refuses
SPARQL UPDATE, ``LOAD``, ``SERVICE`` and ``FROM``/``FROM NAMED`` graphs that the store does not hold, before any
engine sees the text. Two readers look, and either one's finding refuses the query:

* the tokenizer (:mod:`.tokens`) sees keywords outside strings, IRIs and comments, so a label that contains the
  word "DELETE" is no problem;
* whenever the text (after SPARQL's ``\\u`` escapes are expanded, as every SPARQL parser does first) contains the
  letters "service" anywhere, a real SPARQL parser (rdflib's) reads the query, and a SERVICE pattern anywhere in
  its tree, or a text it cannot read, is refused. A query can only reach another endpoint through a SERVICE
  keyword, so a bypass would need both readers to miss one that the engine then sees.
"""

from __future__ import annotations

import re
from collections.abc import Container
from typing import Any

from ..errors import ForbiddenQueryError
from .tokens import tokens

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

_UPDATE = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


def query_form(text: str) -> str | None:
    """Return ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"`` or ``"DESCRIBE"`` for a query text, None if none is found."""
    for kind, tok, _ in tokens(text):
        if kind == "word" and tok.upper() in _FORMS:
            return tok.upper()
    return None


def check_read_only(text: str, *, graphs: Container[str] = ()) -> None:
    """Raise :class:`ForbiddenQueryError` unless ``text`` is a read-only query that stays on this machine.

    ``graphs`` holds the names of the named graphs in the store; ``FROM <g>`` is allowed only for those.

    >>> check_read_only("SELECT * WHERE { ?s ?p 'DROP ALL' }")
    >>> check_read_only("DROP ALL")
    Traceback (most recent call last):
    ...
    relgraph.errors.ForbiddenQueryError: relgraph query only reads: DROP (SPARQL UPDATE) is refused
    """
    text = unescape(text)
    _check_tokens(text, graphs)
    if "service" in text.lower():
        _check_parsed(text)


def names_dataset(text: str) -> bool:
    """True when the query has its own dataset (``FROM`` or ``FROM NAMED``), which then replaces the union.

    >>> names_dataset("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }"), names_dataset("SELECT * WHERE { ?s ?p 'from' }")
    (True, False)
    """
    return any(kind == "word" and tok.upper() == "FROM" for kind, tok, _ in tokens(unescape(text)))


def unescape(text: str) -> str:
    """``text`` with SPARQL's codepoint escapes (``\\u0053``, ``\\U00000053``) expanded, as a parser sees it.

    >>> unescape("SERV\\u0049CE")
    'SERVICE'
    """
    def one(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group()

    return _ESCAPE.sub(one, text)


def _check_tokens(text: str, graphs: Container[str]) -> None:
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


def _check_parsed(text: str) -> None:
    """Read the query with a real SPARQL parser and refuse a SERVICE pattern anywhere in it, or a text it cannot
    read (one that mentions "service" and that relgraph therefore cannot prove stays on this machine)."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(text)
    except Exception:  # noqa: BLE001 - pyparsing's ParseException and rdflib's own errors
        raise ForbiddenQueryError("relgraph query stays on this machine: this query mentions SERVICE and could not "
                                  "be read to prove it calls no remote endpoint") from None
    if _has_service(tree):
        raise ForbiddenQueryError("relgraph query stays on this machine: SERVICE (a remote endpoint) is refused")


def _has_service(node: Any) -> bool:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        return node.name == "ServiceGraphPattern" or any(_has_service(v) for v in node.values())
    if isinstance(node, (list, tuple, ParseResults)):
        return any(_has_service(v) for v in node)
    return False
