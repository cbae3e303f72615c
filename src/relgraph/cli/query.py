"""The question commands of ``relgraph``: ``query``, ``queries``, ``stats`` and ``validate``.

Each is a thin layer over :class:`relgraph.Dataset`: it parses the options, calls one method and formats the
answer. Registered in :mod:`relgraph.cli`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

from ..dataset import Dataset
from ..formatting import STREAMING, Format, printable, render
from ..formatting import stream as stream_rows
from ..languages import check_lang
from ..results import Result
from ..sparql import NamedQuery, parse, query_form, read
from ..store import RawResult
from ..terms import Term
from .options import Context, emit_rows, format_option, lang_option, parse_params, pass_ctx, terminal_width


@click.command()
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
        named, where = g.named_query(name), None
    else:
        named = read(file) if file is not None else parse(str(sparql), "sparql")
        where = str(file) if file else "--sparql"
    if fmt in STREAMING and query_form(named.text) == "SELECT":
        _stream(g, named, values, fmt, lang=lang, iris=iris, source=where)
        return
    result = g.run(named, values, lang=lang, labels=not iris, source=where)
    click.echo(render(result, fmt or Format.TABLE, iris=iris, max_width=terminal_width()), nl=False)


def _stream(g: Dataset, named: NamedQuery, values: dict[str, object], fmt: str, *, lang: str, iris: bool,
            source: str | None) -> None:
    """Write the rows as they come, a chunk at a time with its labels: constant memory for any number of rows."""
    check_lang(lang)
    columns, rows = g.stream(named, values, source=source)
    out = sys.stdout

    def chunks() -> Iterator[Result]:
        batch: list[tuple[Term | None, ...]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == 500:
                yield g.result(RawResult("SELECT", columns=columns, rows=batch), lang, labels=not iris)
                batch = []
        yield g.result(RawResult("SELECT", columns=columns, rows=batch), lang, labels=not iris)

    def write(text: str) -> None:
        out.write(text)
        out.flush()

    stream_rows(chunks(), fmt, write, iris=iris)


@click.command("queries")
@format_option
@pass_ctx
def list_queries(obj: Context, fmt: str) -> None:
    """List the named queries with their titles and parameters (json: the parameters in full).

    Example: relgraph queries
    """
    qs = obj.graph.queries
    if fmt in ("csv", "tsv", "markdown"):
        rows = [{"name": q.name, "title": q.title, "description": q.description,
                 "params": " ".join(f"{p.name}:{p.type}" for p in q.params)} for q in qs]
        emit_rows(rows, ["name", "title", "description", "params"], fmt)
        return
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


@click.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
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


@click.command()
@click.option("--shapes", type=click.Path(path_type=Path), default=None,
              help="SHACL shapes file [default: shapes.ttl beside the data].")
@pass_ctx
def validate(obj: Context, shapes: Path | None) -> None:
    """Check the data: its SHACL shapes, known terms, well-formed literals, one state per source, quotes in
    their sources' excerpts. One line per problem; exit 1 if any is found.

    Example: relgraph validate
    """
    report = obj.graph.validate(shapes)
    for finding in report.findings:
        click.echo(printable(str(finding)))
    if report.conforms:
        click.echo(f"ok: {report.checked} resources conform to {report.shapes}; {report.quotes} quotes found in "
                   "their sources' excerpts", err=True)
        return
    click.echo(f"{len(report.findings)} problem{'s' if len(report.findings) != 1 else ''} found", err=True)
    sys.exit(1)
