"""Reading an import sheet: three tables (sources, entities, relations) from a folder of CSV files or one XLSX
workbook, each checked for what a spreadsheet can get wrong before any value is looked at.

This module owns the sheet's layout: the columns of each table (:data:`COLUMNS`), which must be there and which
may be, the encoding (UTF-8 only; a byte-order mark is fine), binary files named ``.csv``, formula cells, and
empty sheets. Every problem is a :class:`~relgraph.errors.SheetError` naming sheet, row and column. What the
values mean is :mod:`relgraph.sheets.model`'s concern.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import SheetError

#: The tables of a sheet, in the order they are read.
TABLES = ("sources", "entities", "relations")

#: Each table's columns: those that must be there, then those that may be.
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sources": (("id", "title", "publisher", "url", "date", "language", "excerpt"), ("retrieved", "quote")),
    "entities": (("id", "kind", "label_en", "label_nl", "label_zh", "definition", "identifiers", "source",
                  "quote"), ("label_alt",)),
    "relations": (("from", "type", "to", "role", "start", "end", "status", "source", "quote"), ("id",)),
}

#: Tables a sheet may leave out (a sheet that only adds relations between known entities has no entities).
OPTIONAL_TABLES = ("entities",)


@dataclass(frozen=True)
class Row:
    """One row of a table: where it is (``sheet`` as named in messages, 1-based ``number``) and its values, every
    column present (an empty string when blank), stripped of surrounding whitespace."""

    sheet: str
    number: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values.get(column, "")

    def error(self, column: str, message: str) -> SheetError:
        """A :class:`SheetError` at this row's ``column``."""
        return SheetError(message, sheet=self.sheet, row=self.number, column=column)


@dataclass(frozen=True)
class Sheet:
    """The rows of each table of a sheet, and what each table is called in messages."""

    tables: dict[str, list[Row]]
    names: dict[str, str]

    def rows(self, table: str) -> list[Row]:
        return self.tables.get(table, [])


def read_sheet(path: str | os.PathLike[str]) -> Sheet:
    """Read ``path``: a folder holding ``sources.csv``, ``relations.csv`` and optionally ``entities.csv``, or an
    ``.xlsx`` workbook with sheets of those names.

    Raises :class:`SheetError` for a missing table, a header that lacks a column or has an unknown one, a file
    that is not UTF-8 text, a formula cell, or a sheet without a single row to import.
    """
    path = Path(path)
    if path.is_dir():
        grids: dict[str, list[list[str]] | None] = {t: _csv_grid(path / f"{t}.csv") for t in TABLES}
        names = {t: f"{t}.csv" for t in TABLES}
    elif path.suffix.lower() == ".xlsx" and path.is_file():
        grids, names = _xlsx_grids(path)
    elif path.suffix.lower() == ".csv" and path.is_file():
        raise SheetError("give the folder that holds sources.csv, entities.csv and relations.csv, not one of them",
                         sheet=path.name, row=1, column=1)
    else:
        raise SheetError("not a folder of CSV files nor an .xlsx workbook", sheet=str(path), row=1, column=1)
    tables: dict[str, list[Row]] = {}
    for table in TABLES:
        grid = grids.get(table)
        if grid is None:
            if table in OPTIONAL_TABLES:
                continue
            raise SheetError(f"the {table} table is missing: add {names[table]} (see data/templates/)",
                             sheet=names[table], row=1, column=1)
        tables[table] = _rows(table, names[table], grid)
    if not tables["relations"] and not tables.get("entities"):
        name = names["relations"]
        raise SheetError("the sheet is empty: no relation and no entity to import", sheet=name, row=2,
                         column="from")
    return Sheet(tables, names)


def _rows(table: str, name: str, grid: list[list[str]]) -> list[Row]:
    """The rows of one table, its header checked."""
    required, optional = COLUMNS[table]
    if not grid or not any(c.strip() for c in grid[0]):
        raise SheetError(f"the sheet is empty: the first row must be the header {', '.join(required)}",
                         sheet=name, row=1, column=1)
    header = [c.strip().lower() for c in grid[0]]
    for i, col in enumerate(header, 1):
        if col and col not in required + optional:
            raise SheetError(f"unknown column {col!r}; the columns are {', '.join(required + optional)}",
                             sheet=name, row=1, column=i)
        if col and header.index(col) != i - 1:
            raise SheetError(f"column {col!r} appears twice", sheet=name, row=1, column=i)
    missing = [c for c in required if c not in header]
    if missing:
        raise SheetError(f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; the header must "
                         f"name {', '.join(required)}", sheet=name, row=1, column=missing[0])
    rows = []
    for number, cells in enumerate(grid[1:], 2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            raise SheetError("a value beyond the last column of the header", sheet=name, row=number,
                             column=len(header) + 1)
        values = {col: (cells[i].strip() if i < len(cells) else "") for i, col in enumerate(header) if col}
        for col in (*required, *optional):
            values.setdefault(col, "")
        for col, value in values.items():
            if value.startswith("="):
                raise SheetError(f"a formula ({value[:40]}): type the value itself, not a formula",
                                 sheet=name, row=number, column=col)
        rows.append(Row(name, number, values))
    return rows


def _csv_grid(path: Path) -> list[list[str]] | None:
    """The cells of a CSV file (None when there is none), refusing binary data and text that is not UTF-8."""
    if not path.exists():
        return None
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SheetError(f"cannot read: {e.strerror or e}", sheet=path.name, row=1, column=1) from None
    if b"\0" in data:
        line = data[:data.index(b"\0")].count(b"\n") + 1
        raise SheetError("not a CSV text file (it holds binary data): save the sheet as CSV UTF-8",
                         sheet=path.name, row=line, column=1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise _not_utf8(path.name, data, e) from None
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as e:
        raise SheetError(f"not a well-formed CSV file: {e}", sheet=path.name, row=1, column=1) from None


def _not_utf8(name: str, data: bytes, e: UnicodeDecodeError) -> SheetError:
    """Where a text that is not UTF-8 goes wrong: its row, and the column (by its header) of the bad byte."""
    before = data[:e.start]
    row = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    prefix = before[line_start:].decode("latin-1")
    header = next(csv.reader([data.split(b"\n", 1)[0].decode("latin-1")]), [])
    field = len(next(csv.reader([prefix + "x"]), [""]))
    column: str | int = header[field - 1].strip().lower() if 0 < field <= len(header) else field
    return SheetError(f"not UTF-8 text (byte 0x{data[e.start]:02x}; Latin-1 or Windows-1252?): save the sheet as "
                      "CSV UTF-8", sheet=name, row=row, column=column)


def _xlsx_grids(path: Path) -> tuple[dict[str, list[list[str]] | None], dict[str, str]]:
    """The cells of each table's sheet of a workbook (formulas kept as formulas, so that they can be refused)."""
    try:
        import openpyxl
    except ImportError:
        raise SheetError("reading .xlsx needs openpyxl: pip install 'relgraph[import]'", sheet=path.name, row=1,
                         column=1) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds for a file that is not a workbook
        raise SheetError(f"not an .xlsx workbook ({type(e).__name__})", sheet=path.name, row=1, column=1) from None
    grids: dict[str, list[list[str]] | None] = {}
    names = {t: f"{path.name}[{t}]" for t in TABLES}
    try:
        by_name = {ws.title.strip().lower(): ws for ws in book.worksheets}
        for table in TABLES:
            ws = by_name.get(table)
            if ws is not None:
                grids[table] = [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        book.close()
    return grids, names


def _cell_text(value: object) -> str:
    """A workbook cell as text: dates as ISO dates, whole numbers without ``.0``."""
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
