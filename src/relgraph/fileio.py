"""Writing files safely: the one atomic writer every export and every view goes through.

This module owns how relgraph puts text (and pictures) on disk, nothing else. :func:`write_text` writes one file
(:func:`write_bytes` one of bytes),
:func:`write_texts` several as one step (the two files of a CSV export). Either way:

* a symbolic link is written *through*: its target gets the new text and the link stays a link;
* a target that exists and is not a regular file (a folder, a device such as ``/dev/null``, a named pipe) is
  refused with an :class:`~relgraph.errors.ExportError` naming the path, and so is an empty path or one ending
  in ``/`` (a folder, where a file name is needed);
* the text goes to a temporary file in the target's own folder, is flushed to disk (``fsync``), then renamed over
  the target, so a reader never sees half a file and a failure leaves the old file as it was;
* an existing file keeps its permission bits (and, when allowed, its owner); a new file gets ``0644`` less the
  umask;
* missing parent folders are created; a temporary file is removed on any failure.

With several files, every target is checked and every temporary file written before the first rename: when
anything fails up to that point, no target is touched.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import ExportError

__all__ = ["NEW_FILE_MODE", "folder_target", "is_folder_path", "write_bytes", "write_text", "write_texts"]

#: Permission bits of a new file, before the umask is taken off.
NEW_FILE_MODE = 0o644

_SEPARATORS = tuple(s for s in (os.sep, os.altsep, "/") if s)


@dataclass
class _Target:
    given: Path  # the path as the caller gave it (returned, and named in messages)
    real: Path  # where the bytes go: the given path with every symbolic link resolved
    data: bytes
    mode: int
    owner: tuple[int, int] | None  # (uid, gid) of the file replaced, None for a new file
    tmp: str | None = None


def is_folder_path(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` names a folder: it ends in ``/`` or is an existing folder.

    Examples
    --------
    >>> is_folder_path("out/"), is_folder_path("out/graph.gexf")
    (True, False)
    """
    text = os.fspath(path)
    return text.endswith(_SEPARATORS) or os.path.isdir(text)


def folder_target(path: str | os.PathLike[str], default_name: str) -> Path:
    """``path`` itself, or ``path/default_name`` when ``path`` names a folder (see :func:`is_folder_path`).

    Raises :class:`ExportError` for an empty path.

    Examples
    --------
    >>> folder_target("views/", "relationship.html"), folder_target("doftec.html", "relationship.html")
    (PosixPath('views/relationship.html'), PosixPath('doftec.html'))
    """
    text = _checked(path)
    return Path(text) / default_name if is_folder_path(text) else Path(text)


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; returns ``path`` as given.

    Raises :class:`ExportError` (one line, naming the path) when the file cannot be written.

    Examples
    --------
    >>> write_text("out/graph.gexf", text)                                             # doctest: +SKIP
    PosixPath('out/graph.gexf')
    """
    return write_texts([(path, text)])[0]


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` (a picture, say) to ``path`` atomically, with every guarantee of :func:`write_text`."""
    return write_texts([(path, data)])[0]


def write_texts(files: Iterable[tuple[str | os.PathLike[str], str | bytes]]) -> list[Path]:
    """Write several files as one step: all are checked and written aside before any is renamed into place.

    Returns the paths as given. When a check or a write fails, :class:`ExportError` is raised and no target has
    been replaced; only a failing rename itself (very rare: the folder was checked writable a moment before)
    can leave the files that were renamed before it.

    Examples
    --------
    >>> write_texts([("out/nodes.csv", nodes), ("out/edges.csv", edges)])               # doctest: +SKIP
    [PosixPath('out/nodes.csv'), PosixPath('out/edges.csv')]
    """
    targets = [_prepare(path, text) for path, text in files]
    seen: dict[Path, Path] = {}
    for t in targets:
        if t.real in seen:
            raise ExportError(f"{t.given}: written twice in one step (it is the same file as {seen[t.real]})")
        seen[t.real] = t.given
    try:
        for t in targets:
            _write_aside(t)
        for t in targets:
            assert t.tmp is not None
            try:
                os.replace(t.tmp, t.real)
            except OSError as e:
                raise _error(t, e) from None
            t.tmp = None
            _sync_folder(t.real.parent)
    finally:
        for t in targets:
            if t.tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(t.tmp)
    return [t.given for t in targets]


# ---------------------------------------------------------------------------------------------- helpers


def _checked(path: str | os.PathLike[str]) -> str:
    text = os.fspath(path)
    if not isinstance(text, str):
        text = os.fsdecode(text)
    if text == "":
        raise ExportError("empty output path: give a file name")
    return text


def _prepare(path: str | os.PathLike[str], text: str | bytes) -> _Target:
    """Check one target and find where its bytes go; nothing is written yet."""
    given_text = _checked(path)
    given = Path(given_text)
    if given_text.endswith(_SEPARATORS):
        raise ExportError(f"{given_text}: names a folder (it ends in '/'); give a file name")
    real = Path(os.path.realpath(given_text))
    shown = f"{given} (a link to {real})" if str(real) != os.path.abspath(given_text) else str(given)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise ExportError(f"{shown}: cannot write: {e.strerror or e}") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise ExportError(f"{shown} is not a regular file ({_what(st.st_mode)}); give a file name")
    try:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise ExportError(f"{given}: cannot write: the text holds a character UTF-8 cannot encode "
                          f"(position {e.start})") from None
    if st is not None:
        return _Target(given, real, data, stat.S_IMODE(st.st_mode) & 0o777, (st.st_uid, st.st_gid))
    return _Target(given, real, data, NEW_FILE_MODE & ~_umask(), None)


def _write_aside(t: _Target) -> None:
    """Write ``t``'s bytes to a temporary file beside its target (creating the folder), flushed, with the
    target's mode and owner."""
    try:
        t.real.parent.mkdir(parents=True, exist_ok=True)
        fd, t.tmp = tempfile.mkstemp(prefix=f".{t.real.name}.", suffix=".tmp", dir=t.real.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(t.data)
            f.flush()
            os.fsync(f.fileno())
        if t.owner is not None:
            st = os.stat(t.tmp)
            if (st.st_uid, st.st_gid) != t.owner:
                with contextlib.suppress(OSError):  # only root (or the owner, for the group) may
                    os.chown(t.tmp, *t.owner)
        os.chmod(t.tmp, t.mode)
    except OSError as e:
        raise _error(t, e) from None


def _error(t: _Target, e: OSError) -> ExportError:
    return ExportError(f"{t.given}: cannot write: {e.strerror or e}")


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entry list, so that a rename survives a crash (where the system allows it)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
