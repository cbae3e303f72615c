"""Vocabularies relgraph reads and writes, and the prefixes used to show IRIs compactly.

Own terms live in :class:`RG`, a ``DefinedNamespace``-style class with typo protection: a misspelt term fails
at import, not silently in a query. It is a plain class so that importing it does not import rdflib.
"""

from __future__ import annotations

from typing import Final

RG_NS: Final = "https://w3id.org/relgraph/ontology#"

#: The prefixes relgraph knows. Used to compact IRIs in tables and to expand prefixed names given by users.
PREFIXES: Final[dict[str, str]] = {
    "rg": RG_NS,
    "ug": "https://w3id.org/relgraph/utrecht-guangdong/",
    "org": "http://www.w3.org/ns/org#",
    "cv": "http://data.europa.eu/m8g/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
    "time": "http://www.w3.org/2006/time#",
    "wd": "http://www.wikidata.org/entity/",
    "tooi": "https://identifier.overheid.nl/tooi/id/",
}


class _Closed(type):
    """Metaclass that turns attribute access into full IRIs and refuses terms that are not declared."""

    def __getattr__(cls, name: str) -> str:
        raise AttributeError(f"term {name!r} is not in {cls.__name__}")


class RG(metaclass=_Closed):
    """Own terms of the relgraph ontology (``data/ontology.ttl``)."""

    Agreement = RG_NS + "Agreement"
    SisterRelationship = RG_NS + "SisterRelationship"
    Outcome = RG_NS + "Outcome"
    Objective = RG_NS + "Objective"
    LessonLearned = RG_NS + "LessonLearned"
    Decision = RG_NS + "Decision"
    UnnamedParty = RG_NS + "UnnamedParty"
    Theme = RG_NS + "Theme"
    quote = RG_NS + "quote"
    party = RG_NS + "party"
    status = RG_NS + "status"
    certainty = RG_NS + "certainty"
    reasoning = RG_NS + "reasoning"
    unknown = RG_NS + "unknown"
    Inferred = RG_NS + "Inferred"


def compact(iri: str, prefixes: dict[str, str] = PREFIXES) -> str:
    """Return ``prefix:local`` for an IRI under a known prefix, else ``<iri>``.

    >>> compact("https://w3id.org/relgraph/utrecht-guangdong/doftec")
    'ug:doftec'
    """
    best = ""
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and len(ns) > len(prefixes.get(best, "")):
            local = iri[len(ns):]
            if local and all(c.isalnum() or c in "-_." for c in local):
                best = prefix
    return f"{best}:{iri[len(prefixes[best]):]}" if best else f"<{iri}>"


def expand(name: str, prefixes: dict[str, str] = PREFIXES) -> str | None:
    """Return the full IRI of a prefixed name or ``<iri>``; None when ``name`` is neither."""
    if name.startswith("<") and name.endswith(">"):
        return name[1:-1]
    if "://" in name or name.startswith("urn:"):
        return name
    prefix, sep, local = name.partition(":")
    if sep and prefix in prefixes and " " not in local:
        return prefixes[prefix] + local
    return None
