"""The interactive network view: one self-contained HTML file, for a browser, a mail attachment or Jupyter.

This package owns the view end to end: :mod:`.presets` (the named views), :mod:`.build` (which part of the
network, as plain data), :mod:`.layout` (positions computed beforehand), :mod:`.page` (the HTML, with
vis-network, the app script and the data inline) and :class:`View` (the result: ``.html``, ``.save()``, and a light
view for Jupyter, see :mod:`.notebook`). :meth:`relgraph.RelGraph.view` and ``relgraph view`` both call :func:`view`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..arguments import as_of_day
from ..core import Graph
from ..errors import ExportError
from ..fileio import folder_target, write_text
from ..languages import check_lang, ui
from ..namespaces import compact
from ..store.files import graph_files
from .notebook import shown as notebook_output
from .presets import WHOLE, Preset, load

__all__ = ["MAX_NODES", "WARN_NODES", "Preset", "View", "ViewSizeWarning", "default_file_name", "presets", "view"]


def default_file_name(preset: str | None = None, focus: str | None = None, query: str | None = None) -> str:
    """The file name a view is saved under when only a folder is given: ``focus-<entity>.html``, ``<query>.html``
    or ``<preset>.html`` (default ``relationship.html``), lower case, other characters turned into ``-``.

    Examples
    --------
    >>> default_file_name(focus="DOFTEC"), default_file_name()
    ('focus-doftec.html', 'relationship.html')
    """
    name = f"focus-{focus}" if focus else (query or preset or "relationship")
    slug = re.sub(r"[^\w-]+", "-", name.lower(), flags=re.UNICODE).strip("-") or "view"
    return f"{slug}.html"


@dataclass(frozen=True)
class View:
    """A drawn network: the page (``html``), what it shows, and ways to keep or show it.

    Examples
    --------
    >>> v = relgraph.open("data").view(focus="DOFTEC", depth=2)        # doctest: +SKIP
    >>> v.save("views/doftec.html")                                     # doctest: +SKIP
    PosixPath('views/doftec.html')
    >>> v                                                 # doctest: +SKIP
    <View ...> (in Jupyter: the drawing itself)
    """

    html: str
    title: str
    nodes: int
    edges: int
    height: int = 720
    #: The file name :meth:`save` uses when given a folder.
    file_name: str = "view.html"
    #: The plain data the page draws (see :func:`relgraph.view.build.page_data`), for :meth:`to_pyvis`.
    data: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __repr__(self) -> str:
        return f"<View {self.title!r} · {self.nodes} entities · {self.edges} relations · {len(self.html):,} bytes>"

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path`` and return where it went.

        A folder (a path ending in ``/``, or an existing folder) gets the page as :attr:`file_name` inside it.
        The file is written by :mod:`relgraph.fileio`: atomically (a temporary file, then a rename), through a
        symbolic link, keeping an existing file's permissions, creating missing folders; a device, a pipe or an
        empty path is refused with :class:`~relgraph.errors.ExportError`.

        Examples
        --------
        >>> relgraph.open("data").view().save("views/relationship.html")  # doctest: +SKIP
        PosixPath('views/relationship.html')
        >>> relgraph.open("data").view(focus="DOFTEC").save("views/")     # doctest: +SKIP
        PosixPath('views/focus-doftec.html')
        """
        return write_text(folder_target(path, self.file_name), self.html)

    def to_pyvis(self, *, notebook: bool = False, cdn_resources: str = "remote") -> Any:
        """The view as a ``pyvis.network.Network`` to restyle in a notebook; see :mod:`relgraph.view.pyvis`.

        To share a view, :meth:`save` relgraph's own page: it works offline, where a stock pyvis page loads
        its scripts from a CDN.

        Examples
        --------
        >>> net = relgraph.open("data").view(focus="DOFTEC").to_pyvis()    # doctest: +SKIP
        >>> net.write_html("doftec-pyvis.html")                             # doctest: +SKIP
        """
        from .pyvis import to_pyvis

        return to_pyvis(self.data, height=self.height, notebook=notebook, cdn_resources=cdn_resources)

    def _repr_html_(self) -> str:
        """A light view for Jupyter: the data and a sandboxed frame that draws them with the script the notebook
        holds once (see :mod:`relgraph.view.notebook`); a view made without its data shows its whole page."""
        if self.data:
            return notebook_output(self.data, title=self.title, height=self.height)
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="allow-scripts" '
                f'title="{html.escape(self.title, quote=True)}" '
                f'style="width:100%;height:{self.height}px;border:1px solid #d9dee5;border-radius:4px"></iframe>')


