"""The ``relgraph timeline`` command: every dated relation and event in order, as rows or as a picture.

A thin layer over :mod:`relgraph.timeline` (``g.timeline()`` in Python): without ``--plot`` it prints the rows
with the shared ``--format``; with ``--plot FILE.svg`` or ``FILE.png`` it draws the lane chart into that file.
"""

from __future__ import annotations

import click

from .. import timeline as history
from .options import Context, emit_rows, format_option, lang_option, pass_ctx


@click.command("timeline")
@click.option("--plot", "plot", metavar="FILE", default=None,
              help="Draw the timeline into FILE instead of printing it: .svg (each mark with its source and quote "
                   "on hover) or .png.")
@click.option("--as-of", "as_of", metavar="DATE", default=None,
              help="Show the timeline as it stood on this day (YYYY-MM-DD, YYYY-MM or YYYY): what had begun by "
                   "then, in the state its sources then gave.")
@lang_option
@format_option
@click.option("--derived", is_flag=True,
              help="Also show what has only dates derived from linked entities (the outcomes of an event).")
@pass_ctx
def timeline(obj: Context, plot: str | None, as_of: str | None, lang: str, fmt: str, derived: bool) -> None:
    """Show every dated relation and event in order, with its status and source, or draw it (--plot).

    Status as a line: active solid, ended dotted, intended dashed. --as-of DATE shows the timeline as it stood
    on that day: what had begun, in the state the sources then gave.

    Example: relgraph timeline --plot timeline.svg
    """
    rows = history.rows(obj.graph, lang=lang, as_of=as_of, derived=derived)
    if plot is None:
        emit_rows(rows, history.COLUMNS, fmt, history.SHOWN)
        return
    history.plot(rows, plot, lang=lang, as_of=as_of)
    click.echo(plot)
