"""``relgraph store``: the persistent store on disk, where it is and whether it is in step with the data files
(``status``), and building it again (``rebuild``). Every other command builds or syncs it when it needs to.
Registered in :mod:`relgraph.cli`."""

from __future__ import annotations

import click

from ..dataset import rebuild_store, store_status
from .options import Context, pass_ctx
from .progress import ProgressBar


def _folder(obj: Context) -> object:
    if obj.store is False:
        raise click.UsageError("--no-store: there is no store to look at")
    return True if obj.store is None else obj.store


@click.group("store")
def store() -> None:
    """The persistent store on disk the commands read: where it is, whether it is in step, rebuild it.

    Example: relgraph store status
    """


@store.command("status")
@pass_ctx
def status(obj: Context) -> None:
    """Where the store is, per data file whether the store holds it as it is now, its size and what is saved
    with it for the next commands (read-only).

    Example: relgraph store status --data data
    """
    s = store_status(obj.data, store=_folder(obj))  # type: ignore[arg-type]
    click.echo(f"store   {s.folder}")
    if not s.built:
        click.echo("state   not built yet: the next command builds it (or 'relgraph store rebuild')")
        return
    changes = {state: sum(1 for _, st, _ in s.files if st == state) for state in ("changed", "new", "removed")}
    held = [f for f in s.files if f[1] != "new"]
    if s.in_step:
        state = "in step with the data"
    else:
        state = "out of step (" + ", ".join(f"{n} {k}" for k, n in changes.items() if n) + \
            "): the next command brings it in step"
    click.echo(f"state   {state}")
    click.echo(f"holds   {len(held)} file{'s' if len(held) != 1 else ''}, {s.triples} triples "
               f"(generation {s.generation}, published {s.published})")
    width = max(len(path) for path, _, _ in s.files)
    for path, st, triples in s.files:
        click.echo(f"  {path:<{width}}  {st:<7}  {triples:>9}")
    click.echo(f"size    {_size(s.size)} (the generation the commands read)")
    if not s.saved:
        click.echo("saved   nothing yet (networks, counts and tables of names are saved as commands make them)")
        return
    click.echo(f"saved   {_size(sum(n for _, n in s.saved))} for the next commands, made from this generation:")
    width = max(len(what) for what, _ in s.saved)
    for what, n in s.saved:
        click.echo(f"  {what:<{width}}  {_size(n):>9}")


def _size(n: int) -> str:
    """Bytes as a person reads them: ``60.6 MB``, ``3 kB``."""
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{max(1, round(n / 1e3))} kB"


@store.command("rebuild")
@pass_ctx
def rebuild(obj: Context) -> None:
    """Build the store again from every data file (commands running now keep the state they opened).

    Example: relgraph store rebuild --data data
    """
    report = rebuild_store(obj.data, store=_folder(obj), progress=ProgressBar())  # type: ignore[arg-type]
    n = len(report.loaded)
    click.echo(f"rebuilt {report.folder}: {n} file{'s' if n != 1 else ''}, {report.triples} triples in "
               f"{report.seconds:.1f} s (generation {report.generation})")
