"""The graph as a network (networkx) and what can be learnt from its shape.

* :mod:`.projection`: entities become nodes, relations edges (:func:`project`);
* :mod:`.structural`: the same nodes and edges with only labels and kinds, read faster (for rankings);
* :mod:`.shape`: the projection taken whole, bipartite or undirected, and names found in it;
* :mod:`.paths`: the shortest chains of relations between two entities;
* :mod:`.neighbours`: what surrounds one entity;
* :mod:`.ranking`: who is central, who brokers.

Every function takes the core :class:`~relgraph.core.Graph` or a projection made earlier, and returns plain data.
"""

from __future__ import annotations

from .neighbours import NEIGHBOUR_COLUMNS, neighbour_rows, neighbours
from .paths import DEFAULT_MAX_PATHS, Chain, Step, path_text, paths
from .projection import project
from .ranking import MEASURES, rank, rank_rows
from .shape import SYMMETRIC, network, relations_as_nodes, undated, undirected
from .structural import structure

__all__ = ["DEFAULT_MAX_PATHS", "MEASURES", "NEIGHBOUR_COLUMNS", "SYMMETRIC", "Chain", "Step", "neighbour_rows",
           "neighbours", "network", "path_text", "paths", "project", "rank", "rank_rows", "relations_as_nodes",
           "structure", "undated", "undirected"]
