"""The ``relgraph view`` command: write the interactive network view as one self-contained HTML file.

A thin layer over :func:`relgraph.view.view` (the same as ``g.view(...)`` in Python). ``-o FILE`` writes that
file, ``-o DIR/`` (or an existing folder) the default file name inside it, ``-o -`` the page to stdout.
"""

from __future__ import annotations

import warnings

import click

from ..view import ViewSizeWarning, presets
from .options import Context, as_of_option, lang_option, parse_params, pass_ctx

#: Where views go when no -o is given.
DEFAULT_FOLDER = "views/"


@click.command("view")
@click.option("-o", "--output", type=click.Path(allow_dash=True), default=None,
              help="File to write; DIR/ writes the default name into DIR; - writes to stdout "
                   "[default: views/<preset, focus or query>.html].")
@lang_option
@click.option("--focus", metavar="ENTITY", help="Draw the neighbourhood of this entity (label, prefixed name or IRI).")
@click.option("--depth", type=click.IntRange(0, 10), default=1, show_default=True,
              help="Steps around --focus to include.")
@click.option("--preset", metavar="NAME", help="A named view (see --list) [default: relationship].")
@click.option("--query", "query", metavar="NAME",
              help="Draw a named query's result (CONSTRUCT, or SELECT ?source ?relation ?target).")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter of --query.")
@as_of_option
@click.option("--title", help="Title of the page.")
@click.option("--list", "list_presets", is_flag=True, help="List the presets and exit.")
@click.option("--force", is_flag=True, help="Draw even a graph too big for a browser (over 20,000 entities).")
@pass_ctx
def view(obj: Context, output: str | None, lang: str, focus: str | None, depth: int, preset: str | None,
         query: str | None, params: tuple[str, ...], as_of: str | None, title: str | None,
         list_presets: bool, force: bool) -> None:
    """Write the interactive network view: one HTML file that works offline, in any browser.

    Example: relgraph view -o views/doftec.html --focus DOFTEC --depth 2 --lang nl
    """
    if list_presets:
        items = list(presets(obj.graph).values())
        w = max(len(p.name) for p in items)
        for p in items:
            mark = " (default)" if p.default else ""
            click.echo(f"{p.name:<{w}}  {p.title_in(lang)}{mark}\n{'':<{w}}  {p.description_in(lang)}")
        return
    if params and query is None:
        raise click.UsageError("-p/--param needs --query")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ViewSizeWarning)
        drawn = obj.graph.view(None, lang=lang, focus=focus, depth=depth, preset=preset, query=query, as_of=as_of,
                               title=title, force=force, **parse_params(params))
    for warned in caught:
        click.echo(f"warning: {warned.message}", err=True)
    if output == "-":
        click.echo(drawn.html, nl=not drawn.html.endswith("\n"))
        return
    written = drawn.save(DEFAULT_FOLDER if output is None else output)
    click.echo(str(written))
    size = len(drawn.html.encode("utf-8"))
    click.echo(f"{size / 1e6:.1f} MB · {drawn.nodes:,} entities · {drawn.edges:,} relations", err=True)
