"""The locks that let many readers run beside one writer (POSIX ``flock``).

* The **writer lock** (``lock`` in the store folder) is held by the one process that changes the store: a sync,
  a rebuild, the removal of old generations. Another process that wants to write waits for it.
* A **generation lock** (``generations/NNNNNN.lock``) is held *shared* by every reader of that generation for as
  long as it has the generation open. The writer removes an old generation only when it can take its lock
  *exclusively*, that is when no reader has it open; it removes the lock file last, still holding it, so that a
  reader that opened the lock file a moment before sees it unlinked and looks again for the current generation.

Readers open lock files read-only, so a store folder they may not write can still be read.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreError


def _fcntl() -> Any:
    """The ``fcntl`` module, or :class:`StoreError` where there is none (Windows)."""
    try:
        import fcntl
    except ImportError:
        raise StoreError("the store on disk needs POSIX file locks (Linux, macOS); this system has none") from None
    return fcntl


def _flock(fd: int, how: int) -> bool:
    """Take a ``flock`` on ``fd``; False when it is held elsewhere and ``how`` asked not to wait."""
    fcntl = _fcntl()
    try:
        fcntl.flock(fd, how)
        return True
    except BlockingIOError:
        return False


@contextlib.contextmanager
def writer_lock(path: Path, *, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the writer lock of a store for the duration of the ``with`` block, waiting for another writer.

    ``on_wait`` is told (once) when another process holds it, with that process's id when it is known.
    Raises :class:`StoreError` when the lock file cannot be created (the store folder is not writable).
    """
    fcntl = _fcntl()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise StoreError(f"{path.parent}: cannot write the store: {e.strerror or e}") from None
    try:
        if not _flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB):
            if on_wait is not None:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                on_wait(f"waiting for another relgraph process{f' (pid {holder})' if holder else ''} "
                        "that is updating the store")
            _flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def shared_lock(path: Path) -> int | None:
    """Open ``path`` read-only and hold a shared lock on it; the descriptor, or None when the file does not exist
    or was removed while we waited (the generation it guards is gone)."""
    fcntl = _fcntl()
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise StoreError(f"{path}: cannot open the store: {e.strerror or e}") from None
    _flock(fd, fcntl.LOCK_SH)
    if os.fstat(fd).st_nlink == 0:
        os.close(fd)
        return None
    return fd


def exclusive_now(path: Path) -> int | None:
    """Create (if need be) and lock ``path`` exclusively without waiting; the descriptor, or None when another
    process holds it."""
    fcntl = _fcntl()
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    if _flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB):
        return fd
    os.close(fd)
    return None


def pause(attempt: int) -> None:
    """A short, growing pause between attempts to find a generation that is being replaced."""
    time.sleep(min(0.005 * (attempt + 1), 0.05))
