"""A drawn view as a ``pyvis.network.Network``: the same nodes, edges, kinds, colours, positions and titles, for
restyling in a notebook with pyvis's own API.

relgraph's own page (:meth:`relgraph.view.View.save`) stays the one to share: it works offline and carries the
search, filters, time slider and source panel. A stock pyvis page loads vis-network (and, with some options,
Bootstrap and Tom Select) from a CDN, so it needs the internet to open.

What is carried over, from the view's page data (:func:`relgraph.view.build.page_data`):

* nodes: ``id`` (the IRI), ``label``, ``color``, ``shape`` and ``size`` of their kind (hollow with a dashed border
  for unnamed parties), ``x``/``y`` (the view's precomputed layout; physics is off so they hold), ``title``,
  and ``kind`` (the key, e.g. ``"event"``) for restyling by kind;
* edges: ``id`` (as in the view), ``from``, ``to``, ``label``, ``title``, ``dashes``, ``color`` and ``width`` of
  their line style (active solid, ended dotted, intended dashed), ``line`` and ``status`` for restyling.

Titles are plain text (one fact a line), HTML-escaped: pyvis's page puts a title in as HTML when any node's
title contains the letters ``href``, and vis-network before 9.0 always did, so a label must never be read as
markup. (vis-network 9 shows a text title as written, so a rare ``&``, ``<`` or ``>`` shows as its escape.)
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..namespaces import compact

if TYPE_CHECKING:  # pragma: no cover
    from pyvis.network import Network

#: How each line style is drawn, as the view's page draws it (``app.js``): dash pattern, colour and width.
LINE_STYLE: dict[str, dict[str, Any]] = {
    "active": {"dashes": False, "color": "#3c4654", "width": 1.8},
    "ended": {"dashes": [2, 5], "color": "#9aa3ad", "width": 1.6},
    "intended": {"dashes": [8, 6], "color": "#b7640f", "width": 1.6},
    "link": {"dashes": False, "color": "#9fb0c3", "width": 1.1},
}


def text(value: object) -> str:
    """A value as title text: escaped, so that it is never read as markup.

    >>> text('<b onclick="x">A & B</b>')
    '&lt;b onclick="x"&gt;A &amp; B&lt;/b&gt;'
    """
    return html.escape(str(value), quote=False)


def to_pyvis(data: Mapping[str, Any], *, height: int = 720, notebook: bool = False,
             cdn_resources: str = "remote") -> Network:
    """The page data of a view as a ``pyvis.network.Network`` (directed, physics off, positions kept).

    ``notebook`` and ``cdn_resources`` are passed to pyvis (``"remote"``, ``"in_line"`` or ``"local"``).

    Examples
    --------
    >>> net = relgraph.open("data").view(focus="DOFTEC").to_pyvis()        # doctest: +SKIP
    >>> for node in net.nodes:                                             # doctest: +SKIP
    ...     if node["kind"] == "event":
    ...         node["color"] = "crimson"
    >>> net.write_html("doftec-pyvis.html")                                # doctest: +SKIP
    """
    from pyvis.network import Network

    net = Network(height=f"{int(height)}px", width="100%", directed=True, notebook=notebook,
                  cdn_resources=cdn_resources)
    kinds = {k["key"]: k for k in data.get("kinds", [])}
    names = dict(data.get("names") or {})
    labels = {n["id"]: n["label"] for n in data.get("nodes", [])}
    for node in data.get("nodes", []):
        net.add_node(node["id"], **node_options(node, kinds.get(node["kind"], {}), names))
    for edge in data.get("edges", []):
        net.add_edge(edge["from"], edge["to"], **edge_options(edge, labels, names))
    net.toggle_physics(False)
    return net


def node_options(node: Mapping[str, Any], kind: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    """The pyvis options of one node of the page data, styled as its ``kind`` (an entry of ``data["kinds"]``);
    ``names`` are the labels of the sources the view cites."""
    colour = kind.get("color", "#9e9e9e")
    options: dict[str, Any] = {
        "label": node["label"], "shape": kind.get("shape", "dot"), "size": kind.get("size", 12),
        "color": {"background": colour, "border": kind["border"]} if kind.get("border") else colour,
        "x": node["x"], "y": node["y"], "kind": node["kind"], "title": node_title(node, kind, names),
    }
    if kind.get("dashed"):
        options["shapeProperties"] = {"borderDashes": [4, 3]}
    return options


def edge_options(edge: Mapping[str, Any], labels: Mapping[str, str], names: Mapping[str, str]) -> dict[str, Any]:
    """The pyvis options of one edge of the page data, drawn in its line style."""
    style = LINE_STYLE.get(edge.get("line", "link"), LINE_STYLE["link"])
    return {"id": edge["id"], "label": edge["label"], "title": edge_title(edge, labels, names),
            "dashes": style["dashes"], "color": style["color"], "width": style["width"],
            "line": edge.get("line", "link"), "status": edge.get("status")}


def _dates(item: Mapping[str, Any]) -> str:
    start, end = item.get("start"), item.get("end")
    if not start and not end:
        return ""
    shown = f"{start or '?'} – {end}" if end and end != start else f"{start or '?'}"
    return shown + (" (derived from linked entities)" if item.get("derived") else "")


def node_title(node: Mapping[str, Any], kind: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """The hover text of a node: its label, kind, dates, status, the source's words and the source."""
    lines = [node["label"], kind.get("label", node["kind"]), _dates(node), node.get("status") or ""]
    lines += [f"“{q}”" for q in node.get("quotes") or []]
    source = node.get("source")
    lines.append(f"Source: {names.get(source) or compact(source)}" if source else "")
    return "\n".join(text(x) for x in lines if x)


def edge_title(edge: Mapping[str, Any], labels: Mapping[str, str], names: Mapping[str, str]) -> str:
    """The hover text of an edge: who relates to whom, dates, status, the source's words and the source."""
    ends = [labels.get(edge[k]) or compact(edge[k]) for k in ("from", "to")]
    source = edge.get("source")
    lines = [f"{ends[0]} — {edge['label']} → {ends[1]}", _dates(edge),
             edge.get("status_label") or edge.get("status") or "",
             f"“{edge['quote']}”" if edge.get("quote") else "",
             f"Source: {names.get(source) or compact(source)}" if source else ""]
    return "\n".join(text(x) for x in lines if x)
