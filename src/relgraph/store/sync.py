"""Bringing an on-disk store in step with its data files: the one writer.

:func:`sync` takes the store's writer lock, compares the data files with what the read-write ``master`` store
holds (:mod:`.plan`, by content hash), drops the named graphs of changed and removed files, loads new and
changed files each into its own named graph, and then *publishes*: it checkpoints ``master`` into a new
generation folder and replaces ``current.json`` (one atomic rename). Readers only ever open published
generations, read-only, so a reader sees the old state of a file or the new one, never half of one, and never a
store that another process is writing (which RocksDB does not allow).

A sync that is killed leaves ``current.json`` and the generation it names untouched, so the store stays usable;
``master.json`` then still lists the graphs that sync was changing, and the next sync rebuilds ``master`` from
the files. Removing quads costs Oxigraph about four times as much as loading them, so when the changed files
are most of the data, ``master`` is rebuilt from all the files instead of being changed in place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError, RelgraphError, StoreError
from . import manifest as mf
from .files import FORMATS, graph_name, parse_error, rdf_format
from .folder import Layout
from .locks import exclusive_now, writer_lock
from .plan import Plan, compare, relative, same_file, still

#: ``progress(message, done, total)``: what a sync is doing; ``total`` is 0 for a message alone.
Progress = Callable[[str, int, int], None]

#: Removing a quad costs Oxigraph about this many times as much as loading one (measured at 1M triples).
REMOVE_COST = 4
#: Files smaller than this are loaded in one transaction; larger ones with Oxigraph's bulk loader.
BULK = 8 << 20


@dataclass
class SyncReport:
    """What one sync did."""

    folder: Path
    generation: str
    loaded: list[str] = field(default_factory=list)  # files (re)loaded, by path within the data folder
    dropped: list[str] = field(default_factory=list)  # files whose graphs were dropped (changed or removed)
    unchanged: list[str] = field(default_factory=list)
    rebuilt: bool = False  # master was built again from every file
    triples: int = 0
    seconds: float = 0.0


def sync(folder: Path, files: list[Path], root: Path | None, *, rebuild: bool = False,
         progress: Progress | None = None) -> tuple[mf.Manifest, SyncReport]:
    """Bring the store in ``folder`` in step with ``files`` (the data files under ``root``); the manifest of
    the generation now published and what was done. ``rebuild=True`` builds it again from nothing."""
    try:
        return _sync(folder, files, root, rebuild=rebuild, progress=progress)
    except RelgraphError as e:
        # the frames it was raised through hold the read-write store, and RocksDB lets a process open it once:
        # without them, it is closed now, and a next try in this process (a notebook) can open it again
        e.__traceback__ = e.__context__ = e.__cause__ = None
        raise e from None


def _sync(folder: Path, files: list[Path], root: Path | None, *, rebuild: bool,
          progress: Progress | None) -> tuple[mf.Manifest, SyncReport]:
    started = time.perf_counter()
    layout = Layout(folder)
    tell = progress or (lambda message, done, total: None)
    with writer_lock(layout.lock, on_wait=lambda message: tell(message, 0, 0)):
        current = mf.read(layout.current)
        if current is not None and current.generation and not rebuild \
                and layout.generation(current.generation).is_dir():
            plan = compare(current.files, files, root)
            if plan.in_step:  # another process synced it while we waited, or only modification times moved
                if plan.restat:
                    _restat(current, plan)
                    mf.write(layout.current, current)
                cleanup(layout, current.generation)
                return current, SyncReport(folder, current.generation or "", unchanged=plan.unchanged,
                                           triples=current.triples, seconds=time.perf_counter() - started)
        master, state, report = _update_master(layout, files, root, rebuild=rebuild, tell=tell)
        published = _publish(layout, master, state, root)
        del master
        cleanup(layout, published.generation)
    report.generation, report.triples = published.generation or "", published.triples
    report.seconds = time.perf_counter() - started
    return published, report


def _update_master(layout: Layout, files: list[Path], root: Path | None, *, rebuild: bool,
                   tell: Progress) -> tuple[Any, mf.Manifest, SyncReport]:
    """Open ``master`` and bring it in step with ``files``: in place, or built again when that is cheaper."""
    state = None if rebuild else mf.read(layout.master_state)
    master = None if state is None or state.pending else _open(layout.master)
    by_rel = {relative(f, root): f for f in files}
    if master is not None and state is not None:
        plan = compare(state.files, files, root)
        plan = _with_shared_graphs(plan, state)
        dropped_bytes = sum(state.files[rel].size for rel in plan.drop)
        load_bytes = sum(by_rel[rel].stat().st_size for rel in plan.load)
        total_bytes = sum(f.stat().st_size for f in files)
        if REMOVE_COST * dropped_bytes + load_bytes <= total_bytes:
            report = SyncReport(layout.folder, "", dropped=plan.drop, unchanged=plan.unchanged)
            _restat(state, plan)
            _change(master, layout, state, plan, by_rel, root, report, tell)
            return master, state, report
    del master
    state, master = mf.Manifest(), _fresh(layout)
    report = SyncReport(layout.folder, "", rebuilt=True)
    _change(master, layout, state, Plan(load=sorted(by_rel)), by_rel, root, report, tell)
    return master, state, report


def _with_shared_graphs(plan: Plan, state: mf.Manifest) -> Plan:
    """``plan``, with the files that share a named graph with a dropped file dropped and loaded again too
    (only TriG and N-Quads files can write into a graph that is not their own)."""
    while True:
        gone = {g for rel in plan.drop for g in state.files[rel].graphs}
        more = [rel for rel, e in state.files.items() if rel not in plan.drop and gone & set(e.graphs)]
        if not more:
            return plan
        plan.drop += more
        plan.load += [rel for rel in more if rel not in plan.removed]
        plan.unchanged = [rel for rel in plan.unchanged if rel not in more]


def _change(master: Any, layout: Layout, state: mf.Manifest, plan: Plan, by_rel: dict[str, Path],
            root: Path | None, report: SyncReport, tell: Progress) -> None:
    """Drop the graphs of ``plan.drop``, load ``plan.load``; ``master.json`` lists the graphs being changed
    until it is done, so that a sync killed half-way is repaired by the next."""
    import pyoxigraph as ox

    gone = {g for rel in plan.drop for g in state.files[rel].graphs}
    touched = gone | {graph_name(by_rel[rel], root) for rel in plan.load}
    state.pending = tuple(sorted(touched))
    mf.write(layout.master_state, state)
    for g in sorted(gone):
        master.remove_graph(ox.NamedNode(g))
        state.counts.pop(g, None)
    for rel in plan.drop:
        state.files.pop(rel, None)
    total = sum(by_rel[rel].stat().st_size for rel in plan.load)
    done = 0
    for rel in sorted(plan.load):
        def step(n: int, rel: str = rel, done: int = done) -> None:
            tell(f"loading {rel}", done + n, total)

        tell(f"loading {rel}", done, total)
        graph, bulk = graph_name(by_rel[rel], root), by_rel[rel].stat().st_size >= BULK
        try:
            state.files[rel] = _load(master, by_rel[rel], graph, bulk, step, tell)
        except RelgraphError:
            if not bulk:  # nothing was written: master is in step, without this file
                _count_loaded(master, state, report)
                state.pending = ()
                mf.write(layout.master_state, state)
            raise  # a bulk load may have written part of the file: the next sync builds master again
        done += state.files[rel].size
        report.loaded.append(rel)
    if total:
        tell("loaded", total, total)
    _count_loaded(master, state, report)
    state.pending = ()
    mf.write(layout.master_state, state)


def _count_loaded(master: Any, state: mf.Manifest, report: SyncReport) -> None:
    """Count the quads of the graphs just loaded, and so the triples of each file loaded.

    Counting a graph reads all of it; when master was built from nothing, the largest graph is counted as what
    is left of the store's total (a cheaper count) once the others are counted."""
    graphs = {g for rel in report.loaded for g in state.files[rel].graphs}
    largest = None
    if report.rebuilt and report.loaded:
        largest = state.files[max(report.loaded, key=lambda rel: state.files[rel].size)].graph
    for g in sorted(graphs - {largest}):
        state.counts[g] = _count(master, g)
    if largest is not None:
        state.counts[largest] = 0
        state.counts[largest] = len(master) - sum(state.counts.values())
    for rel in report.loaded:
        e = state.files[rel]
        state.files[rel] = mf.Entry(**{**vars(e), "triples": sum(state.counts[g] for g in e.graphs)})


