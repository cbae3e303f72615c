"""The terms the network projection reads, as data: which resources are entities, which properties become
node attributes, which links become edges.

The same lists are written in SPARQL in ``relgraph/sparql/entities.rq`` and ``edges.rq`` (the reference the
fast reading is tested against); a test checks that both say the same.
"""

from __future__ import annotations

from ..namespaces import CV, DCT, LABEL_PROPERTIES, ORG, OWL, PROV, RDF, RDFS, RG, SCHEMA, SKOS

#: Node attributes that hold every value a property has (sorted), in the order a node lists them.
MULTI = ("classes", "quotes", "same_as", "unknown", "alt_labels")

#: The property each node attribute is read from, in order of preference: a single-valued attribute takes the
#: value of the first property that has one (``start``: schema:startDate before dct:date); of several values,
#: the one in the language asked for as labels fall back (:func:`relgraph.labels.preference`), the least text
#: of equals.
FIELD: dict[str, str] = {
    RDF.type: "classes", RG.quote: "quotes", SCHEMA.sameAs: "same_as", RG.unknown: "unknown",
    SKOS.altLabel: "alt_labels", SCHEMA.startDate: "start", SCHEMA.endDate: "end", DCT.date: "start",
    RG.dateSigned: "signed", RG.status: "status", RG.count: "count", RG.holderNamed: "holder_named",
    RG.certainty: "certainty", RG.reasoning: "reasoning", PROV.hadPrimarySource: "source",
    SKOS.definition: "definition", RG.subject: "subject", RG.agreementKind: "agreement_kind",
    RG.rationale: "rationale", SKOS.note: "note",
}
#: Properties kept as Python values (int, ...), not text.
VALUES = frozenset({RG.count, RG.holderNamed})
#: Where a node's names come from, the most preferred first (a label beats a prefLabel in the same language).
LABELS: tuple[str, ...] = LABEL_PROPERTIES
#: Resources of these classes are relations, schema or vocabulary, never entities.
NOT_ENTITY = frozenset({
    ORG.Membership, CV.Participation, RG.SisterRelationship, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
    OWL.Ontology, SKOS.ConceptScheme, RG.Status, RG.Role, RG.AgreementKind})

#: Qualified relations, by class: (source property, target property, role property, kind when no role).
QUALIFIED: dict[str, tuple[str, str, str, str]] = {
    ORG.Membership: (ORG.member, ORG.organization, ORG.role, ORG.member),
    CV.Participation: (RG.agent, RG.event, CV.role, RG.agent),
}
#: Direct links: each statement of one of these between two entities is an edge, carried by its subject.
DIRECT: tuple[str, ...] = (
    ORG.unitOf, ORG.postIn, ORG.heldBy, RG.NS + "governs", RG.NS + "location", SCHEMA.superEvent,
    SCHEMA.NS + "containedInPlace", RG.theme, SKOS.broader, RG.NS + "objective", RG.resultOf, RG.NS + "involves",
    RG.lessonFrom, RG.NS + "statedBy", RG.NS + "decidedBy", RG.NS + "implements", DCT.NS + "creator",
    RG.NS + "addressee", RG.NS + "signatory", RG.NS + "underFlagOf", RG.signedAt)
#: Properties that never make a plain edge (every other IRI-to-IRI link between two entities does).
NOT_EDGE = frozenset({
    RDF.type, PROV.hadPrimarySource, SCHEMA.sameAs, SKOS.NS + "inScheme", SKOS.NS + "topConceptOf",
    RG.NS + "territory", RG.status, CV.role, ORG.role, RG.agreementKind, RG.certainty, ORG.member,
    ORG.organization, RG.agent, RG.event, RG.party, *DIRECT, RDFS.subClassOf, RDFS.NS + "subPropertyOf",
    RDFS.NS + "domain", RDFS.NS + "range", RDFS.NS + "isDefinedBy", OWL.sameAs})
