"""Taking the graph to other tools: GraphML and GEXF (Gephi), JSON-LD (any RDF tool), CSV (spreadsheets).

This module owns the export formats and how files are written. The network formats (GraphML, GEXF, CSV) are
made from the projection of :mod:`relgraph.network`; JSON-LD carries the RDF data itself, every triple of the
store, with a compact ``@context`` built from :data:`relgraph.namespaces.PREFIXES` (no remote context).

* **GraphML** holds scalar attributes only: lists are joined with ``" | "``, the per-language labels become
  ``label_en``, ``label_nl``, ``label_zh``, missing values are left out.
* **GEXF** is written with ``mode="dynamic"`` and ``timeformat="date"``: each node and edge with a known date gets
  ``start``/``end`` (the first and last day the source's date can mean: ``1995`` starts on 1995-01-01), so that
  Gephi's timeline works; what has no known date is always present. The dates as the source gives them stay in
  ``start_given``/``end_given``.
* **CSV** is two files: nodes (``id, label, label_nl, label_zh, kind, start, end, wikidata``) and edges
  (``source, target, source_label, relation, target_label, status, start, end, quote`` and ``relation_iri``).
  Given ``-o out/`` (an existing folder, or a path ending in ``/``) they are ``out/nodes.csv`` and
  ``out/edges.csv``; given ``-o name`` or ``-o name.csv`` they are ``name-nodes.csv`` and ``name-edges.csv``.

GraphML and GEXF are XML 1.0, which cannot hold most control characters: in every string attribute each
character XML does not allow (such as ``\\u0001``) becomes U+FFFD, so the file is always well-formed.

Files are written by :mod:`relgraph.fileio`: atomically, through symbolic links, never over a device or a folder;
the two CSV files as one step (either both are replaced or neither).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .arguments import as_of_day
from .core import Graph
from .errors import ExportError, ParameterError
from .fileio import is_folder_path, write_text, write_texts
from .languages import check_lang
from .namespaces import PREFIXES
from .network.projection import project
from .timespan import span

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: Export formats: the network ones are made from the projection, ``jsonld`` from the RDF data.
FORMATS = ("graphml", "gexf", "jsonld", "csv")

NODE_COLUMNS = ["id", "label", "label_nl", "label_zh", "kind", "start", "end", "wikidata"]
EDGE_COLUMNS = ["source", "target", "source_label", "relation", "target_label", "status", "start", "end", "quote",
                "relation_iri"]

_WIKIDATA = PREFIXES["wd"]
_JOIN = " | "
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
#: Characters XML 1.0 does not allow (its ``Char`` production), lone surrogates included.
_NOT_XML = re.compile(r"[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def export(g: Graph, format: str, path: str | os.PathLike[str] | None = None, *, lang: str = "en",
           as_of: str | dt.date | None = None) -> str | list[Path]:
    """Export the graph in ``format``: ``"graphml"``, ``"gexf"``, ``"jsonld"`` or ``"csv"``.

    Without ``path`` the text is returned (not for ``csv``, which is two files). With ``path`` the file(s) are
    written atomically by :mod:`relgraph.fileio` (through a symbolic link, never over a device or a folder; the
    two CSV files together or not at all) and their paths returned. ``lang`` chooses the language of the
    ``label`` attributes and ``as_of`` keeps only what held on that day (network formats only: JSON-LD is the
    whole RDF data).

    Examples
    --------
    >>> g = relgraph.open("data")                                                      # doctest: +SKIP
    >>> export(g, "gexf", "relationship.gexf")                                          # doctest: +SKIP
    [PosixPath('relationship.gexf')]
    >>> export(g, "csv", "out/")                                                        # doctest: +SKIP
    [PosixPath('out/nodes.csv'), PosixPath('out/edges.csv')]
    """
    if format not in FORMATS:
        raise ParameterError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    check_lang(lang)
    day = as_of_day(as_of)
    if path is not None and os.fspath(path) in ("", b""):
        raise ExportError("empty output path: give a file name")
    if format == "jsonld":
        if as_of is not None:
            raise ParameterError("as_of applies to the network formats (graphml, gexf, csv), not to jsonld")
        if len(g.store) == 0:
            raise ExportError("nothing to export: the data hold no triple")
        text = to_jsonld(g)
        return text if path is None else [write_text(path, text)]
    if format == "csv" and path is None:
        raise ParameterError("csv export writes two files: give a path (a folder ending in '/', or a name)")
    net = project(g, lang=lang, as_of=day)
    if net.number_of_nodes() == 0:
        raise ExportError("nothing to export: the data hold no entity (a resource with a type and a label)"
                          + (" that held on that day" if day else ""))
    if format == "csv":
        assert path is not None
        nodes_path, edges_path = csv_paths(path)
        nodes_text, edges_text = to_csv(net)
        return write_texts([(nodes_path, nodes_text), (edges_path, edges_text)])
    text = to_graphml(net) if format == "graphml" else to_gexf(net)
    return text if path is None else [write_text(path, text)]


# ---------------------------------------------------------------------------------------------------- formats


def to_graphml(net: nx.MultiDiGraph) -> str:
    """The projection as GraphML, with scalar attributes only (lists joined with ``" | "``).

    Examples
    --------
    >>> import networkx as nx, io
    >>> text = to_graphml(relgraph.open("data").network())                              # doctest: +SKIP
    >>> nx.read_graphml(io.StringIO(text)).number_of_nodes()                             # doctest: +SKIP
    90
    """
    import networkx as nx

    lines = nx.generate_graphml(scalar_graph(net), encoding="utf-8", prettyprint=True)
    return _XML_DECLARATION + "\n".join(lines) + "\n"


def to_gexf(net: nx.MultiDiGraph) -> str:
    """The projection as dynamic GEXF: nodes and edges carry ``start``/``end`` days for Gephi's timeline.

    Examples
    --------
    >>> text = to_gexf(relgraph.open("data").network())                                 # doctest: +SKIP
    >>> 'mode="dynamic"' in text                                                         # doctest: +SKIP
    True
    """
    import networkx as nx

    timed = scalar_graph(net, timeline=True)
    timed.graph["mode"] = "dynamic"
    return _XML_DECLARATION + "\n".join(nx.generate_gexf(timed, encoding="utf-8", prettyprint=True)) + "\n"


def to_jsonld(g: Graph) -> str:
    """Every triple of the store as JSON-LD, with an ``@context`` of the known prefixes the data uses.

    Examples
    --------
    >>> import rdflib
    >>> g = relgraph.open("data")                                                      # doctest: +SKIP
    >>> len(rdflib.Graph().parse(data=to_jsonld(g), format="json-ld")) == len(g.store)   # doctest: +SKIP
    True
    """
    import rdflib

    nt = g.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").serialize("nt")
    graph = rdflib.Graph().parse(data=nt, format="nt")
    used = {str(t) for triple in graph for t in triple if isinstance(t, rdflib.URIRef)}
    used |= {str(t.datatype) for _, _, t in graph if isinstance(t, rdflib.Literal) and t.datatype}
    context = {p: ns for p, ns in PREFIXES.items() if any(i.startswith(ns) for i in used)}
    text = graph.serialize(format="json-ld", context=context, auto_compact=True, indent=2)
    return text if text.endswith("\n") else text + "\n"


def to_csv(net: nx.MultiDiGraph) -> tuple[str, str]:
    """The projection as two CSV texts: nodes and edges (columns :data:`NODE_COLUMNS`, :data:`EDGE_COLUMNS`).

    Edges get a ``held`` column ("held" or "undated") when the projection was made ``as_of`` a day.

    Examples
    --------
    >>> nodes, edges = to_csv(relgraph.open("data").network())                          # doctest: +SKIP
    >>> nodes.splitlines()[0]                                                            # doctest: +SKIP
    'id,label,label_nl,label_zh,kind,start,end,wikidata'
    """
    dated = net.graph.get("as_of") is not None
    nodes = io.StringIO()
    writer = csv.writer(nodes, lineterminator="\n")
    writer.writerow(NODE_COLUMNS)
    for n, d in sorted(net.nodes(data=True), key=lambda nd: nd[0]):
        labels = d.get("labels", {})
        wikidata = next((s for s in d.get("same_as", []) if s.startswith(_WIKIDATA)), "")
        writer.writerow([n, d.get("label", ""), labels.get("nl", ""), labels.get("zh", ""), d.get("kind", ""),
                         d.get("start") or "", d.get("end") or "", wikidata])
    edges = io.StringIO()
    writer = csv.writer(edges, lineterminator="\n")
    writer.writerow(EDGE_COLUMNS + (["held"] if dated else []))
    rows = sorted(net.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    for u, v, _, d in rows:
        writer.writerow([u, v, net.nodes[u].get("label", ""), d.get("label", ""), net.nodes[v].get("label", ""),
                         d.get("status_label") or "", d.get("start") or "", d.get("end") or "", d.get("quote") or "",
                         d.get("relation", "")] + ([d.get("held", "")] if dated else []))
    return nodes.getvalue(), edges.getvalue()


def scalar_graph(net: nx.MultiDiGraph, *, timeline: bool = False) -> nx.MultiDiGraph:
    """A copy of a projection whose attributes are all scalars, as GraphML and GEXF need.

    Lists are joined with ``" | "``, the ``labels`` dictionary becomes ``label_en``/``label_nl``/``label_zh``,
    None is left out, and in every string (node ids and edge keys included) a character XML 1.0 does not allow
    becomes U+FFFD. With ``timeline=True`` ``start`` and ``end`` become whole days (the first and the last day
    the given date can mean), the given values kept in ``start_given``/``end_given``; an event with a start and
    no end lasts that day; each edge gets ``id`` = its key.
    """
    import networkx as nx

    out = nx.MultiDiGraph(**{k: _scalar(v) for k, v in net.graph.items() if _scalar(v) is not None})
    for n, d in net.nodes(data=True):
        attrs = _flatten(d)
        if timeline:
            end = d.get("end") or (d.get("start") if d.get("kind") == "event" else None)
            _timeline(attrs, d.get("start"), end)
        out.add_node(_xml_safe(n), **attrs)
    for u, v, key, d in net.edges(keys=True, data=True):
        attrs = _flatten(d)
        if timeline:
            _timeline(attrs, d.get("start"), d.get("end"))
            attrs["id"] = _xml_safe(str(key))
        out.add_edge(_xml_safe(u), _xml_safe(v), key=_xml_safe(key), **attrs)
    return out


def xml_text(text: str) -> str:
    """``text`` with each character XML 1.0 does not allow (most control characters, lone surrogates, U+FFFE,
    U+FFFF) replaced by U+FFFD, so that it can stand in an XML file.

    Examples
    --------
    >>> xml_text("bell\\u0007, tab\\t") == "bell\\ufffd, tab\\t"
    True
    """
    return _NOT_XML.sub("\ufffd", text)


def _xml_safe(v: Any) -> Any:
    return xml_text(v) if isinstance(v, str) else v


def _flatten(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in attrs.items():
        if k == "labels" and isinstance(v, dict):
            out.update({f"label_{code}": xml_text(str(text)) for code, text in v.items() if text})
            continue
        value = _scalar(v)
        if value is not None:
            out[k] = value
    return out


def _scalar(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, (list, tuple)) and any(isinstance(x, dict) for x in v):  # every source's claim
        return xml_text(json.dumps(list(v), ensure_ascii=False, sort_keys=True))
    if isinstance(v, (list, tuple, set)):
        items = [str(x) for x in v if x is not None]
        return xml_text(_JOIN.join(items)) if items else None
    if isinstance(v, dict):
        return xml_text(json.dumps(v, ensure_ascii=False, sort_keys=True)) if v else None
    if isinstance(v, (bool, int, float)):
        return v
    return xml_text(str(v))


def _timeline(attrs: dict[str, Any], start: Any, end: Any) -> None:
    attrs.pop("start", None)
    attrs.pop("end", None)
    first, last = span(start), span(end)
    if first is not None:
        attrs["start"], attrs["start_given"] = first[0].isoformat(), str(start)
    if last is not None:
        attrs["end"], attrs["end_given"] = last[1].isoformat(), str(end)


# ---------------------------------------------------------------------------------------------------- files


def csv_paths(path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Where the two CSV files go: ``DIR/nodes.csv`` and ``DIR/edges.csv`` for a folder (existing, or a path
    ending in ``/``), else ``NAME-nodes.csv`` and ``NAME-edges.csv`` (a ``.csv`` ending of NAME is dropped).

    Examples
    --------
    >>> [p.name for p in csv_paths("out/relationship.csv")]
    ['relationship-nodes.csv', 'relationship-edges.csv']
    """
    text = os.fspath(path)
    if text == "":
        raise ExportError("empty output path: give a file name")
    p = Path(text)
    if is_folder_path(text):
        return p / "nodes.csv", p / "edges.csv"
    stem = p.name[:-4] if p.name.lower().endswith(".csv") else p.name
    return p.with_name(f"{stem}-nodes.csv"), p.with_name(f"{stem}-edges.csv")
