"""From the graph to the plain data a view page draws: which part of the network, where, and in what style.

:func:`select` picks the network to draw (a preset, a named query, the neighbourhood of one entity);
:func:`page_data` turns a networkx graph with the attributes of :func:`relgraph.network.project` into JSON-ready
dictionaries: nodes with their positions, names, dates, identifiers and quotes, edges with their words, status,
line style and source, and the legend. Nothing here knows HTML; :mod:`relgraph.view.page` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..arguments import whole_number
from ..core import Graph
from ..errors import ExportError, ParameterError
from ..kinds import kind_names
from ..languages import table, translated, ui
from ..namespaces import RG, SKOS, compact
from ..network.projection import project
from ..sparql import looks_like_name, parse
from ..terms import IRI
from .presets import Preset

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: Colour, shape and size of each kind of node (colour-blind-safe hues, shape as a second cue).
STYLE: dict[str, dict[str, Any]] = {
    "government": {"color": "#1f5fa8", "shape": "hexagon", "size": 22},
    "organisation": {"color": "#e08a00", "shape": "dot", "size": 16},
    "institution": {"color": "#1b9e77", "shape": "triangle", "size": 18},
    "post": {"color": "#8e5bb5", "shape": "triangleDown", "size": 16},
    "event": {"color": "#d1495b", "shape": "star", "size": 18},
    "agreement": {"color": "#00798c", "shape": "diamond", "size": 20},
    "outcome": {"color": "#6a994e", "shape": "dot", "size": 12},
    "objective": {"color": "#b08900", "shape": "square", "size": 12},
    "lesson": {"color": "#8c6d31", "shape": "square", "size": 12},
    "decision": {"color": "#5b6f82", "shape": "square", "size": 13},
    "theme": {"color": "#e9b10e", "shape": "dot", "size": 14},
    "place": {"color": "#4d7ea8", "shape": "square", "size": 16},
    "unnamed": {"color": "#ffffff", "border": "#6b6b6b", "shape": "dot", "size": 13, "dashed": True},
    "other": {"color": "#9e9e9e", "shape": "dot", "size": 12},
}

#: How each status is drawn: ``active`` solid, ``ended`` grey dotted, ``intended`` dashed; ``link`` has no status.
LINE_OF_STATUS = {
    "Active": "active", "Achieved": "active", "InProgress": "active", "Ended": "ended",
    "Intended": "intended", "Considered": "intended", "Expected": "intended", "Possible": "intended",
    "Planned": "intended", "InPreparation": "intended",
}
#: The line legend's words by line kind and language, from the shared table (languages.json).
LINES: dict[str, dict[str, str]] = table()["lines"]
THEME_EDGES = {RG.theme}
#: The most steps around a focused entity a view takes.
MAX_DEPTH = 10
BROADER = SKOS.broader


def select(g: Graph, *, presets: Mapping[str, Preset], lang: str = "en", focus: str | None = None, depth: int = 1,
           preset: str | None = None, query: str | None = None, as_of: dt.date | None = None,
           params: Mapping[str, object] | None = None) -> tuple[nx.MultiDiGraph, str, str, str | None]:
    """The network to draw, a default title, a one-line description, and the focused entity (if any).

    A named ``query`` (CONSTRUCT, or SELECT with ``?source ?relation ?target``) or a ``preset`` gives the base
    network (default: the whole graph); ``focus`` then keeps the entities within ``depth`` steps of one entity.

    Examples
    --------
    >>> net, title, what, focus_iri = select(relgraph.open("data"), focus="DOFTEC", depth=2)   # doctest: +SKIP
    """
    import networkx as nx

    depth = whole_number(depth, "depth", low=0, high=MAX_DEPTH)
    if query is not None and preset is not None:
        raise ParameterError("give either a preset or a query, not both")
    full = project(g, lang=lang, as_of=as_of)
    if query is not None:
        net, title = _from_query(g, full, query, lang, params or {})
        what = ui(lang)["queryWhat"].format(name=query)
    else:
        name = preset or next(iter(presets))
        if name not in presets:
            raise ParameterError(f"no preset called {name!r}; choose one of {', '.join(presets)}")
        p = presets[name]
        seeds = {n for n, k in full.nodes(data="kind") if k in p.seed_kinds}
        seeds |= {n for u, v, k in full.edges(data="kind") if k in p.seed_edges for n in (u, v)}
        net = _around(full, seeds, p.depth) if (p.seed_kinds or p.seed_edges) else full
        title, what = p.title_in(lang), p.description_in(lang)
    iri = None
    if focus is not None:
        iri = str(g.resolve(focus))
        if iri not in net:
            raise ExportError(f"{focus!r} ({compact(iri)}) is not in this view"
                              + (" on that date" if as_of else ""))
        net = _around(net, {iri}, depth)
        label = net.nodes[iri]["label"]
        words = ui(lang)
        title = (words["focusTitle"] if depth == 1 else words["focusTitleSteps"]).format(label=label, depth=depth)
        what = words["focusWhat"].format(label=label, depth=depth)
    return nx.MultiDiGraph(net), title, what, iri


def _around(net: nx.MultiDiGraph, seeds: set[str], depth: int) -> nx.MultiDiGraph:
    """The subgraph of ``net`` within ``depth`` steps (either direction) of any seed."""
    import networkx as nx

    und = net.to_undirected(as_view=True)
    keep: set[str] = set()
    for s in seeds:
        keep |= set(nx.single_source_shortest_path_length(und, s, cutoff=depth))
    return net.subgraph(keep)


def _from_query(g: Graph, full: nx.MultiDiGraph, name: str, lang: str,
                params: Mapping[str, object]) -> tuple[nx.MultiDiGraph, str]:
    """The network a named query draws: its CONSTRUCT triples, or its SELECT rows of source, relation, target."""
    import networkx as nx

    named = g.named_query(name) if looks_like_name(name) else parse(name, "sparql")
    result = g.run(named, params, lang=lang)
    title = named.title if named.title != "sparql" else ui(lang)["queryTitle"]
    if result.is_graph:
        triples = [(str(s), str(p), str(o)) for s, p, o in result.triples if isinstance(o, IRI)
                   and isinstance(s, IRI)]
    elif result.form == "SELECT" and {"source", "relation", "target"} <= set(result.columns):
        cols = [result.columns.index(c) for c in ("source", "relation", "target")]
        a, b, c = cols
        triples = [(str(row[a]), str(row[b]), str(row[c])) for row in result.terms
                   if all(isinstance(row[i], IRI) for i in cols)]
    else:
        raise ExportError(f"query {name!r} cannot be drawn: it must be a CONSTRUCT, or a SELECT with "
                          "?source ?relation ?target columns")
    labels = dict(result.labels)
    missing = {t for triple in triples for t in triple if t not in labels}
    if missing:
        labels.update(g.labels(missing, lang))
    kinds = kind_names(lang)
    net = nx.MultiDiGraph()
    for s, p, o in triples:
        for n in (s, o):
            if n not in net:
                attrs = dict(full.nodes[n]) if n in full else {
                    "label": labels.get(n, compact(n)), "labels": {lang: labels.get(n, compact(n))},
                    "kind": "other", "kind_label": kinds["other"], "start": None, "end": None}
                net.add_node(n, **attrs)
        known = [d for d in full.get_edge_data(s, o, default={}).values() if d.get("kind") == p]
        attrs = dict(known[0]) if known else {"kind": p, "label": labels.get(p, compact(p)), "relation": None,
                                              "status": None, "start": None, "end": None, "quote": None,
                                              "source": None}
        net.add_edge(s, o, key=p, **attrs)
    if net.number_of_nodes() == 0:
        raise ExportError(f"query {name!r} returned nothing to draw")
    return net, title


def _year(value: Any) -> int | None:
    if not value:
        return None
    text = str(value).lstrip("-")
    try:
        return int(text[:4])
    except ValueError:
        return None


def page_data(net: nx.MultiDiGraph, *, lang: str = "en", title: str = "", description: str = "",
              caption: str = "", as_of: str | None = None, sources: Mapping[str, str] | None = None,
              focus: str | None = None, statuses: dict[str, str] | None = None,
              relations: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The plain data a view page draws, ready for JSON.

    Parameters
    ----------
    net
        A graph with the node and edge attributes of :func:`relgraph.network.project`.
    lang
        The language of the labels (``en``, ``nl`` or ``zh``; a missing label falls back to English).
    title, description, caption
        Texts shown above and below the drawing.
    as_of
        The day the network was projected for, if any; the page's time control starts there.
    sources
        Labels of source documents that are not nodes of ``net``.
    focus
        The entity the view is centred on: selected, with its details open, when the page opens.
    statuses
        Labels of the statuses (IRI to label in ``lang``) for the panel; missing ones show as the IRI's local name.
    relations
        Own labels of relations that are not entities (IRI to label in ``lang``), for the timeline strip.

    Examples
    --------
    >>> import networkx as nx
    >>> net = nx.MultiDiGraph()
    >>> net.add_node("a", label="A", kind="place")
    >>> page_data(net)["nodes"][0]["label"]
    'A'
    """
    from .layout import positions

    pos = positions(net) if net.number_of_nodes() else {}
    kinds = kind_names(lang)
    big = net.number_of_nodes() > 1500
    themes = _themes(net)
    names, words = dict(sources or {}), dict(statuses or {})
    nodes = [_node_item(n, d, lang, pos[n], full=not big or bool(d.get("quotes")), themes=themes.get(str(n)),
                        degree=net.degree(n), statuses=words) for n, d in net.nodes(data=True)]
    names.update({item["id"]: item["label"] for item in nodes})
    edges = [_edge_item(i, u, v, d, lang, words, relations or {}) for i, (u, v, d) in enumerate(net.edges(data=True))]
    cited = {item["source"] for item in (*nodes, *edges) if item.get("source")}
    cited |= {c["source"] for e in edges for c in e.get("claims", ()) if c.get("source")}
    years = [y for item in (*nodes, *edges) for y in (_year(item.get("start")), _year(item.get("end"))) if y]
    used = sorted({n["kind"] for n in nodes}, key=list(STYLE).index)
    return {
        "title": title, "description": description, "caption": caption, "lang": lang, "as_of": as_of,
        "nodes": nodes, "edges": edges, "big": big, "focus": focus,
        "kinds": [{"key": k, "label": kinds.get(k, k), **STYLE[k]} for k in used],
        "ui": ui(lang),
        "lines": [{"key": k, "label": translated(LINES[k], lang)} for k in LINES
                  if any(e["line"] == k for e in edges)],
        "themes": sorted(({"id": n["id"], "label": n["label"]} for n in nodes if n["kind"] == "theme"),
                         key=lambda t: t["label"].lower()),
        "years": _year_range(years, [_year(item.get("end")) for item in (*nodes, *edges)]),
        "names": {k: v for k, v in names.items() if k in cited},
    }


