"""Rewriting query text: the known prefixes a query uses but does not declare are declared in front of it, and
positions in error messages are mapped back to the text the person wrote.
"""

from __future__ import annotations

import re

from ..namespaces import PREFIXES

_MARK = "#\n"


def with_prefixes(text: str) -> str:
    """Declare the known prefixes the query uses but does not declare itself.

    >>> print(with_prefixes("SELECT * WHERE { ?s a rg:Agreement }"))
    PREFIX rg: <https://w3id.org/relgraph/ontology#>
    #
    SELECT * WHERE { ?s a rg:Agreement }
    """
    declared = {m.group(1) for m in re.finditer(r"(?i)PREFIX\s+([A-Za-z][\w.-]*)?\s*:", text)}
    used = [p for p in PREFIXES if p not in declared and re.search(rf"(?<![\w<?$]){p}:", text)]
    if not used:
        return text
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used) + _MARK + text


def shift(line: int | None, text: str) -> int | None:
    """Map a line number in the text :func:`with_prefixes` made back to the person's own text."""
    if line is None or not text.startswith("PREFIX "):
        return line
    added = text.split(_MARK, 1)[0].count("\n") + 1
    return max(1, line - added)
