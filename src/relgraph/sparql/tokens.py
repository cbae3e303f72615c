"""SPARQL text as tokens, the way SPARQL's grammar (and Oxigraph) reads it: strings, IRIs, comments, variables,
prefixed names, words and single characters. The guard, the binding and the prefix rewriting all read text through
:func:`tokens`, so that a keyword inside a string, an IRI or a comment is never taken for one.
"""

from __future__ import annotations

import re

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



def tokens(text: str) -> list[tuple[str, str, int]]:
    """Every token of ``text`` but comments and strings, as (kind, text, offset)."""
    return [(m.lastgroup or "other", m.group(), m.start()) for m in _TOKEN.finditer(text)
            if m.lastgroup not in ("comment", "string")]
