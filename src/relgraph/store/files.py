"""Which files are data, and how a file that does not parse is reported.

:func:`data_files` finds the RDF files of a dataset; :func:`parse_error` turns a parser's complaint into a
:class:`~relgraph.errors.DataError` that names file, line and column; :func:`parse` reads one file into quads
with Oxigraph's parsers, for the code that needs the triples themselves (validation, the baseline engine).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from ..errors import DataError

#: File endings relgraph loads, and the format each is parsed as.
FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "ntriples", ".nq": "nquads"}


#: The most entries relgraph looks at below a data folder before it decides it was given the wrong folder.
MAX_ENTRIES = 200_000


def is_shapes(path: Path) -> bool:
    """True for a SHACL shapes file (``shapes.ttl``, ``*-shapes.ttl``, ``*.shapes.ttl``): it describes the data,
    it is not part of it.

    >>> is_shapes(Path("shapes.ttl")), is_shapes(Path("org-shapes.ttl")), is_shapes(Path("reshapes.ttl"))
    (True, True, False)
    """
    stem = path.name[:-len(path.suffix)].lower() if path.suffix else path.name.lower()
    return stem == "shapes" or stem.endswith(("-shapes", ".shapes", "_shapes"))


def data_files(path: Path, skipped: list[str] | None = None) -> list[Path]:
    """The RDF files relgraph loads for a data path: the file itself, or every data file below a folder.

    Left out: SHACL shapes files (:func:`is_shapes`) and hidden files and folders, by design; and, each with the
    reason added to ``skipped`` (one line each, for a note to the person), symbolic links that lead nowhere or
    round in a loop, folders named like data files, and folders that cannot be read. Raises :class:`DataError`
    (one line) when the path does not exist, cannot be read, is the root of the file system, holds no data file,
    or holds more than :data:`MAX_ENTRIES` entries (a home folder or a disk given by mistake).
    """
    notes = skipped if skipped is not None else []
    if not path.exists():
        raise DataError("no such file or folder" + (" (a symbolic link that leads nowhere)" if path.is_symlink()
                                                    else ""), path=str(path))
    if path.is_file():
        if path.suffix.lower() not in FORMATS:
            raise DataError(f"not an RDF file relgraph reads (expected one of {', '.join(FORMATS)})", path=str(path))
        return [path]
    if path.resolve() == Path(path.resolve().anchor):
        raise DataError("the root of the file system: give the folder that holds the data", path=str(path))
    try:
        next(iter(os.scandir(path)), None)
    except OSError as e:
        raise DataError(f"cannot read this folder: {e.strerror or e}", path=str(path)) from None
    files = _walk(path, notes)
    if not files:
        raise DataError(f"no RDF data files ({', '.join('*' + s for s in FORMATS)}) in this folder", path=str(path))
    return files


def _walk(root: Path, notes: list[str]) -> list[Path]:
    found: list[Path] = []
    seen = 0

    def unreadable(error: OSError) -> None:
        notes.append(f"{error.filename}: skipped, a folder that cannot be read ({error.strerror})")

    for folder, dirs, names in os.walk(root, onerror=unreadable, followlinks=False):
        seen += len(dirs) + len(names)
        if seen > MAX_ENTRIES:
            raise DataError(f"more than {MAX_ENTRIES:,} files and folders below this folder: give the folder "
                            "that holds the data", path=str(root))
        here = Path(folder)
        for d in list(dirs):
            if d.startswith("."):
                dirs.remove(d)
            elif Path(d).suffix.lower() in FORMATS:
                notes.append(f"{here / d}: skipped, a folder named like a data file")
        for name in names:
            _consider(here / name, found, notes)
    return sorted(found)


def _consider(p: Path, found: list[Path], notes: list[str]) -> None:
    """Add ``p`` to ``found`` if it is a data file; note why not when it looks like one."""
    if p.suffix.lower() not in FORMATS or p.name.startswith("."):
        return
    if is_shapes(p):
        return  # by design: validate reads it
    if p.is_symlink() and not p.exists():
        try:
            p.resolve(strict=True)
            reason = "a symbolic link that leads nowhere"
        except RuntimeError:
            reason = "a symbolic link that goes round in a loop"
        except OSError as e:
            reason = ("a symbolic link that goes round in a loop" if e.errno == 40
                      else "a symbolic link that leads nowhere")
        notes.append(f"{p}: skipped, {reason}")
    elif not p.is_file():
        notes.append(f"{p}: skipped, not a regular file")
    else:
        found.append(p)


_PREFIX = re.compile(r"(?im)^\s*(?:@prefix|prefix)\s+([A-Za-z][\w.-]*)?:\s*<([^<>\s]*)>")


def declared_prefixes(files: Iterable[Path], head: int = 65_536) -> dict[str, str]:
    """The prefixes the Turtle/TriG ``files`` declare in their first ``head`` bytes, so that a person may name
    things the data's own way (``ex:noordveld``); the first declaration of a prefix wins.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "x.ttl"
    >>> _ = f.write_text("@prefix ex: <https://example.org/> .\\n", encoding="utf-8")
    >>> declared_prefixes([f])
    {'ex': 'https://example.org/'}
    """
    found: dict[str, str] = {}
    for path in files:
        if FORMATS.get(path.suffix.lower()) not in ("turtle", "trig"):
            continue
        try:
            with open(path, encoding="utf-8", errors="replace") as text:
                start = text.read(head)
        except OSError:
            continue
        for prefix, iri in _PREFIX.findall(start):
            if prefix and "://" in iri:
                found.setdefault(prefix, iri)
    return found


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
