"""The ``relgraph`` command: a thin layer over the Python API.

Each command parses its options, calls the one library function a notebook would call, and formats the answer.
relgraph's own errors become one line on stderr and a non-zero exit, never a traceback; the flag hints a person
needs at the command line (``-p name=value``, ``relgraph queries``, ``--shapes``) are added here, not in the
library. The commands live beside the concepts they serve: :mod:`.query`, :mod:`.network`, :mod:`.view`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from ..errors import FormatError, ParameterError, RelgraphError, StoreError, UnknownQueryError, ValidationError
from ..formatting import printable
from .options import DATA_HELP, QUERIES_HELP, Context, RelgraphClickError, store_options

__all__ = ["cli", "main"]


def cli_message(error: RelgraphError) -> str:
    """The library's one-line message, with the hint a person at the command line needs."""
    text = str(error)
    if isinstance(error, UnknownQueryError):
        text += " (see 'relgraph queries')"
    elif isinstance(error, FormatError):
        text = text.replace("use the format ", "use --format ")
    elif isinstance(error, ParameterError) and error.param:
        text = text.replace(f"e.g. {error.param}=", f"e.g. -p {error.param}=")
    elif isinstance(error, StoreError):
        text += " (--store DIR names another store folder; --no-store loads the data in memory)"
    elif isinstance(error, ValidationError) and text.endswith("(the default is shapes.ttl beside the data)"):
        text = text[:-1] + "; give another with --shapes)"
    return printable(text)


class Group(click.Group):
    """Turns relgraph's errors into one clean line and exit status 2 (1 is kept for 'validation found problems').

    Only :class:`~relgraph.errors.RelgraphError` is caught: any other exception is a bug and shows as one.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RelgraphError as e:
            raise RelgraphClickError(cli_message(e)) from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--data", type=click.Path(path_type=Path), envvar="RELGRAPH_DATA", default=None, help=DATA_HELP)
@click.option("--queries", type=click.Path(path_type=Path), envvar="RELGRAPH_QUERIES", default=None,
              help=QUERIES_HELP)
@store_options
@click.version_option(package_name="relgraph")
@click.pass_context
def cli(ctx: click.Context, data: Path | None, queries: Path | None) -> None:
    """relgraph: ask a knowledge graph of relations between organisations, people, governments and agreements.

    Example: relgraph query agreements
    """
    obj = ctx.ensure_object(Context)  # --store and --no-store have set theirs already
    obj.data, obj.queries = data, queries


#: Each command by name, as ``module:function`` in this package: a command imports its own module only, not the
#: others' (the network, export and view modules and what they import), so that it starts sooner.
COMMANDS = {"query": "query:query", "queries": "query:list_queries", "stats": "query:stats",
            "validate": "query:validate", "path": "network:path", "neighbours": "network:neighbours",
            "rank": "network:rank", "export": "network:export", "view": "view:view", "store": "store:store"}


class _Commands(dict[str, click.Command]):
    """The commands of :data:`cli` by name, each imported when it is first looked up (all of them when listed
    with their help, or iterated over as items or values)."""

    def _load(self, name: str) -> None:
        if name in COMMANDS and not dict.__contains__(self, name):
            import importlib

            module, function = COMMANDS[name].split(":")
            dict.__setitem__(self, name, getattr(importlib.import_module(f".{module}", __name__), function))

    def _load_all(self) -> None:
        for name in COMMANDS:
            self._load(name)

    def __getitem__(self, name: str) -> click.Command:
        self._load(name)
        return dict.__getitem__(self, name)

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        self._load(name)
        return dict.get(self, name, default)

    def __contains__(self, name: object) -> bool:
        return name in COMMANDS or dict.__contains__(self, name)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(set(COMMANDS) | set(dict.keys(self))))

    def __len__(self) -> int:
        return len(set(COMMANDS) | set(dict.keys(self)))

    def keys(self) -> Any:
        self._load_all()
        return dict.keys(self)

    def items(self) -> Any:
        self._load_all()
        return dict.items(self)

    def values(self) -> Any:
        self._load_all()
        return dict.values(self)


cli.commands = _Commands()


def main() -> None:
    """Entry point of the ``relgraph`` console script: every error, usage errors included, is one line."""
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
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
    sys.exit(code if isinstance(code, int) else 0)
