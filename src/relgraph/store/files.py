"""Which files are data, and how a file that does not parse is reported.

:func:`data_files` finds the RDF files of a dataset; :func:`parse_error` turns a parser's complaint into a
:class:`~relgraph.errors.DataError` that names file, line and column; :func:`parse` reads one file into quads
with Oxigraph's parsers, for the code that needs the triples themselves (validation, the baseline engine).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from ..errors import DataError

#: File endings relgraph loads, and the format each is parsed as.
FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "ntriples", ".nq": "nquads"}


def data_files(path: Path) -> list[Path]:
    """The RDF files relgraph loads for a data path: the file itself, or every data file below a folder.

    SHACL shapes (files whose name contains ``shapes``) are left out: they describe the data, they are not part of it.
    """
    if not path.exists():
        raise DataError("no such file or folder", path=str(path))
    if path.is_file():
        if path.suffix.lower() not in FORMATS:
            raise DataError(f"not an RDF file relgraph reads (expected one of {', '.join(FORMATS)})", path=str(path))
        return [path]
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS
                   and "shapes" not in p.name
                   and not any(part.startswith(".") for part in p.relative_to(path).parts))
    if not files:
        raise DataError(f"no RDF data files ({', '.join('*' + s for s in FORMATS)}) in this folder", path=str(path))
    return files


#: Named graphs of data files are called this, followed by the file's path within the dataset.
FILE_GRAPH = "urn:relgraph:file:"


def graph_name(path: Path, root: Path | None = None) -> str:
    """The named graph a data file's triples are loaded into: ``urn:relgraph:file:`` and its path within the
    dataset folder ``root`` (its name alone when it lies outside), so that no local path reaches an answer.

    >>> graph_name(Path("data/2022/vote.ttl"), Path("data"))
    'urn:relgraph:file:2022/vote.ttl'
    """
    try:
        rel = path.resolve().relative_to(root.resolve()) if root is not None else Path(path.name)
    except ValueError:
        rel = Path(path.name)
    return FILE_GRAPH + quote(rel.as_posix(), safe="/-_.~")


def graph_files(names: Iterable[str]) -> list[str]:
    """The paths within the dataset folder of the files that named graphs were loaded from (by
    :func:`graph_name`), sorted; graphs not named after a file are left out.

    >>> graph_files(["urn:relgraph:file:2022/vote.ttl", "urn:example:other"])
    ['2022/vote.ttl']
    """
    return sorted(unquote(n[len(FILE_GRAPH):]) for n in names if n.startswith(FILE_GRAPH))


_PARSER = re.compile(r"^Parser error [^:]*:\s*")
_TRAILER = re.compile(r"\s*\([^()]*line \d+\)$")


def rdf_format(path: Path) -> Any:
    """The ``pyoxigraph.RdfFormat`` a data file is parsed as."""
    import pyoxigraph as ox

    return {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "ntriples": ox.RdfFormat.N_TRIPLES,
            "nquads": ox.RdfFormat.N_QUADS}[FORMATS[path.suffix.lower()]]


def base_iri(path: Path, root: Path | None = None) -> str:
    """The base against which relative IRIs of a file resolve: the file's graph name (:func:`graph_name`), so
    that no local path of this machine ends up in the data, an answer or a view."""
    return graph_name(path, root)


def parse_error(error: Exception, path: Path) -> DataError:
    """A parser's or reader's error as one :class:`DataError` line naming file, line and column."""
    if isinstance(error, SyntaxError):
        message = _TRAILER.sub("", _PARSER.sub("", str(error)).split("\n")[0])
        return DataError(message, path=str(path), line=error.lineno, column=error.offset)
    return DataError(f"cannot read: {error}", path=str(path))


def parse(path: Path, root: Path | None = None) -> list[Any]:
    """Every quad of one data file (``pyoxigraph.Quad``), or :class:`DataError` naming file, line and column.
    ``root`` is the dataset folder, for the base of relative IRIs (:func:`base_iri`)."""
    import pyoxigraph as ox

    try:
        return list(ox.parse(path=str(path), format=rdf_format(path), base_iri=base_iri(path, root)))
    except (SyntaxError, OSError, UnicodeDecodeError) as e:
        raise parse_error(e, path) from None
