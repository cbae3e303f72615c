"""The persistent store on disk: a published generation of Oxigraph, opened read-only, kept in step with the
data files.

:func:`open_disk` is what :func:`relgraph.open` calls with a store folder. When every data file has the
``stat`` the manifest recorded (no file is read), it opens the current generation read-only at once; else it
first syncs the store (:func:`.sync.sync`: changed files reloaded alone, by content hash), waiting for a
writer that is already at it. Many readers run beside one writer, and a reader sees the old or the new state of
a file, never half of one. When the store is out of step and cannot be written (a shared, read-only store), it
is still used if the files' content is unchanged (only their times moved); else :class:`StoreError` says so in
one line, rather than answering from stale data.

:func:`status` says how the store stands without changing it; :func:`rebuild` builds it again from nothing.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RelgraphError, StoreError
from ..namespaces import LABEL_PROPERTIES, META_CLASSES, NAME_PROPERTIES
from ..terms import Term
from . import manifest as mf
from .folder import Layout
from .locks import pause, shared_lock
from .oxigraph import OxigraphStore
from .plan import compare, in_step
from .statements import Statement

#: From this many subjects on, labels are read from the generation's label table (made then if it is not yet).
LABEL_TABLE_FROM = 2000
#: From this many subjects on, labels are read from the label table when the generation has one (1,719 labels at
#: 5M triples: 0.05-0.07 s from it, 0.29-0.45 s one by one).
LABEL_TABLE_USE = 20
#: Version of the saved label table: one of another version is made again.
LABEL_TABLE_FORMAT = 2

#: Up to this many triples, bulk reads use a copy of the data in memory (about 300 MB a million triples).
COPY_LIMIT = 5_000_000

#: From this many triples, work that takes a second or more and is done once per state of the data (the copy,
#: the label table, a network, the counts) is announced to the progress callback (a line on a terminal).
ANNOUNCE_FROM = 100_000

if TYPE_CHECKING:  # pragma: no cover
    import sqlite3

    from .sync import Progress, SyncReport


class DiskStore(OxigraphStore):
    """A published generation of an on-disk store, open read-only; ``manifest`` says what it holds."""

    def __init__(self, native: Any, manifest: mf.Manifest, folder: Path, lock: int,
                 files: list[Path] | None = None, root: Path | None = None, progress: Progress | None = None) -> None:
        super().__init__(native)
        self.manifest, self.folder, self._lock = manifest, folder, lock
        self._progress = progress
        self._graphs = {g for g, n in manifest.counts.items() if n}
        self._files, self._root = list(files or ()), root
        # the files read into memory (in_memory): not tried yet (None), or not to be used (False)
        self._copy: OxigraphStore | None | bool = None
        self._labels: sqlite3.Connection | None = None  # label_table(), once opened or made

    def load(self, path: Path, graph: str | None = None) -> None:
        raise StoreError(f"{self.folder}: a store on disk is filled from its data folder when it is opened; "
                         "it does not load other files")

    def __len__(self) -> int:
        return self.manifest.triples

    def announce(self, what: str, *, saved: bool = True) -> None:
        """Tell the progress callback that ``what`` is being done now (``progress(what, 0, 0)``): work that
        takes a while once per state of the data, announced from :data:`ANNOUNCE_FROM` triples; with ``saved``,
        and a store that can be written, it says that what is made is kept for the commands after this one."""
        if self._progress is not None and len(self) >= ANNOUNCE_FROM:
            if saved and os.access(self.folder, os.W_OK):
                what += " (saved for the next commands)"
            self._progress(what, 0, 0)

    def remembered(self, key: str, compute: Callable[[], Any], what: str | None = None) -> Any:
        """``compute()`` (a JSON value), saved with this generation, whose content never changes, so that the
        processes that open it later read it back instead of computing it again. Where the store cannot be
        written, it is computed each time. ``what`` is announced (:meth:`announce`) when it is computed."""
        import json

        path = self.memo_folder() / f"{key}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        if what:
            self.announce(what)
        value = compute()
        from ..fileio import write_text

        with contextlib.suppress(RelgraphError):  # a read-only store: nothing is saved
            write_text(path, json.dumps(value, ensure_ascii=False))
        return value

    def memo_folder(self) -> Path:
        """Where what is computed from this generation is saved (in the store folder, never the data folder);
        removed with the generation."""
        return Layout(self.folder).memo(self.manifest.generation or "")

    def remembered_bytes(self, key: str, compute: Callable[[], bytes], what: str | None = None) -> bytes:
        """``compute()`` (bytes), saved with this generation as the file ``key`` of its memo folder, as
        :meth:`remembered` saves JSON: built once per state of the data, since a generation never changes and a
        change of the data makes a new one. Where the store cannot be written, it is computed each time. ``what``
        is announced (:meth:`announce`) when it is computed."""
        path = Layout(self.folder).memo(self.manifest.generation or "") / key
        try:
            return path.read_bytes()
        except OSError:
            pass
        if what:
            self.announce(what)
        value = compute()
        from ..fileio import write_bytes

        with contextlib.suppress(RelgraphError):  # a read-only store: nothing is saved
            write_bytes(path, value)
        return value

    def statements(self, predicate: str | None = None) -> Iterator[Statement]:
        """Every statement of ``predicate`` (of every one when None), read from a copy of the data in memory.

        Each caller reads in bulk (the network, the states, the names of the gazetteer), and a read-only
        generation on disk decodes every term with a look-up of its own: about 15 µs a statement against about
        1 µs in memory. Reading the data files into memory takes about 6 s a million triples, so the first bulk
        read makes the copy (:meth:`in_memory`) and every later one in this process uses it."""
        copy = self.in_memory()
        return copy.statements(predicate) if copy is not None else super().statements(predicate)

    def in_memory(self) -> OxigraphStore | None:
        """The store's data files read into a store in memory, each into the named graph it has here, once per
        process. None (and the store on disk is read) when the store holds more than :data:`COPY_LIMIT`
        triples, or a file cannot be read or no longer has the content (SHA-256) this generation holds."""
        if self._copy is None:
            self._copy = self._read_copy() or False
        return self._copy if isinstance(self._copy, OxigraphStore) else None

    def _read_copy(self) -> OxigraphStore | None:
        import pyoxigraph as ox

        from .plan import relative
        from .sync import load_file

        if not self._files or len(self) > COPY_LIMIT:
            return None
        self.announce("reading the data files into memory", saved=False)
        native = ox.Store()
        for path in self._files:
            entry = self.manifest.files.get(relative(path, self._root))
            if entry is None:
                return None
            try:
                loaded = load_file(native, path, entry.graph)
            except RelgraphError:
                return None
            if loaded.sha256 != entry.sha256:
                return None  # changed since this generation was published: read the generation itself
        return OxigraphStore(native)

    # Labels in bulk (:class:`~relgraph.store.BatchLookups`): a look-up per IRI on disk costs 75-200 µs, so a
    # large answer's labels (17,435 rows at 1M: 3 s) are read from a table of every label instead, made once per
    # generation and saved with it.

    def first_literals(self, subjects: Iterable[str],
                       predicates: Sequence[str]) -> dict[str, list[tuple[str, str | None]]]:
        """For each subject, its literal objects (text, language) under the first of ``predicates`` it has any
        under; subjects with none are left out: a look-up each. (Labels of many subjects are chosen in the
        label table instead: :meth:`chosen_labels`.)"""
        found = {}
        for s in set(subjects):
            for p in predicates:
                if texts := self.literals(s, p):
                    found[s] = texts
                    break
        return found

    def _table_worth(self, subjects: int) -> bool:
        """Whether the labels of ``subjects`` subjects are read from the label table: from
        :data:`LABEL_TABLE_USE` when the generation has one, from :data:`LABEL_TABLE_FROM` (it is made then)."""
        return subjects >= LABEL_TABLE_FROM or (subjects >= LABEL_TABLE_USE and self._has_label_table())

    def chosen_labels(self, subjects: Iterable[str], lang: str) -> dict[str, str] | None:
        """The label :func:`relgraph.labels.pick` gives each of ``subjects`` in ``lang`` from what
        :meth:`first_literals` finds, chosen in SQL from the label table, one row a subject; None when the
        table is not worth it for so few (:meth:`_table_worth`). Subjects without a label are left out.

        The order of choice is the property's rank, then the tag (``lang``, the fallbacks, untagged, any other:
        :func:`relgraph.labels.preference`), then the least text: ``min()`` of the rank and the tag's place as
        two digits each, then the text, cut off again. 4,400 labels at 1M triples: 0.04-0.06 s against
        0.10-0.12 s with a row in Python for every literal."""
        from ..languages import FALLBACK

        wanted = sorted(set(subjects))
        if not self._table_worth(len(wanted)):
            return None
        codes = [lang.lower(), *FALLBACK]
        # a tag is of a code when it is the code, or the code and a subtag (as pick compares a tag's first part)
        cases = " ".join(f"WHEN lang = ? OR (? NOT LIKE '%-%' AND lang LIKE ? || '-%') THEN {i}"
                         for i in range(len(codes)))
        tag = f"CASE {cases} WHEN lang IS NULL OR lang = '' THEN {len(codes)} ELSE {len(codes) + 1} END"
        params = [c for code in codes for c in (code, code, code)]
        table = self.label_table()
        chosen: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            chosen.update(table.execute(
                f"SELECT s, substr(min(printf('%02d%02d', rank, {tag}) || text), 5) FROM label "
                f"WHERE s IN ({','.join('?' * len(chunk))}) AND rank < {len(LABEL_PROPERTIES)} GROUP BY s",
                [*params, *chunk]))
        return chosen

    def subjects_any(self, predicates: Sequence[str], objects: Sequence[Term]) -> list[Term]:
        """The subjects of ``?s p o`` for any of ``predicates`` and any of ``objects``: a look-up each (0.25 ms
        at 1M triples; one query with both as ``VALUES`` took 0.5 s)."""
        return [s for o in objects for p in predicates for s in self.subjects(p, o)]

    # Names (:class:`~relgraph.store.NameIndex`): matching a name without regard to case in SPARQL filters every
    # label of the store and checks each subject's classes, a look-up each on disk (15 s at 1M triples); the
    # label table has every name lower-cased, indexed, and whether its subject is an entity.

    def entities_named(self, folded: str, *, part: bool = False) -> list[str]:
        """The entities with a name (:data:`~relgraph.namespaces.NAME_PROPERTIES`) that, lower-cased, is
        ``folded`` (with ``part``, contains it), from the label table (made now if the generation has none)."""
        where = "instr(folded, ?) > 0" if part else "folded = ?"
        rows = self.label_table().execute(f"SELECT DISTINCT s FROM label WHERE entity = 1 AND {where}", (folded,))
        return [s for (s,) in rows]

    def entity_names(self) -> dict[str, str]:
        """Every name of every entity lower-cased, each with the least of the names it is made from, from the
        label table (read whole and chosen here: SQL's DISTINCT or GROUP BY took 1.1-1.5 s at 1M, this 0.4 s)."""
        names: dict[str, str] = {}
        for folded, text in self.label_table().execute("SELECT folded, text FROM label WHERE entity = 1"):
            have = names.get(folded)
            if have is None or text < have:
                names[folded] = text
        return names

    def _label_table_path(self) -> Path:
        return self.memo_folder() / f"labels-{LABEL_TABLE_FORMAT}.sqlite"

    def _has_label_table(self) -> bool:
        return self._labels is not None or self._label_table_path().is_file()

    def label_table(self) -> sqlite3.Connection:
        """Every literal of relgraph's name properties (subject, rank of the property, text, language, the text
        lower-cased, whether the subject is an entity) as an SQLite table, made on first need from the statements
        (about 11 s at 1M triples) and saved in the generation's memo folder, opened read-only by later
        processes; kept in memory where the store cannot be written.

        An entity is what :func:`relgraph.labels.resolve` looks for: an IRI with a class, none of them a class
        of schema (:data:`relgraph.labels.META_CLASSES`), outside relgraph's own ontology."""
        if self._labels is not None:
            return self._labels
        import sqlite3

        path = self._label_table_path()
        if path.is_file():
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                  check_same_thread=False)
            try:
                con.execute("PRAGMA mmap_size = 1073741824")  # look-ups read pages in place, not by read() each
                con.execute("SELECT count(*) FROM label WHERE s = ''").fetchone()
                self._labels = con
                return con
            except sqlite3.Error:  # a damaged file: made again
                con.close()
        from .statements import BNODE_KIND, IRI_KIND

        self.announce("making the table of names")
        entities = self._entities()
        con = sqlite3.connect(":memory:", check_same_thread=False)
        con.execute("CREATE TABLE label (s TEXT NOT NULL, rank INTEGER NOT NULL, text TEXT NOT NULL, lang TEXT, "
                    "folded TEXT NOT NULL, entity INTEGER NOT NULL)")
        for rank, p in enumerate(NAME_PROPERTIES):
            con.executemany("INSERT INTO label VALUES (?, ?, ?, ?, ?, ?)",
                            ((s, rank, value, kind[1:] if kind[:1] == "@" else None, value.lower(), s in entities)
                             for s, _, value, kind, _ in self.statements(p) if kind not in (IRI_KIND, BNODE_KIND)))
        con.execute("CREATE INDEX label_s ON label (s)")
        con.execute("CREATE INDEX label_folded ON label (folded)")
        con.commit()
        from ..fileio import write_bytes

        with contextlib.suppress(RelgraphError):  # a read-only store: kept in memory for this process
            write_bytes(path, con.serialize())
        self._labels = con
        return con

    def _entities(self) -> set[str]:
        """The IRIs that are entities (see :meth:`label_table`), from the statements of ``rdf:type``."""
        from ..namespaces import RDF, RG
        from .statements import IRI_KIND

        typed: set[str] = set()
        schema: set[str] = set()
        for s, _, cls, kind, _ in self.statements(RDF.type):
            if type(s) is str:
                typed.add(s)
                if kind == IRI_KIND and cls in META_CLASSES:
                    schema.add(s)
        return {s for s in typed - schema if not s.startswith(RG.NS)}

    def close(self) -> None:
        """Let go of the generation (a later sync may then remove it once it is no longer current)."""
        self._store, self._copy = None, None
        if self._labels is not None:
            self._labels.close()
            self._labels = None
        if self._lock >= 0:
            os.close(self._lock)
            self._lock = -1

    def __del__(self) -> None:
        if getattr(self, "_lock", -1) >= 0:
            os.close(self._lock)


