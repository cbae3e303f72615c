"""The dataset a person works with: :func:`open` a folder of data, then ask it questions and draw it.

:class:`Dataset` is the public face of relgraph: the core :class:`~relgraph.core.Graph` (queries, labels, names)
with every feature on top (counts, validation, networks, paths, rankings, exports, views), each a thin call into
the module that owns it. The command line is a thin layer over this class.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .core import Graph
from .sparql import QueryCatalogue
from .store import data_files, open_store, store_folder

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import pandas

    from .network.paths import Chain
    from .stats import Stats
    from .store.disk import Status as StoreStatus
    from .store.sync import SyncReport
    from .validate import Report
    from .view import View


class Dataset(Graph):
    """A relgraph dataset, loaded and ready for questions.

    Examples
    --------
    >>> import relgraph
    >>> g = relgraph.open("data")                                        # doctest: +SKIP
    >>> g.query("mission-participants").to_dataframe()                   # doctest: +SKIP
    >>> g.query("entity", entity="DOFTEC", lang="nl")                    # doctest: +SKIP
    >>> g.query("SELECT ?l WHERE { ?e rdfs:label ?l }", e=relgraph.IRI("https://..."))  # doctest: +SKIP
    """

    def __repr__(self) -> str:
        return f"<Dataset {self.data_path} · {len(self.store)} triples · {len(self.catalogue)} named queries>"

    # ------------------------------------------------------------------ whole-graph facts

    def stats(self) -> Stats:
        """Counts of triples, entities by class and by kind, relations, sources and quotes.

        From a store on disk, they are counted once per state of the data and read back after that."""
        from .stats import Stats, stats

        remembered = getattr(self.store, "remembered", None)
        if remembered is None:
            return stats(self)
        import dataclasses

        saved = remembered("stats", lambda: dataclasses.asdict(stats(self)))
        return Stats(**{**saved, "files": tuple(str(f) for f in self.files),
                        "by_class": tuple(map(tuple, saved["by_class"])),
                        "by_kind": tuple(map(tuple, saved["by_kind"]))})

    def validate(self, shapes: str | Path | None = None) -> Report:
        """Check the data against its SHACL shapes (``shapes.ttl`` beside the data, or ``shapes``)."""
        from .validate import validate

        return validate(self, shapes)

    # view

    def view(self, path: str | os.PathLike[str] | None = None, *, lang: str = "en", focus: str | None = None,
             depth: int = 1, preset: str | None = None, query: str | None = None,
             as_of: str | dt.date | None = None,
             title: str | None = None, **params: object) -> View:
        """Draw the graph as one self-contained, offline HTML page; see :func:`relgraph.view.view`.

        Examples
        --------
        >>> g = relgraph.open("data")                                          # doctest: +SKIP
        >>> g.view("views/doftec.html", focus="DOFTEC", depth=2, lang="zh")    # doctest: +SKIP
        """
        from .view import view

        return view(self, path, lang=lang, focus=focus, depth=depth, preset=preset, query=query, as_of=as_of,
                    title=title, **params)

    # network analysis

    def network(self, *, lang: str = "en", as_of: str | dt.date | None = None,
                bipartite: bool = False) -> nx.MultiDiGraph:
        """The graph as a networkx ``MultiDiGraph``: entities as nodes, relations as edges.

        ``as_of`` a day (``"2015-01-01"``, ``"2015"``) keeps the relations that held then, and those with no known
        date marked ``held="undated"``; ``bipartite=True`` makes each relation a node of its own. See
        :func:`relgraph.network.project` and :func:`relgraph.network.relations_as_nodes`.

        Examples
        --------
        >>> g.network(as_of="2015-01-01", lang="en").number_of_nodes()               # doctest: +SKIP
        """
        from .network import network

        return network(self, lang=lang, as_of=as_of, bipartite=bipartite)

    def path(self, source: str, target: str, *, max_paths: int = 5, lang: str = "en",
             as_of: str | dt.date | None = None) -> list[Chain]:
        """The shortest chains of relations between two entities, each a list of steps (source, label, target,
        direction, quote, ...). See :func:`relgraph.network.paths`.

        Examples
        --------
        >>> [str(step) for step in g.path("FoodValley", "DOFTEC")[0]]                   # doctest: +SKIP
        """
        from .network import paths

        return paths(self, source, target, max_paths=max_paths, lang=lang, as_of=as_of)

    def neighbours(self, entity: str, *, depth: int = 1, lang: str = "en",
                   as_of: str | dt.date | None = None) -> pandas.DataFrame:
        """What surrounds an entity, up to ``depth`` relations away, as a DataFrame (needs pandas).
        See :func:`relgraph.network.neighbour_rows`.

        Examples
        --------
        >>> g.neighbours("DOFTEC", depth=2)                                              # doctest: +SKIP
        """
        from .network import neighbours

        return neighbours(self, entity, depth=depth, lang=lang, as_of=as_of)

    def rank(self, *, by: str = "degree", kind: str | None = None, top: int | None = None, lang: str = "en",
             as_of: str | dt.date | None = None) -> pandas.DataFrame:
        """Entities by centrality (``"degree"``, ``"betweenness"``, ``"pagerank"``) as a DataFrame (needs pandas).
        See :func:`relgraph.network.rank_rows`.

        Examples
        --------
        >>> g.rank(by="betweenness", top=5)                                              # doctest: +SKIP
        """
        from .network import rank

        return rank(self, by=by, kind=kind, top=top, lang=lang, as_of=as_of)

    def export(self, format: str, path: str | os.PathLike[str] | None = None, *, lang: str = "en",
               as_of: str | dt.date | None = None) -> str | list[Path]:
        """Export as ``"graphml"``, ``"gexf"``, ``"jsonld"`` or ``"csv"``: the text, or the files written to
        ``path`` (atomically). See :func:`relgraph.export.export`.

        Examples
        --------
        >>> g.export("gexf", "relationship.gexf")                                        # doctest: +SKIP
        """
        from .export import export

        return export(self, format, path, lang=lang, as_of=as_of)


def open(data: str | os.PathLike[str] | None = None, *, queries: str | os.PathLike[str] | None = None,
         engine: str = "oxigraph", store: str | os.PathLike[str] | bool | None = None,
         progress: Callable[[str, int, int], None] | None = None) -> Dataset:
    """Load a relgraph dataset: a folder of Turtle/TriG files or a single file.

    ``data`` defaults to ``$RELGRAPH_DATA`` or ``./data``; ``queries`` to ``$RELGRAPH_QUERIES``, else a
    ``queries/`` folder beside the data folder, else ``./queries``. ``engine`` is ``"oxigraph"`` (default) or
    ``"rdflib"`` (the slow baseline, for comparison).

    ``store`` keeps the data in a persistent Oxigraph store on disk instead of parsing every file into memory:
    ``True`` for the dataset's default store folder (``$RELGRAPH_STORE``, else one in the user's cache), or a
    folder. It is built on first use and kept in step with the files (a changed file is reloaded alone); a build
    reports to ``progress(message, done, total)``. ``False`` loads in memory; the default, ``None``, uses
    ``$RELGRAPH_STORE`` when it is set and memory otherwise. See docs/scale.md.

    Examples
    --------
    >>> import relgraph
    >>> g = relgraph.open("data")                                        # doctest: +SKIP
    >>> g.stats().triples                                                # doctest: +SKIP
    """
    data_path = Path(data if data is not None else os.environ.get("RELGRAPH_DATA", "data"))
    files = data_files(data_path)
    if queries is not None:
        qpath: Path | None = Path(queries)
    elif os.environ.get("RELGRAPH_QUERIES"):
        qpath = Path(os.environ["RELGRAPH_QUERIES"])
    else:
        base = data_path if data_path.is_dir() else data_path.parent
        qpath = next((p for p in (base.parent / "queries", Path("queries")) if p.is_dir()), None)
    root = data_path if data_path.is_dir() else data_path.parent
    folder = store_folder(data_path, store) if engine == "oxigraph" or store not in (None, False) else None
    return Dataset(open_store(files, engine, root=root, folder=folder, progress=progress), files=files,
                   data_path=data_path, queries=QueryCatalogue(qpath))


def _store_of(data: str | os.PathLike[str] | None, store: str | os.PathLike[str] | bool) -> tuple[Path, list[Path],
                                                                                                  Path]:
    """The store folder, the data files and the data folder of a dataset, for the store commands."""
    from .errors import ParameterError

    data_path = Path(data if data is not None else os.environ.get("RELGRAPH_DATA", "data"))
    files = data_files(data_path)
    folder = store_folder(data_path, store)
    if folder is None:
        raise ParameterError("no store folder: give one, or store=True for the default")
    return folder, files, data_path if data_path.is_dir() else data_path.parent


def store_status(data: str | os.PathLike[str] | None = None, *,
                 store: str | os.PathLike[str] | bool = True) -> StoreStatus:
    """How a dataset's store on disk stands against its data files (each ``ok``, ``touched``, ``changed``,
    ``new`` or ``removed``), found without changing anything. ``data`` and ``store`` as for :func:`open`.

    Examples
    --------
    >>> relgraph.store_status("data").in_step                                          # doctest: +SKIP
    True
    """
    from .store.disk import status

    return status(*_store_of(data, store))


def rebuild_store(data: str | os.PathLike[str] | None = None, *, store: str | os.PathLike[str] | bool = True,
                  progress: Callable[[str, int, int], None] | None = None) -> SyncReport:
    """Build a dataset's store on disk again from every data file; what was done. Processes that have the
    store open keep reading the state they opened until they open it again.

    Examples
    --------
    >>> relgraph.rebuild_store("data").triples                                         # doctest: +SKIP
    3126
    """
    from .store.disk import rebuild

    folder, files, root = _store_of(data, store)
    return rebuild(folder, files, root, progress=progress)
