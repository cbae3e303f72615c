"""Real SPARQL servers for the endpoint tests, started on free ports with their data in a temporary folder:
Oxigraph server (``oxigraph serve``, from the ``oxigraph`` package of the test extra) and Virtuoso open source
(``virtuoso-t``, Debian's ``virtuoso-opensource``)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Debian's configuration of Virtuoso, the one the fixture starts from.
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command beside this Python (the test extra installs it), else on the PATH."""
    here = str(Path(sys.executable).parent)
    return shutil.which("oxigraph", path=here + os.pathsep + os.environ.get("PATH", ""))


def virtuoso_binary() -> str | None:
    return shutil.which("virtuoso-t")


def _wait(url: str, process: subprocess.Popen, log: Path, seconds: float) -> None:
    """Wait until ``url`` answers at all (any HTTP status), or fail with the server's own log."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped (exit {process.returncode}): {log.read_text(errors='replace')}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{url} did not answer within {seconds:g} s: {log.read_text(errors='replace')[-2000:]}")


@contextmanager
def _running(command: list[str], url: str, log: Path, seconds: float, cwd: Path | None = None) -> Iterator[None]:
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=cwd)
    try:
        _wait(url, process, log, seconds)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def oxigraph_server(folder: Path, *, read_only: bool = False) -> Iterator[str]:
    """``oxigraph serve --location FOLDER --bind 127.0.0.1:PORT``; yields its base URL (``/query``,
    ``/update``, ``/store`` below it)."""
    binary = oxigraph_binary()
    if binary is None:
        raise RuntimeError("the oxigraph command is missing: install the test extra (pip install -e '.[test]')")
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    command = [binary, "serve-read-only" if read_only else "serve", "--location", str(folder / "db"),
               "--bind", f"127.0.0.1:{port}"]
    with _running(command, f"http://127.0.0.1:{port}/", folder / "server.log", 60):
        yield f"http://127.0.0.1:{port}"


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[str]:
    """Virtuoso with a fresh database in ``folder``, its SQL and HTTP ports free ones; yields its base URL
    (``/sparql`` for queries, ``/sparql-auth`` for updates with Digest authentication as dba/dba)."""
    binary = virtuoso_binary()
    assert binary is not None
    folder.mkdir(parents=True, exist_ok=True)
    sql, http = free_port(), free_port()
    ini = []
    section = ""
    for line in VIRTUOSO_INI.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped
        key = stripped.split("=")[0].strip()
        if "/var/lib/virtuoso-opensource-7/db/" in line:
            line = line.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
        elif key == "ServerPort" and section == "[Parameters]":
            line = f"ServerPort = 127.0.0.1:{sql}"
        elif key == "ServerPort" and section == "[HTTPServer]":
            line = f"ServerPort = 127.0.0.1:{http}"
        ini.append(line)
    (folder / "virtuoso.ini").write_text("\n".join(ini) + "\n", encoding="utf-8")
    command = [binary, "+foreground", "+configfile", str(folder / "virtuoso.ini")]
    with _running(command, f"http://127.0.0.1:{http}/sparql", folder / "server.log", 180, cwd=folder):
        yield f"http://127.0.0.1:{http}"
