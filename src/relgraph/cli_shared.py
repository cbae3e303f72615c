"""What the ``relgraph`` commands share: the lazily opened graph, common options, and the error type.

Kept apart from :mod:`relgraph.cli` so that command modules beside it (``cli_view``, ``cli_analysis``) can use
them without importing the group they are registered in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .graph import LANGS, RelGraph
from .graph import open as open_graph


class Context:
    """What every command shares: where the data and the queries are, opened on first use."""

    def __init__(self, data: Path | None, queries: Path | None) -> None:
        self.data, self.queries = data, queries
        self._graph: RelGraph | None = None

    @property
    def graph(self) -> RelGraph:
        if self._graph is None:
            self._graph = open_graph(self.data, queries=self.queries)
        return self._graph


pass_ctx = click.make_pass_decorator(Context)


class RelgraphClickError(click.ClickException):
    """A relgraph error on the command line: one line on stderr, exit status 2."""

    exit_code = 2


def lang_option(f: Any) -> Any:
    return click.option("--lang", type=click.Choice(LANGS), default="en", show_default=True,
                        help="Language of the labels.")(f)


def parse_params(pairs: tuple[str, ...]) -> dict[str, object]:
    """``key=value`` pairs from ``-p`` options."""
    out: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="-p/--param")
        out[key.strip()] = value
    return out
