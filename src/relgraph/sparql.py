"""What may be asked: the read-only guard in front of every query, and the kind of a query text.

relgraph answers questions; it never changes data and never reaches the network on its own. This module refuses
SPARQL UPDATE, ``LOAD``, ``SERVICE`` and ``FROM``/``FROM NAMED`` graphs that the store does not hold, before any
engine sees the text. It looks at keywords outside strings, IRIs and comments, so a label that contains the word
"DELETE" is no problem.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping

from .errors import ForbiddenQueryError

# Tokens as SPARQL's grammar sees them. Comments end at a line feed or a carriage return (as in Oxigraph), a
# short string cannot span either, and a prefixed name (``schema:Service``, ``ug:cooperation-with-doftec``) is one
# token, so that its parts are never read as keywords.
_TOKEN = re.compile(
    r'''(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')'''
    r"|(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?P<comment>\#[^\n\r]*)"
    r"|(?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)"
    r"|(?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w:%\\-]|\.(?=[\w:%\\-]))*)"
    r"|(?P<word>[^\W\d][\w]*)"
    r"|(?P<other>\S)",
    re.S,
)

_UPDATE = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


def _words(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind in ("comment", "string"):
            continue
        out.append((kind, m.group()))
    return out


def query_form(text: str) -> str | None:
    """Return ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"`` or ``"DESCRIBE"`` for a query text, None if none is found."""
    for kind, tok in _words(text):
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
    tokens = _words(text)
    for i, (kind, tok) in enumerate(tokens):
        if kind != "word":
            continue
        upper = tok.upper()
        if upper == "SERVICE":
            raise ForbiddenQueryError("relgraph query stays on this machine: SERVICE (a remote endpoint) is refused")
        if upper in _UPDATE:
            raise ForbiddenQueryError(f"relgraph query only reads: {upper} (SPARQL UPDATE) is refused")
        if upper == "FROM":
            j = i + 1
            if j < len(tokens) and tokens[j][1].upper() == "NAMED":
                j += 1
            target = tokens[j][1] if j < len(tokens) else ""
            name = target[1:-1] if target.startswith("<") else target
            if name not in graphs:
                raise ForbiddenQueryError(
                    f"relgraph query stays on this machine: FROM {target} names a graph that is not in the data")



_LANG_TAG = re.compile(r"^[A-Za-z]+(-[A-Za-z0-9]+)*$")
_IRI_OK = re.compile(r'^[^<>"{}|^`\\\x00-\x20]*$')


def serialize_term(term: object) -> str:
    """A term in SPARQL/N-Triples syntax, escaped so that no value can end the term early.

    >>> from relgraph.terms import Literal
    >>> serialize_term(Literal('x" } ; DROP ALL ; #'))
    '"x\\\\" } ; DROP ALL ; #"'
    """
    from .terms import IRI, BNode, Literal

    if isinstance(term, IRI):
        if not _IRI_OK.match(term):
            raise ValueError(f"not a well-formed IRI: {str(term)!r}")
        return f"<{term}>"
    if isinstance(term, BNode):
        raise ValueError("a blank node cannot be bound as a parameter")
    lit = term if isinstance(term, Literal) else Literal(str(term))
    body = (str(lit).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r"))
    if lit.lang:
        if not _LANG_TAG.match(lit.lang):
            raise ValueError(f"not a language tag: {lit.lang!r}")
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
            raise ValueError(f"not a variable name: {name!r}")
    names = list(bindings)
    values = (f"VALUES ({' '.join('?' + n for n in names)}) "
              f"{{ ({' '.join(serialize_term(bindings[n]) for n in names)}) }} ")
    places = _binding_places(text)
    if not places:
        raise ValueError("cannot find the WHERE clause to bind parameters in")
    for at in sorted(places, reverse=True):
        text = text[:at + 1] + " " + values + text[at + 1:]
    return text


_OPENS_SAFELY = {"{", "}", ".", "UNION"}


def _binding_places(text: str) -> list[int]:
    """Offsets of the ``{`` of the WHERE group and of the UNION branches within it that may take a VALUES block.

    A branch qualifies when every group around it, up to the WHERE group, is a plain group or a UNION branch
    (not OPTIONAL, MINUS, EXISTS, GRAPH, SERVICE or a sub-select) and it does not itself start a sub-select.
    """
    tokens = [(m.lastgroup, m.group(), m.start()) for m in _TOKEN.finditer(text)
              if m.lastgroup not in ("comment", "string")]
    where = _where_brace(text)
    if where is None:
        return []
    places = [where]
    stack: list[tuple[bool, int]] = []  # (safe, index of the opening token)
    close_of: dict[int, int] = {}
    opened: list[int] = []
    for i, (_, tok, _) in enumerate(tokens):
        if tok == "{":
            opened.append(i)
        elif tok == "}" and opened:
            close_of[opened.pop()] = i
    for i, (_, tok, start) in enumerate(tokens):
        if tok == "{":
            if start == where:
                stack.append((True, i))
                continue
            parent_safe = bool(stack) and stack[-1][0]
            prev = tokens[i - 1][1].upper() if i > 0 else ""
            nxt = tokens[i + 1][1].upper() if i + 1 < len(tokens) else ""
            safe = parent_safe and prev in _OPENS_SAFELY and nxt != "SELECT"
            stack.append((safe, i))
            end = close_of.get(i)
            after = tokens[end + 1][1].upper() if end is not None and end + 1 < len(tokens) else ""
            if safe and (prev == "UNION" or after == "UNION"):
                places.append(start)
        elif tok == "}" and stack:
            stack.pop()
    return places


def _where_brace(text: str) -> int | None:
    """Offset of the ``{`` that opens the query's WHERE group."""
    depth, form, after_where = 0, None, False
    for m in _TOKEN.finditer(text):
        kind, tok = m.lastgroup, m.group()
        if kind in ("comment", "string", "iri", "var", "pname"):
            continue
        upper = tok.upper()
        if depth == 0 and kind == "word":
            if upper in _FORMS and form is None:
                form = upper
            elif upper == "WHERE":
                after_where = True
        if tok == "{":
            if depth == 0 and form is not None and (after_where or form != "CONSTRUCT"):
                return m.start()
            depth += 1
        elif tok == "}":
            depth -= 1
    return None
