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

from . import seed
from .core import Graph
from .sparql import QueryCatalogue
from .store import Store, data_files, open_store, store_folder

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import pandas

    from .mentions import Mention
    from .network.paths import Chain
    from .sheets import ImportPlan
    from .stats import Stats
    from .store.status import Status as StoreStatus
    from .store.sync import SyncReport
    from .timeline.frame import Timeline
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

    #: What was left out of the data folder and why, one line each (a dangling link, a folder named x.ttl, ...).
    skipped: tuple[str, ...] = ()

    def __repr__(self) -> str:
        where = getattr(self.store, "url", None) or self.data_path
        return f"<Dataset {where} · {len(self.store)} triples · {len(self.catalogue)} named queries>"

    # ------------------------------------------------------------------ whole-graph facts

    def stats(self) -> Stats:
        """Counts of triples, entities by class and by kind, relations, sources and quotes.

        From a store on disk, they are counted once per state of the data and read back after that."""
        from .stats import Stats, stats

        remembered = getattr(self.store, "remembered", None)
        if remembered is None:
            return stats(self)
        import dataclasses

        saved = remembered("stats", lambda: dataclasses.asdict(stats(self)), "counting")
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
             title: str | None = None, force: bool = False, **params: object) -> View:
        """Draw the graph as one self-contained, offline HTML page; see :func:`relgraph.view.view`.

        Examples
        --------
        >>> g = relgraph.open("data")                                          # doctest: +SKIP
        >>> g.view("views/doftec.html", focus="DOFTEC", depth=2, lang="zh")    # doctest: +SKIP
        """
        from .view import view

        return view(self, path, lang=lang, focus=focus, depth=depth, preset=preset, query=query, as_of=as_of,
                    title=title, force=force, **params)

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

    def timeline(self, *, lang: str = "en", as_of: str | dt.date | None = None,
                 derived: bool = False) -> Timeline:
        """Every dated relation and event, one row each, as a DataFrame whose ``.plot()`` draws a lane chart
        (needs pandas; the chart matplotlib). See :func:`relgraph.timeline.timeline`.

        Examples
        --------
        >>> tl = g.timeline()                                                            # doctest: +SKIP
        >>> tl.plot("timeline.svg")                                                      # doctest: +SKIP
        """
        from .timeline import timeline

        return timeline(self, lang=lang, as_of=as_of, derived=derived)

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

    # adding what new documents say

    def mentions(self, text: str, *, lang: str = "en", near: bool = True) -> list[Mention]:
        """The known entities ``text`` names, each with its sentence, near matches marked, and names that look
        like new organisations or places. See :func:`relgraph.mentions.mentions`.

        Examples
        --------
        >>> [m.label for m in g.mentions("DOFTEC bezocht Leiden.")]                       # doctest: +SKIP
        """
        from .mentions import mentions

        return mentions(self, text, lang=lang, near=near)

    def import_sheet(self, sheet: str | os.PathLike[str], *, data_dir: str | os.PathLike[str] | None = None,
                     dry_run: bool = False) -> ImportPlan:
        """Import a sheet (CSV folder or .xlsx) into the data folder, one validated Turtle file per source; see
        :func:`relgraph.sheets.import_sheet`.

        Examples
        --------
        >>> print("\\n".join(g.import_sheet("draft/", dry_run=True).lines()))              # doctest: +SKIP
        """
        from .sheets import import_sheet

        return import_sheet(self, sheet, data_dir=data_dir, dry_run=dry_run)


