"""What validation hands back: the :class:`Report` and its :class:`Finding` lines, and how a value is shown in them.

Every check of the package (:mod:`.shacl`, :mod:`.vocabulary`, :mod:`.literals`, :mod:`.states`, :mod:`.quotes`)
says what it found as findings of this one kind, so that the command line prints them all the same way: one line
each. A finding of the SHACL shapes names the resource (``Violation: ug:x "Label" rg:quote: ...``); a finding of the
checks that read the files themselves names the place (``Violation: data/x.ttl:12:9: ...``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..namespaces import compact

#: Longest text of a value shown in a finding; longer text is cut with "…".
MAX_VALUE = 60

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem: which resource, which property, what value, what to do about it, and where it is written.

    ``focus`` is the full IRI (or blank node id) of the resource, ``label`` its English label (or its compact IRI
    when it has none), ``path`` the compact property, ``value`` the offending value as written in Turtle (empty
    when a value is missing), ``message`` what is wrong. ``file``, ``line`` and ``column`` (1-based; 0 when not
    known) say where, for the checks that read the files; such a finding's message is complete in itself.
    ``str()`` gives one line.

    >>> print(Finding(focus="", path="rdf:type", message="unknown class rg:Descision (did you mean rg:Decision?)",
    ...               file="data/x.ttl", line=12, column=9))
    Violation: data/x.ttl:12:9: unknown class rg:Descision (did you mean rg:Decision?)
    """

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"
    label: str = ""
    shape: str = field(default="", compare=False)
    component: str = field(default="", compare=False)
    file: str = ""
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.file:
            place = ":".join([self.file, *(str(n) for n in (self.line, self.column) if n)])
            return _one_line(f"{self.severity}: {place}: {self.message}")
        name = compact(self.focus) if not self.focus.startswith("_:") else self.focus
        shown = f' "{self.label}"' if self.label and self.label != name else ""
        path = f" {self.path}" if self.path else ""
        got = f" (got {self.value})" if self.value else ""
        return _one_line(f"{self.severity}: {name}{shown}{path}: {self.message}{got}")


def _one_line(text: str) -> str:
    """Line breaks that come from the data (a label, a file name) written as ``\\n``, so a finding stays one line."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def finding_order(finding: Finding) -> tuple[object, ...]:
    """Findings that name a place first, by file, line and column; then the shapes' findings by resource."""
    return (not finding.file, finding.file, finding.line, finding.column, finding)


@dataclass(frozen=True)
class Report:
    """The outcome of :func:`relgraph.validate.validate`.

    ``conforms`` is False when any violation was found (warnings alone do not count), ``findings`` lists every
    problem (those that name a file first, by place; then the shapes' findings by resource and property),
    ``checked`` counts the distinct resources the shapes were applied to, ``shapes`` names the shapes file used,
    and ``quotes`` counts the quotes found in their sources' excerpts.
    """

    conforms: bool
    findings: list[Finding]
    checked: int
    shapes: str
    quotes: int = 0

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self.findings)


def shown_text(text: str, limit: int = MAX_VALUE) -> str:
    r"""Text in double quotes as Turtle writes it, cut short after ``limit`` characters.

    >>> print(shown_text('a "quoted" word'))
    "a \"quoted\" word"
    """
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def shown_literal(text: str, language: str | None = None, datatype: str | None = None) -> str:
    """A literal as it would be written in Turtle, with a compact datatype and long text cut short.

    >>> shown_literal("2017-13-45", datatype="http://www.w3.org/2001/XMLSchema#date")
    '"2017-13-45"^^xsd:date'
    """
    quoted = shown_text(text)
    if language:
        return f"{quoted}@{language}"
    if datatype and datatype != _XSD_STRING:
        return f"{quoted}^^{compact(datatype)}"
    return quoted
