"""How a store on disk stands against its data files, and what is saved with its generation: found without
changing either (``relgraph store status``)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import manifest as mf
from .folder import Layout
from .plan import compare


@dataclass
class Status:
    """How a store stands against its data files, found without changing either.

    ``size`` is the bytes of the published generation on disk; ``saved`` what was computed from it and kept for
    the next commands (see :meth:`relgraph.store.disk.DiskStore.remembered`), as (what, bytes), by what."""

    folder: Path
    built: bool
    generation: str | None = None
    published: str = ""
    triples: int = 0
    files: list[tuple[str, str, int]] = field(default_factory=list)  # (path, state, triples), by path
    size: int = 0
    saved: list[tuple[str, int]] = field(default_factory=list)

    @property
    def in_step(self) -> bool:
        return self.built and all(state in ("ok", "touched") for _, state, _ in self.files)


def status(folder: Path, files: list[Path], root: Path | None) -> Status:
    """How the store in ``folder`` stands against ``files``: per file ``ok``, ``touched`` (same content, new
    time), ``changed``, ``new`` or ``removed``. Reads the files whose ``stat`` differs; writes nothing."""
    layout = Layout(folder)
    current = mf.read(layout.current)
    if current is None or not current.generation or not layout.generation(current.generation).is_dir():
        return Status(folder, False)
    plan = compare(current.files, files, root)
    rows = [(rel, "touched" if rel in plan.restat else "ok", current.files[rel].triples) for rel in plan.unchanged]
    rows += [(rel, "changed", current.files[rel].triples) for rel in plan.changed]
    rows += [(rel, "removed", current.files[rel].triples) for rel in plan.removed]
    rows += [(rel, "new", 0) for rel in plan.new]
    saved = sorted((describe(p.name), n) for p, n in _files(layout.memo(current.generation)))
    return Status(folder, True, current.generation, current.built, current.triples, sorted(rows),
                  sum(n for _, n in _files(layout.generation(current.generation))), saved)


def _files(folder: Path) -> list[tuple[Path, int]]:
    """Every file under ``folder`` with its size (none when it is not there; one that goes while it is looked
    at, as a sync removes an old generation, is left out)."""
    out = []
    for top, _, names in os.walk(folder):
        for name in names:
            try:
                out.append((Path(top) / name, (Path(top) / name).stat().st_size))
            except OSError:
                continue
    return out


#: What the files of a generation's memo folder are, by name (the code hash of a saved network left out).
_SAVED = [
    (re.compile(r"labels-(\d+)\.sqlite"), "table of names"),
    (re.compile(r"network-([^-.]+)-all\..*\.pickle"), "network ({0}, every day)"),
    (re.compile(r"network-([^-.]+)-([\d-]+)\..*\.pickle"), "network ({0}, as of {1})"),
    (re.compile(r"structure-([^-.]+)\..*\.pickle"), "network structure ({0})"),
    (re.compile(r"stats\.json"), "counts (relgraph stats)"),
    (re.compile(r"gazetteer-(\d+)\.pickle"), "gazetteer of names (relgraph mentions)"),
]


def describe(name: str) -> str:
    """What the file ``name`` of a memo folder holds, in words.

    >>> describe("network-nl-2017-11-01.8792da24e3ad.pickle"), describe("labels-2.sqlite"), describe("x.tmp")
    ('network (nl, as of 2017-11-01)', 'table of names', 'x.tmp')
    """
    for pattern, words in _SAVED:
        found = pattern.fullmatch(name)
        if found:
            return words.format(*found.groups())
    return name
