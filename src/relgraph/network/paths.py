"""Chains of relations between two entities: :func:`paths` finds the shortest, :func:`path_text` tells one in words.

The network is treated as undirected to find who is connected; each :class:`Step` keeps the real direction of
its relation, its dates, status, quote and the source document it rests on.
"""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..arguments import whole_number
from ..errors import ParameterError
from .shape import SYMMETRIC, as_network, find_node, undirected

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from .shape import Source

#: How many shortest chains :func:`paths` returns unless told otherwise.
DEFAULT_MAX_PATHS = 5

Direction = Literal["forward", "backward", "both"]
_ARROWS = {"forward": ("—", "→"), "backward": ("←", "—"), "both": ("—", "—")}



@dataclass(frozen=True)
class Step:
    """One relation on a chain, read in the order of the chain: from ``source`` to ``target``.

    ``direction`` says which way the relation really points: ``"forward"`` (``source —label→ target``),
    ``"backward"`` (``target —label→ source``) or ``"both"`` (a relation without direction, such as the
    sister relationship). ``relation`` is the IRI that carries the source quote, ``kind`` the IRI that names the
    relation; ``held`` is ``"held"`` or ``"undated"`` when the chain was found ``as_of`` a day, else None.
    """

    source: str
    source_label: str
    label: str
    target: str
    target_label: str
    direction: Direction
    quote: str | None
    relation: str
    kind: str
    start: str | None = None
    end: str | None = None
    status: str | None = None
    held: str | None = None
    document: str | None = None
    document_label: str | None = None

    @property
    def arrow(self) -> str:
        """``"→"``, ``"←"`` or ``"—"``: which way the relation points, read along the chain."""
        return {"forward": "→", "backward": "←", "both": "—"}[self.direction]

    @property
    def date_unknown(self) -> bool:
        """True when the chain was found ``as_of`` a day and this relation has no known date."""
        return self.held == "undated"

    def link(self) -> str:
        """The relation in words, without the source: ``"— represented in →"`` or ``"← co-organised —"``."""
        left, right = _ARROWS[self.direction]
        return f"{left} {self.label} {right}"

    def __str__(self) -> str:
        return f"{self.source_label} {self.link()} {self.target_label}"

    def as_dict(self) -> dict[str, Any]:
        """The step as a plain dictionary (for JSON, a DataFrame)."""
        return asdict(self)


Chain = list[Step]


def paths(source: Source, start: str, end: str, *, max_paths: int = DEFAULT_MAX_PATHS, lang: str = "en",
          as_of: str | dt.date | None = None) -> list[Chain]:
    """The shortest chains of relations between two entities, each a list of :class:`Step`.

    The network is treated as undirected to find the chains; each step keeps its real direction. When several
    chains are equally short (different entities in between, or several relations between the same two
    entities) up to ``max_paths`` are returned, in a stable order. An empty list means nothing joins the two.

    Parameters
    ----------
    source
        A :class:`~relgraph.Graph` or a projection.
    start, end
        The two entities: a label in any language, a prefixed name (``ug:doftec``) or an IRI.
    max_paths
        The most chains to return (at least 1).
    lang, as_of
        As for :func:`network`.

    Raises
    ------
    EntityNotFoundError, AmbiguousEntityError
        When a name matches no entity, or several (with the close candidates).
    ParameterError
        When an entity is not in the network (for instance nothing of it held ``as_of`` that day).

    Examples
    --------
    >>> g = relgraph.open("data")                                                       # doctest: +SKIP
    >>> [str(step) for step in paths(g, "FoodValley", "DOFTEC")[0]]                    # doctest: +SKIP
    ['FoodValley — represented in → Utrecht delegation 2017',
     'Utrecht delegation 2017 — took part in → Economic mission to Guangdong 2017',
     'Economic mission to Guangdong 2017 ← co-organised — DOFTEC']
    """
    import networkx as nx

    max_paths = whole_number(max_paths, "max_paths", low=1)
    net, g = as_network(source, lang=lang, as_of=as_of)
    a, b = find_node(net, g, start), find_node(net, g, end)
    if a == b:
        raise ParameterError(f"{start!r} and {end!r} are the same entity")
    simple = undirected(net)
    try:
        found = list(itertools.islice(nx.all_shortest_paths(simple, a, b), 10_000))
    except nx.NetworkXNoPath:
        return []
    found.sort(key=lambda p: [net.nodes[n]["label"].lower() for n in p])
    out: list[Chain] = []
    for nodes in found:
        choices = [steps_between(net, u, v) for u, v in itertools.pairwise(nodes)]
        for combo in itertools.product(*choices):
            out.append(list(combo))
            if len(out) >= max_paths:
                return out
    return out


def path_text(path: Chain, *, quotes: bool = True, width: int = 100) -> str:
    """A chain in words: the whole chain on one line, then each step with its dates, status and quote.

    Examples
    --------
    >>> print(path_text(paths(relgraph.open("data"), "FoodValley", "DOFTEC")[0]))     # doctest: +SKIP
    FoodValley — represented in → Utrecht delegation 2017 — took part in → ... ← co-organised — DOFTEC
      1. FoodValley — represented in → Utrecht delegation 2017  (2017-10-28 – 2017-11-04 · ended)
           “De delegatie bestond uit vertegenwoordigers van ...”
    ...
    """
    if not path:
        return ""
    line = path[0].source_label + "".join(f" {s.link()} {s.target_label}" for s in path)
    lines = [line]
    for i, step in enumerate(path, 1):
        facts = [x for x in (_dates(step.start, step.end), step.status,
                             "date unknown" if step.date_unknown else None) if x]
        lines.append(f"  {i}. {step}" + (f"  ({' · '.join(facts)})" if facts else ""))
        if quotes:
            quote = f"“{step.quote}”" if step.quote else "(no quote in the source)"
            if step.document_label:
                quote += f" ({step.document_label})"
            lines += textwrap.wrap(quote, width=max(40, width - 7), initial_indent=" " * 7,
                                   subsequent_indent=" " * 8)
    return "\n".join(lines)


def steps_between(net: nx.MultiDiGraph, u: str, v: str) -> list[Step]:
    """Every relation between ``u`` and ``v``, as steps from ``u`` to ``v``."""
    found: list[Step] = []
    for a, b, forward in ((u, v, True), (v, u, False)):
        for _, attrs in sorted((net.get_edge_data(a, b) or {}).items()):
            direction: Direction = "both" if attrs["kind"] in SYMMETRIC else ("forward" if forward else "backward")
            found.append(Step(
                source=u, source_label=net.nodes[u]["label"], label=attrs["label"], target=v,
                target_label=net.nodes[v]["label"], direction=direction, quote=attrs.get("quote"),
                relation=attrs["relation"], kind=attrs["kind"], start=attrs.get("start"), end=attrs.get("end"),
                status=attrs.get("status_label"), held=attrs.get("held"), document=attrs.get("source"),
                document_label=attrs.get("source_label")))
    found.sort(key=lambda s: (s.label.lower(), s.relation))
    return found


def _dates(start: str | None, end: str | None) -> str:
    if start and end and start != end:
        return f"{start} – {end}"
    if start and end:
        return start
    if start:
        return f"since {start}"
    if end:
        return f"until {end}"
    return ""
