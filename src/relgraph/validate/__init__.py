"""Validation of a dataset: :func:`validate` runs every check and hands back one :class:`Report` of
:class:`Finding` lines.

This package owns checking the data, nothing else; it never writes anything and never reaches the network. Each
check lives in its own module:

- :mod:`.shacl`: the SHACL shapes (``shapes.ttl`` beside the data unless another is given), run by pySHACL;
- :mod:`.vocabulary`: unknown classes and properties of the vocabularies relgraph knows;
- :mod:`.literals`: ill-formed literals (dates, years, numbers, booleans), wherever they are;
- :mod:`.states`: two states of one thing (status, start, end) from one source, in one file;
- :mod:`.quotes`: every quote is in its source's excerpt (the text file its ``dct:source`` names);
- :mod:`.report`: the :class:`Report` and its :class:`Finding` lines;
- :mod:`.files`: the files, parsed once, and where in their text a term is written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from .. import seed
from ..core import Graph
from ..errors import ValidationError
from . import literals, quotes, shacl, states, vocabulary
from .files import read_files
from .report import Finding, Report, finding_order

__all__ = ["DEFAULT_SHAPES", "Finding", "Report", "shapes_path", "validate"]

#: The shapes file looked for beside the data when none is given.
DEFAULT_SHAPES = "shapes.ttl"


def shapes_path(g: Graph, shapes: str | Path | None = None) -> Path:
    """The shapes file to use: ``shapes`` if given, else ``shapes.ttl`` in the data folder (or beside the data file),
    else the shapes that ship with relgraph.

    Raises :class:`ValidationError` when a file given does not exist.
    """
    if shapes is not None:
        path = Path(shapes)
        if not path.is_file():
            raise ValidationError(f"{path}: no SHACL shapes file here")
        return path
    beside = data_folder(g) / DEFAULT_SHAPES
    return beside if beside.is_file() else seed.file(DEFAULT_SHAPES)


def data_folder(g: Graph) -> Path:
    """The folder of the dataset: the data folder, or the folder of the one data file opened."""
    if g.data_path is not None:
        return g.data_path if g.data_path.is_dir() else g.data_path.parent
    return g.files[0].parent if g.files else Path(".")


def validate(g: Graph, shapes: str | Path | None = None, *, focus: Iterable[str] | None = None) -> Report:
    """Check the data of ``g`` and say, line by line, what is wrong with it.

    The checks: the SHACL shapes; unknown classes and properties of the vocabularies relgraph knows; ill-formed
    literals; two states of one thing in one source's file; quotes not in their source's excerpt. Every finding
    is one line; those of the checks that read the files name ``file:line:column``.

    Parameters
    ----------
    g
        An open dataset (:func:`relgraph.open`). Its files are read again; nothing is written.
    shapes
        A SHACL shapes file in Turtle. Default: ``shapes.ttl`` in the data folder (beside the data file when the
        dataset is a single file), else the shapes that ship with relgraph.
    focus
        IRIs of the resources the shapes are applied to (default: every one they target).

    Returns
    -------
    Report
        ``conforms``, the sorted ``findings`` (``str()`` of each is one line a person can act on), the number of
        resources ``checked`` by the shapes, the ``shapes`` file used and the number of ``quotes`` found in their
        sources' excerpts.

    Raises
    ------
    ValidationError
        When the shapes file is missing, is not valid Turtle (``file:line:column``), holds no SHACL shape, or is
        not valid SHACL (including shapes pySHACL cannot apply: a SPARQL constraint with MINUS or SERVICE).

    Examples
    --------
    >>> report = relgraph.open("data").validate()                        # doctest: +SKIP
    >>> report.conforms, report.checked                                  # doctest: +SKIP
    (True, 109)
    >>> for finding in report.findings:                                  # doctest: +SKIP
    ...     print(finding)
    Violation: data/x.ttl:12:9: unknown class rg:Descision (did you mean rg:Decision?)
    Violation: ug:contract-x "Contract for a plant" rg:quote: every resource and relation needs the exact quote ...
    Violation: ug:event-x "A meeting" schema:endDate: ends before it starts (2017-11-04): ... (got "2017-10-28"^^...)
    """
    path = shapes_path(g, shapes)
    shapes_graph = shacl.load_shapes(path)
    folder = data_folder(g)
    if g.files:
        files = read_files(g.files, folder)
    else:  # data read at an endpoint: each file's graph, fetched into a file of its own
        with tempfile.TemporaryDirectory(prefix="relgraph-validate-") as tmp:
            files = read_files(_fetch(g, Path(tmp)), folder)
    unknown, untargeted = vocabulary.check(files)
    ill_formed = literals.check(files)
    conflicts = states.check(files)
    unquoted, quoted = quotes.check(files, folder)
    shaped, checked = shacl.check(shapes_graph, files, path, also=untargeted, focus=focus)
    # an ill-formed literal is reported once, where it is written; the shapes' datatype checks would repeat it
    written = {(f.focus, f.value) for f in ill_formed}
    shaped = [f for f in shaped if (f.focus, f.value) not in written]
    findings = _labelled(g, [*unknown, *ill_formed, *conflicts, *unquoted, *shaped])
    conforms = not any(f.severity == "Violation" for f in findings)
    return Report(conforms=conforms, findings=findings, checked=checked, shapes=str(path), quotes=quoted)


def _fetch(g: Graph, folder: Path) -> list[Path]:
    """The triples of each of ``g``'s file graphs (read at an endpoint) written to ``folder`` as N-Triples, one
    file per graph under the graph's own file path."""
    from ..store.files import FILE_GRAPH, graph_files
    from ..terms import IRI

    graphs = sorted(n for n in g.store.graph_names() if n.startswith(FILE_GRAPH))
    if not graphs:
        raise ValidationError("no data to validate: the endpoint holds none of relgraph's file graphs "
                              "(push them with relgraph push)")
    written = []
    for graph in graphs:
        answer = g.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", labels=False, g=IRI(graph))
        (name,) = graph_files([graph])
        target = folder / f"{name}.nt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(answer.serialize("nt"), encoding="utf-8")
        written.append(target)
    return written


def _labelled(g: Graph, findings: list[Finding]) -> list[Finding]:
    """The findings, sorted and without repeats, those of the shapes with the English label of their resource."""
    from dataclasses import replace

    named = {f.focus for f in findings if not f.file and f.focus and not f.focus.startswith("_:")}
    names = g.labels(named) if named else {}
    out = {replace(f, label=names[f.focus]) if not f.file and f.focus in named else f for f in findings}
    return sorted(out, key=finding_order)
