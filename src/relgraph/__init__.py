"""relgraph: a knowledge graph of relations between organisations, people, governments and agreements.

>>> import relgraph
>>> g = relgraph.open("data")                     # doctest: +SKIP
>>> g.query("agreements").to_dataframe()          # doctest: +SKIP

In Jupyter, ``%load_ext relgraph`` adds the ``%%sparql`` and ``%relgraph query`` magics (:mod:`relgraph.magics`).
"""

from .core import Graph
from .dataset import Dataset, open, rebuild_store, store_status
from .errors import (
    AmbiguousEntityError,
    DataError,
    EndpointError,
    EntityNotFoundError,
    ExportError,
    ForbiddenQueryError,
    FormatError,
    ParameterError,
    QueryError,
    RelgraphError,
    StoreError,
    UnknownQueryError,
    ValidationError,
)
from .results import Result
from .stats import Stats
from .terms import IRI, BNode, Literal

#: The former name of :class:`Dataset`, kept so that code written for relgraph 0.1 still runs.
RelGraph = Dataset

__version__ = "0.1.0"


def load_ipython_extension(ipython: object) -> None:
    """``%load_ext relgraph``: register the ``%%sparql`` and ``%relgraph`` magics (see :mod:`relgraph.magics`).

    IPython is imported here, not when relgraph is.
    """
    from .magics import load_ipython_extension as load

    load(ipython)


__all__ = [
    "AmbiguousEntityError", "BNode", "DataError", "Dataset", "EndpointError", "EntityNotFoundError", "ExportError",
    "ForbiddenQueryError", "FormatError", "Graph", "IRI", "Literal", "ParameterError", "QueryError", "RelGraph",
    "RelgraphError", "Result", "Stats", "StoreError",
    "UnknownQueryError", "ValidationError", "open", "rebuild_store", "store_status",
]
