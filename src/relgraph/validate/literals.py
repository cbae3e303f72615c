"""Ill-formed literals, wherever they are: a typed literal whose text is not in the lexical space of its type.

This module owns the lexical rules of the XML Schema types relgraph's data uses: ``xsd:date``, ``xsd:gYear``,
``xsd:gYearMonth``, ``xsd:dateTime``, ``xsd:integer`` and the types derived from it (``xsd:nonNegativeInteger``,
``xsd:int``, ``xsd:unsignedByte``, ...), ``xsd:decimal``, ``xsd:double``, ``xsd:float`` and ``xsd:boolean``. A
date must be a day of the calendar (``"2017-02-29"`` is not; ``"2016-02-29"`` is), an integer must fit its type's
range. The text must be exactly the lexical form: no surrounding spaces. Literals of other types are not checked.

Every literal of every file is checked, whatever property holds it, and each ill-formed one is reported once
with the file, line and column where it is written: ``"2017-13-45" is not a valid xsd:date``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..namespaces import compact
from .files import DataFile, node, triples
from .report import Finding, shown_literal, shown_text

_XSD = "http://www.w3.org/2001/XMLSchema#"

_TZ = r"(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"-?(?:[1-9]\d{3,}|0\d{3})"
_DATE = re.compile(rf"^({_YEAR})-(\d\d)-(\d\d){_TZ}$")
_DATETIME = re.compile(rf"^({_YEAR})-(\d\d)-(\d\d)T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?|24:00:00(?:\.0+)?)"
                       rf"{_TZ}$")
_YEAR_MONTH = re.compile(rf"^{_YEAR}-(?:0[1-9]|1[0-2]){_TZ}$")
_GYEAR = re.compile(rf"^{_YEAR}{_TZ}$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_DOUBLE = re.compile(r"^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN)$")

_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

#: Each integer type with its inclusive bounds (None: unbounded).
_INTEGERS: dict[str, tuple[int | None, int | None]] = {
    "integer": (None, None), "nonNegativeInteger": (0, None), "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0), "negativeInteger": (None, -1),
    "long": (-2**63, 2**63 - 1), "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1), "byte": (-2**7, 2**7 - 1),
    "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1), "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 2**8 - 1),
}


def _is_day(match: re.Match[str] | None) -> bool:
    """The date's month and day exist in its year (proleptic Gregorian; year 0 is 1 BCE, a leap year)."""
    if match is None:
        return False
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if not 1 <= month <= 12:
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = 29 if month == 2 and leap else _DAYS[month - 1]
    return 1 <= day <= days


def _integer(bounds: tuple[int | None, int | None]) -> Callable[[str], bool]:
    low, high = bounds

    def check(text: str) -> bool:
        if not _INTEGER.match(text):
            return False
        n = int(text)
        return (low is None or n >= low) and (high is None or n <= high)
    return check


#: The lexical rule of each checked type, by its full IRI.
RULES: dict[str, Callable[[str], bool]] = {
    _XSD + "date": lambda t: _is_day(_DATE.match(t)),
    _XSD + "dateTime": lambda t: _is_day(_DATETIME.match(t)),
    _XSD + "gYearMonth": lambda t: bool(_YEAR_MONTH.match(t)),
    _XSD + "gYear": lambda t: bool(_GYEAR.match(t)),
    _XSD + "decimal": lambda t: bool(_DECIMAL.match(t)),
    _XSD + "double": lambda t: bool(_DOUBLE.match(t)),
    _XSD + "float": lambda t: bool(_DOUBLE.match(t)),
    _XSD + "boolean": lambda t: t in ("true", "false", "1", "0"),
    **{_XSD + name: _integer(bounds) for name, bounds in _INTEGERS.items()},
}


def well_formed(text: str, datatype: str) -> bool:
    """True when ``text`` is a valid lexical form of ``datatype`` (a full IRI), or the type is not checked.

    >>> well_formed("2016-02-29", _XSD + "date"), well_formed("2017-02-29", _XSD + "date")
    (True, False)
    >>> well_formed("300", _XSD + "unsignedByte"), well_formed(" 12", _XSD + "integer")
    (False, False)
    """
    rule = RULES.get(datatype)
    return rule is None or rule(text)


def check(files: Iterable[DataFile]) -> list[Finding]:
    """One finding for each ill-formed literal of ``files`` (each literal once per file)."""
    out = []
    seen = set()
    for f, q in triples(files):
        term = q.object
        if type(term).__name__ != "Literal" or term.language or well_formed(term.value, term.datatype.value):
            continue
        if (f.path, q.subject, q.predicate, term) in seen:
            continue
        seen.add((f.path, q.subject, q.predicate, term))
        line, column = f.locate(term, q.subject)
        out.append(Finding(
            focus=node(q.subject), path=compact(q.predicate.value),
            message=f"{shown_text(term.value)} is not a valid {compact(term.datatype.value)}",
            value=shown_literal(term.value, None, term.datatype.value),
            file=str(f.path), line=line, column=column))
    return out