def open(data: str | os.PathLike[str] | None = None, *, queries: str | os.PathLike[str] | None = None,
         engine: str = "oxigraph", endpoint: str | None = None, user: str | None = None,
         password: str | None = None, timeout: float | None = None,
         store: str | os.PathLike[str] | bool | None = None,
         progress: Callable[[str, int, int], None] | None = None) -> Dataset:
    """Load a relgraph dataset: a folder of Turtle/TriG files or a single file; or read one at a SPARQL endpoint.

    ``data`` defaults to ``$RELGRAPH_DATA``, else ``./data`` when there is one, else the seed dataset that ships
    with relgraph; ``queries`` to ``$RELGRAPH_QUERIES``, else a ``queries/`` folder beside (or in) the data
    folder, else ``./queries``, else the named queries that ship with relgraph. ``engine`` is ``"oxigraph"``
    (default) or ``"rdflib"`` (the slow baseline, for comparison). ``timeout`` is the most seconds one query may
    take (None: no limit); a query that takes longer raises :class:`~relgraph.errors.QueryTimeoutError`.

    ``endpoint`` (default: ``$RELGRAPH_ENDPOINT`` when ``data`` is not given) is the query URL of a SPARQL 1.1
    Protocol endpoint to ask instead of loading the files (see :mod:`relgraph.store.endpoint`): nothing is loaded,
    the data folder only says where the named queries and the shapes are. ``user`` and ``password`` (default:
    ``$RELGRAPH_ENDPOINT_USER``, ``$RELGRAPH_ENDPOINT_PASSWORD``) are offered when the endpoint asks for them;
    each request to it waits at most ``timeout`` seconds (default 60) as well. Nothing reaches the network unless
    an endpoint is given.

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
    >>> relgraph.open(endpoint="http://localhost:7878/query").query("agreements")   # doctest: +SKIP
    """
    if endpoint is None and data is None:
        endpoint = os.environ.get("RELGRAPH_ENDPOINT") or None
    data_path = _data_path(data)
    qpath, shipped = _queries_path(queries, data_path)
    if endpoint is not None:
        return Dataset(_endpoint_store(endpoint, user, password, timeout),
                       data_path=data_path if data_path.exists() else None,
                       queries=QueryCatalogue(qpath, shipped=shipped), timeout=timeout)
    skipped: list[str] = []
    files = data_files(data_path, skipped)
    root = data_path if data_path.is_dir() else data_path.parent
    folder = store_folder(data_path, store) if engine == "oxigraph" or store not in (None, False) else None
    dataset = Dataset(open_store(files, engine, root=root, folder=folder, progress=progress), files=files,
                      data_path=data_path, queries=QueryCatalogue(qpath, shipped=shipped), timeout=timeout)
    dataset.skipped = tuple(skipped)
    return dataset


def _data_path(data: str | os.PathLike[str] | None) -> Path:
    """The data asked for; else ``$RELGRAPH_DATA``; else ``./data`` when there is one; else the seed dataset."""
    if data is not None:
        return Path(data)
    if os.environ.get("RELGRAPH_DATA"):
        return Path(os.environ["RELGRAPH_DATA"])
    if Path("data").exists():
        return Path("data")
    return seed.folder("data")


def _queries_path(queries: str | os.PathLike[str] | None, data_path: Path) -> tuple[Path, bool]:
    """The folder of named queries, and whether it is the one relgraph ships (not the dataset's own): the one
    asked for; ``$RELGRAPH_QUERIES``; ``queries/`` beside the data folder; ``./queries``; else the shipped one."""
    if queries is not None:
        return Path(queries), False
    if os.environ.get("RELGRAPH_QUERIES"):
        return Path(os.environ["RELGRAPH_QUERIES"]), False
    base = data_path if data_path.is_dir() else data_path.parent
    found = next((p for p in (base.parent / "queries", base / "queries", Path("queries")) if p.is_dir()), None)
    if found is not None:
        return found, False
    shipped = seed.folder("queries")
    return shipped, base.resolve() != seed.folder("data").resolve()


def _endpoint_store(url: str, user: str | None, password: str | None, timeout: float | None) -> Store:
    """The store that asks ``url``, with the credentials given or named in the environment."""
    from .store.endpoint import EndpointStore
    from .store.http import DEFAULT_TIMEOUT

    user = user if user is not None else os.environ.get("RELGRAPH_ENDPOINT_USER") or None
    if password is None and user is not None:
        password = os.environ.get("RELGRAPH_ENDPOINT_PASSWORD")
    return EndpointStore(url, user=user, password=password, timeout=timeout or DEFAULT_TIMEOUT)


def _store_of(data: str | os.PathLike[str] | None, store: str | os.PathLike[str] | bool) -> tuple[Path, list[Path],
                                                                                                  Path]:
    """The store folder, the data files and the data folder of a dataset, for the store commands."""
    from .errors import ParameterError

    data_path = _data_path(data)
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
    from .store.status import status

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
