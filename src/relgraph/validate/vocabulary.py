"""Unknown classes and properties: a term of a vocabulary relgraph knows that the vocabulary does not define.

This module owns what the known terms are. The vocabularies checked are those of :data:`CHECKED` (rg, org, cv,
schema, prov, skos, dct, foaf, time; their IRIs are in :data:`relgraph.namespaces.PREFIXES`); terms of any other
namespace (wd:, tooi:, the data's own ug:) are not checked. A term is known when

- the dataset's ontology files (``ontology*.ttl``) declare it: a subject typed ``owl:Class``, ``rdfs:Class``,
  ``owl:ObjectProperty``, ``owl:DatatypeProperty``, ``owl:AnnotationProperty`` or ``rdf:Property``, or one
  with an ``rdfs:label`` there. This is the only source of rg: terms;
- rdflib's ``DefinedNamespace`` of the vocabulary lists it (org, prov, skos, dct, foaf, time, and schema.org as
  ``https://schema.org/``);
- for cv: (``http://data.europa.eu/m8g/``, which rdflib lacks), it is in :data:`CV_TERMS`.

Each class (the object of ``rdf:type``) and each property (a predicate) that is not known is reported once per
file, where it is first written, with the nearest known term of its vocabulary (``difflib``, ignoring case):
``unknown class rg:Descision (did you mean rg:Decision?)``. A resource of an unknown class is returned as well,
so that the shapes that require a source still apply to it (see :func:`relgraph.validate.shacl.check`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import lru_cache

from ..namespaces import PREFIXES, compact
from .files import DataFile, node, triples
from .report import Finding

#: The prefixes (of :data:`relgraph.namespaces.PREFIXES`) whose terms are checked.
CHECKED = ("rg", "org", "cv", "schema", "prov", "skos", "dct", "foaf", "time")

#: The cv: terms known without an ontology declaring them: the Core Public Organisation Vocabulary 2.1.1 and the
#: Core Public Event Vocabulary 1.1 (SEMIC), both in ``http://data.europa.eu/m8g/``.
CV_TERMS = frozenset((
    # CPOV 2.1.1
    "PublicOrganisation", "ContactPoint", "ImageObject", "ReferenceFramework", "contactPage", "email", "telephone",
    "frequency",
    # CPEV 1.1 (besides the terms it shares with CPOV)
    "PublicEvent", "Participation", "accessibility", "audience", "eventNumber", "eventStatus",
    "expectedNumberOfParticipants", "format", "registrationPage", "role",
))

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_DECLARING = frozenset({
    "http://www.w3.org/2002/07/owl#Class", "http://www.w3.org/2000/01/rdf-schema#Class",
    "http://www.w3.org/2002/07/owl#ObjectProperty", "http://www.w3.org/2002/07/owl#DatatypeProperty",
    "http://www.w3.org/2002/07/owl#AnnotationProperty", "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property",
})
_CUTOFF = 0.7


@lru_cache(maxsize=1)
def defined_terms() -> frozenset[str]:
    """The full IRIs of every term of the checked vocabularies that rdflib defines, and of :data:`CV_TERMS`."""
    from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS, TIME

    terms = {PREFIXES["cv"] + name for name in CV_TERMS}
    for ns in (ORG, PROV, SKOS, DCTERMS, FOAF, TIME, SDO):
        names = [*getattr(ns, "__annotations__", {}), *getattr(ns, "_extras", ())]
        terms |= {str(ns._NS) + name for name in names if not name.startswith("_")}
    return frozenset(terms)


def declared_terms(files: Iterable[DataFile]) -> set[str]:
    """The IRIs the ontology files among ``files`` declare (typed as a class or property, or labelled)."""
    out = set()
    for _, q in triples(f for f in files if f.ontology):
        p = q.predicate.value
        if type(q.subject).__name__ == "NamedNode" and (
                p == _LABEL or (p == _RDF_TYPE and q.object.value in _DECLARING)):
            out.add(q.subject.value)
    return out


def check(files: list[DataFile]) -> tuple[list[Finding], set[str]]:
    """The unknown classes and properties of ``files``, and the resources typed with an unknown class."""
    namespaces = tuple(PREFIXES[p] for p in CHECKED)
    known = defined_terms() | declared_terms(files)
    findings, untargeted = [], set()
    seen: set[tuple[object, str]] = set()
    for f, q in triples(files):
        used = [(q.predicate, "property")]
        if q.predicate.value == _RDF_TYPE and type(q.object).__name__ == "NamedNode":
            used.append((q.object, "class"))
        for term, kind in used:
            iri = term.value
            if iri in known or not iri.startswith(namespaces):
                continue
            if kind == "class":
                untargeted.add(node(q.subject))
            if (f.path, iri) in seen:
                continue
            seen.add((f.path, iri))
            line, column = f.locate(term)
            findings.append(Finding(
                focus=node(q.subject), path="rdf:type" if kind == "class" else compact(iri),
                message=f"unknown {kind} {compact(iri)}{_hint(iri, kind, known, namespaces)}", value=compact(iri),
                file=str(f.path), line=line, column=column))
    return findings, untargeted


def suggestion(iri: str, kind: str, known: Iterable[str], namespaces: Iterable[str]) -> str | None:
    """The known term nearest to ``iri``: in its own vocabulary, a class for a class and a property for a
    property (by the case of the first letter) where one is close enough; else the same name in another of
    ``namespaces``; else None.

    >>> suggestion("https://schema.org/enddate", "property", ["https://schema.org/endDate"], ["https://schema.org/"])
    'https://schema.org/endDate'
    """
    ns = max((n for n in namespaces if iri.startswith(n)), key=len)
    local = iri[len(ns):]
    same = [k for k in known if k.startswith(ns) and "/" not in k[len(ns):] and "#" not in k[len(ns):]]
    kind_of = [k for k in same if k[len(ns):][:1].isupper() == (kind == "class")]
    for pool in (kind_of, same):
        by_lower = {k[len(ns):].lower(): k for k in sorted(pool)}
        close = difflib.get_close_matches(local.lower(), list(by_lower), n=1, cutoff=_CUTOFF)
        if close:
            return by_lower[close[0]]
    elsewhere = sorted(k for k in known if k.startswith(tuple(namespaces)) and not k.startswith(ns)
                       and k.rsplit("/", 1)[-1].rsplit("#", 1)[-1].lower() == local.lower())
    return elsewhere[0] if elsewhere else None


def _hint(iri: str, kind: str, known: Iterable[str], namespaces: tuple[str, ...]) -> str:
    near = suggestion(iri, kind, known, namespaces)
    if near is not None:
        return f" (did you mean {compact(near)}?)"
    prefix = compact(iri).split(":", 1)[0]
    return f" (no {prefix}: term is close; a new term is declared in the ontology)"

