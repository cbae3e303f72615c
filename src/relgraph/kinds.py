"""Kinds of entity, as a person sorts them: government body, organisation, institution, post, event, ...

Each RDF class maps to one kind; an entity with several classes takes the first kind in :data:`KINDS` that
matches. The network view colours and shapes nodes by kind; the analysis commands report it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .namespaces import PREFIXES

P = PREFIXES


@dataclass(frozen=True)
class Kind:
    """A kind of entity: a key, English and Dutch names, and the classes that make an entity of this kind."""

    key: str
    en: str
    nl: str
    classes: tuple[str, ...]


KINDS: tuple[Kind, ...] = (
    Kind("unnamed", "unnamed party", "niet-genoemde partij", (P["rg"] + "UnnamedParty",)),
    Kind("government", "government body", "overheidsorgaan", (P["cv"] + "PublicOrganisation",)),
    Kind("institution", "knowledge or cultural institution", "kennis- of cultuurinstelling",
         (P["schema"] + "CollegeOrUniversity", P["schema"] + "Museum", P["schema"] + "EducationalOrganization",
          P["schema"] + "ResearchOrganization")),
    Kind("organisation", "organisation or company", "organisatie of bedrijf",
         (P["org"] + "Organization", P["org"] + "FormalOrganization", P["org"] + "OrganizationalUnit",
          P["org"] + "OrganizationalCollaboration", P["schema"] + "Organization", P["schema"] + "Corporation",
          P["schema"] + "Brand")),
    Kind("post", "post or person", "functie of persoon",
         (P["org"] + "Post", P["foaf"] + "Person", P["schema"] + "Person")),
    Kind("event", "event", "gebeurtenis", (P["schema"] + "Event", P["cv"] + "PublicEvent")),
    Kind("agreement", "agreement", "overeenkomst", (P["rg"] + "Agreement",)),
    Kind("outcome", "outcome", "resultaat", (P["rg"] + "Outcome",)),
    Kind("objective", "objective", "doelstelling", (P["rg"] + "Objective",)),
    Kind("lesson", "lesson learned", "geleerde les", (P["rg"] + "LessonLearned",)),
    Kind("decision", "decision or document", "besluit of document",
         (P["rg"] + "Decision", P["prov"] + "Entity", P["schema"] + "DigitalDocument")),
    Kind("theme", "theme", "thema", (P["rg"] + "Theme", P["skos"] + "Concept")),
    Kind("place", "place", "plaats", (P["schema"] + "Place",)),
)

OTHER = Kind("other", "other", "overig", ())
BY_KEY = {k.key: k for k in (*KINDS, OTHER)}

#: Classes whose instances are relations (drawn as edges), not entities (drawn as nodes).
RELATION_CLASSES = frozenset({P["org"] + "Membership", P["cv"] + "Participation", P["rg"] + "SisterRelationship"})


def kind_of(classes: Iterable[str]) -> Kind:
    """The kind of an entity with the given classes.

    >>> kind_of(["http://www.w3.org/ns/org#Post"]).key
    'post'
    """
    have = set(classes)
    for kind in KINDS:
        if have.intersection(kind.classes):
            return kind
    return OTHER
