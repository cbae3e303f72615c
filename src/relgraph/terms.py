"""RDF terms as plain Python strings, the same whichever engine answered.

An :class:`IRI`, a :class:`BNode` and a :class:`Literal` are ``str`` subclasses, so result rows can be used as
ordinary text, while still telling an entity from a value. ``Literal.value`` gives the Python value (int, Decimal,
float, bool, datetime.date, str).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal, InvalidOperation
from typing import Any

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class IRI(str):
    """An IRI, e.g. ``IRI("https://w3id.org/relgraph/utrecht-guangdong/doftec")``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"IRI({str.__repr__(self)})"


class BNode(str):
    """A blank node, by its identifier within one result."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"BNode({str.__repr__(self)})"


class Literal(str):
    """A literal: its lexical form as the string, with ``datatype`` and ``lang``."""

    __slots__ = ("datatype", "lang")
    datatype: str
    lang: str | None

    def __new__(cls, lexical: str, datatype: str | None = None, lang: str | None = None) -> Literal:
        self = super().__new__(cls, lexical)
        self.lang = lang.lower() if lang else None
        self.datatype = RDF_LANGSTRING if lang else (datatype or XSD + "string")
        return self

    def __repr__(self) -> str:
        extra = f", lang={self.lang!r}" if self.lang else (
            "" if self.datatype == XSD + "string" else f", datatype={self.datatype!r}")
        return f"Literal({str.__repr__(self)}{extra})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Literal):
            return (str(self), self.datatype, self.lang) == (str(other), other.datatype, other.lang)
        return str.__eq__(self, other)

    def __hash__(self) -> int:
        return str.__hash__(self)

    @property
    def value(self) -> Any:
        """The Python value: int, Decimal, float, bool, datetime.date or datetime.datetime; else the text."""
        kind = self.datatype[len(XSD):] if self.datatype.startswith(XSD) else ""
        text = str(self)
        try:
            if kind in {"integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
                        "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong"}:
                return int(text)
            if kind == "decimal":
                return Decimal(text)
            if kind in {"double", "float"}:
                return float(text)
            if kind == "boolean":
                return text in {"true", "1"}
            if kind == "date":
                return _dt.date.fromisoformat(text)
            if kind == "dateTime":
                return _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except (ValueError, InvalidOperation):
            return text
        return text


Term = IRI | BNode | Literal


def python_to_term(value: object) -> Term:
    """Turn a Python value into a term for binding: IRI/Literal as given, int, float, bool, date, else a string."""
    if isinstance(value, (IRI, BNode, Literal)):
        return value
    if isinstance(value, bool):
        return Literal("true" if value else "false", XSD + "boolean")
    if isinstance(value, int):
        return Literal(str(value), XSD + "integer")
    if isinstance(value, float):
        return Literal(repr(value), XSD + "double")
    if isinstance(value, Decimal):
        return Literal(str(value), XSD + "decimal")
    if isinstance(value, _dt.datetime):
        return Literal(value.isoformat(), XSD + "dateTime")
    if isinstance(value, _dt.date):
        return Literal(value.isoformat(), XSD + "date")
    return Literal(str(value))
