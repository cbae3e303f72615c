"""Where an on-disk store lives, and what is in its folder.

A store folder holds (see :class:`Layout`):

* ``current.json``: the manifest of the published state, what readers open (which generation, which data files
  with their hashes and triple counts), replaced atomically;
* ``generations/NNNNNN/``: published generations, each a complete Oxigraph (RocksDB) store that is never written
  again once published; readers open one read-only, holding a shared lock on ``generations/NNNNNN.lock``;
  ``generations/NNNNNN.memo/`` keeps what was computed from it (the counts of ``relgraph stats``);
* ``master/`` and ``master.json``: the one read-write Oxigraph store that syncs write into, and what it holds; a
  generation is a checkpoint of it (hard links, so cheap in time and space);
* ``lock``: held by the one process that writes (syncs, rebuilds, cleans up old generations).

The default folder is per dataset, outside the data folder (which may be read-only or shared):
``$RELGRAPH_STORE`` when set, else ``$XDG_CACHE_HOME/relgraph/stores/<name>-<hash of the absolute data path>``
(``~/.cache`` when ``$XDG_CACHE_HOME`` is not set).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: The environment variable that names the store folder.
ENV = "RELGRAPH_STORE"


def default_folder(data_path: Path) -> Path:
    """The store folder of a dataset: ``$RELGRAPH_STORE``, else one per data path in the user's cache.

    Examples
    --------
    >>> default_folder(Path("data")).parent.name                                           # doctest: +SKIP
    'stores'
    """
    import hashlib

    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    absolute = data_path.resolve()
    key = hashlib.sha256(os.fsencode(absolute)).hexdigest()[:12]
    name = "".join(c if c.isalnum() or c in "-_." else "_" for c in absolute.name)[:40] or "data"
    return cache / "relgraph" / "stores" / f"{name}-{key}"


def store_folder(data_path: Path, store: str | os.PathLike[str] | bool | None) -> Path | None:
    """The store folder :func:`relgraph.open` uses: ``store`` itself when it is a path, the default folder
    (:func:`default_folder`) for True, none (in memory) for False, and for None ``$RELGRAPH_STORE`` when set.

    Examples
    --------
    >>> store_folder(Path("data"), "/tmp/store"), store_folder(Path("data"), False)
    (PosixPath('/tmp/store'), None)
    """
    if store is True:
        return default_folder(data_path)
    if store is False:
        return None
    if store is None:
        return Path(os.environ[ENV]) if os.environ.get(ENV) else None
    return Path(store)


@dataclass(frozen=True)
class Layout:
    """The paths inside one store folder."""

    folder: Path

    @property
    def current(self) -> Path:
        return self.folder / "current.json"

    @property
    def master(self) -> Path:
        return self.folder / "master"

    @property
    def master_state(self) -> Path:
        return self.folder / "master.json"

    @property
    def lock(self) -> Path:
        return self.folder / "lock"

    @property
    def generations(self) -> Path:
        return self.folder / "generations"

    def generation(self, name: str) -> Path:
        return self.generations / name

    def generation_lock(self, name: str) -> Path:
        return self.generations / f"{name}.lock"

    def memo(self, name: str) -> Path:
        """Where what was computed from a generation is saved (see :meth:`.disk.DiskStore.remembered`)."""
        return self.generations / f"{name}.memo"

    def generation_names(self) -> list[str]:
        """Every generation folder present, published or not, oldest first."""
        try:
            return sorted(p.name for p in self.generations.iterdir() if p.is_dir() and p.name.isdigit())
        except OSError:
            return []

    def next_generation(self) -> str:
        names = self.generation_names()
        locks = [p.stem for p in self.generations.glob("*.lock") if p.stem.isdigit()] if self.generations.is_dir() \
            else []
        last = max((int(n) for n in names + locks), default=0)
        return f"{last + 1:06d}"