#: Above this many entities a view still draws, but slowly, and most labels cannot be read: a warning says so.
WARN_NODES = 2_000
#: Above this many entities a browser struggles to open the page at all: relgraph refuses unless forced.
MAX_NODES = 20_000


def view(g: Graph, path: str | os.PathLike[str] | None = None, *, lang: str = "en", focus: str | None = None,
         depth: int = 1, preset: str | None = None, query: str | None = None,
         as_of: str | int | dt.date | None = None, title: str | None = None, force: bool = False,
         **params: object) -> View:
    """Draw the graph (or a preset, a query's result, or one entity's neighbourhood) as a self-contained page.

    Parameters
    ----------
    g
        The graph.
    path
        If given, the page is also written there (see :meth:`View.save`; a folder gets
        :func:`default_file_name`).
    lang
        Language of the labels: ``en``, ``nl`` or ``zh`` (a missing Chinese label falls back to English).
    focus, depth
        Keep only the entities within ``depth`` steps of ``focus`` (a label in any language, a prefixed name or
        an IRI); ``depth`` is a whole number from 0 to 10 (an int, or text such as ``"2"``).
    preset
        One of :func:`presets` (default: the first, the whole graph).
    query, params
        A named query to draw instead (CONSTRUCT, or SELECT with ``?source ?relation ?target``), and its
        parameters.
    as_of
        Keep only the relations that held on that day (``"YYYY[-MM[-DD]]"``, a year as an int, or a date);
        undated ones are kept, marked.
    title
        The page's title (default: the preset's or query's title).
    force
        Draw more than :data:`MAX_NODES` entities (else :class:`ExportError`; a warning above :data:`WARN_NODES`).

    Examples
    --------
    >>> g = relgraph.open("data")                                         # doctest: +SKIP
    >>> g.view("views/relationship.html", lang="nl")                      # doctest: +SKIP
    >>> g.view(focus="DOFTEC", depth=2)                                   # doctest: +SKIP
    """
    from .build import page_data, select
    from .page import render

    check_lang(lang)
    when = as_of_day(as_of)
    day = str(as_of) if isinstance(as_of, (str, int)) else (when.isoformat() if when else None)
    net, default_title, description, focus_iri = select(g, lang=lang, focus=focus, depth=depth, preset=preset,
                                                        query=query, as_of=when, params=params,
                                                        presets=presets(g))
    _check_size(net.number_of_nodes(), dated=when is not None, force=force)
    source_names, caption = _caption(g, net, lang, day)
    page_title = title or default_title
    data = page_data(net, lang=lang, title=page_title, description=description, caption=caption, as_of=day,
                     sources=source_names, focus=focus_iri, statuses=g.labels(_statuses(net), lang),
                     relations=_relation_labels(g, net, lang))
    result = View(html=render(data), title=page_title, nodes=net.number_of_nodes(), edges=net.number_of_edges(),
                  file_name=default_file_name(preset, focus, query), data=data)
    if result.nodes > WARN_NODES:
        warnings.warn(f"{result.nodes:,} entities: the view opens slowly and most labels cannot be read; a part "
                      "(focus and depth, or a preset) reads better", ViewSizeWarning, stacklevel=2)
    if path is not None:
        result.save(path)
    return result


