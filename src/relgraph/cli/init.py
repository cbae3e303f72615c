"""The ``relgraph init`` command: a new dataset folder, ready to validate (see :mod:`relgraph.scaffold`)."""

from __future__ import annotations

from pathlib import Path

import click

from ..scaffold import init as make_dataset


@click.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Make a new dataset folder: relgraph's ontology and shapes, an example source, a short README.

    The folder may exist but must be empty. Then: relgraph --data FOLDER validate

    Example: relgraph init my-dataset
    """
    for path in make_dataset(folder):
        click.echo(str(path))
