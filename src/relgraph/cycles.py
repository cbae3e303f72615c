"""Pausing Python's cycle collector while many objects are made: the one place relgraph does it.

The cycle collector runs whenever enough new container objects (tuples, dicts, lists, sets) have been made, and
each full run walks every object still alive. Reading 100,000 statements or a million names makes millions of
them, none in a cycle (reference counting frees them all), so the collector would walk them again and again for
nothing: a third of the time of the network projection at 1M triples and of an import of 10,000 relations. This
module owns :func:`without_cycle_collection`; the collector is left as it was found.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused within the block, and left as it was found after it (also on error).

    >>> import gc
    >>> with without_cycle_collection():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
