"""Where the triples live and who answers SPARQL over them.

:class:`Store` is the small interface the rest of relgraph talks to: load files, answer a query with bound
terms, list named graphs, count triples. :class:`~.oxigraph.OxigraphStore` (embedded Oxigraph, the default) is
what relgraph ships; :class:`~.baseline.RdflibStore` (rdflib's own pure-Python engine) is the baseline the
benchmarks compare with. Which files are data and how they parse is :mod:`.files`; reading every statement of a
property as plain values, without SPARQL where the store can, is :mod:`.statements`.

With a store folder, the Oxigraph engine keeps its data on disk (:mod:`.disk`): built on first use, each data
file in its own named graph, a changed file reloaded alone, opened read-only by every command. Without one, the
files are parsed into memory each time.

Loading never reaches the network: Turtle, TriG, N-Triples and N-Quads only, parsed locally.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import DataError
from .files import FORMATS, data_files, graph_name
from .folder import store_folder
from .interface import BatchLookups, NameIndex, RawResult, Store

__all__ = ["ENGINES", "BatchLookups", "FORMATS", "NameIndex", "RawResult", "Store", "data_files", "open_store",
           "store_folder"]


#: The engines :func:`open_store` knows, by name.
ENGINES = ("oxigraph", "rdflib")


def open_store(files: Iterable[Path], engine: str = "oxigraph", *, root: Path | None = None,
               folder: Path | None = None, progress: Callable[[str, int, int], None] | None = None) -> Store:
    """Make a store of the given engine and load each of ``files`` into its own named graph
    (:func:`~relgraph.store.files.graph_name`, by its path within the dataset folder ``root``).

    With ``folder``, the store is the persistent one on disk in that folder (Oxigraph only), brought in step
    with ``files`` and opened read-only; ``progress(message, done, total)`` hears how a build goes."""
    store: Store
    if folder is not None:
        if engine != "oxigraph":
            raise DataError(f"a store on disk is Oxigraph's; the {engine} engine loads the files in memory")
        from .disk import open_disk

        return open_disk(folder, list(files), root, progress=progress)
    if engine == "oxigraph":
        from .oxigraph import OxigraphStore

        store = OxigraphStore()
    elif engine == "rdflib":
        from .baseline import RdflibStore

        store = RdflibStore()
    else:
        raise DataError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    for f in files:
        store.load(f, graph_name(f, root))
    return store
