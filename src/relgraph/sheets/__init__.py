"""Import from a sheet: what policy staff fill in a spreadsheet becomes one Turtle file per source, checked
before anything is written (docs/import.md).

:func:`import_sheet` reads the sheet (:mod:`.read`), turns its rows into statements (:mod:`.model`), writes each
source's statements as deterministic Turtle (:mod:`.write`), compares them with the files there (:mod:`.plan`),
validates the data folder as it would be in a temporary copy (shapes, vocabulary, quotes), and only then writes
the changed files, atomically and all at once. Re-importing an unchanged sheet changes nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..core import Graph
from ..cycles import without_cycle_collection
from ..errors import SheetError
from ..fileio import write_texts
from ..namespaces import PREFIXES
from .model import MARKER, Model, build
from .plan import FileChange, ImportPlan, diff
from .read import COLUMNS, TABLES, Row, Sheet, read_sheet
from .write import turtle

if TYPE_CHECKING:  # pragma: no cover
    from ..store import Store

__all__ = ["COLUMNS", "MARKER", "TABLES", "FileChange", "ImportPlan", "import_sheet", "read_sheet"]

#: Columns of the sheet where a property of a finding of validation is written.
_COLUMN_OF = {"rg:quote": "quote", "rdfs:label": "label_en", "schema:startDate": "start", "schema:endDate": "end",
              "rg:status": "status", "org:role": "role", "cv:role": "role", "prov:hadPrimarySource": "source"}


def import_sheet(g: Graph, sheet: str | os.PathLike[str], *, data_dir: str | os.PathLike[str] | None = None,
                 dry_run: bool = False, namespace: str = PREFIXES["ug"]) -> ImportPlan:
    """Import ``sheet`` (a folder of ``sources.csv``, ``entities.csv``, ``relations.csv``, or an ``.xlsx``
    workbook) into the data folder: one file ``<source id>.ttl`` per source.

    Names in the sheet are resolved against the data as it is without the files the sheet rewrites. The result
    is validated before anything is written; ``dry_run=True`` validates and says what would change, writing
    nothing. Returns the :class:`ImportPlan` (``.lines()`` says it entity by entity).

    Raises :class:`~relgraph.errors.SheetError` (``relations.csv:7:quote: ...``) for the first problem of the sheet
    or of the data it would make; nothing is written then.

    Examples
    --------
    >>> plan = relgraph.open("data").import_sheet("new-sheet/", dry_run=True)    # doctest: +SKIP
    >>> print("\\n".join(plan.lines()))                                           # doctest: +SKIP
    """
    folder = Path(data_dir) if data_dir is not None else _folder(g)
    with without_cycle_collection():  # 100,000 statements make millions of objects, none in a cycle
        read = read_sheet(sheet)
        targets = {f"{r['id']}.ttl" for r in read.rows("sources")}
        base = _base(g, folder, targets)
        model = build(base, read, folder, namespace)
        plan = ImportPlan([diff(folder / f.name, turtle(f), f.triples) for f in model.files.values()])
        if plan.changed:
            _check(folder, plan, model, read)
    if plan.changed and not dry_run:
        write_texts([(c.path, c.text) for c in plan.changed])
        plan.written = True
    return plan


def _folder(g: Graph) -> Path:
    from ..validate import data_folder

    return data_folder(g)


def _base(g: Graph, folder: Path, targets: set[str]) -> Graph:
    """The dataset without the files the sheet rewrites (so that re-importing finds what it found before)."""
    from ..store import data_files, open_store

    files = [f for f in data_files(folder) if f.relative_to(folder).as_posix() not in targets]
    return Graph(open_store(files, root=folder), files=files, data_path=folder, timeout=g.timeout)


def _check(folder: Path, plan: ImportPlan, model: Model, sheet: Sheet) -> None:
    """Validate the data folder as it would be, in a temporary copy; refuse with the first finding that concerns
    the new files, at the row that made it."""
    from ..store import data_files, open_store
    from ..validate import validate

    with tempfile.TemporaryDirectory(prefix="relgraph-import-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns(".*"), symlinks=False)
        written = set()
        for change in plan.changed:
            target = copy / change.path.relative_to(folder)
            target.write_text(change.text, encoding="utf-8")
            written.add(str(target.resolve()))
        files = data_files(copy)
        subjects = {s for f in model.files.values() for s, _, _ in f.triples}
        # validation reads the files itself; the store only answers the labels of findings, so it is loaded
        # (half a second for a 10,000-relation file) only when there are any
        later = cast("Store", _Later(lambda: open_store(files, root=copy)))
        report = validate(Graph(later, files=files, data_path=copy),
                          focus=sorted(str(s) for s in subjects if not str(s).startswith("_:")))
    ours = [f for f in report.findings if f.severity == "Violation" and (
        (f.file and str(Path(f.file).resolve()) in written) or (not f.file and f.focus in subjects))]
    if not ours:
        return
    first = ours[0]
    more = f" (and {len(ours) - 1} more)" if len(ours) > 1 else ""
    row, column = model.origins.get(first.focus, (None, "from"))
    if row is None:
        row = _first_row(sheet)
    column = _COLUMN_OF.get(first.path, column) if first.path else column
    if column not in row.values:
        column = "quote"
    text = first.message if first.file else f"{first.path} {first.message}"
    raise row.error(column, f"{first.label + ': ' if first.label else ''}{text}{more}".replace(str(folder), ""))


class _Later:
    """A store made when it is first asked something."""

    def __init__(self, make: Callable[[], Store]) -> None:
        self._make: Callable[[], Store] = make
        self._store: Store | None = None

    def __getattr__(self, name: str) -> Any:
        if self._store is None:
            self._store = self._make()
        return getattr(self._store, name)


def _first_row(sheet: Sheet) -> Row:
    for table in TABLES:
        if sheet.rows(table):
            return sheet.rows(table)[0]
    raise SheetError("nothing to import", sheet="relations.csv", row=2, column="from")  # pragma: no cover
