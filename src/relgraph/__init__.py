"""relgraph: a knowledge graph of relations between organisations, people, governments and agreements.

>>> import relgraph
>>> g = relgraph.open("data")                     # doctest: +SKIP
>>> g.query("agreements").to_dataframe()          # doctest: +SKIP
"""

from .core import Graph
from .dataset import Dataset, open, rebuild_store, store_status
from .errors import (
    AmbiguousEntityError,
    DataError,
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

__all__ = [
    "AmbiguousEntityError", "BNode", "DataError", "Dataset", "EntityNotFoundError", "ExportError",
    "ForbiddenQueryError", "FormatError", "Graph", "IRI", "Literal", "ParameterError", "QueryError", "RelGraph",
    "RelgraphError", "Result", "Stats", "StoreError",
    "UnknownQueryError", "ValidationError", "open", "rebuild_store", "store_status",
]
