"""How a build of the store on disk shows on the command line: a progress bar on stderr, when stderr is a
terminal; nothing otherwise (a script's output stays the answer alone)."""

from __future__ import annotations

import sys
import time

import click


class ProgressBar:
    """A ``progress(message, done, total)`` callback (see :func:`relgraph.open`) that draws one line on stderr."""

    def __init__(self, *, width: int = 30) -> None:
        self.width = width
        self.shown = sys.stderr.isatty()
        self._last = 0.0
        self._open = False

    def __call__(self, message: str, done: int, total: int) -> None:
        if not self.shown:
            return
        if total <= 0:
            self._end()
            click.echo(f"{message} …", err=True)
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        filled = int(self.width * done / total)
        bar = "█" * filled + "░" * (self.width - filled)
        sizes = f"{done / 1e6:.1f}/{total / 1e6:.1f} MB"
        text = f"\rbuilding the store  {bar} {100 * done // total:3d}%  {sizes}  {message}"
        click.echo(f"{text[:200]}\x1b[K", err=True, nl=False)
        self._open = True
        if done >= total:
            self._end()

    def _end(self) -> None:
        if self._open:
            click.echo("", err=True)
            self._open = False