def _statuses(net: Any) -> set[str]:
    """Every status the network's entities, relations and their sources' claims carry."""
    found = {d["status"] for _, d in net.nodes(data=True) if d.get("status")}
    for _, _, d in net.edges(data=True):
        found.update(c["status"] for c in (d.get("claims") or ()) if c.get("status"))
        if d.get("status"):
            found.add(d["status"])
    return {str(s) for s in found}


def _relation_labels(g: Graph, net: Any, lang: str) -> dict[str, str]:
    """The own labels of the dated relations that are not entities of the view (as the timeline names them)."""
    found = {str(d["relation"]) for _, _, d in net.edges(data=True)
             if d.get("relation") and (d.get("start") or d.get("end")) and d["relation"] not in net}
    names = g.labels(found, lang) if found else {}
    return {k: v for k, v in names.items() if v and v != compact(k)}


def _check_size(nodes: int, *, dated: bool, force: bool) -> None:
    """Refuse to draw nothing, or more than a browser can (unless forced)."""
    if nodes == 0:
        raise ExportError("nothing to draw: the data hold no entity (a resource with a type and a label)"
                          + (" that held on that day" if dated else ""))
    if nodes > MAX_NODES and not force:
        raise ExportError(f"{nodes:,} entities are more than a browser can draw (the limit is {MAX_NODES:,}): "
                          "draw a part, with focus and depth or a preset, or force it")


class ViewSizeWarning(UserWarning):
    """Issued when a view has more than :data:`WARN_NODES` entities."""


def _caption(g: Graph, net: Any, lang: str, day: str | None) -> tuple[dict[str, str], str]:
    """The names of the source documents the view cites, and the caption under it (data, sources, date)."""
    sources = sorted({str(s) for _, _, s in net.edges(data="source") if s}
                     | {str(s) for _, s in net.nodes(data="source") if s}
                     | {str(c["source"]) for _, _, cs in net.edges(data="claims") for c in cs or () if c.get("source")})
    source_names = g.labels(sources, lang) if sources else {}
    words = ui(lang)
    files = ", ".join(Path(f).name for f in g.files or graph_files(g.store.graph_names()))
    parts = [f"{words['captionData']}: {files}" if files else ""]
    if source_names:
        named = sorted(source_names.values())
        parts.append(f"{words['captionSource']}: " + ("; ".join(named) if len(named) <= 3
                                                     else f"{len(named)} {words['captionDocuments']}"))
    if day:
        parts.append(f"{words['captionAsOf']} {day}")
    parts.append(words["captionGenerated"].format(date=dt.date.today().isoformat()))
    return source_names, " · ".join(p for p in parts if p)


def presets(g: Graph) -> dict[str, Preset]:
    """The named views of ``g``'s dataset by name (``presets.toml`` beside its named queries), the default first.

    A dataset without a presets file has one, the whole graph, titled as the data title themselves (a
    ``void:Dataset``, ``dcat:Dataset`` or ``schema:Dataset`` with a ``dct:title`` or label), else "The whole graph".

    Examples
    --------
    >>> from relgraph.store import open_store
    >>> list(presets(Graph(open_store([]))))
    ['relationship']
    """
    found = load(None if g.catalogue.shipped else g.catalogue.folder)
    if list(found) == [WHOLE.name] and found[WHOLE.name] is WHOLE:
        titles = _dataset_titles(g)
        if titles:
            found = {WHOLE.name: dataclasses.replace(WHOLE, titles=titles)}
    return found


def _dataset_titles(g: Graph) -> dict[str, str]:
    """The title the data give themselves, by language (empty when they give none)."""
    answer = g.query("""SELECT ?title WHERE {
        ?d a ?c . VALUES ?c { <http://rdfs.org/ns/void#Dataset> <http://www.w3.org/ns/dcat#Dataset> schema:Dataset }
        ?d dct:title|rdfs:label|schema:name ?title } ORDER BY ?title""", labels=False)
    titles: dict[str, str] = {}
    for (title,) in answer.terms:
        lang = getattr(title, "lang", None) or "en"
        titles.setdefault(lang.split("-")[0], str(title))
    return titles
