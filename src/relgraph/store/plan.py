"""What a sync has to do: which data files to (re)load and which to drop, decided by content hash; and how a
file is read only once it has been still for a moment.

:func:`in_step` is the readers' quick check (``stat`` only, no file is read). :func:`compare` is the writer's:
a file whose size, modification time or inode differs from the manifest is hashed, and counts as changed only
when its SHA-256 differs (a file touched but not changed is not reloaded).

A file that is being written in place (truncated, then written) must not be loaded half-written: before
reading, :func:`still` waits until the file has not changed for :data:`SETTLE` seconds, and a file that
changes while it is read is read again. Writing data files atomically (to a temporary file, renamed into
place) avoids even the wait.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError
from .manifest import Entry

#: Seconds a data file must have been still before it is read.
SETTLE = 0.25
#: Seconds to wait for a data file that keeps changing before giving up.
PATIENCE = 15.0


def relative(path: Path, root: Path | None) -> str:
    """The path of a data file within the data folder, as the manifest keys it (its name when outside)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix() if root is not None else path.name
    except ValueError:
        return path.name


@dataclass
class Plan:
    """What a sync does, by path within the data folder."""

    load: list[str] = field(default_factory=list)  # new or changed files, read again
    drop: list[str] = field(default_factory=list)  # changed or removed files, whose graphs go first
    restat: dict[str, os.stat_result] = field(default_factory=dict)  # same content, new modification time
    unchanged: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def in_step(self) -> bool:
        return not (self.load or self.drop)


def in_step(recorded: Mapping[str, Entry], files: list[Path], root: Path | None) -> bool:
    """True when every data file has the ``stat`` recorded and none was added or removed (no file is read)."""
    if len(files) != len(recorded):
        return False
    for f in files:
        entry = recorded.get(relative(f, root))
        try:
            if entry is None or not entry.same_stat(f.stat()):
                return False
        except OSError:
            return False
    return True


def compare(recorded: Mapping[str, Entry], files: list[Path], root: Path | None) -> Plan:
    """The plan that brings a store holding ``recorded`` in step with ``files``, by content hash."""
    plan = Plan()
    seen: set[str] = set()
    for f in files:
        rel = relative(f, root)
        seen.add(rel)
        entry = recorded.get(rel)
        if entry is None:
            plan.new.append(rel)
            plan.load.append(rel)
            continue
        st = _stat(f)
        if entry.same_stat(st):
            plan.unchanged.append(rel)
        elif file_hash(f) == entry.sha256:
            plan.unchanged.append(rel)
            plan.restat[rel] = st
        else:
            plan.changed.append(rel)
            plan.load.append(rel)
            plan.drop.append(rel)
    plan.removed = sorted(set(recorded) - seen)
    plan.drop += plan.removed
    return plan


def file_hash(path: Path) -> str:
    """The SHA-256 of a file's content."""
    import hashlib  # only when a file changed: kept off the start-up path of every command

    h = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError as e:
        raise DataError(f"cannot read: {e.strerror or e}", path=str(path)) from None
    return h.hexdigest()


def still(path: Path, *, on_wait: Callable[[str], None] | None = None) -> os.stat_result:
    """The ``stat`` of ``path`` once it has not changed for :data:`SETTLE` seconds (at once for a file not
    modified recently). Raises :class:`DataError` when it keeps changing for :data:`PATIENCE` seconds."""
    st = _stat(path)
    started = time.monotonic()
    told = False
    while time.time() - st.st_mtime < SETTLE:
        if time.monotonic() - started > PATIENCE:
            raise DataError(f"keeps changing (for {PATIENCE:.0f} s); try again when it is written",
                            path=str(path))
        if on_wait is not None and not told:
            on_wait(f"waiting for {path.name} to be written")
            told = True
        time.sleep(SETTLE)
        again = _stat(path)
        if _signature(again) == _signature(st):
            return again  # still for SETTLE seconds (also when its time lies in the future)
        st = again
    return st


def same_file(a: os.stat_result, b: os.stat_result) -> bool:
    """True when two ``stat`` results describe the same, unchanged file."""
    return _signature(a) == _signature(b)


def _signature(st: os.stat_result) -> tuple[int, int, int, int]:
    return st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns


def _stat(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except OSError as e:
        raise DataError(f"cannot read: {e.strerror or e}", path=str(path)) from None
