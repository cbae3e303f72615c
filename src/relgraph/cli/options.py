"""What the ``relgraph`` commands share: the lazily opened dataset, the shared options (``--data``,
``--queries``, ``--endpoint``, ``--lang``, ``--as-of``, ``--format``), the one way rows are printed, and the error type.

The dataset options are accepted before the command (``relgraph --data d query x``) and after it
(``relgraph query x --data d``); given after, they win.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..dataset import Dataset
from ..dataset import open as open_dataset
from ..formatting import TABULAR, write_rows
from ..languages import LANGS

F = TypeVar("F", bound=Callable[..., Any])


#: Seconds one query may take on the command line unless --timeout (or $RELGRAPH_TIMEOUT) says otherwise.
DEFAULT_TIMEOUT = 60.0


class Context:
    """What every command shares: where the data and the queries are, opened on first use, and the store on disk
    they are kept in (``store``: a folder, None for the default one, False for none: parsed into memory)."""

    def __init__(self, data: Path | None = None, queries: Path | None = None, endpoint: str | None = None,
                 timeout: float | None = DEFAULT_TIMEOUT, store: Path | bool | None = None) -> None:
        self.data, self.queries, self.endpoint, self.timeout = data, queries, endpoint, timeout
        self.store = store
        self._graph: Dataset | None = None

    @property
    def graph(self) -> Dataset:
        if self._graph is None:
            from .progress import ProgressBar

            store = (True if self.store is None else self.store) if self.endpoint is None else False
            self._graph = open_dataset(self.data, queries=self.queries, endpoint=self.endpoint, timeout=self.timeout,
                                       store=store, progress=ProgressBar())
            for note in self._graph.skipped:
                click.echo(f"note: {note}", err=True)
        return self._graph


class RelgraphClickError(click.ClickException):
    """A relgraph error on the command line: one line on stderr, exit status 2."""

    exit_code = 2


def _set_data(ctx: click.Context, _: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.ensure_object(Context).data = value


def _set_queries(ctx: click.Context, _: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.ensure_object(Context).queries = value


def _set_timeout(ctx: click.Context, _: click.Parameter, value: float | None) -> None:
    if value is not None:
        ctx.ensure_object(Context).timeout = value or None


def _set_endpoint(ctx: click.Context, _: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.ensure_object(Context).endpoint = value


def _set_store(ctx: click.Context, _: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.ensure_object(Context).store = value


def _set_no_store(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(Context).store = False


STORE_HELP = ("Folder of the persistent store on disk [default: $RELGRAPH_STORE, else one per dataset in "
              "$XDG_CACHE_HOME/relgraph].")
NO_STORE_HELP = "Parse the data files into memory instead of using the store on disk."


def store_options(f: F) -> F:
    """``--store DIR`` and ``--no-store``, accepted before the command and after it."""
    f = click.option("--no-store", is_flag=True, expose_value=False, callback=_set_no_store, help=NO_STORE_HELP)(f)
    f = click.option("--store", type=click.Path(file_okay=False, path_type=Path), expose_value=False,
                     callback=_set_store, help=STORE_HELP)(f)
    return f


DATA_HELP = "Dataset folder or file [default: ./data, or $RELGRAPH_DATA]."
TIMEOUT_HELP = (f"Stop a query after this many seconds; 0 for no limit [default: {DEFAULT_TIMEOUT:g}, or "
                "$RELGRAPH_TIMEOUT].")
QUERIES_HELP = "Folder of named queries [default: queries/ beside the data, or $RELGRAPH_QUERIES]."
ENDPOINT_HELP = ("Ask this SPARQL endpoint (its query URL) instead of loading the data [or $RELGRAPH_ENDPOINT]; "
                 "--data then only locates queries/ and shapes.ttl.")


def dataset_options(f: F) -> F:
    """``--data``, ``--queries``, ``--endpoint``, ``--timeout``, ``--store`` and ``--no-store`` on a command, so
    that they may follow it."""
    f = store_options(f)
    f = click.option("--timeout", type=click.FloatRange(min=0), expose_value=False, callback=_set_timeout,
                     metavar="SECONDS", help=TIMEOUT_HELP)(f)
    f = click.option("--endpoint", metavar="URL", expose_value=False, callback=_set_endpoint,
                     help=ENDPOINT_HELP)(f)
    f = click.option("--queries", type=click.Path(path_type=Path), expose_value=False, callback=_set_queries,
                     help=QUERIES_HELP)(f)
    f = click.option("--data", type=click.Path(path_type=Path), expose_value=False, callback=_set_data,
                     help=DATA_HELP)(f)
    return f


def pass_ctx(f: F) -> F:
    """Pass the shared :class:`Context` as the first argument, and accept ``--data``/``--queries``/``--endpoint``
    here too."""
    return dataset_options(click.make_pass_decorator(Context, ensure=True)(f))  # type: ignore[return-value]


def lang_option(f: F) -> F:
    return click.option("--lang", type=click.Choice(LANGS), default="en", show_default=True,
                        help="Language of the labels.")(f)


AS_OF_HELP = ("Keep only the relations that held on this day (YYYY-MM-DD, YYYY-MM or YYYY); "
              "those with no known date are kept and marked.")


def as_of_option(f: F) -> F:
    return click.option("--as-of", "as_of", metavar="DATE", default=None, help=AS_OF_HELP)(f)


def format_option(f: F) -> F:
    """The one ``--format`` of every command that prints rows."""
    return click.option("-f", "--format", "fmt", type=click.Choice([t.value for t in TABULAR]), default="table",
                        show_default=True, help="Output format.")(f)


def terminal_width() -> int | None:
    """The width of the terminal, or None when the output is not one."""
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def emit_rows(rows: list[dict[str, Any]], columns: list[str], fmt: str, shown: list[str] | None = None) -> None:
    """Print records: every one of ``columns`` in the machine formats, the ``shown`` ones in a table."""
    header = (shown or columns) if fmt in ("table", "markdown") else columns
    click.echo(write_rows(header, [[r.get(c) for c in header] for r in rows], fmt, max_width=terminal_width()),
               nl=False)


def parse_params(pairs: tuple[str, ...]) -> dict[str, object]:
    """``key=value`` pairs from ``-p`` options."""
    out: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="-p/--param")
        out[key.strip()] = value
    return out
