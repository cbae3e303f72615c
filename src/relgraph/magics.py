"""IPython magics: ask a relgraph dataset in SPARQL or by a named query from a notebook cell.

``%load_ext relgraph`` registers

* ``%%sparql``, a cell magic: the cell is a SPARQL query (the known prefixes need no declaration);
* ``%relgraph query NAME``, a line magic that answers a named query, and ``%relgraph queries``, which lists them.

Both show the answer as a table (a pandas DataFrame, entities by label and an ``<column>_iri`` column beside
each entity column) and return the :class:`relgraph.Result` itself: ``r = %relgraph query agreements`` keeps it,
and so does ``-o r`` (the only way for a cell magic). Their options::

    --data PATH      the dataset folder or file (opened once per session)    [default: as relgraph.open()]
    -g/--graph VAR   use the dataset already open in the notebook variable VAR
    --queries PATH   the folder of named queries                             [default: as relgraph.open()]
    -p NAME=VALUE    a parameter, repeatable
    -o VAR           also keep the answer in the notebook variable VAR
    --lang en|nl|zh  the language of the labels                             [default: en]
    --iris           show IRIs instead of labels
    --endpoint URL   ask a SPARQL endpoint (when relgraph.open() takes endpoint=...)

The dataset given by ``--data``/``--graph``/``--endpoint`` is remembered: the magics that follow in the same
session use it until another is given.

Parameters are bound as RDF terms, never pasted into the query text, as with ``relgraph query -p``. For a named
query each value is checked and converted to the type its header declares (an ``entity`` takes a label in any
language, a prefixed name or an IRI). A ``%%sparql`` cell may declare its own parameters the same way, in
``# param: name | type`` lines at its top; a parameter it does not declare is bound as a plain string literal.
IPython expands ``{expr}`` and ``$var`` in the magic's line first, so ``-p entity={name}`` passes a Python value
(as text, still bound as a term).

An error is one line (``UsageError: ...``), never a traceback, and stops a "run all" as any error does.
"""

from __future__ import annotations

import shlex
from dataclasses import fields
from pathlib import Path
from typing import Any

from IPython.core.error import UsageError
from IPython.core.magic import Magics, cell_magic, line_magic, magics_class
from IPython.core.magic_arguments import MagicArgumentParser

from . import dataset
from .core import Graph
from .errors import DataError, RelgraphError, UnknownQueryError
from .formatting import render
from .results import Result
from .sparql import parse

__all__ = ["RelgraphMagics", "Shown", "load_ipython_extension"]


class Shown(Result):
    """A :class:`~relgraph.Result` that shows itself in a notebook as its table (labels, and IRI columns)."""

    def _repr_html_(self) -> str | None:
        if self.form == "ASK" or self.is_graph:
            return None  # the text form says it best: yes or no, or Turtle
        try:
            frame = self.to_dataframe()
        except RelgraphError:  # no pandas: the text table
            return None
        html: str = frame._repr_html_()
        return html

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(render(self, "table").rstrip("\n"))


def _shown(result: Result) -> Shown:
    return Shown(**{f.name: getattr(result, f.name) for f in fields(result)})


def _parser(prog: str, description: str) -> MagicArgumentParser:
    parser = MagicArgumentParser(prog=prog, description=description, add_help=False)
    parser.add_argument("--data", default=None, help="dataset folder or file")
    parser.add_argument("-g", "--graph", default=None, help="notebook variable holding an open dataset")
    parser.add_argument("--queries", default=None, help="folder of named queries")
    parser.add_argument("-p", "--param", dest="params", action="append", default=[], metavar="NAME=VALUE",
                        help="a parameter, bound as an RDF term")
    parser.add_argument("-o", "--output", default=None, metavar="VAR", help="keep the answer in VAR")
    parser.add_argument("--lang", default="en", help="language of the labels: en, nl or zh")
    parser.add_argument("--iris", action="store_true", help="show IRIs instead of labels")
    parser.add_argument("--endpoint", default=None, metavar="URL", help="ask a SPARQL endpoint")
    return parser


SPARQL = _parser("%%sparql", "Answer the SPARQL query in the cell.")
QUERY = _parser("%relgraph query", "Answer a named query.")
QUERY.add_argument("name", help="the named query")
LIST = _parser("%relgraph queries", "List the named queries.")


def _parse(parser: MagicArgumentParser, line: str) -> Any:
    """The options of a magic's line, split as a shell does (``-p name="two words"``)."""
    try:
        words = shlex.split(line)
    except ValueError as e:
        raise UsageError(f"{parser.prog}: {e}") from None
    return parser.parse_args(words)