def _node_item(n: Any, d: dict[str, Any], lang: str, xy: tuple[float, float], *, full: bool,
               themes: list[str] | None, degree: int, statuses: dict[str, str]) -> dict[str, Any]:
    """One node as the page draws it; ``full`` adds the details the panel shows."""
    labels = {k: v for k, v in (d.get("labels") or {}).items() if v}
    label = labels.get(lang) or labels.get("en") or d.get("label") or compact(str(n))
    item: dict[str, Any] = {"id": str(n), "label": label, "kind": d.get("kind") if d.get("kind") in STYLE
                            else "other", "x": xy[0], "y": xy[1], "labels": labels, "degree": degree}
    if full:
        item.update({k: v for k, v in {
            "alt": d.get("alt_labels") or None, "start": d.get("start"), "end": d.get("end"),
            "derived": d.get("dates_derived") or None, "status": _local(d.get("status")),
            "line": LINE_OF_STATUS.get(_local(d.get("status")) or "") if d.get("status") else None,
            "status_label": statuses.get(str(d.get("status"))) if d.get("status") else None,
            "quotes": d.get("quotes") or None, "same_as": d.get("same_as") or None,
            "unknown": d.get("unknown") or None, "count": d.get("count"),
            "holder_named": d.get("holder_named"), "definition": d.get("definition"),
            "source": d.get("source"), "themes": themes,
        }.items() if v is not None})
    return item


