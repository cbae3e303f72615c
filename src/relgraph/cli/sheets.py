"""The ``relgraph import`` and ``relgraph mentions`` commands: adding what new documents say (docs/import.md)."""

from __future__ import annotations

from pathlib import Path

import click

from ..formatting import printable
from .options import Context, emit_rows, lang_option, pass_ctx

_MENTION_COLUMNS = ["match", "entity", "label", "text", "score", "kind", "sentence"]


@click.command("import")
@click.argument("sheet", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Validate and print what would be added or changed; write nothing.")
@pass_ctx
def import_(obj: Context, sheet: Path, dry_run: bool) -> None:
    """Import a sheet (a folder of sources.csv, entities.csv, relations.csv, or an .xlsx workbook) into the
    data folder: one Turtle file per source, validated before anything is written.

    Example: relgraph import new-sheet/ --dry-run
    """
    plan = obj.graph.import_sheet(sheet, dry_run=dry_run)
    for line in plan.lines():
        click.echo(printable(line))
    if plan.written:
        click.echo(f"wrote {', '.join(str(c.path) for c in plan.changed)}", err=True)
    elif dry_run and plan.changed:
        click.echo("dry run: nothing written", err=True)
    else:
        click.echo("nothing to change", err=True)


@click.command("mentions")
@click.argument("document", type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "tsv", "csv", "json", "markdown", "sheet"]),
              help="Output format; 'sheet' writes a draft import sheet to --output.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Folder for the draft sheet of --format sheet.")
@click.option("--no-near", is_flag=True, help="Leave out near matches (names close to a known one).")
@lang_option
@pass_ctx
def mentions(obj: Context, document: Path, fmt: str, output: Path | None, no_near: bool, lang: str) -> None:
    """Find the known entities a document (.txt, .md, .html, .docx, .pdf) names, each with its sentence, and
    the names it gives that look like new organisations or places.

    Example: relgraph mentions letter.txt --format sheet -o draft/
    """
    from ..mentions import read_document

    text = read_document(document)
    found = obj.graph.mentions(text, lang=lang, near=not no_near)
    if fmt == "sheet":
        if output is None:
            raise click.UsageError("--format sheet needs --output FOLDER")
        from ..mentions.draft import write_draft

        for path in write_draft(found, text, document, output):
            click.echo(str(path))
        return
    rows = [{"match": m.match, "entity": _compact(m.entity), "label": m.label, "text": m.text,
             "score": m.score, "kind": m.kind, "sentence": m.sentence} for m in found]
    emit_rows(rows, _MENTION_COLUMNS, fmt, shown=["match", "label", "text", "sentence"])


def _compact(iri: str) -> str:
    from ..namespaces import compact

    return compact(iri) if iri else ""

