"""The SHACL checks of one value on its own (``sh:datatype``, ``sh:nodeKind``, ``sh:minLength``, ``sh:languageIn``,
``sh:in``, ``sh:minInclusive``), written as pySHACL 0.40 evaluates them, for the fast path of :mod:`.engine`.

Values are rdflib terms made from Oxigraph's as :mod:`.shacl` makes them for pySHACL, so an ill-typed literal
(``"2017-13-45"^^xsd:date``) fails ``sh:datatype`` here as it does there.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from ..namespaces import compact
from .report import shown_literal

_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SH = "http://www.w3.org/ns/shacl#"

#: The node kinds each kind of term matches.
_KINDS = {"URIRef": {"IRI", "BlankNodeOrIRI", "IRIOrLiteral"},
          "BNode": {"BlankNode", "BlankNodeOrIRI", "BlankNodeOrLiteral"},
          "Literal": {"Literal", "BlankNodeOrLiteral", "IRIOrLiteral"}}


def rdflib_term(term: Any) -> Any:
    """An Oxigraph term as rdflib's (a literal with its language or datatype), as pySHACL is given it."""
    import rdflib

    kind = type(term).__name__
    if kind == "NamedNode":
        return rdflib.URIRef(term.value)
    if kind == "BlankNode":
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def shown_term(term: Any) -> str:
    """A value as it would be written in Turtle, with compact IRIs and long text cut short."""
    from rdflib import BNode, Literal

    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype is not None else None
        return shown_literal(str(term), term.language, datatype)
    if isinstance(term, BNode):
        return f"_:{term}"
    return compact(str(term))


def plain_value_ok(name: str, param: Any, v: Any) -> bool | None:
    """:func:`value_ok` for an Oxigraph term, where the answer does not need rdflib's reading of the value (a
    language-tagged string, a length, a language, a node kind); None where it does."""
    kind = type(v).__name__
    if name == "datatype" and param == _RDF + "langString":
        return kind == "Literal" and bool(v.language)  # rdflib: a tagged literal is a str, any other is not
    if name == "minLength":
        return kind != "BlankNode" and len(v.value) >= param
    if name == "languageIn":
        if kind != "Literal" or not v.language:
            return False
        lang = str(v.language)
        return "*" in param or lang.lower() in param or lang.split("-")[0].lower() in param
    if name == "nodeKind":
        return str(param).removeprefix(_SH) in _KINDS[{"NamedNode": "URIRef", "BlankNode": "BNode"}.get(kind, kind)]
    return None


def value_ok(name: str, param: Any, v: Any) -> bool:
    """Whether the value ``v`` (an rdflib term) passes the constraint ``name`` with its parameter ``param``: the
    datatype or node kind as an IRI, a number, the languages (lower case) or the values as a set."""
    from rdflib import BNode, Literal

    if name == "datatype":
        return isinstance(v, Literal) and _datatype_ok(v, str(param))
    if name == "nodeKind":
        return str(param).removeprefix(_SH) in _KINDS[type(v).__name__ if not isinstance(v, Literal) else "Literal"]
    if name == "minLength":
        return not isinstance(v, BNode) and len(str(v)) >= param
    if name == "languageIn":
        return _language_ok(param, v)
    if name == "in":
        return v in param
    if name == "minInclusive":
        return _at_least(v, param)
    raise ValueError(f"not a value check: {name}")  # pragma: no cover


def _datatype_ok(v: Any, rule: str) -> bool:
    datatype = str(v.datatype) if v.datatype is not None else None
    if datatype == rule:
        return getattr(v, "ill_typed", None) is not True and _actual(v, rule)
    if rule == _RDFS + "Literal" or (rule == _RDFS + "Datatype" and datatype):
        return True
    if datatype is None and v.language is None and rule == _XSD + "string":
        return _actual(v, rule)
    return rule == _RDF + "langString" and bool(v.language) and _actual(v, rule)


def _actual(v: Any, rule: str) -> bool:
    kinds: dict[str, Any] = {_XSD + "string": (str, bytes), _RDF + "langString": (str, bytes), _XSD + "integer": int,
                             _XSD + "float": float, _XSD + "decimal": Decimal, _XSD + "boolean": bool,
                             _XSD + "date": date, _XSD + "time": time, _XSD + "dateTime": datetime}
    return rule not in kinds or isinstance(v.value, kinds[rule])


def _language_ok(need: frozenset[str], v: Any) -> bool:
    from rdflib import Literal

    if not isinstance(v, Literal) or not v.language:
        return False
    lang = str(v.language)
    return "*" in need or lang.lower() in need or lang.split("-")[0].lower() in need


def _at_least(v: Any, least: Any) -> bool:
    from pyshacl.rdfutil.compare import compare_literal
    from rdflib import Literal

    if not isinstance(v, Literal) or isinstance(least.value, str) != isinstance(v.value, str):
        return False
    try:
        return bool(compare_literal(v, least) >= 0)
    except (TypeError, NotImplementedError):
        return False
