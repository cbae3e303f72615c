"""A new dataset folder: :func:`init` writes relgraph's ontology and shapes, an example source that validates
clean, and a short README, so that a person starts from a working dataset rather than an empty folder.

The files live beside this module (the example) and in the seed dataset (the ontology and the shapes).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from .. import seed
from ..errors import ExportError
from ..fileio import write_text

#: What :func:`init` writes, relative to the new folder, and where each comes from.
FILES = ("ontology.ttl", "shapes.ttl", "example.ttl", "sources/example.txt", "README.md")


def init(path: str | os.PathLike[str]) -> list[Path]:
    """Make a new dataset folder at ``path`` and return the files written.

    The folder may exist but must be empty: nothing a person wrote is ever overwritten (:class:`ExportError`
    otherwise). Every file is written atomically.

    Examples
    --------
    >>> import tempfile, relgraph
    >>> folder = Path(tempfile.mkdtemp()) / "my-dataset"
    >>> [p.name for p in init(folder)]
    ['ontology.ttl', 'shapes.ttl', 'example.ttl', 'example.txt', 'README.md']
    >>> relgraph.open(folder).validate().conforms
    True
    """
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: not a folder; a new dataset needs a folder of its own")
    if folder.is_dir() and any(folder.iterdir()):
        raise ExportError(f"{folder}: this folder is not empty; give a new or empty folder for the dataset")
    written = []
    for name in FILES:
        written.append(write_text(folder / name, _text(name)))
    return written


def _text(name: str) -> str:
    if name in ("ontology.ttl", "shapes.ttl"):
        return seed.file(name).read_text(encoding="utf-8")
    return resources.files("relgraph.scaffold").joinpath(name).read_text(encoding="utf-8")
