"""SPARQL as relgraph speaks it: what may be asked (:mod:`.guard`), values bound as terms (:mod:`.binding`),
query text rewritten (:mod:`.text`), the named queries of a dataset (:mod:`.catalogue`), and the queries relgraph
itself runs, shipped as ``.rq`` files in this package (:func:`internal`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .binding import bind, serialize_term
from .catalogue import PARAM_TYPES, NamedQuery, Param, QueryCatalogue, looks_like_name, parse, read
from .guard import check_read_only, names_dataset, query_form
from .text import shift, with_prefixes

__all__ = ["PARAM_TYPES", "NamedQuery", "Param", "QueryCatalogue", "bind", "check_read_only", "internal",
           "looks_like_name", "names_dataset", "parse", "query_form", "read", "serialize_term", "shift",
           "with_prefixes"]


@cache
def internal(name: str) -> str:
    """The text of a query that ships inside relgraph (``relgraph/sparql/NAME.rq``)."""
    # beside this module, as the package is installed (a path, not importlib.resources: that import alone costs
    # more than the rest of a query's start-up on a built store)
    return (Path(__file__).parent / f"{name}.rq").read_text(encoding="utf-8")