def _params(pairs: list[str]) -> dict[str, str]:
    """``NAME=VALUE`` pairs as a dictionary (values stay text; the query binds them as terms)."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"-p {pair!r} is not NAME=VALUE")
        out[key.strip()] = value
    return out


@magics_class
class RelgraphMagics(Magics):
    """The ``%%sparql`` and ``%relgraph`` magics, and the datasets they have opened in this session."""

    def __init__(self, shell: Any) -> None:
        super().__init__(shell)
        self._opened: dict[tuple[str | None, str | None, str | None], Graph] = {}
        self._current: Graph | None = None

    @cell_magic
    def sparql(self, line: str, cell: str) -> Shown:
        """Answer the SPARQL query in the cell; see :mod:`relgraph.magics` for the options.

        Example::

            %%sparql --data ../data -p name=DOFTEC -o found
            # param: name | entity
            SELECT ?p ?o WHERE { ?name ?p ?o }
        """
        args = _parse(SPARQL, line)
        return self._answer(args, lambda g: g.run(parse(cell, "sparql"), _params(args.params), lang=args.lang,
                                                  labels=not args.iris, source="%%sparql"))

    @line_magic
    def relgraph(self, line: str) -> Any:
        """``%relgraph query NAME [-p NAME=VALUE ...]`` answers a named query; ``%relgraph queries`` lists them.

        Example: ``%relgraph query entity -p entity=DOFTEC --lang nl``
        """
        command, _, rest = line.strip().partition(" ")
        if command == "query":
            args = _parse(QUERY, rest)
            return self._answer(args, lambda g: g.query(args.name, lang=args.lang, labels=not args.iris,
                                                        **_params(args.params)))
        if command == "queries":
            args = _parse(LIST, rest)
            return self._run(args, _catalogue)
        shown = f"%relgraph {command}" if command else "%relgraph"
        raise UsageError(f"{shown}: give 'query NAME [-p NAME=VALUE ...]' or 'queries'")

    # ---------------------------------------------------------------------------------------- helpers

    @property
    def _namespace(self) -> dict[str, Any]:
        """The notebook's variables."""
        assert self.shell is not None, "the magics are registered with a shell"
        namespace: dict[str, Any] = self.shell.user_ns
        return namespace

    def _answer(self, args: Any, ask: Any) -> Shown:
        result: Shown = self._run(args, lambda g: _shown(ask(g)))
        return result

    def _run(self, args: Any, work: Any) -> Any:
        """Run ``work`` on the dataset the options name, keep its answer in ``-o VAR``; errors as one line."""
        if args.output is not None and not args.output.isidentifier():
            raise UsageError(f"-o {args.output!r}: give a Python variable name")
        try:
            answer = work(self._graph(args))
        except DataError as e:
            raise UsageError(f"{e} (give the dataset with --data PATH or --graph VAR)") from None
        except UnknownQueryError as e:
            raise UsageError(f"{e} (see %relgraph queries)") from None
        except RelgraphError as e:
            raise UsageError(str(e)) from None
        if args.output is not None:
            self._namespace[args.output] = answer
        return answer

    def _graph(self, args: Any) -> Graph:
        """The dataset the options name (opened once), else the last one used, else ``relgraph.open()``'s."""
        if args.graph is not None and args.data is not None:
            raise UsageError("give --data PATH or --graph VAR, not both")
        if args.graph is not None:
            found = self._namespace.get(args.graph)
            if not isinstance(found, Graph):
                raise UsageError(f"--graph {args.graph}: no relgraph dataset in a variable of that name "
                                 f"(make one with {args.graph} = relgraph.open(...))")
            self._current = found
        elif args.data is not None or args.queries is not None or args.endpoint is not None \
                or self._current is None:
            self._current = self._open(args.data, args.queries, args.endpoint)
        return self._current

    def _open(self, data: str | None, queries: str | None, endpoint: str | None) -> Graph:
        key = (str(Path(data).resolve()) if data else None, str(Path(queries).resolve()) if queries else None,
               endpoint)
        if key not in self._opened:
            self._opened[key] = dataset.open(data, queries=queries, endpoint=endpoint)
        return self._opened[key]


def _catalogue(g: Graph) -> Any:
    """The named queries as a DataFrame (name, title, parameters), or as rows without pandas."""
    rows = [{"name": q.name, "title": q.title, "params": " ".join(f"{p.name}:{p.type}" for p in q.params)}
            for q in g.queries]
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas comes with the notebook extra
        return rows
    return pd.DataFrame(rows, columns=["name", "title", "params"])


def load_ipython_extension(ipython: Any) -> None:
    """Register the magics: ``%load_ext relgraph`` (or ``%load_ext relgraph.magics``)."""
    ipython.register_magics(RelgraphMagics)
