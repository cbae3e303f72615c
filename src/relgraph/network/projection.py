"""The graph as a network (networkx): entities become nodes, relations become edges.

:func:`project` is the one projection every network feature uses (paths, rankings, exports, the view).
Qualified relations (memberships, participations, the sister-province relationship) become edges that carry
the relation's kind, dates, status and source quote; agreements, events, posts and outcomes stay nodes, linked
to their parties. Literals never become nodes.

Node attributes: ``label`` (in the language asked for), ``labels`` (en/nl/zh), ``kind`` (a key of
:data:`relgraph.kinds.BY_KEY`), ``kind_label``, ``classes``, ``start``, ``end``, ``status``, ``quotes``,
``same_as``, ``unknown``, plus ``count`` for unnamed parties and ``holder_named`` for posts.
Edge attributes: ``kind`` (IRI), ``label``, ``labels``, ``relation`` (the IRI carrying the source), ``status``,
``start``, ``end``, ``certainty``, ``quote``, ``source``, and ``held`` (``"held"`` or ``"undated"``) when
projected ``as_of`` a day.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..arguments import as_of_day
from ..core import Graph
from ..cycles import without_cycle_collection
from .assembly import assemble
from .cache import cached
from .reading import read

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx


def project(g: Graph, *, lang: str = "en", as_of: str | int | dt.date | None = None) -> nx.MultiDiGraph:
    """The graph as a ``networkx.MultiDiGraph`` of entities and relations.

    With ``as_of`` (a date, or ``"YYYY[-MM[-DD]]"``) only relations that held on that day are kept, plus those
    with no known date, which carry ``held="undated"`` so that a caller can show them as such. Nodes left with
    no relation are dropped unless their own dates held on that day.

    The store is read once, as plain statements (:mod:`.reading`); the result is the same as reading it with
    relgraph's SPARQL queries (:func:`relgraph.network.projection_sparql.project_sparql`), several times faster.
    Nodes come in the order of their IRIs and edges in the order of their (relation, source, target, kind).
    With a store on disk, the projection is saved with the store's generation and read back by the next call on
    the same data (:mod:`.cache`).

    Examples
    --------
    >>> net = relgraph.open("data").network()                          # doctest: +SKIP
    >>> net.nodes["https://w3id.org/relgraph/utrecht-guangdong/doftec"]["kind"]   # doctest: +SKIP
    'government'
    """
    day = as_of_day(as_of)
    return cached(g, f"network-{lang}-{day.isoformat() if day else 'all'}", lambda: _project(g, lang, day))


def _project(g: Graph, lang: str, day: dt.date | None) -> nx.MultiDiGraph:
    with without_cycle_collection():
        nodes, keys, claims = read(g, lang)
        return assemble(g, nodes, keys, claims, lang=lang, day=day)
