"""The network commands of ``relgraph``: ``path``, ``neighbours``, ``rank`` and ``export``.

Each command is a thin layer over :mod:`relgraph.network` or :mod:`relgraph.export` (the same functions a
notebook calls through :class:`~relgraph.RelGraph`): it parses the options, calls one function and formats the
answer. ``--as-of DATE`` keeps the relations that held on that day; those with no known date are kept, marked
"date unknown", and counted in a closing line. Registered in :mod:`relgraph.cli`.
"""

from __future__ import annotations

import json

import click

from .. import network as analysis
from ..export import FORMATS as EXPORT_FORMATS
from ..kinds import BY_KEY
from .options import Context, as_of_option, emit_rows, format_option, lang_option, pass_ctx, terminal_width


def _undated_line(n: int, what: str) -> str:
    """``"3 relations have no known date and are shown marked"``, in the singular for one."""
    plural = n != 1
    return (f"{n} relation{'s' if plural else ''} {'have' if plural else 'has'} no known date and "
            f"{'are' if plural else 'is'} {what}")


@click.command()
@click.argument("source")
@click.argument("target")
@click.option("--max", "max_paths", type=click.IntRange(min=1), default=analysis.DEFAULT_MAX_PATHS,
              show_default=True, help="Show at most this many chains when several are equally short.")
@click.option("--no-quotes", is_flag=True, help="Leave out the source quote under each step.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format: the chains in words, or as JSON.")
@as_of_option
@lang_option
@pass_ctx
def path(obj: Context, source: str, target: str, max_paths: int, no_quotes: bool, fmt: str, as_of: str | None,
         lang: str) -> None:
    """Show the shortest chains of relations between two entities, each step with its source quote.

    Relations are followed either way; each step shows which way it really points (→ or ←). Entities may be
    named by a label in any language, a prefixed name (ug:doftec) or an IRI.

    Example: relgraph path FoodValley DOFTEC
    """
    found = analysis.paths(obj.graph, source, target, max_paths=max_paths, lang=lang, as_of=as_of)
    if fmt == "json":
        click.echo(json.dumps([[s.as_dict() for s in p] for p in found], ensure_ascii=False, indent=2))
        return
    when = f" as of {as_of}" if as_of else ""
    if not found:
        click.echo(f"no chain of relations joins {source!r} and {target!r}{when}")
        return
    steps = len(found[0])
    click.echo(f"{len(found)} shortest chain{'s' if len(found) != 1 else ''} of {steps} "
               f"relation{'s' if steps != 1 else ''}{when}" + (f" (at most {max_paths} shown)"
                                                              if len(found) == max_paths else ""))
    for i, p in enumerate(found, 1):
        click.echo("")
        if len(found) > 1:
            click.echo(f"[{i}]")
        click.echo(analysis.path_text(p, quotes=not no_quotes, width=terminal_width() or 100))
    if as_of:
        unknown = {(frozenset((s.source, s.target)), s.relation, s.kind) for p in found for s in p if s.date_unknown}
        click.echo("")
        click.echo(_undated_line(len(unknown), "shown marked 'date unknown'"))


_NEIGHBOUR_SHOWN = ["distance", "neighbour", "kind", "relation", "direction", "via", "status", "source"]


@click.command()
@click.argument("entity")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True,
              help="How many relations away to look.")
@format_option
@as_of_option
@lang_option
@pass_ctx
def neighbours(obj: Context, entity: str, depth: int, fmt: str, as_of: str | None, lang: str) -> None:
    """List what surrounds an entity: each neighbour with the relation, its direction, distance, kind and status.

    direction is "out" when the relation points from VIA to the neighbour, "in" when it points from the
    neighbour to VIA (VIA is the entity one step closer: ENTITY itself at distance 1).

    Example: relgraph neighbours DOFTEC --depth 2
    """
    rows = analysis.neighbour_rows(obj.graph, entity, depth=depth, lang=lang, as_of=as_of)
    shown = list(_NEIGHBOUR_SHOWN)
    if as_of:
        for r in rows:
            r["date"] = "date unknown" if r["date_unknown"] else "held"
        shown.append("date")
    emit_rows(rows, analysis.NEIGHBOUR_COLUMNS, fmt, shown)
    if as_of:
        unknown = {(frozenset((r["via_iri"], r["neighbour_iri"])), r["relation_iri"], r["relation"])
                   for r in rows if r["date_unknown"]}
        click.echo(_undated_line(len(unknown), "shown marked 'date unknown'"), err=fmt != "table")


@click.command()
@click.option("--by", type=click.Choice(analysis.MEASURES), default="degree", show_default=True,
              help="degree: how many entities one is related to; betweenness: how often one lies between two "
                   "others (the brokers); pagerank.")
@click.option("--kind", type=click.Choice(list(BY_KEY)), default=None, help="Show only entities of this kind.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Show this many.")
@format_option
@as_of_option
@lang_option
@pass_ctx
def rank(obj: Context, by: str, kind: str | None, top: int, fmt: str, as_of: str | None, lang: str) -> None:
    """Rank entities by centrality over the undirected network: who is central, who brokers the relationship.

    Scores are computed over the whole network, then --kind filters the list.

    Example: relgraph rank --by betweenness --top 5
    """
    # the structure alone is enough without a day (no dates, states or quotes to read)
    net = analysis.network(obj.graph, lang=lang, as_of=as_of) if as_of else analysis.structure(obj.graph, lang=lang)
    rows = analysis.rank_rows(net, by=by, kind=kind, top=top)
    columns = ["rank", "label", "kind", "score", "iri"]
    shown = ["rank", "label", "kind", "score"]
    if as_of:
        columns.insert(4, "undated")
        shown.append("undated")
    if fmt == "table":
        for r in rows:
            r["score"] = r["score"] if by == "degree" else f"{r['score']:.4f}"
    emit_rows(rows, columns, fmt, shown)
    if by == "betweenness":
        click.echo(f"betweenness: {rows.method}", err=True)
    if as_of:
        click.echo(_undated_line(analysis.undated(net), "kept (column 'undated': how many of an entity's "
                                                        "relations have no known date)"), err=fmt != "table")


@click.command("export")
@click.option("-f", "--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="graphml, gexf (Gephi, with a timeline), jsonld (the RDF data) or csv (nodes and edges).")
@click.option("-o", "--output", type=click.Path(allow_dash=True), default=None,
              help="File to write [default, or -: stdout]. For csv: DIR/ gives DIR/nodes.csv and DIR/edges.csv, "
                   "NAME gives NAME-nodes.csv and NAME-edges.csv.")
@as_of_option
@lang_option
@pass_ctx
def export(obj: Context, fmt: str, output: str | None, as_of: str | None, lang: str) -> None:
    """Export the graph for Gephi (gexf, graphml), RDF tools (jsonld) or a spreadsheet (csv).

    Files are written atomically (a temporary file in the same folder, then renamed; a symbolic link is written
    through; the two csv files are replaced together or not at all).

    Example: relgraph export -f gexf -o relationship.gexf
    """
    if output == "-":
        output = None
    if fmt == "csv" and output is None:
        raise click.UsageError("csv writes two files, so not to stdout: give -o DIR/ (nodes.csv, edges.csv) or "
                               "-o NAME (NAME-nodes.csv, NAME-edges.csv)")
    answer = obj.graph.export(fmt, output, lang=lang, as_of=as_of)
    if isinstance(answer, str):
        click.echo(answer, nl=False)
    else:
        click.echo("wrote " + ", ".join(str(p) for p in answer), err=True)
