"""The one exception tree of relgraph.

Every error relgraph raises on purpose is a :class:`RelgraphError`. Its ``str()`` is one line a person can act on,
naming what went wrong and where (``data/x.ttl:12:5: ...``). The command line prints that line and exits non-zero;
a notebook sees an ordinary exception.
"""

from __future__ import annotations

from collections.abc import Sequence


class RelgraphError(Exception):
    """Base class of every error relgraph raises on purpose."""


def _located(message: str, *where: object) -> str:
    """``file:line:column: message``, with the parts of the place that are known."""
    place = ":".join(str(p) for p in where if p is not None)
    return f"{place}: {message}" if place else message


class DataError(RelgraphError):
    """Raised when a data folder or file is missing, empty, unreadable or not valid RDF.

    ``path``, ``line`` and ``column`` say where, when known (1-based).
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        self.path, self.line, self.column, self.reason = path, line, column, message
        super().__init__(_located(message, path, line, column))


class QueryError(RelgraphError):
    """Raised when a SPARQL text cannot be parsed or run; ``line`` and ``column`` give the position when known."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        self.source, self.line, self.column, self.reason = source, line, column, message
        super().__init__(_located(message, source, line, column))


class QueryTimeoutError(QueryError):
    """Raised when a query takes longer than the time it was given; ``timeout`` holds that time in seconds."""

    def __init__(self, timeout: float | None) -> None:
        self.timeout = timeout
        super().__init__(f"stopped after {timeout:g} s: the query took longer than it was given"
                         if timeout is not None else "stopped: the query took too long")


class ForbiddenQueryError(QueryError):
    """Raised for a query that would change data or reach the network: UPDATE, LOAD, SERVICE, FROM <remote>."""


class UnknownQueryError(RelgraphError):
    """Raised when a named query does not exist; ``suggestions`` holds the close names."""

    def __init__(self, name: str, suggestions: Sequence[str]) -> None:
        self.name, self.suggestions = name, list(suggestions)
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no query named {name!r}{hint}")


class ParameterError(RelgraphError):
    """Raised when an argument or a query parameter is missing, unknown, or of the wrong type.

    ``param`` names the query parameter concerned, when it is one (so a command line can say how to give it).
    """

    def __init__(self, message: str, *, param: str | None = None) -> None:
        self.param = param
        super().__init__(message)


class FormatError(ParameterError):
    """Raised when an output format does not fit the answer (rows asked for as Turtle, triples as a table)."""


def _shown(name: str, limit: int = 80) -> str:
    """A name as an error message shows it: quoted, and cut when very long."""
    return repr(name if len(name) <= limit else name[:limit] + "…")


class EntityNotFoundError(RelgraphError):
    """Raised when a name given for an entity matches none; ``candidates`` holds the close ones."""

    def __init__(self, name: str, candidates: Sequence[str]) -> None:
        self.name, self.candidates = name, list(candidates)
        if not name:
            super().__init__("no entity named: give a label, a prefixed name (ug:doftec) or an IRI")
            return
        hint = f"; close matches: {', '.join(self.candidates)}" if self.candidates else ""
        super().__init__(f"no entity called {_shown(name)}{hint}")


class AmbiguousEntityError(RelgraphError):
    """Raised when a name given for an entity matches several; ``candidates`` holds them."""

    def __init__(self, name: str, candidates: Sequence[str]) -> None:
        self.name, self.candidates = name, list(candidates)
        super().__init__(f"{_shown(name)} is ambiguous: it could be {', '.join(self.candidates)}; "
                         "give a fuller label, a prefixed name or an IRI")


class ValidationError(RelgraphError):
    """Raised when validation itself cannot run (shapes missing or invalid), not for findings in the data."""


class ExportError(RelgraphError):
    """Raised when an export or a view cannot be written."""


class EndpointError(RelgraphError):
    """Raised when a SPARQL endpoint cannot be reached, does not answer in time, or refuses a request.

    The message names the URL and, for an HTTP error, the status and the first line the server gave; ``status``
    holds the HTTP status when there was one.
    """

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        self.url, self.status, self.reason = url, status, message
        super().__init__(f"{url}: {message}")


class SheetError(RelgraphError):
    """Raised when an import sheet cannot be read or imported: a header, a cell, a name, a date, a quote.

    ``sheet`` names the file (``relations.csv``, or ``book.xlsx[relations]`` for a workbook's sheet), ``row`` the
    1-based row (the header is row 1) and ``column`` the column's header (or its 1-based number when it has none),
    so that the message reads ``relations.csv:7:quote: ...``. Nothing has been written when it is raised.
    """

    def __init__(self, message: str, *, sheet: str, row: int, column: str | int) -> None:
        self.sheet, self.row, self.column, self.reason = sheet, row, column, message
        super().__init__(f"{sheet}:{row}:{column}: {message}")


class StoreError(RelgraphError):
    """Raised when the on-disk store cannot be built, opened or brought in step with the data files: its folder
    cannot be written, it is damaged beyond repair, or another process holds it too long. The message names
    the store's folder and says what to do (``--store DIR`` for another folder, ``--no-store`` to load in memory)."""
