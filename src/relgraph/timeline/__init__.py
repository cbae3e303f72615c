"""The relationship over time: every dated relation and event as a row, and the rows as a lane chart.

Built on the network projection (:func:`relgraph.network.project`) and the per-source claims it carries: each
row has the state in force (on ``as_of``, picked from those claims by :func:`relgraph.states.merge` as the
projection does, or by today's knowledge), the source that gives it, and that source's words. Unlike a network
``as_of`` a day, a timeline then keeps what had already ended: it is the history as it stood on that day. A row
is one of

* a **relation** with dates of its own (the sister relationship, a membership, a participation), ``kind``
  ``"relation"``;
* an **entity** with dates of its own (an event, an agreement, a decision), ``kind`` its kind key.

Dates that are only derived from linked entities (the outcomes of a mission take the mission's start) are left
out unless ``derived=True``: no source dates them. Rows come in order of their first day.

:func:`rows` gives plain records; :func:`timeline` a :class:`~relgraph.timeline.frame.Timeline` DataFrame
(needs pandas) whose ``.plot()`` draws the chart; :func:`plot` draws any such frame (needs matplotlib).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..arguments import as_of_day
from ..core import Graph
from ..errors import RelgraphError
from ..languages import check_lang
from ..namespaces import RG, compact
from ..network.projection import project
from ..states import Claim, merge
from ..timespan import span
from ..view.build import LINE_OF_STATUS
from .plotting import plot

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from .frame import Timeline

__all__ = ["COLUMNS", "SHOWN", "plot", "rows", "timeline"]

#: The columns of a timeline, in order.
COLUMNS = ["label", "kind", "start", "end", "status", "line", "certainty", "source_label", "quote", "sources",
           "id", "source", "derived"]
#: The columns a table shows (the machine formats give them all).
SHOWN = ["label", "kind", "start", "end", "status", "source_label"]


def rows(g: Graph, *, lang: str = "en", as_of: str | int | dt.date | None = None,
         derived: bool = False) -> list[dict[str, Any]]:
    """Every dated relation and entity of ``g`` as a record with the keys of :data:`COLUMNS`.

    ``status`` is the local name of the status in force (``"Ended"``), ``line`` how the view draws it
    (``active``, ``ended``, ``intended``, or ``link`` when there is none), ``certainty`` ``"Inferred"`` for a
    date a source implies but does not state; ``source``/``source_label`` name the source of the claim in force
    and ``quote`` gives its words; ``sources`` lists the labels of every source that speaks of it, the one in
    force first. With ``as_of`` a day, the rows are those that had begun by then, in the state then in force,
    and an end that lay after that day is left out (it was not known yet).

    Examples
    --------
    >>> [r["label"] for r in rows(relgraph.open("data"))][:2]
    ['Sister-province relationship Utrecht – Guangdong', 'Structural cooperation with DOFTEC (2013)']
    """
    check_lang(lang)
    day = as_of_day(as_of)
    net = project(g, lang=lang)  # the whole history; the state on ``day`` is taken from each thing's claims
    found = [_row(*found, day) for found in _relations(g, net, lang) + _entities(net)]
    found = [r for r in found if (r["start"] or r["end"]) and (derived or not r["derived"])]
    if day is not None:
        found = [r for r in found if _first(r) <= day]
        for r in found:
            end = span(r["end"])
            if end is not None and end[0] > day:
                r["end"] = None  # on that day the end lay ahead: not known yet
    sources = {s for r in found for s in (r["source"], *r["sources"]) if s}
    names = g.labels(sources, lang) if sources else {}
    for r in found:
        r["source_label"] = names.get(r["source"]) if r["source"] else None
        r["sources"] = "; ".join(dict.fromkeys(names.get(s, compact(s)) for s in r["sources"]))
    found.sort(key=lambda r: (_first(r), r["label"].lower()))
    return [{c: r[c] for c in COLUMNS} for r in found]


def timeline(g: Graph, *, lang: str = "en", as_of: str | int | dt.date | None = None,
             derived: bool = False) -> Timeline:
    """The dated relations and entities as a :class:`~relgraph.timeline.frame.Timeline` (a pandas DataFrame,
    one row each, columns :data:`COLUMNS`); ``.plot()`` draws it. See :func:`rows`.

    Examples
    --------
    >>> tl = relgraph.open("data").timeline()                            # doctest: +SKIP
    >>> tl[["label", "start", "end", "status"]]                           # doctest: +SKIP
    >>> tl.plot("timeline.svg")                                          # doctest: +SKIP
    """
    try:
        from .frame import Timeline
    except ImportError:
        raise RelgraphError("timeline() needs pandas: pip install 'relgraph[pandas]' (or use rows())") from None

    day = as_of_day(as_of)
    frame = Timeline(rows(g, lang=lang, as_of=day, derived=derived), columns=COLUMNS)
    frame.attrs.update({"lang": lang, "as_of": day.isoformat() if day else None})
    return frame


_Found = tuple[str, str, str, dict[str, Any], "str | None"]


def _relations(g: Graph, net: nx.MultiDiGraph, lang: str) -> list[_Found]:
    """The relations that are not entities themselves (a membership, the sister relationship), one row each."""
    edges: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for u, v, d in net.edges(data=True):
        rel = d.get("relation")
        if rel and rel not in net and rel not in edges:
            edges[rel] = (u, v, d)
    names = g.labels(set(edges), lang) if edges else {}
    out = []
    for rel, (u, v, d) in edges.items():
        own = names.get(rel)
        label = own if own and own != compact(rel) else \
            f"{net.nodes[u]['label']} — {d['label']} → {net.nodes[v]['label']}"
        out.append((rel, label, "relation", d, d.get("quote")))
    return out


def _entities(net: nx.MultiDiGraph) -> list[_Found]:
    """The entities with dates (an event, an agreement, a decision), one row each."""
    out = []
    for n, d in net.nodes(data=True):
        claims = d.get("claims") or []
        quotes = (claims[0].get("quotes") if claims else None) or d.get("quotes") or [None]
        out.append((str(n), d["label"], d["kind"], d, quotes[0]))
    return out


def _row(iri: str, label: str, kind: str, d: dict[str, Any], quote: str | None, day: dt.date | None,
         ) -> dict[str, Any]:
    """One row; on ``day``, in the state the claim then in force gives (see :func:`relgraph.states.merge`)."""
    claims = d.get("claims") or []
    if day is not None and claims:
        known = [Claim(iri, **c) for c in claims]
        state = merge(known, day)
        d = {**d, **{k: state[k] for k in ("status", "certainty", "source")},
             "start": state["start"] or d.get("start"), "end": state["end"] or d.get("end")}
        quote = state["quote"] or quote
        claims = [c for c in state["claims"] if any(k.since is None or k.since <= day for k in known
                                                    if k.graph == c["graph"])]
    status = _local(d.get("status"))
    return {"id": iri, "label": label, "kind": kind, "start": _text(d.get("start")), "end": _text(d.get("end")),
            "status": status, "line": LINE_OF_STATUS.get(status or "", "link"),
            "certainty": _local(d.get("certainty")), "source": d.get("source"), "quote": quote,
            "sources": [c["source"] for c in claims if c.get("source")] or [d.get("source")],
            "derived": bool(d.get("dates_derived"))}


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _local(iri: object) -> str | None:
    """``Ended`` for ``rg:Ended``."""
    if not iri:
        return None
    text = str(iri)
    return text[len(RG.NS):] if text.startswith(RG.NS) else text


def _first(row: dict[str, Any]) -> dt.date:
    found = span(row["start"]) or span(row["end"])
    return found[0] if found else dt.date.max
