"""The ``relgraph`` command: a thin layer over the Python API.

Each command parses its options, calls the one library function a notebook would call, and formats the answer.
relgraph's own errors become one line on stderr and a non-zero exit, never a traceback; the flag hints a person
needs at the command line (``-p name=value``, ``relgraph queries``, ``--shapes``) are added here, not in the
library. The commands live beside the concepts they serve: :mod:`.query`, :mod:`.network`, :mod:`.view`,
:mod:`.timeline`.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from pathlib import Path
from typing import Any

import click

from ..errors import (
    FormatError,
    ParameterError,
    QueryTimeoutError,
    RelgraphError,
    StoreError,
    UnknownQueryError,
)
from ..formatting import printable
from .options import (
    DATA_HELP,
    DEFAULT_TIMEOUT,
    ENDPOINT_HELP,
    QUERIES_HELP,
    TIMEOUT_HELP,
    Context,
    RelgraphClickError,
    store_options,
)

__all__ = ["cli", "main"]

#: Every command: its name, and the module of this package and the function that make it. A command's module
#: is imported when that command runs (or the help lists them all), not with the package: a command starts
#: without importing what the others need (the view's page, the timeline's charts, the sheets).
COMMANDS = {
    "query": ("query", "query"), "queries": ("query", "list_queries"), "stats": ("query", "stats"),
    "validate": ("query", "validate"), "path": ("network", "path"), "neighbours": ("network", "neighbours"),
    "rank": ("network", "rank"), "export": ("network", "export"), "view": ("view", "view"),
    "timeline": ("timeline", "timeline"), "push": ("push", "push"), "init": ("init", "init"),
    "import": ("sheets", "import_"), "mentions": ("sheets", "mentions"), "store": ("store", "store"),
}


def cli_message(error: RelgraphError) -> str:
    """The library's one-line message, with the hint a person at the command line needs."""
    text = str(error)
    if isinstance(error, UnknownQueryError):
        text += " (see 'relgraph queries')"
    elif isinstance(error, FormatError):
        text = text.replace("use the format ", "use --format ")
    elif isinstance(error, ParameterError) and error.param:
        text = text.replace(f"e.g. {error.param}=", f"e.g. -p {error.param}=")
    elif isinstance(error, QueryTimeoutError):
        text += " (give more with --timeout SECONDS, or --timeout 0 for no limit)"
    elif isinstance(error, StoreError):
        text += " (--store DIR names another store folder; --no-store loads the data in memory)"
    return printable(text)


class Group(click.Group):
    """Turns relgraph's errors into one clean line and exit status 2 (1 is kept for 'validation found problems'),
    and imports a command's module only when the command is asked for (:data:`COMMANDS`).

    Only :class:`~relgraph.errors.RelgraphError` is caught: any other exception is a bug and shows as one.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            import importlib

            module, name = COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(f"{__name__}.{module}"), name), cmd_name)
        return super().get_command(ctx, cmd_name)

    def every_command(self) -> dict[str, click.Command]:
        """Every command by name, each module imported (for the tests and the docs)."""
        ctx = click.Context(self)
        return {name: command for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None}

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RelgraphError as e:
            raise RelgraphClickError(cli_message(e)) from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--data", type=click.Path(path_type=Path), envvar="RELGRAPH_DATA", default=None, help=DATA_HELP)
@click.option("--queries", type=click.Path(path_type=Path), envvar="RELGRAPH_QUERIES", default=None,
              help=QUERIES_HELP)
@click.option("--endpoint", metavar="URL", envvar="RELGRAPH_ENDPOINT", default=None, help=ENDPOINT_HELP)
@click.option("--timeout", type=click.FloatRange(min=0), envvar="RELGRAPH_TIMEOUT", default=DEFAULT_TIMEOUT,
              metavar="SECONDS", help=TIMEOUT_HELP)
@store_options
@click.version_option(package_name="relgraph")
@click.pass_context
def cli(ctx: click.Context, data: Path | None, queries: Path | None, endpoint: str | None, timeout: float) -> None:
    """relgraph: ask a knowledge graph of relations between organisations, people, governments and agreements.

    Ctrl-C stops any command at once ("Aborted.", exit status 130).

    Example: relgraph query agreements
    """
    obj = ctx.ensure_object(Context)  # --store and --no-store have set theirs already
    obj.data, obj.queries, obj.endpoint, obj.timeout = data, queries, endpoint, timeout or None


def main() -> None:
    """Entry point of the ``relgraph`` console script: every error, usage errors included, is one line.

    The command runs in a worker thread while this one waits, so that Ctrl-C is heard at once even while the
    engine is busy: it prints "Aborted." and ends the process with status 130, leaving no work behind.
    """
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["code"] = _run()
        except BaseException as e:  # noqa: BLE001 - SystemExit included: the waiting thread exits with it
            box["exit"] = e

    worker = threading.Thread(target=run, name="relgraph-command", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.1)
    except KeyboardInterrupt:
        _abort()
    exit_with = box.get("exit")
    if isinstance(exit_with, SystemExit):
        raise exit_with
    if isinstance(exit_with, KeyboardInterrupt):
        _abort()
    if exit_with is not None:
        raise exit_with
    sys.exit(box.get("code", 0))


def _abort() -> None:
    """Ctrl-C: say so and end the process now; the engine's work in other threads ends with it."""
    sys.stderr.write("Aborted.\n")
    sys.stderr.flush()
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
    os._exit(130)


def _run() -> int:
    try:
        code = cli.main(prog_name="relgraph", standalone_mode=False)
    except click.UsageError as e:
        where = f" (see '{e.ctx.command_path} --help')" if e.ctx is not None else ""
        click.echo(f"Error: {printable(e.format_message())}{where}", err=True)
        sys.exit(e.exit_code)
    except click.ClickException as e:
        click.echo(f"Error: {printable(e.format_message())}", err=True)
        sys.exit(e.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    return code if isinstance(code, int) else 0
