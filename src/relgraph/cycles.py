"""Pausing Python's cycle collector while many objects are made: the one place relgraph does it.

The cycle collector runs whenever enough new container objects (tuples, dicts, lists, sets) have been made, and
each full run walks every object still alive. Reading 100,000 statements or a million names makes millions of
them, none in a cycle (reference counting frees them all), so the collector would walk them again and again for
nothing: a third of the time of the network projection at 1M triples and of an import of 10,000 relations. This
module owns :func:`without_cycle_collection`; the collector is left as it was found.

What the block made and kept (a network of a million objects) is then moved into the collector's oldest
generation unwalked: re-enabled as is, the collector's next young-generation run would walk every one of them
once more (about a second at 1M triples), to find what reference counting already handles.
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
    ...     made = {"a": [1, 2]}
    ...     gc.isenabled()
    False
    >>> gc.isenabled(), any(o is made for o in gc.get_objects(generation=2))
    (True, True)
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:  # (objects someone else froze stay frozen)
                gc.freeze()  # every object the collector tracks, to the permanent generation...
                gc.unfreeze()  # ...and back, into the oldest generation: none of them is walked on the way
            gc.enable()