def _edge_item(i: int, u: Any, v: Any, d: dict[str, Any], lang: str, statuses: dict[str, str],
               relations: Mapping[str, str]) -> dict[str, Any]:
    """One edge as the page draws it: its words, line style, dates, status, quote and source, and the relation's
    own label when ``relations`` has one."""
    status = _local(d.get("status"))
    labels = d.get("labels") or {}
    item: dict[str, Any] = {"id": f"e{i}", "from": str(u), "to": str(v),
                            "label": labels.get(lang) or d.get("label") or compact(str(d.get("kind", ""))),
                            "line": LINE_OF_STATUS.get(status or "", "link")}
    item.update({k: val for k, val in {
        "kind": d.get("kind"), "status": status, "status_label": d.get("status_label"),
        "start": d.get("start"), "end": d.get("end"), "derived": d.get("dates_derived") or None,
        "certainty": _local(d.get("certainty")), "quote": d.get("quote"), "source": d.get("source"),
        "relation": d.get("relation"), "held": d.get("held"), "relation_label": relations.get(str(d.get("relation"))),
    }.items() if val is not None})
    claims = d.get("claims") or []
    if len(claims) > 1:  # several sources speak of this relation: each one's word, the one in force first
        item["claims"] = [{k: v for k, v in {
            "source": c.get("source"), "status": _local(c.get("status")),
            "status_label": statuses.get(str(c.get("status"))) if c.get("status") else None, "start": c.get("start"),
            "end": c.get("end"), "quotes": c.get("quotes") or None}.items() if v} for c in claims]
    return item


