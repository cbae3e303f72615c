"""What a store holds, written down: per data file its named graph, content hash, size, modification time and
triple count; per named graph its number of quads.

A :class:`Manifest` is kept twice in a store folder (see :mod:`.folder`): ``current.json`` describes the published
generation that readers open, ``master.json`` the read-write store that syncs work on (with the graphs a sync
was in the middle of changing, so that a killed sync is repaired by the next). Both are written with
:func:`relgraph.fileio.write_text`: a reader sees the old file or the new, never half of one.

Whether a data file changed is decided by its content (SHA-256). Its size, modification time and inode are
kept as well, so that a file whose ``stat`` is unchanged need not be read again to know it is in step.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ExportError, StoreError

#: Version of the manifest's format; a manifest of another version is ignored (the store is rebuilt).
#: 2: relative IRIs resolve against the file's path in the data folder (1: against its name alone).
FORMAT = 2


@dataclass(frozen=True)
class Entry:
    """One data file as the store holds it."""

    graph: str  # the named graph its triples are in
    sha256: str
    size: int
    mtime_ns: int
    inode: int
    triples: int = 0  # quads in its graphs when it was loaded
    graphs: tuple[str, ...] = ()  # every named graph it wrote (more than ``graph`` only for TriG and N-Quads)

    def same_stat(self, st: os.stat_result) -> bool:
        """True when ``st`` (of the file now) has the size, modification time and inode recorded."""
        return (st.st_size, st.st_mtime_ns, st.st_ino) == (self.size, self.mtime_ns, self.inode)

    def restat(self, st: os.stat_result) -> Entry:
        """This entry with the ``stat`` of the file now (its content being unchanged)."""
        return replace(self, size=st.st_size, mtime_ns=st.st_mtime_ns, inode=st.st_ino)


@dataclass
class Manifest:
    """The data files a store holds, by their path within the data folder, and the quads per named graph."""

    data: str = ""  # the absolute data path the store was last synced with
    generation: str | None = None  # the published generation (current.json only)
    files: dict[str, Entry] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # quads per named graph
    pending: tuple[str, ...] = ()  # named graphs a sync was changing (master.json only)
    built: str = ""  # when the generation was published (ISO 8601, UTC)

    @property
    def triples(self) -> int:
        return sum(self.counts.values())

    def graph_names(self) -> set[str]:
        return set(self.counts)

    def to_json(self) -> str:
        files = {rel: {**vars(e), "graphs": list(e.graphs)} for rel, e in sorted(self.files.items())}
        return json.dumps({"format": FORMAT, "data": self.data, "generation": self.generation, "built": self.built,
                           "files": files, "counts": dict(sorted(self.counts.items())),
                           "pending": list(self.pending)}, indent=1, ensure_ascii=False) + "\n"


def read(path: Path) -> Manifest | None:
    """The manifest in ``path``; None when there is none, or it is unreadable or of another format (a store
    whose manifest cannot be trusted is rebuilt rather than guessed at)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            return None
        files = {rel: Entry(**{**e, "graphs": tuple(e.get("graphs", ()))}) for rel, e in raw["files"].items()}
        return Manifest(data=raw["data"], generation=raw.get("generation"), files=files,
                        counts={g: int(n) for g, n in raw["counts"].items()}, pending=tuple(raw.get("pending", ())),
                        built=raw.get("built", ""))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def write(path: Path, manifest: Manifest) -> None:
    """Write ``manifest`` to ``path`` atomically (:func:`relgraph.fileio.write_text`)."""
    from ..fileio import write_text

    try:
        write_text(path, manifest.to_json())
    except ExportError as e:
        raise StoreError(f"cannot write the store's manifest: {e}") from None
