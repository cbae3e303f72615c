"""Questions that cannot run away: work done in a helper thread while the caller's thread keeps listening.

The engine (Oxigraph) releases Python's lock while it evaluates, so the calling thread stays responsive: it can
stop waiting when a time limit passes (:func:`call` raises :class:`~relgraph.errors.QueryTimeoutError`) or when
Ctrl-C is pressed (``KeyboardInterrupt`` reaches it at once). The abandoned work goes on in its daemon thread
until the engine finishes it; the command line ends the process at that point, so nothing lingers there.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from .errors import QueryTimeoutError

T = TypeVar("T")

#: How often the waiting thread looks up (seconds): the longest Ctrl-C can go unnoticed.
TICK = 0.1


def call(work: Callable[[], T], timeout: float | None) -> T:
    """``work()``, or :class:`QueryTimeoutError` when it takes longer than ``timeout`` seconds (None: no limit).

    >>> call(lambda: 42, 1.0)
    42
    """
    if timeout is None:
        return work()
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as e:  # noqa: BLE001 - handed over to the waiting thread as is
            box["error"] = e

    worker = threading.Thread(target=run, name="relgraph-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryTimeoutError(timeout)
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


_END = object()


#: Rows handed from the reading thread to the caller at a time, at most; a part of a chunk is handed over once
#: it has waited :data:`CHUNK_WAIT` seconds (checked as each row comes), so slow rows are not held back long.
CHUNK = 256
CHUNK_WAIT = 0.05


def stream(start: Callable[[], tuple[list[str], Iterator[T]]], timeout: float | None, *,
           buffer: int = 1000) -> tuple[list[str], Iterator[T]]:
    """The columns and the rows of ``start()``, which a helper thread calls and reads ahead into a bounded buffer
    of about ``buffer`` rows (constant memory), stopped by :class:`QueryTimeoutError` once ``timeout`` seconds
    have passed since the start (None: no limit). The engine's answer is made and read in that one thread, as
    pyoxigraph requires.

    Rows cross between the threads in chunks (:data:`CHUNK`): one row at a time, each hand-over waited for
    Python's lock to pass between the threads (up to its 5 ms switch interval), a tenth of a second for the
    340 rows of a small answer.

    >>> columns, rows = stream(lambda: (["n"], iter(range(600))), 1.0)
    >>> columns, sum(1 for _ in rows)
    (['n'], 600)
    """
    import time

    box: queue.Queue[Any] = queue.Queue(maxsize=max(1, buffer // CHUNK))
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                box.put(item, timeout=TICK)
                return True
            except queue.Full:
                continue
        return False

    threading.Thread(target=_produce, args=(start, put), name="relgraph-stream", daemon=True).start()
    deadline = None if timeout is None else time.monotonic() + timeout

    def take() -> Any:
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                stop.set()
                raise QueryTimeoutError(timeout)
            try:
                item = box.get(timeout=TICK if left is None else min(TICK, left))
            except queue.Empty:
                continue
            if isinstance(item, BaseException):
                stop.set()
                raise item
            return item

    first = take()
    columns = first[1]

    def rows() -> Iterator[T]:
        try:
            while (chunk := take()) is not _END:
                yield from chunk
        finally:
            stop.set()

    return columns, rows()


def _produce(start: Callable[[], tuple[list[str], Iterator[Any]]], put: Callable[[Any], bool]) -> None:
    """Call ``start()`` and hand its columns, then its rows in chunks, then the end (or the error it raised) to
    ``put``; stop as soon as ``put`` says the reader has gone."""
    import time

    try:
        columns, items = start()
        if not put(("columns", columns)):
            return
        chunk: list[Any] = []
        since = 0.0
        for item in items:
            if not chunk:
                since = time.monotonic()
            chunk.append(item)
            if len(chunk) >= CHUNK or time.monotonic() - since >= CHUNK_WAIT:
                if not put(chunk):
                    return
                chunk = []
        if chunk and not put(chunk):
            return
        put(_END)
    except BaseException as e:  # noqa: BLE001 - handed over to the reading thread
        put(e)