def _year_range(years: list[int], ends: list[int | None]) -> list[int] | None:
    """The years the time control spans: those of the data, and one more when something ended in the last one
    (so that the state after the end can be seen), unless that year has not come yet.

    >>> _year_range([1995, 2022], [2022]), _year_range([1995, 2022], [2013]), _year_range([], [])
    ([1995, 2023], [1995, 2022], None)
    """
    if not years:
        return None
    last = max(years)
    after = last + 1 if last in ends and last < dt.date.today().year else last
    return [min(years), after]


def _local(iri: Any) -> str | None:
    """``Active`` for ``rg:Active``."""
    if not iri:
        return None
    text = str(iri)
    return text[len(RG.NS):] if text.startswith(RG.NS) else text


def _themes(net: nx.MultiDiGraph) -> dict[str, list[str]]:
    """For each node, the themes it is tagged with, broader themes included (a theme includes itself)."""
    broader: dict[str, set[str]] = {}
    for u, v, k in net.edges(data="kind"):
        if k == BROADER:
            broader.setdefault(str(u), set()).add(str(v))

    def up(t: str, seen: frozenset[str] = frozenset()) -> set[str]:
        out = {t}
        for b in broader.get(t, ()):
            if b not in seen:
                out |= up(b, seen | {t})
        return out

    tagged: dict[str, set[str]] = {}
    for n, kind in net.nodes(data="kind"):
        if kind == "theme":
            tagged[str(n)] = up(str(n))
    for u, v, k in net.edges(data="kind"):
        if k in THEME_EDGES:
            tagged.setdefault(str(u), set()).update(up(str(v)))
    return {n: sorted(ts) for n, ts in tagged.items()}

