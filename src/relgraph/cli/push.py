"""The ``relgraph push`` command: write each data file into its named graph at a SPARQL endpoint.

A thin layer over :func:`relgraph.push.push`. The only writing command: the others only read, from the files or
from ``--endpoint``. The password is read from ``$RELGRAPH_ENDPOINT_PASSWORD``, else asked for, never taken as
an option (it would stay in the shell's history). Registered in :mod:`relgraph.cli`.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from .options import Context, pass_ctx


@click.command("push")
@click.option("--graph-store", metavar="URL",
              help="Write with the Graph Store Protocol (one PUT per graph) at this URL "
                   "[default: /store beside an --endpoint ending in /query, as Oxigraph server has it].")
@click.option("--update", metavar="URL",
              help="Write with SPARQL UPDATE at this URL, e.g. Virtuoso's http://HOST:8890/sparql-auth "
                   "[default: the --endpoint URL itself].")
@click.option("--user", envvar="RELGRAPH_ENDPOINT_USER", metavar="NAME",
              help="User to offer when the endpoint asks, Basic or Digest [or $RELGRAPH_ENDPOINT_USER]; "
                   "the password is $RELGRAPH_ENDPOINT_PASSWORD, else asked for.")
@click.option("--prune", is_flag=True, help="Also drop the file graphs at the endpoint whose file is gone.")
@click.option("--dry-run", is_flag=True, help="Parse the files and say what would be written; send nothing.")
@pass_ctx
def push(obj: Context, graph_store: str | None, update: str | None, user: str | None, prune: bool,
         dry_run: bool) -> None:
    """Load each data file into its named graph at a SPARQL endpoint, replacing what that graph held.

    The graph of a file is urn:relgraph:file:<its path in the data folder>, as in the embedded store, so that
    every other command answers the same through --endpoint. Pushing twice changes nothing; a changed file
    replaces its own graph only. Here --data names the files to push, --endpoint the query URL of the endpoint.

    Example: relgraph push --endpoint http://localhost:7878/query
    """
    from ..push import push as push_files
    from ..push import target

    if obj.endpoint is None and graph_store is None and update is None:
        raise click.UsageError("give --endpoint URL (or $RELGRAPH_ENDPOINT), --graph-store URL or --update URL")
    if prune and obj.endpoint is None:
        raise click.UsageError("--prune needs --endpoint URL, to list the graphs there")
    where = target(obj.endpoint, graph_store=graph_store, update=update)
    password = os.environ.get("RELGRAPH_ENDPOINT_PASSWORD")
    if user is not None and password is None and not dry_run:
        password = click.prompt(f"Password for {user} at {where.url}", hide_input=True, err=True)
    data = obj.data if obj.data is not None else Path("data")
    done = push_files(data, endpoint=obj.endpoint, graph_store=graph_store, update=update, user=user,
                      password=password, dry_run=dry_run, prune=prune)
    verb = {"replace": "would replace" if dry_run else "replaced", "drop": "would drop" if dry_run else "dropped"}
    for p in done:
        what = f"{p.triples} triple{'s' if p.triples != 1 else ''}" if p.action == "replace" else "no file"
        click.echo(f"{verb[p.action]} {p.graph}  {what}" + (f"  ({p.file})" if p.file else ""))
    how = "Graph Store Protocol" if where.method == "graph-store" else "SPARQL UPDATE"
    total = sum(p.triples for p in done)
    graphs = sum(p.action == "replace" for p in done)
    click.echo(f"{'would push' if dry_run else 'pushed'} {graphs} graph{'s' if graphs != 1 else ''}, "
               f"{total} triples, to {where.url} ({how}, {sum(p.requests for p in done)} requests)", err=True)