def load_file(store: Any, path: Path, graph: str) -> mf.Entry:
    """Read one data file into ``graph`` of the Oxigraph store ``store`` (in memory) as a sync reads it into the
    store on disk: the same base IRI and graphs, the file's content hashed on the way; its entry."""
    return _load(store, path, graph, False, lambda _: None, lambda *_: None)


def _load(master: Any, path: Path, graph: str, bulk: bool, step: Callable[[int], None],
          tell: Progress) -> mf.Entry:
    """Load one file into ``graph`` of ``master`` (quads of TriG and N-Quads keep their own graph); its entry.
    ``bulk`` uses Oxigraph's bulk loader (fast, not transactional) rather than one transaction.

    The file is read once it has been still (:func:`.plan.still`); if it changes while it is read, its graph
    is emptied and it is read again."""
    import pyoxigraph as ox

    target = ox.NamedNode(graph)
    loader = master.bulk_load if bulk else master.load
    for _ in range(3):
        before = still(path, on_wait=lambda message: tell(message, 0, 0))
        feed = _Feed(path, step)
        try:
            with feed:
                # relative IRIs resolve against the file's graph name (its path in the data folder), as in memory
                loader(input=feed, format=rdf_format(path), base_iri=graph, to_graph=target)
        except (SyntaxError, UnicodeDecodeError) as e:
            raise parse_error(e, path) from None
        except OSError as e:
            if feed.failed is not None:
                raise DataError(f"cannot read: {feed.failed}", path=str(path)) from None
            raise StoreError(f"{path}: cannot be stored: {e}") from None
        after = path.stat()
        if same_file(before, after) and feed.size == after.st_size:
            graphs = (graph, *sorted(_own_graphs(path, graph) - {graph}))
            return mf.Entry(graph, feed.sha256, after.st_size, after.st_mtime_ns, after.st_ino, 0, graphs)
        master.remove_graph(target)  # changed while it was read: read it again
    raise DataError("keeps changing while it is read; try again when it is written", path=str(path))