def open_disk(folder: Path, files: list[Path], root: Path | None, *, progress: Progress | None = None) -> DiskStore:
    """The store in ``folder``, in step with ``files`` (the data files under ``root``), open read-only;
    built or synced first when it needs to be."""
    import pyoxigraph as ox

    layout = Layout(folder)
    for attempt in range(100):
        current = mf.read(layout.current)
        if current is None or not current.generation or not in_step(current.files, files, root):
            current = _in_step(layout, files, root, current, progress)
        name = current.generation or ""
        lock = shared_lock(layout.generation_lock(name))
        if lock is None or not layout.generation(name).is_dir():
            if lock is not None:
                os.close(lock)
            pause(attempt)  # replaced since we read current.json: look again
            continue
        try:
            return DiskStore(ox.Store.read_only(str(layout.generation(name))), current, folder, lock, files, root,
                             progress)
        except OSError as e:
            os.close(lock)
            raise StoreError(f"{folder}: cannot open the store ({e}); run 'relgraph store rebuild'") from None
    raise StoreError(f"{folder}: the store keeps being replaced by other processes; try again")


def _in_step(layout: Layout, files: list[Path], root: Path | None, current: mf.Manifest | None,
             progress: Progress | None) -> mf.Manifest:
    """The manifest of a generation in step with ``files``: synced now, or the current one when only the files'
    times moved and the store cannot be written."""
    from .sync import sync

    try:
        return sync(layout.folder, files, root, progress=progress)[0]
    except StoreError as e:
        if current is None or not current.generation or not layout.generation(current.generation).is_dir():
            raise StoreError(f"{layout.folder}: the store is not built and cannot be written: {_reason(e)}") from None
        plan = compare(current.files, files, root)
        if plan.in_step:
            return current
        what = "; ".join(f"{k}: {', '.join(v)}" for k, v in
                         (("changed", plan.changed), ("new", plan.new), ("removed", plan.removed)) if v)
        raise StoreError(f"{layout.folder}: the store is out of step with the data ({what}) and cannot be "
                         f"written: {_reason(e)}") from None


def _reason(e: StoreError) -> str:
    """What the system said, without the path and what was being done (the message says both)."""
    return str(e).rsplit(": ", 1)[-1]


def rebuild(folder: Path, files: list[Path], root: Path | None, *, progress: Progress | None = None) -> SyncReport:
    """Build the store in ``folder`` again from every file; readers keep the generation they have open."""
    from .sync import sync

    return sync(folder, files, root, rebuild=True, progress=progress)[1]
