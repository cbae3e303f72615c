"""Results as text: an aligned table for people, CSV/TSV/JSON/Markdown for other tools, RDF for graphs.

Entities are shown by label (in the language of the result); with ``iris=True`` by IRI instead (compacted with
the known prefixes in tables and Markdown, in full in CSV, TSV and JSON, where other tools read them).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

from .errors import FormatError
from .namespaces import compact
from .results import Result
from .terms import IRI, Literal, Term


class Format(StrEnum):
    """Output formats. Tabular ones suit SELECT and ASK; RDF ones suit CONSTRUCT and DESCRIBE."""

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    JSONL = "jsonl"
    MARKDOWN = "markdown"
    TURTLE = "turtle"
    NT = "nt"
    JSONLD = "jsonld"


TABULAR = (Format.TABLE, Format.CSV, Format.TSV, Format.JSON, Format.JSONL, Format.MARKDOWN)
#: Formats whose rows are written as they come, at constant memory (a table or a JSON array must wait for all).
STREAMING = (Format.CSV, Format.TSV, Format.JSONL)
GRAPH = (Format.TURTLE, Format.NT, Format.JSONLD)


def render(result: Result, fmt: Format | str = Format.TABLE, *, iris: bool = False,
           max_width: int | None = None) -> str:
    """Render ``result`` in ``fmt``. ``max_width`` shrinks the widest table columns to fit a terminal.

    Raises :class:`~relgraph.errors.FormatError` when the format does not fit the answer (rows as Turtle,
    triples as CSV).
    """
    fmt = Format(fmt)
    if result.is_graph:
        if fmt in TABULAR and fmt is not Format.TABLE:
            raise FormatError(f"a {result.form} query gives triples: use the format turtle, nt or jsonld")
        text = result.serialize(fmt.value if fmt in GRAPH else "turtle")
        return text if text.endswith("\n") or not text else text + "\n"
    if fmt in GRAPH:
        raise FormatError(f"a {result.form} query gives rows: use the format table, csv, tsv, json or markdown")
    if result.form == "ASK":
        value = bool(result.boolean)
        if fmt is Format.JSON:
            return json.dumps({"boolean": value}) + "\n"
        answer = ("yes" if value else "no") if fmt is Format.TABLE else str(value).lower()
        return write_rows(["answer"], [[answer]], fmt, max_width=max_width, footer=False)
    if fmt in (Format.JSON, Format.JSONL):
        rows: list[list[Any]] = [[_json_value(result, t, iris) for t in row] for row in result.terms]
    else:
        full = fmt in (Format.CSV, Format.TSV)
        rows = [[_cell(result, t, iris=iris, full=full) for t in row] for row in result.terms]
    return write_rows(list(result.columns), rows, fmt, max_width=max_width)


def write_rows(header: list[str], rows: list[list[Any]], fmt: Format | str = Format.TABLE, *,
               max_width: int | None = None, footer: bool = True) -> str:
    """Rows of plain values as text in one of the tabular formats: the one row writer of every command.

    ``None`` is an empty cell (``null`` in JSON); in JSON, values that are not JSON types are written as text.

    Examples
    --------
    >>> print(write_rows(["label", "score"], [["DOFTEC", 3]], "csv"), end="")
    label,score
    DOFTEC,3
    """
    fmt = Format(fmt)
    if fmt not in TABULAR:
        raise FormatError(f"rows cannot be written as {fmt.value}: use the format table, csv, tsv, json or markdown")
    if fmt is Format.JSON:
        objects = [dict(zip(header, (_json_plain(v) for v in row))) for row in rows]
        return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"
    if fmt is Format.JSONL:
        return "".join(json.dumps(dict(zip(header, (_json_plain(v) for v in row))), ensure_ascii=False) + "\n"
                       for row in rows)
    cells = [["" if c is None else str(c) for c in row] for row in rows]
    if fmt in (Format.CSV, Format.TSV):
        buf = io.StringIO()
        if fmt is Format.CSV:
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(cells)
        else:
            for line in [header, *cells]:
                buf.write("\t".join(_tsv(c) for c in line) + "\n")
        return buf.getvalue()
    if fmt is Format.MARKDOWN:
        lines = ["| " + " | ".join(_md(h) for h in header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in cells]
        return "\n".join(lines) + "\n"
    return _table(header, cells, max_width=max_width, footer=footer)


def stream(chunks: Iterable[Result], fmt: Format | str, write: Callable[[str], object], *,
           iris: bool = False) -> int:
    """Write the rows of consecutive answers (the chunks of one streamed SELECT) in a streaming format as they
    come: the header once (csv, tsv), then each chunk's rows. Returns the number of rows written.

    Examples
    --------
    >>> from relgraph.terms import Literal
    >>> chunk = Result("SELECT", columns=["n"], terms=[(Literal("1"),), (Literal("2"),)])
    >>> stream([chunk], "jsonl", print)
    {"n": "1"}
    {"n": "2"}
    <BLANKLINE>
    2
    """
    fmt = Format(fmt)
    if fmt not in STREAMING:
        raise FormatError(f"rows cannot stream as {fmt.value}: use the format csv, tsv or jsonl")
    count, first = 0, True
    for chunk in chunks:
        text = render(chunk, fmt, iris=iris)
        if not first and fmt is not Format.JSONL:
            text = text.split("\n", 1)[1]  # the header, once
        first = False
        if text:
            write(text)
        count += len(chunk)
    return count


def _json_plain(value: Any) -> Any:
    return value if value is None or isinstance(value, (int, float, bool, str)) else str(value)


def _cell(result: Result, term: Term | None, *, iris: bool, full: bool) -> str:
    if term is None:
        return ""
    if isinstance(term, IRI):
        if iris:
            return str(term) if full else compact(term)
        return result.labels.get(term) or compact(term)
    return str(term)


def _json_value(result: Result, term: Term | None, iris: bool) -> Any:
    if term is None:
        return None
    if isinstance(term, IRI):
        return str(term) if iris else (result.labels.get(term) or str(term))
    if isinstance(term, Literal):
        value = term.value
        return value if isinstance(value, (int, float, bool, str)) else str(term)
    return str(term)


def _tsv(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x07``), so data cannot drive the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


#: Characters that may be wide (East Asian Width W or F): none below U+0300, Latin letters with accents included.
_MAYBE_WIDE = re.compile("[^\x00-\u02ff]")


def width(text: str) -> int:
    """Display width of ``text`` in a terminal: wide (CJK) characters take two cells.

    >>> width("Guangdong"), width("广东省"), width("één")
    (9, 6, 3)
    """
    if text.isascii():
        return len(text)
    # only the characters that may be wide are looked up: accented Latin text is counted at C speed
    return len(text) + sum(unicodedata.east_asian_width(c) in "WF" for c in _MAYBE_WIDE.findall(text))


def _fit(text: str, limit: int, used: int) -> tuple[str, int]:
    """``text`` cut to at most ``limit`` cells (an ellipsis where it was cut), and its width; ``used`` is the
    width of the whole text."""
    if used <= limit:
        return text, used
    if used == len(text):  # one cell a character (no wide one): a slice
        cut = text[:max(limit - 1, 0)]
        return cut + "…", len(cut) + 1
    out, used = [], 0
    for c in text:
        w = width(c)
        if used + w > limit - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…", used + 1


def _table(header: list[str], rows: list[list[str]], *, max_width: int | None, footer: bool) -> str:
    rows = [[printable(c.replace("\n", " ").replace("\t", " ")) for c in row] for row in rows]
    sized = [[(c, width(c)) for c in row] for row in [header, *rows]]  # each cell measured once
    widths = [max(r[i][1] for r in sized) for i in range(len(header))]
    if max_width:
        # shrink the widest columns first; short columns (names, kinds, dates) keep their width
        budget = max_width - 2 * (len(widths) - 1)
        for floor in (24, 8):
            floors = [min(w, floor) for w in widths]
            while sum(widths) > budget:
                wide = [i for i, w in enumerate(widths) if w > floors[i]]
                if not wide:
                    break
                i = max(wide, key=lambda j: widths[j])
                widths[i] -= 1

    def line(cells: list[tuple[str, int]]) -> str:
        parts = [_fit(c, w, used) for (c, used), w in zip(cells, widths)]
        return "  ".join(p + " " * (w - used) for (p, used), w in zip(parts, widths)).rstrip()

    out = [line(sized[0]), "  ".join("─" * w for w in widths)]
    out += [line(r) for r in sized[1:]]
    if footer:
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def table(header: list[str], rows: list[list[object]], *, max_width: int | None = None, footer: bool = True) -> str:
    """An aligned text table of ``header`` and ``rows``, as :func:`render` draws query results.

    Cells are shown with ``str()`` (``None`` as empty); wide (CJK) characters count as two columns;
    ``max_width`` shrinks the widest columns to fit a terminal; ``footer`` adds the ``(N rows)`` line.

    Examples
    --------
    >>> print(table(["label", "score"], [["DOFTEC", 3]], footer=False), end="")
    label   score
    ──────  ─────
    DOFTEC  3
    """
    return write_rows(list(header), [list(r) for r in rows], Format.TABLE, max_width=max_width, footer=footer)