class _Feed(io.RawIOBase):
    """A data file as Oxigraph reads it: hashed and counted as it passes, its progress reported."""

    def __init__(self, path: Path, step: Callable[[int], None]) -> None:
        super().__init__()
        import hashlib

        self._file = path.open("rb")
        self._hash = hashlib.sha256()
        self._step, self._told = step, 0
        self.size = 0
        self.failed: Exception | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            n = self._file.readinto(buffer)
        except OSError as e:
            self.failed = e
            raise
        if n:
            self._hash.update(memoryview(buffer)[:n])
            self.size += n
            if self.size - self._told >= 1 << 20:
                self._told = self.size
                self._step(self.size)
        return n or 0

    def close(self) -> None:
        self._file.close()
        super().close()

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()


def _own_graphs(path: Path, base: str) -> set[str]:
    """The named graphs a TriG or N-Quads file names itself (none for triples-only formats), relative names
    resolved against ``base``."""
    if FORMATS[path.suffix.lower()] not in ("trig", "nquads"):
        return set()
    import pyoxigraph as ox

    found = {q.graph_name for q in ox.parse(path=str(path), format=rdf_format(path), base_iri=base)}
    return {g.value for g in found if isinstance(g, ox.NamedNode)}


def _count(master: Any, graph: str) -> int:
    """The number of quads in one named graph."""
    import pyoxigraph as ox

    name = str(ox.NamedNode(graph))  # a checked IRI, serialised as a term
    answer = master.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}")
    return int(next(iter(answer))[0].value)


def _restat(state: mf.Manifest, plan: Plan) -> None:
    for rel, st in plan.restat.items():
        state.files[rel] = state.files[rel].restat(st)


def _publish(layout: Layout, master: Any, state: mf.Manifest, root: Path | None) -> mf.Manifest:
    """Checkpoint ``master`` into a new generation and make it the current one (``current.json``)."""
    name = layout.next_generation()
    try:
        master.flush()
        layout.generations.mkdir(parents=True, exist_ok=True)
        master.backup(str(layout.generation(name)))
        layout.generation_lock(name).touch()
    except OSError as e:
        raise StoreError(f"{layout.folder}: cannot write the store: {e}") from None
    built = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    published = mf.Manifest(data=str(root.resolve()) if root else "", generation=name, files=dict(state.files),
                            counts=dict(state.counts), built=built)
    mf.write(layout.current, published)
    return published


def cleanup(layout: Layout, keep: str | None) -> list[str]:
    """Remove the generations other than ``keep`` that no reader holds, and the leftovers of killed syncs; the
    names removed. Call with the writer lock held."""
    import os

    names = set(layout.generation_names())
    if layout.generations.is_dir():
        names |= {p.stem for p in layout.generations.glob("*.lock") if p.stem.isdigit()}
    removed = []
    for name in sorted(names - {keep or ""}):
        fd = exclusive_now(layout.generation_lock(name))
        if fd is None:
            continue  # a reader has it open; a later sync removes it
        try:
            shutil.rmtree(layout.generation(name), ignore_errors=True)
            shutil.rmtree(layout.memo(name), ignore_errors=True)
            with contextlib.suppress(OSError):
                os.unlink(layout.generation_lock(name))
        finally:
            os.close(fd)
        removed.append(name)
    return removed


def _open(path: Path) -> Any:
    """The read-write store at ``path``; None when it cannot be opened (damaged: it is built again)."""
    import pyoxigraph as ox

    if not path.is_dir():
        return None
    try:
        return ox.Store(str(path))
    except OSError:
        return None


def _fresh(layout: Layout) -> Any:
    """An empty read-write ``master``, replacing what was there."""
    import pyoxigraph as ox

    with contextlib.suppress(FileNotFoundError):
        layout.master_state.unlink()
    shutil.rmtree(layout.master, ignore_errors=True)
    try:
        return ox.Store(str(layout.master))
    except OSError as e:
        raise StoreError(f"{layout.folder}: cannot write the store: {e}") from None
