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


def _terms(ns: str, names: str) -> dict[str, str]:
    return {name: ns + name for name in names.split()}


class RG(metaclass=_Closed):
    """Own terms of the relgraph ontology (``data/ontology.ttl``) that the code uses."""

    NS = RG_NS
    locals().update(_terms(RG_NS, """Agreement SisterRelationship Outcome Objective LessonLearned Decision
        UnnamedParty Theme Status Role AgreementKind quote party status certainty reasoning unknown Inferred count
        holderNamed subject dateSigned agreementKind rationale theme signedAt resultOf lessonFrom agent event
        Active Ended"""))


class ORG(metaclass=_Closed):
    """W3C Organization Ontology terms the code uses."""

    NS = PREFIXES["org"]
    locals().update(_terms(NS, """Organization FormalOrganization OrganizationalUnit OrganizationalCollaboration
        Post Membership member organization role memberDuring unitOf postIn heldBy"""))


class CV(metaclass=_Closed):
    """EU Core Public Organisation / Public Event vocabulary terms the code uses."""

    NS = PREFIXES["cv"]
    locals().update(_terms(NS, "PublicOrganisation PublicEvent Participation role"))


class SCHEMA(metaclass=_Closed):
    """schema.org terms the code uses (``https://schema.org/``)."""

    NS = PREFIXES["schema"]
    locals().update(_terms(NS, """name startDate endDate sameAs superEvent Event Place Person Organization Museum
        CollegeOrUniversity EducationalOrganization ResearchOrganization Corporation Brand DigitalDocument
        datePublished publisher url"""))


class SKOS(metaclass=_Closed):
    """SKOS terms the code uses."""

    NS = PREFIXES["skos"]
    locals().update(_terms(NS, "prefLabel altLabel definition note broader Concept ConceptScheme"))


class PROV(metaclass=_Closed):
    """PROV-O terms the code uses."""

    NS = PREFIXES["prov"]
    locals().update(_terms(NS, "Entity hadPrimarySource startedAtTime endedAtTime"))


class RDF(metaclass=_Closed):
    NS = PREFIXES["rdf"]
    locals().update(_terms(NS, "type Property langString"))


class RDFS(metaclass=_Closed):
    NS = PREFIXES["rdfs"]
    locals().update(_terms(NS, "label comment Class subClassOf"))


class OWL(metaclass=_Closed):
    NS = PREFIXES["owl"]
    locals().update(_terms(NS, "Class ObjectProperty DatatypeProperty Ontology sameAs"))


class DCT(metaclass=_Closed):
    NS = PREFIXES["dct"]
    locals().update(_terms(NS, "date title"))


class FOAF(metaclass=_Closed):
    NS = PREFIXES["foaf"]
    locals().update(_terms(NS, "name Person"))


class TIME(metaclass=_Closed):
    """OWL-Time terms the code uses."""

    NS = PREFIXES["time"]
    locals().update(_terms(NS, """Interval Instant hasBeginning hasEnd inXSDDate inXSDDateTimeStamp inXSDDateTime
        inXSDgYear inXSDgYearMonth"""))


class XSD(metaclass=_Closed):
    NS = PREFIXES["xsd"]
    locals().update(_terms(NS, "string integer date gYear gYearMonth dateTime"))


#: Where a name is found, in the order tried: rdfs:label and skos:prefLabel first, then schema:name (both
#: schemes) and foaf:name for data that uses those.
LABEL_PROPERTIES: Final = (RDFS.label, SKOS.prefLabel, SCHEMA.name, "http://schema.org/name", FOAF.name)
#: The label properties and the alternative labels: every name a person may type for an entity.
NAME_PROPERTIES: Final = (*LABEL_PROPERTIES, SKOS.altLabel)
#: Classes of schema, not of things: a resource of one of these is never an entity a person looks for by name.
META_CLASSES: Final = frozenset({OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.Ontology, RDFS.Class,
                                 RDF.Property, SKOS.ConceptScheme})


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
