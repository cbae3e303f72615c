"""relgraph: a knowledge graph of relations between organisations, people, governments and agreements.

>>> import relgraph
>>> g = relgraph.open("data")                     # doctest: +SKIP
>>> g.query("agreements").to_dataframe()          # doctest: +SKIP
"""

from .errors import (
    AmbiguousEntityError,
    DataError,
    EntityNotFoundError,
    ExportError,
    ForbiddenQueryError,
    ParameterError,
    QueryError,
    RelgraphError,
    UnknownQueryError,
    ValidationError,
)
from .graph import RelGraph, Stats, open
from .results import Result
from .terms import IRI, BNode, Literal

__version__ = "0.1.0"

__all__ = [
    "AmbiguousEntityError", "BNode", "DataError", "EntityNotFoundError", "ExportError", "ForbiddenQueryError",
    "IRI", "Literal", "ParameterError", "QueryError", "RelGraph", "RelgraphError", "Result", "Stats",
    "UnknownQueryError", "ValidationError", "open",
]
