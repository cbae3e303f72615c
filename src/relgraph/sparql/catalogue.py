"""Named queries: SPARQL files in a ``queries/`` folder, each a small record with a title, a description and
its parameters, read from the comment header at the top of the file::

    # title: Everything known about one entity
    # description: Every statement about the entity, with the quote that supports it.
    #   A description may run on over lines that start with '#' and two spaces.
    # param: entity | entity | The entity: a label in any language, a prefixed name or an IRI | DOFTEC

A parameter line is ``name | type | description | example``; the type is one of :data:`PARAM_TYPES`. In the
query text a parameter is the variable of the same name (``?entity``); its value is bound as an RDF term, never
pasted into the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError, ParameterError, UnknownQueryError
from ..namespaces import expand
from ..terms import IRI, XSD, Literal, Term

#: Parameter types and what a value of each looks like.
PARAM_TYPES = {
    "entity": "a label in any language, a prefixed name (ug:doftec) or an IRI",
    "iri": "an IRI or a prefixed name",
    "string": "any text",
    "integer": "a whole number",
    "date": "a date as YYYY-MM-DD",
    "year": "a year as YYYY",
}


@dataclass(frozen=True)
class Param:
    """One parameter of a named query."""

    name: str
    type: str
    description: str = ""
    example: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A stored query: its name (the file name without ``.rq``), title, description, parameters and text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path | None = None

    def bind(self, values: dict[str, object], resolve: Callable[[str], IRI]) -> dict[str, Term]:
        """Check ``values`` against the declared parameters and turn each into an RDF term.

        ``resolve`` turns an entity name into its IRI. Raises :class:`ParameterError` naming the parameter.
        """
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            declared = ", ".join(known) or "none"
            raise ParameterError(f"query {self.name!r} has no parameter {unknown[0]!r} (its parameters: {declared})")
        bound: dict[str, Term] = {}
        for p in self.params:
            if p.name not in values:
                example = f", e.g. {p.name}={p.example}" if p.example else ""
                raise ParameterError(f"query {self.name!r} needs parameter {p.name!r} ({p.type}{example})",
                                     param=p.name)
            bound[p.name] = convert(p, values[p.name], resolve)
        return bound


def convert(param: Param, value: object, resolve: Callable[[str], IRI]) -> Term:
    """Turn one parameter value into a term of the parameter's type, or raise :class:`ParameterError`."""
    if isinstance(value, (IRI, Literal)) and param.type in ("entity", "iri"):
        return value
    text = str(value)
    bad = ParameterError(f"parameter {param.name!r} must be {PARAM_TYPES.get(param.type, param.type)}, "
                         f"not {text!r}")
    if param.type == "entity":
        return resolve(text)
    if param.type == "iri":

        iri = expand(text)
        if iri is None or any(c in iri for c in '<>"{}|^`\\ \n\t'):
            raise bad
        return IRI(iri)
    if param.type == "integer":
        if isinstance(value, bool) or not re.fullmatch(r"[+-]?\d+", text.strip()):
            raise bad
        return Literal(str(int(text)), XSD + "integer")
    if param.type == "date":
        try:
            return Literal(dt.date.fromisoformat(text.strip()).isoformat(), XSD + "date")
        except ValueError:
            raise bad from None
    if param.type == "year":
        if not re.fullmatch(r"\d{4}", text.strip()):
            raise bad
        return Literal(text.strip(), XSD + "gYear")
    return Literal(text)


_HEADER = re.compile(r"^#\s?(title|description|param):\s*(.*)$")


def parse(text: str, name: str, path: Path | None = None) -> NamedQuery:
    """Read the header of a ``.rq`` text into a :class:`NamedQuery`.

    A malformed parameter line raises :class:`ParameterError` naming the file and line.
    """
    where = str(path or name)
    fields: dict[str, list[str]] = {"title": [], "description": [], "param": []}
    lines: dict[int, int] = {}  # index into fields["param"] -> line number
    last: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if m:
            last = m.group(1)
            if last == "param":
                lines[len(fields["param"])] = number
            fields[last].append(m.group(2).strip())
        elif last in ("title", "description") and line.startswith("#  "):
            fields[last][-1] += " " + line[1:].strip()
        else:
            last = None
    params: list[Param] = []
    for i, spec in enumerate(fields["param"]):
        at = f"{where}:{lines[i]}"
        parts = [p.strip() for p in spec.split("|")]
        if len(parts) < 2 or not parts[1]:
            raise ParameterError(f"{at}: a parameter line reads 'name | type | description | example'")
        pname, ptype = parts[0], parts[1]
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", pname):
            raise ParameterError(f"{at}: {pname!r} is not a parameter name (letters, digits and _)")
        if ptype not in PARAM_TYPES:
            raise ParameterError(f"{at}: parameter {pname!r} has unknown type {ptype!r} "
                                 f"(choose from {', '.join(PARAM_TYPES)})")
        if any(p.name == pname for p in params):
            raise ParameterError(f"{at}: parameter {pname!r} is declared twice")
        params.append(Param(pname, ptype, parts[2] if len(parts) > 2 else "", parts[3] if len(parts) > 3 else ""))
    return NamedQuery(name=name, title=" ".join(fields["title"]) or name,
                      description=" ".join(fields["description"]), params=tuple(params), text=text,
                      path=path)


def read(path: Path) -> NamedQuery:
    """Read one ``.rq`` file; :class:`DataError` names the file when it cannot be read as UTF-8 text."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise DataError(f"not UTF-8 text (byte {e.start})", path=str(path)) from None
    except OSError as e:
        raise DataError(f"cannot read: {e.strerror or e}", path=str(path)) from None
    return parse(text, path.stem, path)


class QueryCatalogue:
    """The named queries in one folder, by name. Each file is read when it is first asked for, so one broken
    query breaks only the commands that use it."""

    def __init__(self, folder: Path | None, *, shipped: bool = False) -> None:
        self.folder = folder
        #: True when the queries are the ones relgraph ships, lent to a dataset that has none of its own.
        self.shipped = shipped
        self._paths: dict[str, Path] = {}
        self._queries: dict[str, NamedQuery] = {}
        if folder is not None:
            if not folder.is_dir():
                raise DataError("no such folder of named queries", path=str(folder))
            self._paths = {p.stem: p for p in sorted(folder.glob("*.rq")) if p.is_file()}

    def __iter__(self) -> Iterator[NamedQuery]:
        return iter([self.get(name) for name in self._paths])

    def __len__(self) -> int:
        return len(self._paths)

    def __contains__(self, name: object) -> bool:
        return name in self._paths

    @property
    def names(self) -> list[str]:
        """The names of the queries, sorted."""
        return list(self._paths)

    def get(self, name: str) -> NamedQuery:
        """The query called ``name``; :class:`UnknownQueryError` with close names if there is none."""
        if name not in self._paths:
            import difflib  # only for suggestions: kept off the start-up path

            close = difflib.get_close_matches(name, list(self._paths), n=3, cutoff=0.5)
            close += [n for n in self._paths if name and name in n and n not in close][:3 - len(close)]
            raise UnknownQueryError(name, close)
        if name not in self._queries:
            self._queries[name] = read(self._paths[name])
        return self._queries[name]


def looks_like_name(text: str) -> bool:
    """True when ``text`` is a query name (``mission-participants``), not SPARQL."""
    return re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", text) is not None
