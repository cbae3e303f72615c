"""The seed dataset that ships with relgraph: the Utrecht–Guangdong data, its ontology, shapes and sources, and
the named queries and presets. An installed relgraph finds them inside the package (``relgraph/seed/``, put
there by the build); run from a checkout, in the repository's own ``data/`` and ``queries/``.

>>> (folder("data") / "ontology.ttl").is_file(), (folder("queries") / "agreements.rq").is_file()
(True, True)
"""

from __future__ import annotations

from pathlib import Path

from .errors import DataError


def folder(name: str) -> Path:
    """The shipped ``data`` or ``queries`` folder; :class:`DataError` when this installation has none."""
    shipped = Path(__file__).with_name("seed") / name
    if shipped.is_dir():
        return shipped
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir() and (checkout / ("ontology.ttl" if name == "data" else "agreements.rq")).is_file():
        return checkout
    raise DataError(f"this installation of relgraph has no seed {name} folder", path=name)


def file(name: str) -> Path:
    """A file of the shipped data folder (``ontology.ttl``, ``shapes.ttl``)."""
    return folder("data") / name
