"""Projections kept beside the store they were made from, so that the next command reads them back.

A store on disk publishes generations that never change once written (:mod:`relgraph.store.disk`); a new
generation is published exactly when a data file's content changes. A projection made from one generation is
saved in that generation's memo folder (``generations/NNNNNN.memo/`` in the store folder, never in the data
folder) under a name that says what was made (``network-en-all``, ``structure-nl``, ``network-en-2015-01-01``)
and which relgraph code made it; a command on the same generation with the same code reads it back. Data that
change are a new generation, whose memo folder starts empty; the old generation's folder goes with it.

The file is a pickle of the networkx graph, written atomically (:func:`relgraph.fileio.write_bytes`); a
store that cannot be written, or one in memory, computes the projection each time. A file that cannot be read
back is made again. The store folder is the user's own cache: like any pickle, a file there is trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..cycles import without_cycle_collection
from ..errors import RelgraphError

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from ..core import Graph

#: Raised by a pickle that cannot be read back (a file cut short, another Python, a class since renamed).
_UNREADABLE = (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError,
               pickle.UnpicklingError)


def cached(g: Graph, name: str, compute: Callable[[], nx.MultiDiGraph], what: str = "projecting the network",
           ) -> nx.MultiDiGraph:
    """``compute()``, or what it gave before for the same generation of ``g``'s store and the same code;
    ``what`` is announced to the store's progress callback when it is computed."""
    memo = getattr(g.store, "memo_folder", None)
    folder = memo() if callable(memo) else None
    if folder is None:
        return compute()
    path = folder / f"{name}.{code_key()}.pickle"
    with without_cycle_collection():
        try:
            with path.open("rb") as f:
                return pickle.load(f)  # noqa: S301 - the store folder is the user's own cache (see above)
        except _UNREADABLE:
            pass
        announce = getattr(g.store, "announce", None)
        if announce is not None:
            announce(what)
        net = compute()
        _save(path, net)
        return net


def _save(path: Path, net: nx.MultiDiGraph) -> None:
    """Write ``net`` to ``path``, and remove what older code saved under the same name; nothing when the store
    cannot be written."""
    from ..fileio import write_bytes

    with contextlib.suppress(RelgraphError, OSError):
        write_bytes(path, pickle.dumps(net, protocol=pickle.HIGHEST_PROTOCOL))
        stem = path.name.split(".", 1)[0]
        for old in path.parent.glob(f"{stem}.*.pickle"):
            if old != path:
                old.unlink()


@lru_cache(maxsize=1)
def code_key() -> str:
    """A short hash of the relgraph code installed (every module's path, size and modification time), so that
    a projection saved by other code is not read back."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*.py")):
        st = p.stat()
        h.update(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:12]
