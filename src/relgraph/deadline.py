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


def stream(start: Callable[[], tuple[list[str], Iterator[T]]], timeout: float | None, *,
           buffer: int = 1000) -> tuple[list[str], Iterator[T]]:
    """The columns and the rows of ``start()``, which a helper thread calls and reads ahead into a bounded buffer
    (constant memory), stopped by :class:`QueryTimeoutError` once ``timeout`` seconds have passed since the start
    (None: no limit). The engine's answer is made and read in that one thread, as pyoxigraph requires."""
    import time

    box: queue.Queue[Any] = queue.Queue(maxsize=buffer)
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                box.put(item, timeout=TICK)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            columns, items = start()
            if put(("columns", columns)):
                for item in items:
                    if not put(item):
                        return
                put(_END)
        except BaseException as e:  # noqa: BLE001 - handed over to the reading thread
            put(e)

    threading.Thread(target=produce, name="relgraph-stream", daemon=True).start()
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
            while (item := take()) is not _END:
                yield item
        finally:
            stop.set()

    return columns, rows()
