"""The ``relgraph`` command: a thin layer over the Python API.

Each command parses its options, calls the one library function a notebook would call, and formats the answer.
relgraph's own errors become one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import click

from .cli_analysis import export, neighbours, path, rank
from .cli_shared import Context, RelgraphClickError, lang_option, parse_params, pass_ctx
from .cli_view import view
from .errors import RelgraphError
from .formatting import Format, printable, render


class Group(click.Group):
    """Turns relgraph's errors into one clean line and exit status 2 (1 is kept for 'validation found problems')."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RelgraphError as e:
            raise RelgraphClickError(printable(str(e))) from None
        except ValueError as e:  # formats that do not fit the answer, and similar usage errors
            raise click.UsageError(str(e)) from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--data", type=click.Path(path_type=Path), envvar="RELGRAPH_DATA", default=None,
              help="Dataset folder or file [default: ./data, or $RELGRAPH_DATA].")
@click.option("--queries", type=click.Path(path_type=Path), envvar="RELGRAPH_QUERIES", default=None,
              help="Folder of named queries [default: queries/ beside the data, or $RELGRAPH_QUERIES].")
@click.version_option(package_name="relgraph")
@click.pass_context
def cli(ctx: click.Context, data: Path | None, queries: Path | None) -> None:
    """relgraph: ask a knowledge graph of relations between organisations, people, governments and agreements.

    Example: relgraph query agreements
    """
    ctx.obj = Context(data, queries)


@cli.command()
@click.argument("name", required=False)
@click.option("--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Run the SPARQL query in this file.")
@click.option("--sparql", help="Run this SPARQL text.")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter of the query.")
@click.option("-f", "--format", "fmt", type=click.Choice([f.value for f in Format]), default=None,
              help="Output format [default: table for rows, turtle for triples].")
@lang_option
@click.option("--iris", is_flag=True, help="Show IRIs instead of labels.")
@pass_ctx
def query(obj: Context, name: str | None, file: Path | None, sparql: str | None, params: tuple[str, ...],
          fmt: str | None, lang: str, iris: bool) -> None:
    """Answer a named query, a query file or a SPARQL text. Read-only: UPDATE, LOAD, SERVICE are refused.

    Example: relgraph query entity -p entity=DOFTEC --lang nl
    """
    given = [x for x in (name, file, sparql) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of NAME, --file or --sparql; 'relgraph queries' lists the names")
    values = parse_params(params)
    g = obj.graph
    if name is not None:
        result = g.query(name, lang=lang, labels=not iris, **values)
    else:
        from .queries import parse, read

        named = read(file) if file is not None else parse(str(sparql), "sparql")
        result = g.run(named, values, lang=lang, labels=not iris, source=str(file) if file else "--sparql")
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    click.echo(render(result, fmt or Format.TABLE, iris=iris, max_width=width), nl=False)


@cli.command("queries")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def list_queries(obj: Context, fmt: str) -> None:
    """List the named queries with their titles and parameters.

    Example: relgraph queries
    """
    qs = obj.graph.queries
    if fmt == "json":
        import json

        click.echo(json.dumps([{"name": q.name, "title": q.title, "description": q.description,
                                "params": [vars(p) for p in q.params]} for q in qs], ensure_ascii=False, indent=2))
        return
    if not qs:
        click.echo("no named queries (looked in the queries/ folder beside the data; see --queries)")
        return
    w = max(len(q.name) for q in qs)
    for q in qs:
        params = " ".join(f"-p {p.name}=<{p.type}>" for p in q.params)
        click.echo(f"{q.name:<{w}}  {q.title}" + (f"\n{'':<{w}}    {params}" if params else ""))


@cli.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def stats(obj: Context, fmt: str) -> None:
    """Count triples, entities by kind and class, relations and sources.

    Example: relgraph stats
    """
    s = obj.graph.stats()
    if fmt == "json":
        import dataclasses
        import json

        click.echo(json.dumps(dataclasses.asdict(s), ensure_ascii=False, indent=2))
        return
    lines = [f"triples     {s.triples}", f"entities    {s.entities}", f"relations   {s.relations}",
             f"sources     {s.sources}", f"quotes      {s.quotes}", f"files       {', '.join(s.files)}", "",
             "entities by kind"]
    lines += [f"  {n:>4}  {k}" for k, n in s.by_kind]
    lines += ["", "instances by class"]
    lines += [f"  {n:>4}  {label}" for _, label, n in s.by_class]
    click.echo("\n".join(lines))


@cli.command()
@click.option("--shapes", type=click.Path(path_type=Path), default=None,
              help="SHACL shapes file [default: shapes.ttl beside the data].")
@pass_ctx
def validate(obj: Context, shapes: Path | None) -> None:
    """Check the data against its SHACL shapes; one line per problem. Exit 1 if any is found.

    Example: relgraph validate
    """
    report = obj.graph.validate(shapes)
    for finding in report.findings:
        click.echo(str(finding))
    if report.conforms:
        click.echo(f"ok: {report.checked} resources conform to {report.shapes}", err=True)
        return
    click.echo(f"{len(report.findings)} problem{'s' if len(report.findings) != 1 else ''} found", err=True)
    sys.exit(1)


# ---------------------------------------------------------------- commands defined beside the concepts they serve
cli.add_command(path)
cli.add_command(neighbours)
cli.add_command(rank)
cli.add_command(export)
cli.add_command(view)


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
